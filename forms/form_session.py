"""One form for one or more items (一表申请): shared questions asked once, split back per item.

Build it with the chosen items and whatever is already known (the card read, the agent's
card, electronic licences, the applicant's previous case) as a flat prefill mapping::

    session = FormSession(catalog, ["<item code>", ...], prefill={"card.name": "张三", ...})
    session.set_value("applicant.phone", "13800138000")   # what the clerk typed
    session.state("applicant.name").source                 # "card.name"
    session.errors()                                       # {key: Chinese message}
    session.split_by_item()                                # {item code: {key: json value}}

Each value remembers its source: a binding path (``card.name`` …), ``typed`` when the
clerk entered or changed it, ``computed`` for rule-computed fields. Rules (CEL, see
``forms.rules``) decide visibility, conditional requirement, computed values and
cross-field checks; a hidden field is neither validated nor submitted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from forms.applicants import IdType, check_number, normalise_number
from forms.catalog import Catalog
from forms.field_values import Coerced, coerce, is_empty, to_json
from forms.parent_roles import parent_bindings
from forms.regions import RegionIndex
from forms.rules import RuleError, compile_rule
from forms.spec import FieldSpec, Item
from forms.validators import parse_id_number
from forms.vocabulary import QT_TRANSLATE_NOOP

# A required field left empty (the window shows them translated: ui/widgets/words.py)
REQUIRED_ENTRY = QT_TRANSLATE_NOOP("FormSession", "请填写「%1」")
REQUIRED_CHOICE = QT_TRANSLATE_NOOP("FormSession", "请选择「%1」")

TYPED = "typed"
COMPUTED = "computed"


def agent_bindings(card_prefill: Mapping[str, Any]) -> dict[str, Any]:
    """The agent's card read (``card.*`` keys) as ``agent.*`` bindings (帮办代办)."""
    return {"agent." + k.removeprefix("card."): v for k, v in card_prefill.items()
            if k.startswith("card.")}


@dataclass
class FieldState:
    spec: FieldSpec
    value: Any = None
    raw: Any = None  # what was last handed in, kept so a bad entry is not lost
    source: str = ""  # "" empty, "typed", "computed", or a prefill binding path
    prefilled_from: str = ""  # the binding that first filled it, even after an edit
    error: str = ""
    warning: str = ""
    visible: bool = True
    required: bool = False

    @property
    def filled(self) -> bool:
        return not is_empty(self.value)


