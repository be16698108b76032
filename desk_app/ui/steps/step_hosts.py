"""The form and materials steps of the main window, built on the forms views.

Both show objects the case flow owns (its form session and materials checklist), built
once per choice of items, so stepping back and forth never loses what the clerk typed
and a new case can never show the previous one's answers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.ui.applicant_screen.customer_screen import ScreenSummary
from desk_app.ui.capture.capture_dialog import CAPTURE_MODES, CaptureDialog
from desk_app.ui.shell import keymap
from desk_app.ui.steps.form_materials import MaterialsView
from desk_app.ui.steps.form_view import FormView
from desk_app.ui.widgets import words
from forms.materials import MaterialsChecklist
from forms.parent_roles import holder_role


def shown_value(value) -> str:
    """A form value as the clerk reads it: a region by its name, a table row by its cells."""
    if value is True:
        return "是"
    if isinstance(value, dict):
        if "name" in value or "code" in value:
            return str(value.get("name") or value.get("code") or "")
        return "，".join(shown_value(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return words.listed(shown_value(v) for v in value)
    return str(value)


def screen_summary(case, item_names: list[str], materials_host) -> ScreenSummary:
    """What the applicant checks on the facing screen before signing."""
    agent = case.agent or {}
    return ScreenSummary(
        applicant_name=case.applicant.get("name", ""),
        id_number=case.applicant.get("id_number", ""),
        items=tuple(item_names), materials=tuple(materials_host.summary_lines()),
        phone=str(case.form.get("applicant.phone", "")),
        agent_name=agent.get("name", ""), agent_id_number=agent.get("id_number", ""))


class FormHost(QWidget):
    """Shows the flow's form session; every edit lands in it (the flow owns the answers)."""

    def __init__(self, services, flow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.view = FormView(services.catalog, services.regions, calendar=services.calendar)
        self.view.setObjectName("formView")
        self.view.changed.connect(lambda: self.flow.form_edited())
        self.swap_button = QPushButton()
        self.swap_button.setObjectName("swapParents")
        self.swap_button.clicked.connect(self.swap_parents)
        keymap.bind("swap_parents", self, self.swap_parents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swap_button)
        layout.addWidget(self.view)

    def show_case(self) -> None:
        session = self.flow.open_form(self.view.new_session)
        if session is None:
            self.view.clear()
        elif self.view.session is not session:
            self.view.show_session(session)
        self._show_swap()

    def _has_parents(self) -> bool:
        session = self.view.session
        return session is not None and any(
            binding.startswith("parent.") for key in session.keys
            for binding in session.spec(key).prefill)

    def _show_swap(self) -> None:
        """Say which parent the card holder is filled as, and offer the other."""
        session = self.view.session
        self.swap_button.setVisible(self._has_parents())
        if not self._has_parents():
            return
        role = holder_role(session.prefill) or "mother"
        if session.parents_swapped:
            role = "father" if role == "mother" else "mother"
        text = self.tr("持证人已填为母亲，换为父亲") if role == "mother" else \
            self.tr("持证人已填为父亲，换为母亲")
        self.swap_button.setText(keymap.with_key(text, "swap_parents"))

    def swap_parents(self) -> bool:
        """出生一件事: the card holder is the other parent (the clerk's call)."""
        if not (self.isVisible() and self._has_parents()):
            return False
        self.view.session.swap_parents()
        self.view.reload()
        self.flow.form_edited()
        self._show_swap()
        return True

    def values(self) -> dict:
        return self.view.values() if self.view.session else {}

    def labelled_values(self) -> list[tuple[str, str]]:
        """(label, value as shown) of every filled field, for the review page."""
        session = self.view.session
        if session is None:
            return []
        rows = []
        regions = self.view.regions
        for key, value in self.values().items():
            if value in (None, "", [], False, {}):
                continue
            if session.spec(key).type == "region" and isinstance(value, str) and regions:
                region = regions.get(value)
                value = region.full_name if region else value
            rows.append((session.spec(key).label, shown_value(value)))
        return rows

    def sources(self) -> dict:
        return self.view.sources() if self.view.session else {}

    def problems(self) -> list[str]:
        if self.view.session is None and self.flow.case.item_codes:
            self.show_case()  # a decision taken early still needs this form's answers
        return self.view.problems() if self.view.session else []



class MaterialsHost(QWidget):
    """Shows the flow's checklist; a mode chosen or a page captured lands in the flow."""

    completed = Signal()  # every material has its way (and its pages): move on

    def __init__(self, services, flow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.flow = flow
        self.view = MaterialsView()
        self.view.setObjectName("materialsView")
        self.dialog: CaptureDialog | None = None
        self.capture_button = QPushButton(self.tr("拍摄/导入选定为扫描的材料 (F4)"))
        self.capture_button.clicked.connect(self.open_capture)
        QShortcut(QKeySequence("F4"), self, activated=self.open_capture)
        self.capture_state = QLabel()
        self.capture_state.setObjectName("hint")
        self.capture_state.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.capture_button)
        row.addWidget(self.capture_state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.changed.connect(self.flow.materials_edited)
        self.view.changed.connect(self.update_capture_state)
        self.view.keyed.connect(self._keyed)
        self.view.completed.connect(self.completed)

    def _keyed(self, key: str) -> None:
        """A way picked by its number: 扫描/上传 opens the capture screen at once."""
        line = self.checklist.line(key)
        if line.mode in CAPTURE_MODES and key not in self.captured:
            self.open_capture()
        else:
            self.view.focus_next(self.view.mode_combo(key))

    def _capture_closed(self) -> None:
        self.update_capture_state()
        if not self.uncaptured_names():
            self.view.focus_next()  # the last one done: move on

    def show_case(self) -> None:
        calendar = self.services.calendar
        checklist = self.flow.open_materials(lambda session: MaterialsChecklist(
            session.items, calendar=calendar, today=session.today))
        if checklist is not None and self.view.checklist is not checklist:
            self.view.set_checklist(checklist)
        elif checklist is not None:
            self.view.refresh(self.flow.rule_values())
        self.update_capture_state()

    def focus_first(self) -> bool:
        return self.view.focus_first()

    @property
    def captured(self) -> dict[str, dict]:
        return self.flow.case.captured

    @property
    def pulled(self) -> list[str]:
        return self.flow.case.licence_exempt

    @property
    def checklist(self):
        return self.flow.case.checklist

    def capture_lines(self) -> list:
        if self.checklist is None:
            return []
        return [line for line in self.checklist.lines
                if line.required and line.mode in CAPTURE_MODES]

    def uncaptured_names(self) -> list[str]:
        return [line.name for line in self.capture_lines() if line.key not in self.captured]

    def update_capture_state(self) -> None:
        self.view.show_pages({key: int(files.get("pages", 0))
                              for key, files in self.captured.items()})
        waiting = self.uncaptured_names()
        self.capture_button.setEnabled(bool(self.capture_lines()))
        notes = []
        if self.pulled:
            notes.append(
                self.tr("已调取电子证照，免交：%1").replace("%1", words.listed(self.pulled)))
        if waiting:
            notes.append(self.tr("待拍摄：%1").replace("%1", words.listed(waiting)))
        self.capture_state.setText(words.sentences(notes))

    def open_capture(self) -> None:
        lines = self.capture_lines()
        if not lines:
            return
        self.dialog = CaptureDialog(lines, self.services.camera_factory(), self,
                                    scanner_factory=self.services.scanner_factory())
        self.dialog.accepted.connect(self.take_captured)
        self.dialog.accepted.connect(self._capture_closed)
        self.dialog.rejected.connect(self.update_capture_state)
        self.dialog.open()

    def take_captured(self) -> None:
        for key, document in self.dialog.results().items():
            self.flow.take_capture(key, document.sha256, document.page_count, document.pdf)

    def decision_conflicts(self, kind: str) -> list[str]:
        """Accepting outright needs every required material; otherwise say what to choose."""
        if kind in ("refuse", "incomplete"):
            return []
        missing = self.missing_names()
        if missing and kind in ("accept", "accept_pledge"):
            return [self.tr("材料未齐：%1。请选择容缺受理或一次性告知").replace(
                "%1", words.listed(missing))]
        if kind == "accept_deferred" and not any(
                line.required and line.mode == "deferred" for line in self.checklist_lines()):
            return [self.tr("容缺受理须至少把一项材料标为“容缺后补”（在材料步骤选择）")]
        uncaptured = self.uncaptured_names()
        if uncaptured:
            return [self.tr("以下材料选择了扫描/上传，但还没有拍摄或导入：%1（在材料步骤按 F4）")
                    .replace("%1", words.listed(uncaptured))]
        return []

    def checklist_lines(self) -> list:
        return list(self.checklist.lines) if self.checklist is not None else []

    def missing_names(self) -> list[str]:
        return [line.name for line in self.checklist.missing()] if self.checklist else []

    def summary_lines(self) -> list[str]:
        if self.checklist is None:
            return []
        lines = []
        for line in self.checklist.lines:
            if not line.required:
                continue
            mode = words.mode(line.mode) if line.mode else self.tr("未提供")
            pages = self.captured.get(line.key, {}).get("pages")
            shown = self.tr("%1：%2").replace("%1", line.name).replace("%2", mode)
            lines.append(shown + (self.tr("（%1页）").replace("%1", str(pages)) if pages else ""))
        return lines

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
