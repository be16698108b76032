"""The item catalog: load a folder of YAML files, or the JSON the center publishes.

``load_catalog()`` never raises for bad content: a file that fails the schema is
skipped as a whole, an item with a semantic problem (duplicate code, unknown shared
field, a rule that does not compile…) is skipped alone, and each problem is listed in
``Catalog.errors`` with its file and line. The other files still load.

Folder layout (any ``*.yaml`` below the folder, read in sorted order): a file may hold
``fields`` (the shared field library for 一表申请), ``department`` + ``items``, and
``bundles``. See ``forms/schema/catalog.schema.json`` for the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from forms.catalog_files import CatalogError, CatalogFile, read_catalog_file
from forms.pinyin_readings import alias_problem
from forms.rules import RuleError, compile_rule
from forms.spec import Bundle, Check, FieldSpec, Item, Material, ModeSpec

FORMAT_VERSION = 1


class CatalogFormatError(ValueError):
    """Catalog JSON (from the center or a cache) that is not a catalog of our format."""


@dataclass
class Catalog:
    items: dict[str, Item] = field(default_factory=dict)
    bundles: dict[str, Bundle] = field(default_factory=dict)
    shared_fields: dict[str, FieldSpec] = field(default_factory=dict)
    errors: list[CatalogError] = field(default_factory=list)

    def item(self, code: str) -> Item:
        """The item with this code; KeyError if the catalog has none."""
        return self.items[code]

    def bundle(self, code: str) -> Bundle:
        return self.bundles[code]

    def departments(self) -> list[str]:
        return sorted({i.department for i in self.items.values()})

    def to_dict(self) -> dict[str, Any]:
        """JSON-able, in a stable order (so the center's ETag only changes with content)."""
        return {
            "format": FORMAT_VERSION,
            "items": [self.items[c].to_dict() for c in sorted(self.items)],
            "bundles": [self.bundles[c].to_dict() for c in sorted(self.bundles)],
            "shared_fields": [self.shared_fields[k].to_dict() for k in sorted(self.shared_fields)],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Catalog:
        """Rebuild from ``to_dict()`` output; anything else raises :class:`CatalogFormatError`."""
        if not isinstance(d, dict) or d.get("format") != FORMAT_VERSION:
            raise CatalogFormatError("目录数据格式不对或版本不支持")
        try:
            items = [Item.from_dict(x) for x in d["items"]]
            bundles = [Bundle.from_dict(x) for x in d.get("bundles", [])]
            shared = [FieldSpec.from_dict(x) for x in d.get("shared_fields", [])]
            for thing in (*items, *bundles, *shared):
                _check_types(thing)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            raise CatalogFormatError(f"目录数据内容有误（{type(exc).__name__}）") from exc
        return cls(
            items={i.code: i for i in items},
            bundles={b.code: b for b in bundles},
            shared_fields={f.key: f for f in shared},
        )


_TEXT_ATTRS = ("code", "name", "key", "label", "item_type", "department", "type", "kind",
               "rule", "message", "fee", "result", "form")
_TEXT_LISTS = ("item_codes", "applicant_types", "options", "prefill", "keywords", "delivery",
               "conditions")
_PART_LISTS = ("materials", "fields", "columns", "modes", "checks")


@cache
def _checked_attrs(cls: type) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The attribute names of ``cls`` each check applies to (probing every name on every
    object was most of the time a 10,000-item catalog took to load)."""
    names = {f.name for f in fields(cls)} if is_dataclass(cls) else set(vars(cls))
    return tuple(
        tuple(n for n in group if n in names) for group in (_TEXT_ATTRS, _TEXT_LISTS, _PART_LISTS)
    )


def _check_types(thing: Any) -> None:
    """Strings where strings belong: JSON from outside may carry anything in any slot."""
    texts, text_lists, part_lists = _checked_attrs(type(thing))
    for name in texts:
        if not isinstance(getattr(thing, name), str):
            raise TypeError(name)
    for name in text_lists:
        for v in getattr(thing, name):
            if not isinstance(v, str):
                raise TypeError(name)
    for name in part_lists:
        for part in getattr(thing, name):
            _check_types(part)


def sample_catalog_folder() -> Path:
    return Path(str(resources.files("resources") / "catalog"))


def load_catalog(folder: Path | None = None) -> Catalog:
    """Load every ``*.yaml`` under ``folder`` (default: the shipped sample catalog)."""
    folder = Path(folder) if folder is not None else sample_catalog_folder()
    files = [read_catalog_file(p, str(p.relative_to(folder)))
             for p in sorted(folder.rglob("*.yaml"))]
    catalog = Catalog()
    for f in files:
        catalog.errors.extend(f.errors)
    good = [f for f in files if f.data is not None]
    for f in good:  # shared fields first: items in any file may refer to them
        for i, raw in enumerate(f.data.get("fields", [])):
            _add_shared_field(catalog, f, i, raw)
    for f in good:
        for i, raw in enumerate(f.data.get("items", [])):
            _add_item(catalog, f, i, raw)
    for f in good:
        for i, raw in enumerate(f.data.get("bundles", [])):
            _add_bundle(catalog, f, i, raw)
    return catalog


def _field(raw: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        key=raw["key"], label=raw["label"], type=raw.get("type", "text"),
        required=raw.get("required", False), required_when=raw.get("required_when"),
        visible_when=raw.get("visible_when"), compute=raw.get("compute"),
        checks=tuple(Check(c["rule"], c["message"]) for c in raw.get("checks", ())),
        prefill=tuple(raw.get("prefill", ())), options=tuple(raw.get("options", ())),
        minimum=raw.get("minimum"), maximum=raw.get("maximum"), help=raw.get("help", ""),
        columns=tuple(_field(c) for c in raw.get("columns", ())),
    )


def _rules_of(spec: FieldSpec) -> list[str]:
    rules = [r for r in (spec.required_when, spec.visible_when, spec.compute) if r]
    rules += [c.rule for c in spec.checks]
    for col in spec.columns:
        rules += _rules_of(col)
    return rules


def _bad_rule(rules: list[str]) -> str | None:
    for text in rules:
        try:
            compile_rule(text)
        except RuleError as exc:
            return str(exc)
    return None


def _add_shared_field(catalog: Catalog, f: CatalogFile, i: int, raw: dict[str, Any]) -> None:
    spec = _field(raw)
    where = f.line("fields", i)
    if spec.key in catalog.shared_fields:
        catalog.errors.append(CatalogError(f.name, where, f"共享字段 {spec.key} 重复定义，已忽略"))
        return
    problem = _bad_rule(_rules_of(spec))
    if problem:
        catalog.errors.append(CatalogError(f.name, where, f"共享字段 {spec.key}：{problem}"))
        return
    catalog.shared_fields[spec.key] = spec


def _mode(raw: Any) -> ModeSpec:
    if isinstance(raw, str):
        return ModeSpec(raw)
    if "licence" in raw:
        return ModeSpec("licence", licence_type=raw["licence"])
    return ModeSpec("deferred", days=int(raw["deferred"]))


def _material(raw: dict[str, Any]) -> Material:
    return Material(
        code=raw["code"], name=raw["name"], form=raw.get("form", "original"),
        copies=raw.get("copies", 1), required_when=raw.get("required_when"),
        modes=tuple(_mode(m) for m in raw["modes"]), note=raw.get("note", ""),
    )


def _item_field(catalog: Catalog, raw: dict[str, Any]) -> FieldSpec:
    if "ref" not in raw:
        return _field(raw)
    base = catalog.shared_fields.get(raw["ref"])
    if base is None:
        raise LookupError(f"引用了未定义的共享字段 {raw['ref']}")
    overrides = {k: v for k, v in raw.items() if k != "ref"}
    return replace(base, **overrides)


def _add_item(catalog: Catalog, f: CatalogFile, i: int, raw: dict[str, Any]) -> None:
    where = f.line("items", i)
    code = raw["code"]
    department = raw.get("department") or f.data.get("department")
    problems: list[str] = []
    if not department:
        problems.append("没有写所属部门（department）")
    if code in catalog.items:
        problems.append(f"事项编码 {code} 与其他事项重复")
    if raw["promised_days"] > raw["legal_days"]:
        problems.append("承诺时限不能长于法定时限")
    fields: list[FieldSpec] = []
    for j, fr in enumerate(raw.get("fields", [])):
        try:
            fields.append(_item_field(catalog, fr))
        except LookupError as exc:
            catalog.errors.append(CatalogError(f.name, f.line("items", i, "fields", j), str(exc)))
            problems.append("字段定义有误")
    keys = [x.key for x in fields]
    if len(keys) != len(set(keys)):
        problems.append("同一事项里字段键重复")
    materials = [_material(m) for m in raw.get("materials", [])]
    if len({m.code for m in materials}) != len(materials):
        problems.append("同一事项里材料编码重复")
    rules = [r for x in fields for r in _rules_of(x)]
    rules += [m.required_when for m in materials if m.required_when]
    bad = _bad_rule(rules)
    if bad:
        problems.append(bad)
    if problems:
        catalog.errors.append(CatalogError(
            f.name, where, f"事项 {raw['name']}（{code}）未载入：{'；'.join(problems)}"))
        return
    pinyin = []
    for phrase, syllables in raw.get("pinyin", {}).items():
        phrase = str(phrase)  # YAML reads a key of digits as a number
        problem = alias_problem(phrase, syllables)
        if not problem and phrase not in raw["name"] and not any(
            phrase in k for k in raw.get("keywords", ())
        ):
            problem = f"拼音别名“{phrase}”不在事项名称或关键词中"
        if problem:  # a bad alias costs its reading only, not the item
            catalog.errors.append(CatalogError(
                f.name, f.line("items", i, "pinyin"),
                f"事项 {raw['name']}（{code}）：{problem}，已忽略该别名"))
        else:
            pinyin.append((phrase, syllables))
    catalog.items[code] = Item(
        code=code, name=raw["name"], item_type=raw["type"], department=department,
        applicant_types=tuple(raw["applicant_types"]), legal_days=raw["legal_days"],
        promised_days=raw["promised_days"],
        fee=f"{Decimal(str(raw.get('fee', 0))):.2f}", result=raw.get("result", ""),
        delivery=tuple(raw.get("delivery", ("window",))),
        conditions=tuple(raw.get("conditions", ())), materials=tuple(materials),
        fields=tuple(fields), keywords=tuple(raw.get("keywords", ())),
        frequency=raw.get("frequency", 0), pinyin=tuple(pinyin),
    )


def _add_bundle(catalog: Catalog, f: CatalogFile, i: int, raw: dict[str, Any]) -> None:
    where = f.line("bundles", i)
    missing = [c for c in raw["items"] if c not in catalog.items]
    if raw["code"] in catalog.bundles:
        catalog.errors.append(CatalogError(f.name, where, f"一件事编码 {raw['code']} 重复，已忽略"))
        return
    if missing:
        catalog.errors.append(CatalogError(
            f.name, where, f"一件事 {raw['name']} 未载入：引用了不存在的事项 {', '.join(missing)}"))
        return
    catalog.bundles[raw["code"]] = Bundle(
        code=raw["code"], name=raw["name"], item_codes=tuple(raw["items"]),
        description=raw.get("description", ""), keywords=tuple(raw.get("keywords", ())),
    )
