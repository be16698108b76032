"""The camera's own thread: live preview with page tracking, captures, file imports,
and scans from the bound scanner (flatbed or feeder).

The camera is opened, read and closed only on this thread (drivers are not
thread-safe), and every slow step — reading a 16 MP still, detection, warping,
encoding, rasterising a PDF — happens here, so the GUI thread only paints. This is a
long-lived loop with one owner rather than one-off jobs, which is why it is a QThread
of its own and not ``TaskRunner``'s pool. Results travel back as queued signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from devices.camera.autocapture import AutoCapture
from devices.camera.file_import import import_file
from devices.camera.page_detect import detect_page
from devices.camera.pipeline import PageNotFound, ProcessedPage, process_frame
from devices.camera.source import Camera
from devices.errors import DeviceError
from devices.scanner.base import Scanner, ScanSettings

log = logging.getLogger(__name__)

CameraFactory = Callable[[], Camera]
ScannerFactory = Callable[[], Scanner]
SCAN_DPI = 200  # what the notices and the center expect of an A4 page
SCAN_TIMEOUT = 180.0  # a full feeder at 200 dpi; the helper is killed past it
RETRY_MS = 1000  # after a camera fault, try again (reconnect) this often
THUMB_SIDE = 160
SHOWN_SIDE = 900  # the cut page shown after a capture


def to_qimage(frame: np.ndarray) -> QImage:
    """A deep-copied QImage (the array's memory is not shared with Qt)."""
    if frame.ndim == 2:
        h, w = frame.shape
        return QImage(frame.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _close_quietly(device: Camera | Scanner | None) -> None:
    """Close a device being given up on; its own failure to close changes nothing."""
    if device is not None:
        try:
            device.close()
        except DeviceError:
            pass


class CaptureWorker(QObject):
    # preview image, quad in preview pixels (list of 4 (x, y)) or None, message if none
    preview = Signal(QImage, object, str)
    captured = Signal(str, object, str, QImage)  # slot key, ProcessedPage, source, thumbnail
    no_page = Signal(str, str)  # slot key, what the clerk sees ("未检测到文稿…")
    failed = Signal(str)  # a device or file problem, in the clerk's words
    scanned = Signal(str, int, str)  # slot key, pages kept, the scanner's fault ("" if none)
    auto_fired = Signal()
    cut_page = Signal(QImage)  # the page just kept, as cut, for the preview to hold a moment

    def __init__(
        self, camera_factory: CameraFactory | None, scanner_factory: ScannerFactory | None = None
    ) -> None:
        super().__init__()
        self._factory = camera_factory
        self._camera: Camera | None = None
        self._scanner_factory = scanner_factory
        self._scanner: Scanner | None = None
        self._timer: QTimer | None = None
        self._auto = AutoCapture()
        self._auto_enabled = False
        self._auto_request: tuple[str, str] | None = None
        self._last_frame: np.ndarray | None = None
        self._last_failed: tuple[str, str, np.ndarray] | None = None
        self._outlined: tuple[tuple[int, int], np.ndarray] | None = None  # preview shape, quad
        self._running = False

    # --- lifecycle (on the worker thread) ----------------------------------------
    @Slot()
    def start(self) -> None:
        self._running = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._timer.start(0)

    @Slot()
    def stop(self) -> None:
        self._running = False
        if self._timer is not None:
            self._timer.stop()
        _close_quietly(self._camera)
        _close_quietly(self._scanner)
        self._camera = self._scanner = None

    def _ensure_camera(self) -> Camera | None:
        if self._camera is None and self._factory is not None:
            self._camera = self._factory()
        return self._camera

    @Slot()
    def _tick(self) -> None:
        if not self._running:
            return
        delay = 0
        try:
            camera = self._ensure_camera()
            if camera is None:
                return
            frame = camera.preview_frame(timeout=2.0)
            detection = detect_page(frame, refine=False)  # an outline to draw, not to cut
            quad = detection.quad.tolist() if detection.found else None
            # what the clerk sees outlined is what a capture may cut, if the still misses it
            self._outlined = (frame.shape[:2], detection.quad) if detection.found else None
            self.preview.emit(to_qimage(frame), quad, detection.message)
            if self._auto_enabled and self._auto_request is not None:
                if self._auto.update(frame, detection.quad):
                    self.auto_fired.emit()
                    key, mode = self._auto_request
                    self.capture(key, mode, 0)
        except DeviceError as err:
            log.info("camera fault: %s", type(err).__name__)
            self.failed.emit(err.clerk_message)
            _close_quietly(self._camera)  # reopen on the next tick (reconnect)
            self._camera = None
            delay = RETRY_MS
        finally:
            if self._running and self._timer is not None:
                self._timer.start(delay)

    # --- requests from the GUI (queued onto this thread) -------------------------
    @Slot(bool, str, str)
    def set_auto(self, enabled: bool, key: str, mode: str) -> None:
        self._auto_enabled = enabled
        self._auto_request = (key, mode)
        self._auto.reset()

    @Slot(str, str, int)
    def capture(self, key: str, mode: str, rotation: int) -> None:
        try:
            camera = self._ensure_camera()
            if camera is None:
                raise DeviceError("没有配置高拍仪：请在本机配置中绑定 camera，或导入文件")
            frame = camera.capture_still(timeout=5.0)
            self._process(key, mode, rotation, frame, camera.uri)
        except DeviceError as err:
            self.failed.emit(err.clerk_message)

    @Slot(str, str, str)
    def scan(self, key: str, mode: str, source: str) -> None:
        """Scan from the bound scanner; pages fed before a jam are kept, not lost."""
        try:
            if self._scanner is None:
                if self._scanner_factory is None:
                    raise DeviceError("未绑定扫描仪：请在 machine.toml 的 [devices] 中配置 scanner")
                self._scanner = self._scanner_factory()
            settings = ScanSettings(source, SCAN_DPI, colour=mode != "bw")
            fault = ""
            try:
                images = self._scanner.scan(settings, timeout=SCAN_TIMEOUT)
            except DeviceError as err:
                images, fault = getattr(err, "partial_pages", []), err.clerk_message
            for image in images:  # a scanned page is the page: straightened, not detected
                page = process_frame(image, mode, detect=False, dpi=SCAN_DPI)
                self._emit_page(key, page, self._scanner.uri)
            self.scanned.emit(key, len(images), fault)
        except DeviceError as err:
            self.scanned.emit(key, 0, err.clerk_message)

    def _process(self, key: str, mode: str, rotation: int, frame: np.ndarray, source: str) -> None:
        try:
            page = process_frame(frame, mode, rotation=rotation)
        except PageNotFound as missing:
            quad = self._outlined_quad(frame)
            if quad is None:
                self._last_failed = (key, source, frame)
                self.no_page.emit(key, missing.clerk_message)
                return
            # the preview outlined the page a moment ago: cut the still along that outline
            page = process_frame(frame, mode, quad=quad, rotation=rotation)
        self._last_failed = None
        if page.quad is not None:
            self._auto.mark_captured(frame, page.quad)
        self._emit_page(key, page, source)

    def _outlined_quad(self, still: np.ndarray) -> np.ndarray | None:
        """The last preview outline, scaled to the still (the preview may be smaller)."""
        if self._outlined is None:
            return None
        (height, width), quad = self._outlined
        scale = np.array([still.shape[1] / width, still.shape[0] / height], np.float32)
        return np.asarray(quad, np.float32).reshape(4, 2) * scale

    def _emit_page(self, key: str, page: ProcessedPage, source: str) -> None:
        # the pipeline's small array, not a decode of the finished PNG (~30 ms, GIL held)
        thumb = to_qimage(page.thumbnail) if page.thumbnail is not None else QImage()
        thumb = thumb.scaled(
            THUMB_SIDE,
            THUMB_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.captured.emit(key, page, source, thumb)
        self.cut_page.emit(self._shown_page(page))

    @staticmethod
    def _shown_page(page: ProcessedPage) -> QImage:
        """The page as cut, at screen size, so the clerk sees what was kept (not the
        outlined camera frame)."""
        image = cv2.imdecode(np.frombuffer(page.data, np.uint8), cv2.IMREAD_UNCHANGED)
        if image is None:
            return QImage()
        scale = min(1.0, SHOWN_SIDE / max(image.shape[:2]))
        if scale < 1.0:
            image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        return to_qimage(image)

    @Slot(str, int)
    def use_full_frame(self, mode: str, rotation: int) -> None:
        """The clerk's choice after "未检测到文稿": keep the whole last frame."""
        if self._last_failed is None:
            return
        key, source, frame = self._last_failed
        self._last_failed = None
        page = process_frame(frame, mode, full_frame=True, rotation=rotation)
        self._emit_page(key, page, source)

    @Slot(str, str, list)
    def import_files(self, key: str, mode: str, paths: list) -> None:
        for path in paths:
            try:
                for item in import_file(Path(path)):
                    if item.is_photo:
                        self._process(key, mode, 0, item.image, f"file:{item.label}")
                    else:
                        page = process_frame(item.image, mode, detect=False)
                        self._emit_page(key, page, f"file:{item.label}")
            except DeviceError as err:
                self.failed.emit(err.clerk_message)


class CaptureThread(QObject):
    """Owns the QThread the worker lives on; ``shutdown()`` stops and joins it."""

    def __init__(
        self,
        camera_factory: CameraFactory | None,
        parent: QObject | None = None,
        scanner_factory: ScannerFactory | None = None,
    ):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("capture")
        self.worker = CaptureWorker(camera_factory, scanner_factory)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self.thread.start()

    def shutdown(self, wait_ms: int = 5000) -> None:
        if not self.thread.isRunning():
            return
        # stop() must run on the worker's thread (it owns the timer and the camera)
        QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
        self.thread.quit()
        self.thread.wait(wait_ms)
