"""The simulator camera (folder of images, video file) and the OpenCV camera backend.

The OpenCV backend is driven through a real ``cv2.VideoCapture`` on an MJPG video
file (there is no UVC camera on CI); its reconnect path is exercised by a factory
that fails to open while the "cable" is out.
"""

import cv2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.camera.opencv_camera import OpenCVCamera
from devices.camera.source import PREVIEW_SIDE, FolderCamera
from devices.camera.synthetic import make_scene
from devices.camera.uri import BadDeviceUri, open_camera, split_uri
from devices.errors import DeviceNotConnected

SIZE = (1600, 1200)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages")
    for i in range(3):
        cv2.imwrite(str(path / f"page{i}.jpg"), make_scene(i, SIZE).image)
    (path / "notes.txt").write_text("not an image")
    return path


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    path = tmp_path_factory.mktemp("video") / "desk.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, SIZE)
    for i in range(4):
        writer.write(make_scene(i, SIZE).image)
    writer.release()
    return path


def test_folder_camera_previews_small_and_captures_full_size_then_moves_on(folder):
    cam = open_camera(f"camera-folder:{folder}?fps=200&frames_per_image=3")
    assert isinstance(cam, FolderCamera) and "3 张图片" in cam.description
    first = cam.preview_frame()
    assert max(first.shape[:2]) == PREVIEW_SIDE
    assert cam.resolution() == SIZE
    still = cam.capture_still()
    assert still.shape[:2] == (1200, 1600)
    # the next page is now under the camera
    assert (cam.preview_frame() != first).any()
    for _ in range(12):  # loops round the folder
        cam.preview_frame()
    cam.close()


def test_folder_camera_plays_a_video_and_loops(video):
    cam = open_camera(f"camera-folder:{video}?fps=200")
    frames = [cam.preview_frame() for _ in range(9)]
    assert all(f.shape[:2] == (720, 960) for f in frames)
    cam.close()


def test_missing_or_empty_folder_is_reported(tmp_path):
    with pytest.raises(DeviceNotConnected, match="没有图片"):
        FolderCamera(tmp_path)
    with pytest.raises(DeviceNotConnected, match="找不到"):
        FolderCamera(tmp_path / "nope")


def test_opencv_camera_reads_preview_and_stills_from_a_real_capture(video):
    cam = OpenCVCamera(0, capture_factory=lambda: cv2.VideoCapture(str(video)))
    preview = cam.preview_frame(timeout=5)
    assert max(preview.shape[:2]) <= PREVIEW_SIDE
    still = cam.capture_still(timeout=5)
    assert still.shape[:2] == (1200, 1600)
    assert cam.resolution() == SIZE
    cam.close()


def test_opencv_camera_reconnects_after_unplug(video):
    plugged = {"in": True}

    def factory():
        return cv2.VideoCapture(str(video) if plugged["in"] else "/nonexistent/device")

    cam = OpenCVCamera(0, capture_factory=factory)
    for _ in range(4):  # play the 4-frame video to its end: the stream "dies"
        cam.capture_still(timeout=5)
    plugged["in"] = False
    with pytest.raises(DeviceNotConnected, match="请检查 USB 线"):
        cam.capture_still(timeout=5)
    with pytest.raises(DeviceNotConnected):
        cam.preview_frame(timeout=5)  # still unplugged: each try reopens and fails
    plugged["in"] = True
    assert cam.preview_frame(timeout=5) is not None  # reopened by itself
    cam.close()


def test_unopenable_camera_says_what_to_check():
    with pytest.raises(DeviceNotConnected, match="高拍仪未连接"):
        OpenCVCamera(0, capture_factory=lambda: cv2.VideoCapture("/nonexistent/device"))


@pytest.mark.parametrize("uri", ["camera", "usb:3", "camera:abc", "camera-folder:"])
def test_bad_uris(uri):
    with pytest.raises(BadDeviceUri):
        open_camera(uri)


def test_split_uri_keeps_colons_in_names():
    assert split_uri("sane:epson2:libusb:001:004?mode=Color") == (
        "sane",
        "epson2:libusb:001:004",
        {"mode": "Color"},
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_uri_text_parses_or_gets_a_clear_error(text):
    try:
        scheme, _, params = split_uri(text)
    except BadDeviceUri as err:
        assert "设备地址" in err.clerk_message
    else:
        assert scheme == scheme.lower() and isinstance(params, dict)
