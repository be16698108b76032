"""Rule expressions for visibility, required-when, computed values and cross-field checks.

Rules are written in CEL (Common Expression Language) and run by ``cel-python``: a
small, side-effect-free language with a maintained interpreter, so a catalog file can
never run code on the clerk's machine (no ``eval``). Field keys with dots become nested
maps: the rule ``applicant.age >= 18`` reads the field ``applicant.age``.

Values given to rules: text → string, number → int/double, money → double (yuan),
date → ``"YYYY-MM-DD"`` string (ISO dates compare correctly as strings), checkbox →
bool, multi-select → list, table → list of maps, empty → null.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

import celpy
from celpy import celtypes


class RuleError(Exception):
    """A rule that does not compile or cannot be evaluated; the message is Chinese."""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def nest(values: Mapping[str, Any]) -> dict[str, Any]:
    """``{"a.b": 1, "c": 2}`` → ``{"a": {"b": 1}, "c": 2}`` (a plain value wins over a map)."""
    out: dict[str, Any] = {}
    for key in sorted(values, key=lambda k: k.count(".")):
        parts = key.split(".")
        here = out
        for part in parts[:-1]:
            nxt = here.get(part)
            if not isinstance(nxt, dict):
                if part in here:
                    break  # "a" is a plain value already: "a.b" cannot live under it
                nxt = here[part] = {}
            here = nxt
        else:
            here.setdefault(parts[-1], _plain(values[key]))
    return out


def _from_cel(value: Any) -> Any:
    if isinstance(value, celtypes.BoolType):
        return bool(value)
    if isinstance(value, celtypes.IntType | celtypes.UintType):
        return int(value)
    if isinstance(value, celtypes.DoubleType):
        return float(value)
    if isinstance(value, celtypes.StringType):
        return str(value)
    if isinstance(value, celtypes.ListType):
        return [_from_cel(v) for v in value]
    if isinstance(value, celtypes.MapType):
        return {_from_cel(k): _from_cel(v) for k, v in value.items()}
    if value is None or isinstance(value, celtypes.NullType):
        return None
    return value


class Rule:
    """A compiled expression; evaluate it against flat field values."""

    def __init__(self, text: str) -> None:
        self.text = text
        env = celpy.Environment()
        try:
            self._program = env.program(env.compile(text))
        except Exception as exc:  # celpy raises lark and its own errors; all mean "bad rule"
            raise RuleError(f"规则写法有误：{text}（{str(exc).splitlines()[0][:120]}）") from None

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        try:
            # conversion too: CEL ints are 64-bit, a bigger number is a rule failure
            activation = {k: celpy.json_to_cel(v) for k, v in nest(values).items()}
            result = self._program.evaluate(activation)
        except Exception as exc:  # any interpreter failure is a rule failure
            raise RuleError(f"规则无法计算：{self.text}") from exc
        if isinstance(result, celpy.CELEvalError):
            raise RuleError(f"规则无法计算：{self.text}（{result.args[0] if result.args else ''}）")
        return _from_cel(result)

    def test(self, values: Mapping[str, Any], *, default: bool = False) -> bool:
        """Evaluate as a condition; an error (e.g. a field still empty) gives ``default``."""
        try:
            result = self.evaluate(values)
        except RuleError:
            return default
        return result if isinstance(result, bool) else default


@lru_cache(maxsize=4096)
def compile_rule(text: str) -> Rule:
    """Compile once, reuse: rules are evaluated on every keystroke of the form."""
    return Rule(text)
