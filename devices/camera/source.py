"""The camera interface every capture path uses, and the simulator camera.

A camera gives two things: small, frequent preview frames for the live view and page
tracking, and a full-resolution still on demand. Both calls block at most ``timeout``
seconds and raise :class:`devices.errors.DeviceError` subclasses. A camera object is
used from one thread only (the UI's capture worker owns it).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from devices.errors import DeviceNotConnected, DeviceProtocolError

PREVIEW_SIDE = 960  # long side of preview frames
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm", ".mjpg", ".mjpeg"}


class Camera(Protocol):
    uri: str
    description: str

    def preview_frame(self, timeout: float = 2.0) -> np.ndarray: ...

    def capture_still(self, timeout: float = 5.0) -> np.ndarray: ...

    def resolution(self) -> tuple[int, int]: ...

    def close(self) -> None: ...


def shrink_for_preview(frame: np.ndarray, side: int = PREVIEW_SIDE) -> np.ndarray:
    h, w = frame.shape[:2]
    scale = side / max(h, w)
    if scale >= 1:
        return frame
    size = (round(w * scale), round(h * scale))
    if scale < 0.5:  # see page_detect._work_copy: cheap bilinear step, then area
        frame = cv2.resize(frame, (size[0] * 2, size[1] * 2), interpolation=cv2.INTER_LINEAR)
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA)


class PlaybackCamera:
    """A simulator camera: shows one frame at a time from ``next_frame()``.

    Each frame stays "under the camera" for ``frames_per_image`` preview frames, and a
    still capture moves on to the next one, as when the clerk lays down the next page.
    Preview frames are paced at ``fps`` like a real camera.
    """

    uri = ""
    description = ""
    plays_video = False

    def __init__(self, *, fps: float = 15.0, frames_per_image: int = 45) -> None:
        self.fps = fps
        self.frames_per_image = max(1, frames_per_image)
        self._current: np.ndarray | None = None
        self._preview: np.ndarray | None = None
        self._shown = 0
        self._last_frame_at = 0.0

    def next_frame(self) -> np.ndarray:
        raise NotImplementedError

    def _advance(self) -> None:
        self._shown = 0
        self._current = self.next_frame()
        self._preview = None  # shrunk once per image, not on every frame

    def _pace(self) -> None:
        wait = 1.0 / self.fps - (time.monotonic() - self._last_frame_at)
        if wait > 0:
            time.sleep(wait)
        self._last_frame_at = time.monotonic()

    def preview_frame(self, timeout: float = 2.0) -> np.ndarray:
        self._pace()
        if self._current is None or self.plays_video or self._shown >= self.frames_per_image:
            self._advance()  # a video plays on every frame; an image stays a while
        self._shown += 1
        assert self._current is not None
        if self._preview is None:
            self._preview = shrink_for_preview(self._current)
        return self._preview

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        if self._current is None:
            self._advance()
        assert self._current is not None
        frame = self._current.copy()
        self._advance()
        return frame

    def resolution(self) -> tuple[int, int]:
        if self._current is None:
            self._advance()
        assert self._current is not None
        h, w = self._current.shape[:2]
        return w, h

    def close(self) -> None:
        pass


class FolderCamera(PlaybackCamera):
    """Simulator: plays a folder of images (sorted by name) or a video file, looping."""

    def __init__(
        self, path: str | Path, *, fps: float = 15.0, frames_per_image: int = 45, uri: str = ""
    ) -> None:
        super().__init__(fps=fps, frames_per_image=frames_per_image)
        self.path = Path(path)
        self.uri = uri or f"camera-folder:{self.path}"
        self._files: list[Path] = []
        self._video: cv2.VideoCapture | None = None
        self._index = -1
        if self.path.is_dir():
            self._files = sorted(
                p for p in self.path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES
            )
            if not self._files:
                raise DeviceNotConnected(f"模拟高拍仪：文件夹 {self.path} 中没有图片（jpg/png）")
            self.description = f"模拟高拍仪（{len(self._files)} 张图片）"
        elif self.path.is_file() and self.path.suffix.lower() in VIDEO_SUFFIXES:
            self._open_video()
            self.plays_video = True
            self.description = f"模拟高拍仪（视频 {self.path.name}）"
        else:
            raise DeviceNotConnected(f"模拟高拍仪：找不到图片文件夹或视频 {self.path}")
        self._advance()

    def _open_video(self) -> None:
        self._video = cv2.VideoCapture(str(self.path))
        if not self._video.isOpened():
            raise DeviceProtocolError(f"模拟高拍仪：无法播放视频 {self.path.name}")

    def next_frame(self) -> np.ndarray:
        if self._video is not None:
            ok, frame = self._video.read()
            if not ok:  # end of the video: loop
                self._video.release()
                self._open_video()
                ok, frame = self._video.read()
            if not ok:
                raise DeviceProtocolError(f"模拟高拍仪：视频 {self.path.name} 没有可读的画面")
            return frame
        for _ in range(len(self._files)):
            self._index = (self._index + 1) % len(self._files)
            frame = cv2.imread(str(self._files[self._index]), cv2.IMREAD_COLOR)
            if frame is not None:
                return frame
        raise DeviceProtocolError(f"模拟高拍仪：文件夹 {self.path} 中的图片都无法读取")

    def close(self) -> None:
        if self._video is not None:
            self._video.release()
            self._video = None


class SyntheticCamera(PlaybackCamera):
    """Simulator needing no files: synthetic text pages on desks (the demo's camera).

    Every ``pages``-th frame is an empty desk, so "no page" shows up in a demo too.
    """

    def __init__(
        self,
        *,
        seed: int = 0,
        size: tuple[int, int] = (2592, 1944),
        pages: int = 6,
        fps: float = 15.0,
        frames_per_image: int = 45,
        uri: str = "",
    ) -> None:
        super().__init__(fps=fps, frames_per_image=frames_per_image)
        from devices.camera import synthetic  # only the simulator needs the generator

        self._synthetic = synthetic
        self.uri = uri or "camera-sim:"
        self.description = "模拟高拍仪（合成的材料页面）"
        self.seed, self.size, self.pages = seed, size, max(1, pages)
        self._count = 0
        self._advance()

    def next_frame(self) -> np.ndarray:
        n = self._count
        self._count += 1
        if n % (self.pages + 1) == self.pages:
            return self._synthetic.empty_desk(self.seed + n, self.size)
        return self._synthetic.make_scene(self.seed + n, self.size).image
