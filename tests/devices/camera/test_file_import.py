"""Files the applicant brings: JPEG (with EXIF orientation), PNG, HEIC, PDF; bad bytes."""

import io

import cv2
import img2pdf
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from devices.camera.file_import import UnreadableFile, import_bytes, import_file, sniff
from devices.camera.pipeline import process_frame
from devices.camera.synthetic import make_scene

SCENE = make_scene(5, (640, 480))


def encoded(fmt, image=SCENE.image, **kw):
    rgb = Image.fromarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
    buf = io.BytesIO()
    rgb.save(buf, format=fmt, **kw)
    return buf.getvalue()


def test_jpeg_photo_runs_through_the_pipeline():
    (page,) = import_bytes(encoded("JPEG", quality=92), "photo.jpg")
    assert page.is_photo and page.label == "photo.jpg"
    assert page.image.shape == SCENE.image.shape
    assert process_frame(page.image, "document").quad is not None


def test_phone_photo_is_turned_upright_by_its_exif_orientation():
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    (page,) = import_bytes(encoded("JPEG", exif=exif.tobytes()), "phone.jpg")
    assert page.image.shape[:2] == (640, 480)


def test_png_and_heic():
    (png,) = import_bytes(encoded("PNG"), "a.png")
    np.testing.assert_array_equal(png.image, SCENE.image)
    (heic,) = import_bytes(encoded("HEIF", quality=90), "iphone.heic")
    assert heic.image.shape == SCENE.image.shape
    assert np.abs(heic.image.astype(int) - SCENE.image).mean() < 8


def test_pdf_pages_are_rendered_at_the_requested_dpi(tmp_path):
    pdf = img2pdf.convert(
        [encoded("JPEG"), encoded("PNG")],
        layout_fun=img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))),
    )
    path = tmp_path / "contract.pdf"
    path.write_bytes(pdf)
    pages = import_file(path, dpi=100)
    assert [p.label for p in pages] == ["contract.pdf#1", "contract.pdf#2"]
    assert not pages[0].is_photo  # a flat page: no page detection needed
    assert pages[0].image.shape[:2] == pytest.approx((1169, 827), abs=2)  # A4 at 100 dpi


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "无法识别"),
        (b"hello, not an image", "无法识别"),
        (encoded("JPEG")[:300], "已损坏"),
        (b"%PDF-1.7\n garbage", "PDF"),
        (encoded("GIF"), "无法识别"),
    ],
)
def test_unreadable_files_get_a_message_the_clerk_can_act_on(data, words):
    with pytest.raises(UnreadableFile) as err:
        import_bytes(data, "x")
    assert words in err.value.clerk_message


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableFile, match="无法打开文件"):
        import_file(tmp_path / "nope.jpg")


def test_sniff_uses_content_not_name():
    assert sniff(encoded("PNG")) == "png"
    assert sniff(encoded("JPEG")) == "jpeg"
    assert sniff(b"\x00\x00\x00\x18ftypheic....") == "heic"


VALID = [encoded("JPEG"), encoded("PNG"), img2pdf.convert([encoded("JPEG")])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(VALID),
    st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=8)), max_size=6),
    st.integers(0, 10**6),
)
def test_fuzzed_files_give_pages_or_unreadable_file(base, patches, cut):
    data = bytearray(base)
    for pos, chunk in patches:
        pos %= len(data)
        data[pos : pos + len(chunk)] = chunk
    data = bytes(data[: max(1, cut % (len(data) + 1))])
    try:
        pages = import_bytes(data, "fuzz", dpi=30)
    except UnreadableFile as err:
        assert err.clerk_message
    else:
        assert all(p.image.ndim == 3 and p.image.dtype == np.uint8 for p in pages)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_give_unreadable_file(data):
    try:
        import_bytes(data, "random")
    except UnreadableFile:
        pass
