"""JSON that a technician hands to a command, read within limits.

Python's own parser takes a 10 MB file, a list nested 100,000 deep (RecursionError)
or a 5,000-digit number (ValueError: the int-to-str limit) and answers with a
traceback or, worse, prints it all. Here the size, the nesting and each number's
length are checked first, and every refusal is a ``JsonInputError`` whose message
says what is wrong and where.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_BYTES = 256 * 1024  # a slip's data is a few hundred bytes
MAX_DEPTH = 16
MAX_NUMBER_CHARS = 20  # larger than any count, year or amount on a slip


class JsonInputError(Exception):
    """The file cannot be used; ``str()`` is the Chinese message for the technician."""


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting outside strings, without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonInputError(f"数字过长（{len(text)} 位，最多 {MAX_NUMBER_CHARS} 位）")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _constant(name: str) -> Any:
    raise JsonInputError(f"不支持的数值 {name}")


def parse_json(text: str, where: str = "数据") -> Any:
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise JsonInputError(f"{where} 嵌套过深（{depth} 层，最多 {MAX_DEPTH} 层）")
    try:
        return json.loads(text, parse_int=_number, parse_float=_number,
                          parse_constant=_constant)
    except JsonInputError as exc:
        raise JsonInputError(f"{where}：{exc}") from None
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        raise JsonInputError(f"{where} 不是有效的 JSON：{exc}") from None


def load_json_file(path: Path, max_bytes: int = MAX_BYTES) -> Any:
    where = f"数据文件 {path}"
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise JsonInputError(f"无法读取{where}：{exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise JsonInputError(f"{where} 过大（超过 {max_bytes // 1024} KB），请检查是否选错了文件")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonInputError(f"{where} 不是 UTF-8 编码的文本") from None
    return parse_json(text, where)
