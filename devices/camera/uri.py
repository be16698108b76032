"""Camera URIs.

- ``camera:<index>[?width=W&height=H]``: a UVC document camera through OpenCV;
- ``camera-folder:<dir or video>[?fps=15&frames_per_image=45]``: the simulator playing
  a folder of images or a video file;
- ``camera-sim:[?seed=0&width=2592&height=1944]``: the simulator with generated pages.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

from devices.camera.source import Camera, FolderCamera, SyntheticCamera
from devices.errors import DeviceError

CAMERA_SCHEMES = ("camera", "camera-folder", "camera-sim")


class BadDeviceUri(DeviceError):
    """The URI names no device kind we know, or its parameters are wrong."""


def split_uri(uri: str) -> tuple[str, str, dict[str, str]]:
    """'sane:test:0?mode=Color' → ('sane', 'test:0', {'mode': 'Color'})."""
    scheme, sep, rest = uri.partition(":")
    if not sep or not scheme:
        raise BadDeviceUri(f"设备地址“{uri}”格式不对：应为 类型:名称，例如 camera:0")
    target, _, query = rest.partition("?")
    return scheme.lower(), target, dict(parse_qsl(query, keep_blank_values=True))


def is_camera_uri(uri: str) -> bool:
    return uri.partition(":")[0].lower() in CAMERA_SCHEMES


def open_camera(uri: str, **kwargs) -> Camera:
    scheme, target, params = split_uri(uri)
    if scheme == "camera-folder":
        if not target:
            raise BadDeviceUri("camera-folder: 后面要写图片文件夹或视频文件的路径")
        try:
            fps = float(params.get("fps", kwargs.pop("fps", 15.0)))
            frames = int(params.get("frames_per_image", kwargs.pop("frames_per_image", 45)))
        except ValueError as exc:
            raise BadDeviceUri(f"设备地址“{uri}”的参数应为数字") from exc
        return FolderCamera(Path(target), fps=fps, frames_per_image=frames, uri=uri)
    if scheme == "camera-sim":
        try:
            seed = int(params.get("seed", 0))
            size = (int(params.get("width", 2592)), int(params.get("height", 1944)))
            fps = float(params.get("fps", kwargs.pop("fps", 15.0)))
            frames = int(params.get("frames_per_image", kwargs.pop("frames_per_image", 45)))
        except ValueError as exc:
            raise BadDeviceUri(f"设备地址“{uri}”的参数应为数字") from exc
        return SyntheticCamera(seed=seed, size=size, fps=fps, frames_per_image=frames, uri=uri)
    if scheme == "camera":
        from devices.camera.opencv_camera import OpenCVCamera

        try:
            index = int(target or 0)
            size = (int(params["width"]), int(params["height"])) if "width" in params else None
        except (ValueError, KeyError) as exc:
            raise BadDeviceUri(
                f"设备地址“{uri}”不对：camera: 后面是摄像头编号，"
                "例如 camera:0?width=4608&height=3456"
            ) from exc
        return OpenCVCamera(index, resolution=size, uri=uri, **kwargs)
    raise BadDeviceUri(f"“{uri}”不是高拍仪地址：应以 camera:、camera-folder: 或 camera-sim: 开头")
