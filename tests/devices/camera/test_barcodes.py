"""QR codes of pre-applications and 1D codes, read from photographed pages."""

import cv2
import numpy as np
import qrcode
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from devices.camera.barcodes import decode_codes
from devices.camera.synthetic import make_scene


def qr_image(text, box=8):
    img = qrcode.make(text, box_size=box, border=4).get_image().convert("L")
    return np.array(img, dtype=np.uint8)


def test_qr_code_on_a_tilted_page_in_a_12mp_photo():
    scene = make_scene(7, (4000, 3000))
    code = cv2.cvtColor(qr_image("YS-440100-20261121-000345"), cv2.COLOR_GRAY2BGR)
    # print the code onto the flat page, then photograph the page the same way again
    page = scene.page.copy()
    page[100 : 100 + code.shape[0], 100 : 100 + code.shape[1]] = code
    h, w = page.shape[:2]
    hom = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), scene.corners)
    warped = cv2.warpPerspective(page, hom, (4000, 3000))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), hom, (4000, 3000)) > 0
    photo = scene.image.copy()
    photo[mask] = warped[mask]
    codes = decode_codes(photo)
    assert [c.text for c in codes] == ["YS-440100-20261121-000345"]
    assert codes[0].format == "QRCode"
    # corners are reported in the photo's own pixels, on the page
    xs = [x for x, _ in codes[0].corners]
    assert min(xs) > scene.corners[:, 0].min() - 5


def test_ean13_and_code128():
    for text, fmt in (
        ("6901234567892", zxingcpp.BarcodeFormat.EAN13),
        ("SQ2026112100042", zxingcpp.BarcodeFormat.Code128),
    ):
        image = np.array(zxingcpp.create_barcode(text, fmt).to_image(scale=3))
        image = cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
        (code,) = decode_codes(image)
        assert code.text == text


def test_no_code_gives_an_empty_list():
    assert decode_codes(make_scene(1, (640, 480)).image) == []


@settings(max_examples=60, deadline=None)
@given(arrays(np.uint8, st.tuples(st.integers(1, 90), st.integers(1, 90))))
def test_any_frame_gives_a_list(frame):
    assert isinstance(decode_codes(frame), list)