class FormSession:
    def __init__(
        self,
        catalog: Catalog,
        item_codes: Iterable[str],
        *,
        prefill: Mapping[str, Any] | None = None,
        regions: RegionIndex | None = None,
        today: date | None = None,
    ) -> None:
        self.items: list[Item] = [catalog.item(code) for code in item_codes]
        self.regions = regions
        self.today = today or date.today()
        self.prefill = {k: v for k, v in (prefill or {}).items() if not is_empty(v)}
        self.parents_swapped = False
        self.prefill.update(parent_bindings(self.prefill))
        self.item_fields: dict[str, list[str]] = {}
        self._states: dict[str, FieldState] = {}
        for item in self.items:
            self.item_fields[item.code] = [f.key for f in item.fields]
            for spec in item.fields:
                self._merge(spec)
        self._apply_prefill()
        self.refresh()

    # -- building --------------------------------------------------------------------
    def _merge(self, spec: FieldSpec) -> None:
        """A key asked by several items is one question, required if any item requires it."""
        have = self._states.get(spec.key)
        if have is None:
            self._states[spec.key] = FieldState(spec)
            return
        merged = have.spec
        if merged.required or spec.required:
            merged = replace(merged, required=True, required_when=None)
        elif spec.required_when and spec.required_when != merged.required_when:
            either = (f"({merged.required_when}) || ({spec.required_when})"
                      if merged.required_when else spec.required_when)
            merged = replace(merged, required_when=either)
        extra = tuple(p for p in spec.prefill if p not in merged.prefill)
        have.spec = replace(merged, prefill=merged.prefill + extra)

    def _apply_prefill(self) -> None:
        for state in self._states.values():
            for binding in state.spec.prefill:
                if binding in self.prefill:
                    self._assign(state, self.prefill[binding], binding)
                    state.prefilled_from = binding
                    break

    def swap_parents(self) -> None:
        """The clerk says the card holder is the other parent: exchange the role prefill
        (fields the clerk typed are left alone)."""
        self.parents_swapped = not self.parents_swapped
        self.prefill = {k: v for k, v in self.prefill.items() if not k.startswith("parent.")}
        self.prefill.update(parent_bindings(self.prefill, swapped=self.parents_swapped))
        for state in self._states.values():
            binding = next((b for b in state.spec.prefill if b.startswith("parent.")), None)
            if binding is None or state.source == TYPED:
                continue
            self._assign(state, self.prefill.get(binding), binding)
            state.prefilled_from = binding if binding in self.prefill else ""
        self.refresh()

    # -- reading ---------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        """Field keys in asking order (first item first, a shared field where first asked)."""
        return list(self._states)

    def state(self, key: str) -> FieldState:
        return self._states[key]

    def spec(self, key: str) -> FieldSpec:
        return self._states[key].spec

    def value(self, key: str) -> Any:
        return self._states[key].value

    def visible_keys(self) -> list[str]:
        return [k for k, s in self._states.items() if s.visible]

    def shared_keys(self) -> list[str]:
        """Keys asked by more than one of the chosen items (answered once for all)."""
        return [k for k in self._states
                if sum(k in keys for keys in self.item_fields.values()) > 1]

    def rule_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {k: s.value for k, s in self._states.items()}
        values["today"] = self.today
        return values

    def errors(self) -> dict[str, str]:
        return {k: s.error for k, s in self._states.items() if s.visible and s.error}

    def warnings(self) -> dict[str, str]:
        return {k: s.warning for k, s in self._states.items() if s.visible and s.warning}

    @property
    def is_valid(self) -> bool:
        return not self.errors()

    def sources(self) -> dict[str, str]:
        return {k: s.source for k, s in self._states.items() if s.visible and s.filled}

    def values(self) -> dict[str, Any]:
        """Visible, filled values as JSON (dates ISO, money strings, regions code+name)."""
        return {k: to_json(s.spec, s.value, self.regions)
                for k, s in self._states.items() if s.visible and s.filled}

    def split_by_item(self) -> dict[str, dict[str, Any]]:
        """Per item, the answers to its own questions (shared ones copied to each)."""
        values = self.values()
        return {code: {k: values[k] for k in keys if k in values}
                for code, keys in self.item_fields.items()}

    # -- writing ---------------------------------------------------------------------
    def set_value(self, key: str, raw: Any, *, source: str = TYPED) -> FieldState:
        """Hand in a widget's content (text or typed value); validates and re-runs rules."""
        state = self._states[key]
        if source == TYPED and state.source not in ("", TYPED) and raw == state.raw:
            return state  # re-emitted unchanged (e.g. focus change): keep the source
        self._assign(state, raw, source)
        self.refresh()
        return state

    def _assign(self, state: FieldState, raw: Any, source: str) -> None:
        got = self._coerce(state, raw, source)
        state.raw = raw
        state.value = got.value if not got.error else None
        state.error = got.error
        state.warning = got.warning
        state.source = source if (got.value is not None or got.error) else ""

    def _coerce(self, state: FieldState, raw: Any, source: str) -> Coerced:
        kind = self._read_id_type(source) if state.spec.type == "id_number" else None
        if kind is None or kind is IdType.RESIDENT or is_empty(raw):
            return coerce(state.spec, raw, self.regions)
        # a number read from a residence permit or foreigner card: checked as that
        # document's number, not as a 居民身份证 number (GB 11643)
        message = check_number(kind.value, str(raw))
        return Coerced(error=message) if message else Coerced(normalise_number(str(raw)))

    def _read_id_type(self, source: str) -> IdType | None:
        """The type of the card a binding came from (``card.id_number`` → the card's)."""
        prefix, _, leaf = source.rpartition(".")
        if leaf != "id_number" or not prefix:
            return None
        label = self.prefill.get(f"{prefix}.id_type")
        return next((t for t in IdType if t.label == label), None)

    def refresh(self) -> None:
        """Re-run computed values, visibility, requirement and cross-field checks."""
        for state in self._states.values():
            if state.spec.compute:
                try:
                    computed = compile_rule(state.spec.compute).evaluate(self.rule_values())
                except RuleError:
                    computed = None
                got = coerce(state.spec, computed, self.regions)
                state.value, state.raw = got.value, computed
                state.source = COMPUTED if got.value is not None else ""
        values = self.rule_values()
        for key, state in self._states.items():
            spec = state.spec
            state.visible = (compile_rule(spec.visible_when).test(values, default=False)
                             if spec.visible_when else True)
            state.required = spec.required or (
                spec.required_when is not None
                and compile_rule(spec.required_when).test(values, default=False))
            if state.error and state.value is None and not is_empty(state.raw):
                continue  # the entry itself is bad: that message stays until it changes
            got = self._coerce(state, state.raw, state.source) \
                if state.source != COMPUTED else None
            state.error = got.error if got else ""
            state.warning = got.warning if got else ""
            if state.error:
                continue
            if state.required and not state.filled:
                asks = REQUIRED_CHOICE if spec.type in ("select", "multiselect", "region") \
                    else REQUIRED_ENTRY
                state.error = asks.replace("%1", spec.label)
                continue
            if state.filled:
                for check in spec.checks:
                    if not compile_rule(check.rule).test(values, default=True):
                        state.error = check.message
                        break
            if state.filled and not state.error:
                state.error = self._id_number_mismatch(key, state)

    def _id_number_mismatch(self, key: str, state: FieldState) -> str:
        """``x.sex`` / ``x.birth_date`` must agree with ``x.id_number`` (GB 11643 carries both)."""
        prefix, _, leaf = key.rpartition(".")
        if leaf not in ("sex", "birth_date"):
            return ""
        id_state = self._states.get(f"{prefix}.id_number" if prefix else "id_number")
        if id_state is None or not id_state.filled or id_state.error:
            return ""
        info = parse_id_number(id_state.value, today=self.today).value
        if info is None:
            return ""
        if leaf == "sex" and state.value != info.sex:
            return f"与身份证号不符：身份证号显示为{info.sex}性"
        if leaf == "birth_date" and state.value != info.birth_date:
            return f"与身份证号不符：身份证号中的出生日期为 {info.birth_date.isoformat()}"
        return ""
