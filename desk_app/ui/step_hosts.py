"""The form and materials steps of the main window, built on the forms views.

The form is rebuilt only when the chosen items change, so stepping back and forth
never loses what the clerk typed. The materials step reads its checklist from the
form (conditional materials depend on the answers).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.ui.capture_dialog import CAPTURE_MODES, CaptureDialog
from desk_app.ui.customer_screen import ScreenSummary
from desk_app.ui.form_materials import MaterialsView
from desk_app.ui.form_view import FormView
from forms.materials import MODE_LABELS


def shown_value(value) -> str:
    """A form value as the clerk reads it: a region by its name, a table row by its cells."""
    if value is True:
        return "是"
    if isinstance(value, dict):
        if "name" in value or "code" in value:
            return str(value.get("name") or value.get("code") or "")
        return "，".join(shown_value(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return "、".join(shown_value(v) for v in value)
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


def apply_licences(checklist, licences: list[dict]) -> list[str]:
    """Choose 电子证照 for every material an A/B-level licence of the applicant satisfies."""
    by_name = {lic.get("name"): lic for lic in licences
               if lic.get("level", "A") in ("A", "B") and lic.get("number")}
    pulled = []
    for line in checklist.lines:
        spec = line.allows("licence")
        licence = by_name.get(spec.licence_type) if spec else None
        if licence is not None and line.mode is None:
            checklist.choose(line.key, "licence", licence_number=str(licence["number"]))
            pulled.append(line.name)
    return pulled


class FormHost(QWidget):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = FormView(services.catalog, services.regions, calendar=services.calendar)
        self.view.setObjectName("formView")
        self.shown_codes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_items(self, item_codes: list[str], prefill: dict,
                   typed: dict[str, str] | None = None, preset: dict | None = None) -> None:
        if item_codes != self.shown_codes:
            self.view.show_items(item_codes, prefill)
            self.shown_codes = list(item_codes)
        # Typed on the applicant step (no card) or filed online (预审): carried over as
        # entered values, never marked as read from a card.
        carried = dict(preset or {})
        for field, key in (("name", "applicant.name"), ("id_number", "applicant.id_number")):
            if (typed or {}).get(field):
                carried.setdefault(key, typed[field])
        session = self.view.session
        for key, value in carried.items():
            if value not in (None, "") and session is not None and key in session.keys \
                    and not session.value(key):
                editor = self.view.editor(key)
                editor.show_value(value)
                editor.edited.emit()
        self.view.focus_first()

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
        return self.view.problems() if self.view.session else []

    def clear(self) -> None:
        self.view.clear()
        self.shown_codes = []


class MaterialsHost(QWidget):
    def __init__(self, services, form_host: FormHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.form_host = form_host
        self.view = MaterialsView()
        self.view.setObjectName("materialsView")
        self.shown_codes: list[str] = []
        self.captured: dict[str, dict] = {}  # line key -> {"digests", "pages", "blobs"}
        self.dialog: CaptureDialog | None = None
        self.pulled: list[str] = []  # materials satisfied by a pulled electronic licence
        self.capture_button = QPushButton(self.tr("拍摄/导入选定为扫描的材料 (F4)"))
        self.capture_button.clicked.connect(self.open_capture)
        QShortcut(QKeySequence("F4"), self, activated=self.open_capture)
        self.capture_state = QLabel()
        self.capture_state.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.capture_button)
        row.addWidget(self.capture_state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.changed.connect(self.update_capture_state)

    def show_items(self, item_codes: list[str], licences: list[dict] | None = None) -> None:
        if item_codes != self.shown_codes:
            checklist = self.form_host.view.materials_checklist()
            self.pulled = apply_licences(checklist, licences or [])
            self.view.set_checklist(checklist)
            self.shown_codes = list(item_codes)
            self.captured.clear()
        # rule values keep types (money as Decimal) so conditional materials decide right
        session = self.form_host.view.session
        self.view.refresh(self.form_host.view.rule_values() if session else {})
        self.update_capture_state()

    @property
    def checklist(self):
        return self.view.checklist

    def capture_lines(self) -> list:
        if self.checklist is None:
            return []
        return [line for line in self.checklist.lines
                if line.required and line.mode in CAPTURE_MODES]

    def uncaptured_names(self) -> list[str]:
        return [line.name for line in self.capture_lines() if line.key not in self.captured]

    def update_capture_state(self) -> None:
        waiting = self.uncaptured_names()
        self.capture_button.setEnabled(bool(self.capture_lines()))
        notes = []
        if self.pulled:
            notes.append(self.tr("已调取电子证照，免交：%1").replace("%1", "、".join(self.pulled)))
        if waiting:
            notes.append(self.tr("待拍摄：%1").replace("%1", "、".join(waiting)))
        self.capture_state.setText("；".join(notes))

    def open_capture(self) -> None:
        lines = self.capture_lines()
        if not lines:
            return
        self.dialog = CaptureDialog(lines, self.services.camera_factory(), self,
                                    scanner_factory=self.services.scanner_factory())
        self.dialog.accepted.connect(self.take_captured)
        self.dialog.finished.connect(self.update_capture_state)
        self.dialog.open()

    def take_captured(self) -> None:
        for key, document in self.dialog.results().items():
            self.captured[key] = {"digests": [document.sha256], "pages": document.page_count,
                                  "blobs": {document.sha256: document.pdf}}

    def decision_conflicts(self, kind: str) -> list[str]:
        """Accepting outright needs every required material; otherwise say what to choose."""
        if kind in ("refuse", "incomplete"):
            return []
        missing = self.missing_names()
        if missing and kind in ("accept", "accept_pledge"):
            return [self.tr("材料未齐：%1。请选择容缺受理或一次性告知").replace(
                "%1", "、".join(missing))]
        if kind == "accept_deferred" and not any(
                line.required and line.mode == "deferred" for line in self.checklist_lines()):
            return [self.tr("容缺受理须至少把一项材料标为“容缺后补”（在材料步骤选择）")]
        uncaptured = self.uncaptured_names()
        if uncaptured:
            return [self.tr("以下材料选择了扫描/上传，但还没有拍摄或导入：%1（在材料步骤按 F4）")
                    .replace("%1", "、".join(uncaptured))]
        return []

    def checklist_lines(self) -> list:
        return list(self.checklist.lines) if self.checklist is not None else []

    def missing_names(self) -> list[str]:
        return [line.name for line in self.checklist.missing()] if self.checklist else []

    def materials(self) -> list[dict]:
        """The case's materials, one entry per item served, with the captured files."""
        if self.checklist is None:
            return []
        out = []
        for line in self.checklist.lines:
            if not (line.required and line.satisfied):
                continue
            captured = self.captured.get(line.key, {})
            for item, material in line.uses:
                out.append({
                    "item_code": item.code, "material_code": material.code,
                    "name": material.name, "mode": line.mode,
                    "blob_digests": list(captured.get("digests", [])),
                    "pages": int(captured.get("pages", 0)),
                    "due_date": line.due_date, "licence_number": line.licence_number,
                })
        return out

    def blobs(self) -> dict[str, bytes]:
        merged: dict[str, bytes] = {}
        for captured in self.captured.values():
            merged.update(captured.get("blobs", {}))
        return merged

    def summary_lines(self) -> list[str]:
        if self.checklist is None:
            return []
        lines = []
        for line in self.checklist.lines:
            if not line.required:
                continue
            mode = MODE_LABELS.get(line.mode, "未提供") if line.mode else "未提供"
            pages = self.captured.get(line.key, {}).get("pages")
            lines.append(f"{line.name}：{mode}" + (f"（{pages}页）" if pages else ""))
        return lines

    def clear(self) -> None:
        self.shutdown()
        self.shown_codes = []
        self.captured.clear()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
