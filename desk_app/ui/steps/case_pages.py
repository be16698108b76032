"""The six step pages over one ``CaseFlow``: each page writes what the clerk edits into
the flow at once, and shows the flow's case whenever it is shown. No page is the truth:
a new case (or an abandoned one) is a clean ``Case``, and ``show_all`` makes every page
show it, so nothing of the previous applicant can stay on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk_app.core.case_flow.flow import (
    STEP_APPLICANT,
    STEP_CONFIRM,
    STEP_DECISION,
    STEP_FORM,
    STEP_ITEMS,
    STEP_MATERIALS,
)
from desk_app.ui.steps.agent_panel import AgentPanel
from desk_app.ui.steps.applicant_page import ApplicantPage
from desk_app.ui.steps.confirm_page import ConfirmPage
from desk_app.ui.steps.decision_page import DecisionPage
from desk_app.ui.steps.item_picker_page import ItemPickerPage
from desk_app.ui.steps.step_hosts import FormHost, MaterialsHost


class CasePages(QObject):
    next_requested = Signal()  # Enter on a page's last field

    def __init__(self, services, flow, parent=None) -> None:
        super().__init__(parent)
        self.services, self.flow = services, flow
        self.applicant = ApplicantPage()
        self.agent = AgentPanel()
        self.applicant.layout().insertWidget(3, self.agent)
        self.items = ItemPickerPage(services.search_items, services.expand_choice)
        self.form = FormHost(services, flow)
        self.materials = MaterialsHost(services, flow)
        self.decision = DecisionPage()
        self.confirm = ConfirmPage()
        self.applicant.changed.connect(self.write_applicant)
        self.agent.changed.connect(self.write_applicant)
        self.items.changed.connect(lambda: flow.set_items(self.items.item_codes()))
        self.form.view.changed.connect(lambda: services.remember_values(
            [flow.case.form.get("applicant.phone"), flow.case.form.get("applicant.address")]))
        for page in (self.applicant, self.agent, self.items, self.form.view, self.materials,
                     self.decision):
            page.completed.connect(self.next_requested)
        self.decision.changed.connect(
            lambda: flow.set_decision(self.decision.kind(), self.decision.reason_text()))

    def steps(self) -> tuple:
        """The pages in step order (the applicant page holds the agent panel)."""
        return (self.applicant, self.items, self.form, self.materials, self.decision,
                self.confirm)

    def write_applicant(self) -> None:
        if self.flow.case.sealed:
            return
        self.flow.set_applicant(self.applicant.applicant())
        if self.applicant.is_legal_person():  # the unit's 经办人 acts for it
            self.flow.set_agent({**self.applicant.handler(), "relation": "经办人"})
        else:
            self.flow.set_agent(self.agent.agent())
        case = self.flow.case
        agent = case.agent or {}
        # only personal values: teaching the redactor "resident" would mask it everywhere
        self.services.remember_values([case.applicant.get("name"),
                                       case.applicant.get("id_number"),
                                       case.applicant.get("legal_representative"),
                                       agent.get("name"), agent.get("id_number"),
                                       agent.get("phone")])

    def show(self, step: int) -> None:
        """The page of ``step`` reads the flow's case."""
        case = self.flow.case
        if step == STEP_APPLICANT:
            self.applicant.show_case(case)
            self.agent.show_case(case)
        elif step == STEP_ITEMS:
            self.items.show_case(case)
        elif step == STEP_FORM:
            self.form.show_case()
        elif step == STEP_MATERIALS:
            self.materials.show_case()
        elif step == STEP_DECISION:
            self.decision.show_case(case)

    def focus(self, step: int, fallback) -> None:
        """Focus where the clerk types next: the first field still empty (never a prefilled
        one), the item search box, the first material without a way, the decision, the
        seal button; with nothing left to type, ``fallback`` (下一步, Enter moves on)."""
        if step == STEP_APPLICANT:
            target = self.applicant.first_empty() or self.agent.first_empty()
            (target or fallback).setFocus()
        elif step == STEP_ITEMS:
            self.items.query.setFocus()
        elif step == STEP_FORM:
            if not self.form.view.focus_first():
                fallback.setFocus()
        elif step == STEP_MATERIALS:
            if not self.materials.focus_first():
                fallback.setFocus()
        elif step == STEP_DECISION:
            self.decision.focus_first()
        elif self.confirm.seal_button.isEnabled():
            self.confirm.seal_button.setFocus()

    def show_all(self) -> None:
        """A clean case: every page shows it, the form and checklist views emptied."""
        self.materials.shutdown()
        for step in (STEP_APPLICANT, STEP_ITEMS, STEP_DECISION):
            self.show(step)
        self.form.view.clear()
        self.confirm.show_case(self.flow.case, [], [], [])

    def problems(self, step: int) -> list[str]:
        """What stops leaving ``step`` (only the steps this decision needs)."""
        if step not in self.flow.blocking_steps():
            return []
        case = self.flow.case
        if step == STEP_APPLICANT:
            return self.applicant.problems() + self.agent.problems(case.holder_id())
        if step == STEP_ITEMS and not case.item_codes:
            return [self.tr("请至少选择一个办理事项")]
        if step == STEP_FORM:
            return self.form.problems()
        if step == STEP_DECISION:
            self.materials.show_case()  # the checklist, even when the step was skipped
            return self.decision.problems() + self.materials.decision_conflicts(
                case.decision_kind)
        return []

    def show_review(self, item_names: list[str]) -> None:
        self.confirm.show_case(self.flow.case, item_names, self.materials.summary_lines(),
                               self.form.labelled_values())


__all__ = ["STEP_CONFIRM", "STEP_MATERIALS", "CasePages"]
