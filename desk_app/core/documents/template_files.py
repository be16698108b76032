"""Print templates in ``resources/templates``: finding them and filling placeholders.

A template names values as ``{field}``. Filling is a plain lookup, not ``str.format``:
a template can neither reach attributes of the data nor run code, so a technician
may edit one safely. A placeholder the data does not have is an error naming it.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class TemplateError(ValueError):
    """A template is missing, unreadable or refers to data that does not exist."""


def default_template_dir() -> Path:
    return Path(str(resources.files("resources") / "templates"))


def load_template(kind: str, name: str, directory: Path | None = None) -> dict[str, Any]:
    """``templates/<kind>/<name>.toml`` as a dict; clear errors for the technician."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise TemplateError(f"模板名称 {name!r} 无效")
    path = (directory or default_template_dir()) / kind / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"找不到打印模板 {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"打印模板 {path} 格式错误：{exc}") from None


def fill(text: str, values: dict[str, Any]) -> str:
    def lookup(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise TemplateError(f"模板中的 {{{key}}} 没有对应的数据")
        value = values[key]
        return "" if value is None else str(value)

    return PLACEHOLDER.sub(lookup, text)


def cn_date(value: Any) -> str:
    """2026年11月21日 — the form official papers use."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
