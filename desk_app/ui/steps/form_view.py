"""The application form, generated from the catalog spec of the chosen items.

    view = FormView(catalog, regions)
    view.show_items(["<item code>", ...], {"card.name": "张三", "card.id_number": ...})
    view.values()          # {key: JSON value} of visible, filled fields
    view.sources()         # {key: "card.name" | "typed" | "computed" | binding}
    view.split_by_item()   # {item code: {key: value}}  (一表申请, split back)
    view.is_valid(), view.problems()   # Chinese "「label」message" list; reveals them all
    view.materials_checklist()         # forms.materials.MaterialsChecklist of the items

One row per field: label (``*`` when required), the editor, a badge saying where a
prefilled value came from (读卡, 电子证照…), and the Chinese validation message under
it, updated on every keystroke. "Please fill in" messages wait until the clerk has left
the field (or asked to proceed), so a fresh form is not a wall of red. Keyboard only:
Tab follows the form order, Enter moves to the next field (Shift+Enter is a new line in
a multi-line box), and Enter on the last one emits ``completed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.shell import keymap
from desk_app.ui.widgets import words
from desk_app.ui.widgets.elided_label import ElidedLabel
from desk_app.ui.widgets.field_editor_base import FieldEditor
from desk_app.ui.widgets.field_editors import make_editor
from desk_app.ui.widgets.themed import set_state
from forms.catalog import Catalog
from forms.form_session import COMPUTED, TYPED, FormSession
from forms.materials import MaterialsChecklist
from forms.regions import RegionIndex
from forms.working_days import WorkingCalendar


def source_badge(source: str, prefilled_from: str) -> str:
    """Short Chinese words for where a value came from (the tooltip has the path)."""
    from PySide6.QtCore import QCoreApplication

    # literal translate() calls, so lupdate files them under the context Qt looks up
    if source.startswith("card."):
        return QCoreApplication.translate("FormView", "读卡")
    if source.startswith("agent."):
        return QCoreApplication.translate("FormView", "代办人证件")
    if source.startswith("licence."):
        return QCoreApplication.translate("FormView", "电子证照：%1").replace(
            "%1", source.split(".")[1])
    if source.startswith("previous_case."):
        return QCoreApplication.translate("FormView", "上次办件")
    if source == COMPUTED:
        return QCoreApplication.translate("FormView", "自动计算")
    if source == TYPED and prefilled_from:
        return QCoreApplication.translate("FormView", "已手工修改")
    return ""


class _Row:
    def __init__(self, key: str, label: QLabel, editor: FieldEditor, badge: QLabel,
                 message: QLabel, holder: QWidget) -> None:
        self.key, self.label, self.editor = key, label, editor
        self.badge, self.message, self.holder = badge, message, holder


class FormView(QWidget):
    changed = Signal()  # a value changed (validity may have changed)
    completed = Signal()  # Enter on the last field

    def __init__(self, catalog: Catalog, regions: RegionIndex | None = None, *,
                 calendar: WorkingCalendar | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.regions = regions
        self.calendar = calendar
        self.today = today
        self.session: FormSession | None = None
        self._rows: dict[str, _Row] = {}
        self._section_titles: list[str] = []
        self._touched: set[str] = set()
        self._reveal_all = False
        self.title = ElidedLabel(self.tr("填写申请表"))
        self.title.setObjectName("stepTitle")
        self.shared_note = QLabel()
        self.shared_note.setObjectName("hint")
        self.shared_note.setWordWrap(True)
        self._body = QWidget()
        self._form = QFormLayout(self._body)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.shared_note)
        layout.addWidget(scroll, 1)

    # -- building --------------------------------------------------------------------
    def clear(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._rows.clear()
        self._section_titles.clear()
        self._touched.clear()
        self._reveal_all = False
        self.session = None
        self.shared_note.clear()

    def show_items(self, item_codes: Sequence[str], prefill: Mapping[str, Any] | None = None,
                   ) -> FormSession:
        """Build the form for these items; ``prefill`` maps binding paths to values."""
        return self.show_session(self.new_session(item_codes, prefill))

    def new_session(self, item_codes: Sequence[str],
                    prefill: Mapping[str, Any] | None = None) -> FormSession:
        return FormSession(self.catalog, item_codes, prefill=prefill, regions=self.regions,
                           today=self.today)

    def show_session(self, session: FormSession) -> FormSession:
        """Show a session someone else owns (the case flow's): edits go straight into it."""
        self.clear()
        self.session = session
        names = words.listed(i.name for i in self.session.items)
        self.title.setText(self.tr("填写申请表：") + names)
        shared = self.session.shared_keys()
        if len(self.session.items) > 1 and shared:
            self.shared_note.setText(self.tr("一表申请：{n} 项共用信息只需填写一次").replace(
                "{n}", str(len(shared))))
        previous: QWidget | None = None
        for title, keys in self._sections():
            if title:
                heading = QLabel(title)
                heading.setObjectName("formSection")
                self._form.addRow(heading)
                self._section_titles.append(title)
            for key in keys:
                row = self._add_row(key)
                for widget in row.editor.focus_widgets():
                    if previous is not None:
                        QWidget.setTabOrder(previous, widget)
                    previous = widget
                    widget.installEventFilter(self)
        self._sync_all(initial=True)
        return self.session

    def _sections(self) -> list[tuple[str, list[str]]]:
        """One item: its fields as they come. Several: the shared questions first (asked
        once), then each item's own questions under its name, so two look-alike fields
        (e.g. two 补领原因) are never confused."""
        assert self.session is not None
        if len(self.session.items) == 1:
            return [("", self.session.keys)]
        shared = self.session.shared_keys()
        sections = [(self.tr("共用信息（各事项只填一次）"), shared)] if shared else []
        for item in self.session.items:
            own = [k for k in self.session.item_fields[item.code] if k not in shared]
            if own:
                sections.append((item.name, own))
        return sections

    def reload(self) -> None:
        """The session changed underneath (e.g. parents swapped): show its values again."""
        assert self.session is not None
        for key, row in self._rows.items():
            state = self.session.state(key)
            if state.source != TYPED:
                row.editor.show_value(state.value if state.filled else None)
        self._sync_all()

    def section_titles(self) -> list[str]:
        return list(self._section_titles)

    def _add_row(self, key: str) -> _Row:
        assert self.session is not None
        state = self.session.state(key)
        editor = make_editor(state.spec, self.regions)
        label = QLabel()
        label.setBuddy(editor.focus_widgets()[0])
        badge = QLabel()
        badge.setObjectName("sourceBadge")
        message = QLabel()
        message.setObjectName("fieldMessage")
        message.setWordWrap(True)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        line = QHBoxLayout()  # editor + badge side by side
        line.addWidget(editor, 1)
        line.addWidget(badge)
        box.addLayout(line)
        box.addWidget(message)
        if state.spec.help:
            holder.setToolTip(state.spec.help)
        self._form.addRow(label, holder)
        row = _Row(key, label, editor, badge, message, holder)
        self._rows[key] = row
        if state.filled:
            editor.show_value(state.value)
        if state.spec.compute:
            editor.set_read_only(True)
        editor.edited.connect(lambda k=key: self._edited(k))
        return row

    # -- reacting --------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        assert self.session is not None
        self.session.set_value(key, self._rows[key].editor.content(), source=TYPED)
        if self.session.spec(key).type in ("select", "multiselect", "checkbox", "table"):
            self._touched.add(key)  # a choice is made at once, no leaving needed
        self._sync_all()
        self.changed.emit()

    def _sync_all(self, initial: bool = False) -> None:
        assert self.session is not None
        for key, row in self._rows.items():
            state = self.session.state(key)
            self._form.setRowVisible(row.holder, state.visible)
            star = " *" if state.required else ""
            row.label.setText(state.spec.label + star)
            if state.source == COMPUTED:
                row.editor.show_value(state.value)
            badge = source_badge(state.source, state.prefilled_from) if state.filled else ""
            row.badge.setText(badge)
            row.badge.setToolTip(state.source if state.source != TYPED else state.prefilled_from)
            row.badge.setVisible(bool(badge))
            row.editor.setProperty("prefilled", bool(badge) and state.source != TYPED)
            text = ""
            if state.error and (key in self._touched or self._reveal_all
                                or (state.filled or state.raw not in (None, "", []))):
                text = words.field_error(state.error, state.spec.label)
            elif state.warning:
                text = self.tr("注意：") + state.warning
            row.message.setText(text)
            set_state(row.message, "error" if state.error else "warn")
            row.message.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            key = self._key_of(watched)
            if key is not None and key not in self._touched:
                self._touched.add(key)
                self._sync_all()
        elif event.type() == QEvent.Type.KeyPress and isinstance(watched, QComboBox) \
                and keymap.choice_number(event) and not watched.view().isVisible():
            if keymap.choice_number(event) < watched.count():  # 0 is （请选择）
                watched.setCurrentIndex(keymap.choice_number(event))
                watched.activated.emit(watched.currentIndex())
                self._advance(watched)
            return True
        elif event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False  # Enter picks the entry in an open list
            if isinstance(watched, QPlainTextEdit) and (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                return False  # Shift+Enter: a new line inside a multi-line answer
            self._advance(watched)
            return True
        return super().eventFilter(watched, event)

    def _key_of(self, widget: QObject) -> str | None:
        for key, row in self._rows.items():
            if widget in row.editor.focus_widgets():
                return key
        return None

    def _focus_chain(self) -> list[QWidget]:
        assert self.session is not None
        chain: list[QWidget] = []
        for key, row in self._rows.items():
            if self.session.state(key).visible:
                chain.extend(w for w in row.editor.focus_widgets() if w.isEnabled())
        return chain

    def _open_chain(self) -> list[QWidget]:
        """The first widget of every visible field still to answer (empty and required)."""
        assert self.session is not None
        out = []
        for key, row in self._rows.items():
            state = self.session.state(key)
            widgets = [w for w in row.editor.focus_widgets() if w.isEnabled()]
            if state.visible and state.required and not state.filled and widgets:
                out.append(widgets[0])
        return out

    def _advance(self, widget: QObject) -> None:
        """Enter: on to the next field still to answer, skipping what the card or a
        licence filled in; after the last one, ``completed``."""
        key = self._key_of(widget)
        if key is not None:
            self._touched.add(key)
            self._sync_all()
        chain = self._focus_chain()
        if widget not in chain:
            self.completed.emit()
            return
        after = chain[chain.index(widget) + 1:]
        following = next((w for w in after if w in self._open_chain()), None)
        if following is not None:
            following.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.completed.emit()

    # -- reading ---------------------------------------------------------------------
    def editor(self, key: str) -> FieldEditor:
        return self._rows[key].editor

    def message(self, key: str) -> str:
        row = self._rows[key]
        return row.message.text() if not row.message.isHidden() else ""

    def badge(self, key: str) -> str:
        row = self._rows[key]
        return row.badge.text() if not row.badge.isHidden() else ""

    def is_row_visible(self, key: str) -> bool:
        return self._form.isRowVisible(self._rows[key].holder)

    def focus_first(self) -> bool:
        """Focus the first field still to answer, never a prefilled one; False if none."""
        if self.session is None:
            return False
        chain = self._open_chain()
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(chain)

    def values(self) -> dict[str, Any]:
        return self.session.values() if self.session else {}

    def rule_values(self) -> dict[str, Any]:
        """Typed values for rules (e.g. ``MaterialsView.refresh``): money stays a number."""
        return self.session.rule_values() if self.session else {}

    def sources(self) -> dict[str, str]:
        return self.session.sources() if self.session else {}

    def split_by_item(self) -> dict[str, dict[str, Any]]:
        return self.session.split_by_item() if self.session else {}

    def is_valid(self) -> bool:
        return self.session is not None and self.session.is_valid

    def problems(self) -> list[str]:
        """Every blocking problem, in form order; also shows all messages on screen."""
        if self.session is None:
            return [self.tr("尚未选择办理事项")]
        self._reveal_all = True
        self._sync_all()
        errors = self.session.errors()
        out = []
        for key in self.session.keys:
            if key in errors:
                name = self.session.spec(key).label
                said = words.field_error(errors[key], name)
                out.append(said if name in said else self.tr("「%1」%2").replace(
                    "%1", name).replace("%2", said))
        first = next((k for k in self.session.keys if k in errors), None)
        if first is not None:
            self._rows[first].editor.focus_widgets()[0].setFocus()
        return out

    def materials_checklist(self) -> MaterialsChecklist:
        """The checklist of the shown items, refreshed for the current answers."""
        assert self.session is not None
        checklist = MaterialsChecklist(self.session.items, calendar=self.calendar,
                                       today=self.session.today)
        checklist.refresh(self.session.rule_values())
        return checklist
