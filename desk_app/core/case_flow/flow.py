"""The case flow: step order, what each step needs, and the seal-then-print order.

A ``CaseFlow`` holds exactly one ``Case``. Starting another (a new ticket, a card of
another person, Ctrl+N) always gives a clean ``Case`` with a new id, so nothing of the
previous applicant — confirmation, signature, items, answers — can reach the next one.
A case with something gathered is thrown away only through ``abandon()``, which the
window calls after the clerk confirmed, and which leaves an audit record "abandon".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk_app.core.case_flow.case import Case, Confirmation
from desk_app.core.case_flow.materials import apply_licences, case_materials
from desk_app.core.case_flow.papers import papers_for
from forms.case_rules import rule_values as case_rule_values
from forms.vocabulary import DecisionKind

STEPS = ("applicant", "items", "form", "materials", "decision", "confirm")
STEP_APPLICANT, STEP_ITEMS, STEP_FORM, STEP_MATERIALS, STEP_DECISION, STEP_CONFIRM = range(6)
# 不予受理 and 一次性告知 need the applicant, the items and the reason / missing list only
SHORT_DECISIONS = (DecisionKind.REFUSE.value, DecisionKind.INCOMPLETE.value)

CARD_SAME_PERSON = "same"
CARD_NEW_PERSON = "new_person"            # another person's case is on the desk
CARD_PRE_APPLICATION_OTHER = "pre_other"  # a pre-application of someone else is picked up

Recorder = Callable[[str, str], None]             # (audit action, case uuid)
RuleCheck = Callable[[Case], list[str]]            # Chinese messages; empty when sealable


def card_number(identity: Any) -> str:
    return str(identity.to_prefill().get("card.id_number", "")).strip().upper()


class CaseFlow:
    def __init__(self, *, record: Recorder = lambda _action, _target: None,
                 rules: RuleCheck | None = None) -> None:
        self._record = record
        self._rules = rules
        self.case = Case()
        self.step = STEP_APPLICANT
        self.started = 0  # how many cases this flow has held, for the window's stale checks

    # the case's life --------------------------------------------------------------------
    def in_progress(self) -> bool:
        """Something of an applicant is on the desk and nothing is sealed yet."""
        return self.case.gathered() and not self.case.sealed

    def start(self, ticket: str = "") -> Case:
        """A clean case. Refused while one is in progress: abandon it first."""
        if self.in_progress():
            raise RuntimeError("case in progress: abandon() it first")
        self.case = Case(ticket_number=ticket)
        self.step = STEP_APPLICANT
        self.started += 1
        return self.case

    def abandon(self) -> None:
        """Throw away the unsealed case (after the clerk said so); audit records it."""
        if self.case.sealed:
            raise RuntimeError("a sealed case cannot be abandoned")
        if self.case.gathered():
            self._record("abandon", self.case.uuid)
        ticket = self.case.ticket_number
        self.case = Case(ticket_number=ticket)
        self.step = STEP_APPLICANT
        self.started += 1

    def is_current(self, case: Case) -> bool:
        """Background answers (card, licences, pre-application) belong to their case only."""
        return case is self.case

    # applicant --------------------------------------------------------------------------
    def classify_card(self, identity: Any) -> str:
        """What reading this card means for the case on the desk."""
        number = card_number(identity)
        pre = self.case.pre_application
        if pre is not None:
            holder = str((pre.get("applicant") or {}).get("id_number", "")).strip().upper()
            return CARD_SAME_PERSON if holder in ("", number) else CARD_PRE_APPLICATION_OTHER
        if self.case.identity is not None and card_number(self.case.identity) != number:
            return CARD_NEW_PERSON
        if self.case.sealed:
            return CARD_NEW_PERSON
        return CARD_SAME_PERSON

    def take_identity(self, identity: Any) -> None:
        """The applicant's card (the 经办人's, for a legal person, goes to ``take_agent``)."""
        prefill = identity.to_prefill()
        self.case.identity = identity
        self.case.licences = []
        self.case.applicant = {
            **self.case.applicant, "kind": "person",
            "name": str(prefill.get("card.name", "")),
            "id_number": card_number(identity),
            "id_type": str(getattr(getattr(identity, "id_type", None), "value", "resident")),
        }

    def take_agent(self, identity: Any) -> None:
        self.case.agent_identity = identity

    def take_pre_application(self, pre: dict) -> None:
        self.case.pre_application = pre
        applicant = pre.get("applicant") or {}
        self.case.applicant = {"kind": str(applicant.get("kind", "person")),
                               "id_type": str(applicant.get("id_type", "resident")),
                               "name": str(applicant.get("name", "")),
                               "id_number": str(applicant.get("id_number", ""))}
        for code in pre.get("item_codes") or []:
            if str(code) not in self.case.item_codes:
                self.case.item_codes.append(str(code))

    def set_applicant(self, applicant: dict[str, str]) -> None:
        """What the applicant page shows (typed, or as read): kept with its kind and type."""
        self.case.applicant = {k: str(v) for k, v in applicant.items()}
        self.refresh_materials()  # a unit's 经办人 may now need a 授权委托书

    def set_agent(self, agent: dict[str, str] | None) -> None:
        self.case.agent = dict(agent) if agent else None
        self.refresh_materials()

    # items, form, materials, decision: written as the clerk edits -----------------------
    def set_items(self, codes: list[str]) -> None:
        codes = [str(code) for code in codes]
        if codes == self.case.item_codes:
            return
        self.case.item_codes = codes
        # answers and materials of other items are not this case's
        self.case.form_session = self.case.checklist = None
        self.case.captured.clear()
        self.form_edited()

    def open_form(self, make_session: Callable[[list[str], dict], Any]) -> Any:
        """The form of the chosen items, built once: stepping back and forth keeps it.
        What was typed on the applicant step or filed online is carried in as typed."""
        case = self.case
        if case.form_session is None and case.item_codes:
            session = make_session(list(case.item_codes), case.prefill())
            carried = dict((case.pre_application or {}).get("form") or {})
            for name, key in (("name", "applicant.name"), ("id_number", "applicant.id_number")):
                if case.applicant.get(name):
                    carried.setdefault(key, case.applicant[name])
            for key, value in carried.items():
                if isinstance(value, dict) and "code" in value:  # a region as JSON
                    value = value["code"]
                if key in session.keys and value not in (None, "") and not session.value(key):
                    session.set_value(key, value)
            case.form_session = session
            self.form_edited()
        return case.form_session

    def form_edited(self) -> None:
        session = self.case.form_session
        self.case.form = session.values() if session is not None else {}
        self.case.form_sources = session.sources() if session is not None else {}
        self.refresh_materials()

    def rule_values(self) -> dict[str, Any]:
        """The form's typed values and the case's own (``case.needs_authorisation``)."""
        session = self.case.form_session
        values = dict(session.rule_values()) if session is not None else {}
        values.update(case_rule_values(self.case.applicant, self.case.agent))
        return values

    def open_materials(self, make_checklist: Callable[[Any], Any]) -> Any:
        """The checklist of the form's items, built once; pulled licences chosen for it."""
        case = self.case
        if case.checklist is None and case.form_session is not None:
            case.checklist = make_checklist(case.form_session)
            case.checklist.refresh(self.rule_values())
            case.licence_exempt = apply_licences(case.checklist, case.licences)
        self.refresh_materials()
        return case.checklist

    def refresh_materials(self) -> None:
        if self.case.checklist is not None:
            self.case.checklist.refresh(self.rule_values())
        self.materials_edited()

    def choose_material(self, key: str, kind: str | None, **how: Any) -> None:
        """Raises ``forms.materials.MaterialChoiceError`` when the catalog forbids it."""
        try:
            self.case.checklist.choose(key, kind, **how)
        finally:
            self.materials_edited()

    def take_capture(self, key: str, sha256: str, pages: int, pdf: bytes) -> None:
        self.case.captured[key] = {"digests": [sha256], "pages": int(pages),
                                   "blobs": {sha256: pdf}}
        self.materials_edited()

    def materials_edited(self) -> None:
        case = self.case
        checklist = case.checklist
        case.materials = case_materials(checklist, case.captured) if checklist else []
        case.blobs = {d: b for files in case.captured.values()
                      for d, b in files.get("blobs", {}).items()}
        case.missing = [line.name for line in checklist.missing()] if checklist else []

    def set_decision(self, kind: str, reason: str) -> None:
        self.case.decision_kind, self.case.decision_reason = kind, reason.strip()

    # confirmation -----------------------------------------------------------------------
    def confirm(self, case_id: str, signature_png: bytes | None = None) -> bool:
        """The applicant confirmed (and signed) on the facing screen for case ``case_id``.
        A confirmation for any other case is ignored."""
        if case_id != self.case.uuid or self.case.sealed:
            return False
        self.case.confirmation = Confirmation(case_id, signature_png)
        return True

    def withdraw_confirmation(self) -> None:
        """The case changed after the applicant saw it: they must confirm again."""
        self.case.confirmation = None

    def confirmed(self) -> bool:
        return self.case.signature_png is not None

    # steps ------------------------------------------------------------------------------
    def blocking_steps(self) -> tuple[int, ...]:
        """The steps whose problems stop this decision: a refusal skips form and materials."""
        if self.case.decision_kind in SHORT_DECISIONS:
            return (STEP_APPLICANT, STEP_ITEMS, STEP_DECISION)
        return (STEP_APPLICANT, STEP_ITEMS, STEP_FORM, STEP_MATERIALS, STEP_DECISION)

    def decision_problems(self) -> list[str]:
        case = self.case
        kind = case.decision_kind
        if kind == "refuse" and not case.decision_reason:
            return ["不予受理必须填写理由"]
        if kind == "incomplete" and not (case.missing or case.insufficient
                                         or case.decision_reason):
            return ["一次性告知须列明缺少的材料或写明说明"]
        return []

    def seal_problems(self) -> list[str]:
        """Everything that stops sealing: this applicant's confirmation, then the rules the
        center applies (the shared rule set, when injected)."""
        problems = []
        if not self.case.item_codes:
            problems.append("请至少选择一个办理事项")
        if not self.case.holder_id():
            problems.append("请读取证件或填写申请人")
        problems += self.decision_problems()
        if self._rules is not None:
            problems += [p for p in self._rules(self.case) if p not in problems]
        if not self.confirmed():
            problems.append("申请人尚未在确认屏上确认并签名（本案件）")
        return problems

    def mark_sealed(self, provisional_number: str) -> None:
        self.case.provisional_number = provisional_number
        self.step = STEP_CONFIRM

    def papers(self) -> tuple[str, ...]:
        """What prints after sealing, in order (``case_flow.papers``): a 收件回执 only when
        something was received."""
        return papers_for(self.case.decision_kind)

    def can_go_back(self) -> bool:
        return self.step > STEP_APPLICANT and not self.case.sealed
