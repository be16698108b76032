"""The materials screen: capture each material's pages with the document camera.

    screen = MaterialsScreen(slots, camera_factory=lambda: open_camera(uri),
                             scanner_factory=lambda: open_scanner(uri))  # optional
    screen.results()          # {slot key: MaterialDocument(pdf, sha256, sm3, page_count)}
    screen.material_changed   # Signal(str): a slot's pages changed
    screen.shutdown()         # stop the camera thread (also on close)

Left: the materials — requirement, allowed ways, state. Middle: the large live
preview with the detected page outlined (green) or the reason there is none. Right:
thumbnails of the current material's pages with move / rotate / delete / retake.
One key captures (Space or F8); "自动拍摄" takes each new page once it lies still. When
no page is found the clerk may keep the whole frame ("使用整幅画面"). With a scanner
bound, F7 scans from its feeder (every page in it) or flatbed into the current material.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.capture.capture_slots import CAPTURE_CONTEXT, MaterialSlot, SlotState
from desk_app.ui.capture.capture_worker import (
    THUMB_SIDE,
    CameraFactory,
    CaptureThread,
    ScannerFactory,
)
from desk_app.ui.widgets import words
from desk_app.ui.widgets.themed import colour_property
from devices.camera.material import MaterialDocument
from devices.camera.pipeline import ProcessedPage

HOLD_S = 1.5  # how long the cut page stays on the preview after a capture

class PreviewView(QWidget):
    """Paints the newest preview frame, scaled to fit, with the page outline on top."""

    # the theme's (PreviewView in counter.qss)
    ground = colour_property("ground", Qt.GlobalColor.black)
    idle_text_colour = colour_property("idle_text_colour", Qt.GlobalColor.lightGray)
    outline = colour_property("outline", Qt.GlobalColor.green)
    notice = colour_property("notice", Qt.GlobalColor.yellow)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.quad: list | None = None
        self.message = ""
        self.idle_text = self.tr("正在打开高拍仪…")  # shown until the first frame
        self.frames_shown = 0
        self.held_until = 0.0

    def set_frame(self, image: QImage, quad: list | None, message: str) -> None:
        self.frames_shown += 1
        if time.monotonic() < self.held_until:
            return  # the page just captured is on show
        self.image, self.quad, self.message = image, quad, message
        self.update()

    def hold(self, page: QImage, seconds: float = HOLD_S) -> None:
        """Show the page as it was cut (not the outlined frame) for a moment."""
        if page.isNull():
            return
        self.image, self.quad, self.message = page, None, self.tr("已保存的页面（裁切后）")
        self.held_until = time.monotonic() + seconds
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.ground)
        if self.image is None:
            painter.setPen(self.idle_text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.idle_text)
            return
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        x0, y0 = (self.width() - w) / 2, (self.height() - h) / 2
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QPointF(x0, y0), self.image.scaled(int(w), int(h)))
        if self.quad is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.outline, 3))
            painter.drawPolygon(
                QPolygonF([QPointF(x0 + px * scale, y0 + py * scale) for px, py in self.quad])
            )
        elif self.message:
            painter.setPen(self.notice)
            painter.drawText(
                self.rect().adjusted(0, 0, 0, -12),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                self.message,
            )


class MaterialsScreen(QWidget):
    material_changed = Signal(str)
    # requests to the capture thread (queued across threads)
    _want_capture = Signal(str, str, int)
    _want_full_frame = Signal(str, int)
    _want_import = Signal(str, str, list)
    _want_auto = Signal(bool, str, str)
    _want_scan = Signal(str, str, str)

    def __init__(
        self,
        slots: list[MaterialSlot],
        camera_factory: CameraFactory | None,
        parent: QWidget | None = None,
        *,
        scanner_factory: ScannerFactory | None = None,
    ) -> None:
        super().__init__(parent)
        if not slots:
            raise ValueError("the materials screen needs at least one material slot")
        self.states = {s.key: SlotState(s) for s in slots}
        self._thumbs: dict[str, list[QImage]] = {s.key: [] for s in slots}
        self._retake: dict[str, int] = {}  # slot key → page index the next capture replaces
        self._build(has_scanner=scanner_factory is not None)
        if camera_factory is None:
            self.preview.idle_text = (
                self.tr("未绑定高拍仪：请按 F7 扫描，或导入文件")
                if scanner_factory is not None
                else self.tr("未绑定高拍仪：请导入文件")
            )
        self._capture = CaptureThread(camera_factory, self, scanner_factory)
        worker = self._capture.worker
        self._want_capture.connect(worker.capture)
        self._want_full_frame.connect(worker.use_full_frame)
        self._want_import.connect(worker.import_files)
        self._want_auto.connect(worker.set_auto)
        self._want_scan.connect(worker.scan)
        worker.scanned.connect(self._on_scanned)
        worker.preview.connect(self.preview.set_frame)
        worker.captured.connect(self._on_captured)
        worker.cut_page.connect(self.preview.hold)
        worker.no_page.connect(self._on_no_page)
        worker.failed.connect(self._on_failed)
        self.slot_list.setCurrentRow(0)

    # --- layout -------------------------------------------------------------------
    def _build(self, has_scanner: bool) -> None:
        self.slot_list = QListWidget()
        self.slot_list.setMaximumWidth(280)
        self.slot_list.setMinimumWidth(200)  # the controls row must not squeeze it away
        for state in self.states.values():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, state.slot.key)
            self.slot_list.addItem(item)
            self._refresh_slot_item(item)
        self.slot_list.currentRowChanged.connect(self._on_slot_changed)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.requirement.setObjectName("hint")

        self.preview = PreviewView()
        self.mode_box = QComboBox()
        self.mode_box.currentIndexChanged.connect(self._on_mode_changed)
        self.capture_button = QPushButton(self.tr("拍摄（空格 / F8）"))
        self.capture_button.clicked.connect(self.capture)
        self.auto_box = QCheckBox(self.tr("自动拍摄"))
        self.auto_box.toggled.connect(self._sync_auto)
        self.full_frame_button = QPushButton(self.tr("使用整幅画面"))
        self.full_frame_button.setVisible(False)
        self.full_frame_button.clicked.connect(self.use_full_frame)
        self.import_button = QPushButton(self.tr("导入文件…"))
        self.import_button.clicked.connect(self._choose_files)
        self.scan_button = QPushButton(self.tr("扫描 (F7)"))
        self.scan_button.clicked.connect(self.scan_pages)
        self.source_box = QComboBox()
        self.source_box.addItem(self.tr("进纸器：整叠"), "adf")
        self.source_box.addItem(self.tr("平板：单页"), "flatbed")
        for widget in (self.scan_button, self.source_box):
            widget.setVisible(has_scanner)  # no scanner bound: nothing to offer
        self.status = QLabel()
        self.status.setObjectName("fieldMessage")
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        for widget in (
            QLabel(self.tr("图像模式")),
            self.mode_box,
            self.capture_button,
            self.auto_box,
            self.full_frame_button,
            self.import_button,
            self.scan_button,
            self.source_box,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)

        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setMaximumWidth(2 * THUMB_SIDE + 40)
        self.thumbs.setMinimumWidth(THUMB_SIDE + 40)
        self.page_buttons = {}
        page_row = QHBoxLayout()
        for name, label, handler in (
            ("up", self.tr("前移"), lambda: self._move(-1)),
            ("down", self.tr("后移"), lambda: self._move(1)),
            ("rotate", self.tr("旋转"), self.rotate_selected),
            ("delete", self.tr("删除"), self.delete_selected),
            ("retake", self.tr("重拍"), self.retake_selected),
        ):
            button = QPushButton(label)
            button.clicked.connect(handler)
            self.page_buttons[name] = button
            page_row.addWidget(button)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("材料")))
        left.addWidget(self.slot_list, 1)
        left.addWidget(self.requirement)
        middle = QVBoxLayout()
        middle.addWidget(self.preview, 1)
        middle.addLayout(controls)
        middle.addWidget(self.status)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("已拍页面")))
        right.addWidget(self.thumbs, 1)
        right.addLayout(page_row)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(middle, 1)
        layout.addLayout(right)
        for key in (Qt.Key.Key_Space, Qt.Key.Key_F8):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.capture)
        if has_scanner:
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_F7), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.scan_pages)

    # --- the current slot ---------------------------------------------------------
    @property
    def current_key(self) -> str:
        item = self.slot_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else next(iter(self.states))

    @property
    def current(self) -> SlotState:
        return self.states[self.current_key]

    def select_slot(self, key: str) -> None:
        for row in range(self.slot_list.count()):
            if self.slot_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.slot_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _on_slot_changed(self, _row: int) -> None:
        state = self.current
        slot = state.slot
        ways = words.listed(words.mode(m) for m in slot.allowed_modes)
        self.requirement.setText(
            self.tr("要求：{0}\n可用方式：{1}").format(slot.requirement_text or "—", ways)
        )
        self.mode_box.blockSignals(True)
        self.mode_box.clear()
        for mode, label in slot.mode_labels():
            self.mode_box.addItem(words.translated(CAPTURE_CONTEXT, label), mode)
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(state.mode)))
        self.mode_box.blockSignals(False)
        self.capture_button.setEnabled(slot.can_scan)
        self.scan_button.setEnabled(slot.can_scan)
        self.auto_box.setEnabled(slot.can_scan)
        self.import_button.setEnabled(slot.can_upload)
        self.full_frame_button.setVisible(False)
        self._retake.pop(self.current_key, None)
        self._show_thumbs()
        self._sync_auto()

    def _on_mode_changed(self, _index: int) -> None:
        self.current.mode = self.mode_box.currentData() or self.current.slot.default_capture_mode
        self._sync_auto()

    def _sync_auto(self) -> None:
        self._want_auto.emit(
            self.auto_box.isChecked() and self.current.slot.can_scan,
            self.current_key,
            self.current.mode,
        )

    def _refresh_slot_item(self, item: QListWidgetItem) -> None:
        state = self.states[item.data(Qt.ItemDataRole.UserRole)]
        count = len(state.pages)
        mark = self.tr("已采集 {0} 页").format(count) if count else self.tr("未采集")
        item.setText(f"{state.slot.name}\n{mark}")

    def _refresh_current_item(self, key: str) -> None:
        for row in range(self.slot_list.count()):
            item = self.slot_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self._refresh_slot_item(item)

    # --- capturing ----------------------------------------------------------------
    def capture(self) -> None:
        if not self.current.slot.can_scan:
            self.status.setText(self.tr("该材料不能拍摄，请导入文件或选择其他方式"))
            return
        self.status.setText(self.tr("正在拍摄…"))
        self.full_frame_button.setVisible(False)
        self._want_capture.emit(self.current_key, self.current.mode, 0)

    def scan_pages(self) -> None:
        if not self.current.slot.can_scan:
            self.status.setText(self.tr("该材料不能扫描，请导入文件或选择其他方式"))
            return
        self.status.setText(self.tr("正在扫描…"))
        self.scan_button.setEnabled(False)  # one scan at a time; the worker queues nothing
        self._want_scan.emit(self.current_key, self.current.mode, self.source_box.currentData())

    def _on_scanned(self, key: str, pages: int, fault: str) -> None:
        self.scan_button.setEnabled(True)
        if fault and pages:
            self.status.setText(fault + self.tr("（已保留扫描好的 {0} 页）").format(pages))
        elif fault:
            self.status.setText(fault)
        else:
            self.status.setText(self.tr("扫描完成：{0} 页").format(pages))

    def use_full_frame(self) -> None:
        self.full_frame_button.setVisible(False)
        self._want_full_frame.emit(self.current.mode, 0)

    def import_files(self, paths: list[str]) -> None:
        self.status.setText(self.tr("正在导入 {0} 个文件…").format(len(paths)))
        self._want_import.emit(self.current_key, self.current.mode, [str(p) for p in paths])

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("导入材料文件"),
            "",
            self.tr("图片或 PDF (*.jpg *.jpeg *.png *.heic *.pdf)"),
        )
        if paths:
            self.import_files(paths)

    def _on_captured(self, key: str, page: ProcessedPage, source: str, thumb: QImage) -> None:
        state = self.states[key]
        retake = self._retake.pop(key, None)
        if retake is not None and retake < len(state.pages):
            state.pages.replace(retake, page, source)
            self._thumbs[key][retake] = thumb
        else:
            state.pages.add(page, source)
            self._thumbs[key].append(thumb)
        self.status.setText(
            self.tr("已拍第 {0} 页（{1} KB）").format(len(state.pages), page.size_bytes // 1024)
        )
        self._after_change(key)

    def _on_no_page(self, key: str, message: str) -> None:
        self.status.setText(message)
        self.full_frame_button.setVisible(key == self.current_key)

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)

    # --- page operations ----------------------------------------------------------
    def selected_index(self) -> int:
        return self.thumbs.currentRow()

    def _move(self, step: int) -> None:
        index = self.selected_index()
        target = index + step
        state = self.current
        if index < 0 or not 0 <= target < len(state.pages):
            return
        state.pages.move(index, target)
        thumbs = self._thumbs[self.current_key]
        thumbs.insert(target, thumbs.pop(index))
        self._after_change(self.current_key, select=target)

    def rotate_selected(self) -> None:
        index = self.selected_index()
        if index >= 0:
            self.current.pages.rotate(index, 90)
            self._after_change(self.current_key, select=index)

    def delete_selected(self) -> None:
        index = self.selected_index()
        if index >= 0:
            self.current.pages.delete(index)
            del self._thumbs[self.current_key][index]
            self._after_change(self.current_key)

    def retake_selected(self) -> None:
        index = self.selected_index()
        if index >= 0:
            self._retake[self.current_key] = index
            self.status.setText(self.tr("重拍第 {0} 页：放好材料后按空格").format(index + 1))

    def _after_change(self, key: str, select: int = -1) -> None:
        self._refresh_current_item(key)
        if key == self.current_key:
            self._show_thumbs(select)
        self.material_changed.emit(key)

    def _show_thumbs(self, select: int = -1) -> None:
        self.thumbs.clear()
        state = self.current
        for number, (entry, thumb) in enumerate(
            zip(state.pages.pages, self._thumbs[self.current_key], strict=True), start=1
        ):
            shown = (
                thumb.transformed(QTransform().rotate(entry.rotation)) if entry.rotation else thumb
            )
            item = QListWidgetItem(
                QIcon(QPixmap.fromImage(shown)), self.tr("第 {0} 页").format(number)
            )
            self.thumbs.addItem(item)
        if select >= 0:
            self.thumbs.setCurrentRow(select)

    # --- results ------------------------------------------------------------------
    def results(self) -> dict[str, MaterialDocument]:
        """One PDF (with SHA-256 and SM3) per material that has pages."""
        out = {}
        for key, state in self.states.items():
            doc = state.document()
            if doc is not None:
                out[key] = doc
        return out

    def page_count(self, key: str) -> int:
        return len(self.states[key].pages)

    def shutdown(self) -> None:
        self._capture.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
