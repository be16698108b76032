"""UVC document cameras (高拍仪) through OpenCV: full resolution, fast preview, reconnect.

- MJPG is requested first: at 5–16 MP an uncompressed YUYV stream manages 1–2 fps
  over USB 2, MJPG 10–30.
- Preview frames come from the same MJPG stream, decoded by libjpeg at 1/4 scale
  (``IMREAD_REDUCED_COLOR_4``), which costs a fraction of a full decode. Where the
  backend will not hand over the raw MJPG bytes, the decoded frame is shrunk instead.
- All OpenCV calls run on the camera's own single thread (drivers are not
  thread-safe), so a hung driver call becomes a :class:`DeviceTimeout` instead of a
  frozen caller; after a failure the next call reopens the device (reconnect after the
  USB cable was pulled and plugged back).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import cv2
import numpy as np

from devices.camera.source import shrink_for_preview
from devices.device_thread import DeviceThread
from devices.errors import DeviceNotConnected, DeviceTimeout

# Common document-camera modes, largest first; the first one the driver accepts wins.
COMMON_RESOLUTIONS = (
    (4608, 3456),
    (4000, 3000),
    (3264, 2448),
    (2592, 1944),
    (2048, 1536),
    (1920, 1080),
    (1600, 1200),
    (1280, 720),
    (640, 480),
)
UNPLUGGED = "高拍仪未连接或已拔出：请检查 USB 线，插好后会自动重新连接"

CaptureFactory = Callable[[], cv2.VideoCapture]


def default_api() -> int:
    system = platform.system()
    if system == "Linux":
        return cv2.CAP_V4L2
    if system == "Windows":
        return cv2.CAP_DSHOW  # DirectShow exposes MJPG modes MSMF often hides
    return cv2.CAP_ANY


class OpenCVCamera:
    def __init__(
        self,
        index: int = 0,
        *,
        resolution: tuple[int, int] | None = None,
        capture_factory: CaptureFactory | None = None,
        uri: str = "",
    ) -> None:
        self.index = index
        self.uri = uri or f"camera:{index}"
        self.description = f"高拍仪（摄像头 {index}）"
        self.wanted = resolution
        self._factory = capture_factory or (lambda: cv2.VideoCapture(index, default_api()))
        self._worker = DeviceThread(f"camera-{index}")
        self._cap: cv2.VideoCapture | None = None
        self._raw_mjpg = False
        self._size = (0, 0)
        try:
            self._run(self._open, 10.0)
        except BaseException:
            self._worker.shutdown()
            raise

    # --- all of these run on the camera thread -------------------------------------
    def _open(self) -> None:
        cap = self._factory()
        if cap is None or not cap.isOpened():
            raise DeviceNotConnected(UNPLUGGED, detail=f"cannot open camera {self.uri}")
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter_fourcc(*"MJPG"))
        for w, h in [self.wanted] if self.wanted else COMMON_RESOLUTIONS:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
            if (
                int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
                int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
            ) == (
                w,
                h,
            ):
                break
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a stale queue
        fourcc = int(cap.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little")
        # Raw MJPG bytes let the preview decode at 1/4 scale. Only V4L2 hands over the
        # compressed buffer (as a 1×N array); other backends give a truncated plane.
        self._raw_mjpg = (
            fourcc == b"MJPG"
            and cap.getBackendName() == "V4L2"
            and bool(cap.set(cv2.CAP_PROP_CONVERT_RGB, 0))
        )
        self._cap = cap
        self._size = (
            int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
            int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        )

    def _read(self, reduced: bool) -> np.ndarray:
        if self._cap is None:
            self._open()  # reconnect
        assert self._cap is not None
        ok, frame = self._cap.read()
        if not ok or frame is None or frame.size == 0:
            self._release()
            raise DeviceNotConnected(UNPLUGGED, detail=f"read failed on {self.uri}")
        if self._raw_mjpg and (frame.ndim == 1 or frame.shape[0] == 1):  # raw MJPG bytes
            flag = cv2.IMREAD_REDUCED_COLOR_4 if reduced else cv2.IMREAD_COLOR
            decoded = cv2.imdecode(frame.reshape(-1), flag)
            if decoded is None:
                raise DeviceNotConnected(UNPLUGGED, detail="corrupt MJPG frame")
            frame = decoded
        if reduced:
            frame = shrink_for_preview(frame)
        else:
            self._size = (frame.shape[1], frame.shape[0])
        return frame

    def _release(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    # --- called from the owner's thread ---------------------------------------------
    def _run(self, fn: Callable, timeout: float, *args):
        future = self._worker.submit(fn, *args)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout as exc:
            raise DeviceTimeout(
                "高拍仪长时间没有画面：请检查 USB 线或换一个 USB 口", detail=f"{self.uri} timeout"
            ) from exc

    def preview_frame(self, timeout: float = 2.0) -> np.ndarray:
        return self._run(self._read, timeout, True)

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        return self._run(self._read, timeout, False)

    def resolution(self) -> tuple[int, int]:
        return self._size

    def close(self) -> None:
        try:
            self._run(self._release, 2.0)
        finally:
            self._worker.shutdown()


def enumerate_cameras(max_probe: int = 4) -> list[tuple[int, str]]:
    """(index, name) of attached video-capture devices.

    Linux: read sysfs (instant, no device is opened). Elsewhere: try opening the first
    few indexes, which is what every Windows capture tool does.
    """
    sysfs = Path("/sys/class/video4linux")
    if platform.system() == "Linux":
        found = []
        if sysfs.is_dir():
            for node in sorted(sysfs.glob("video*")):
                try:
                    # each UVC camera has metadata nodes too; index 0 is the capture node
                    if (node / "index").read_text().strip() != "0":
                        continue
                    name = (node / "name").read_text().strip()
                    found.append((int(node.name.removeprefix("video")), name))
                except (OSError, ValueError):
                    continue
        return found
    found = []
    for index in range(max_probe):
        cap = cv2.VideoCapture(index, default_api())
        if cap.isOpened():
            found.append((index, f"摄像头 {index}"))
        cap.release()
    return found
