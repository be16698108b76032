"""Pages of a material → one PDF with SHA-256 and SM3 digests; reorder/rotate/delete/retake."""

import hashlib
import io

import numpy as np
import pikepdf
import pytest
from gmssl import func, sm3

from devices.camera.material import MaterialPages
from devices.camera.pipeline import process_frame
from devices.camera.synthetic import make_scene


@pytest.fixture(scope="module")
def pages():
    return [
        process_frame(make_scene(seed, (800, 600)).image, mode)
        for seed, mode in ((1, "document"), (2, "colour"), (3, "bw"))
    ]


def embedded_images(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        out = []
        for page in pdf.pages:
            (image,) = page.get_images().values()
            pixels = np.asarray(pikepdf.PdfImage(image).as_pil_image().convert("L"))
            out.append(
                (
                    image.read_raw_bytes(),
                    int(page.obj.get("/Rotate", 0)),
                    [float(v) for v in page.mediabox],
                    pixels,
                )
            )
        return out


def test_one_pdf_with_every_page_embedded_losslessly(pages):
    material = MaterialPages()
    for p in pages:
        material.add(p, source="camera-folder:test")
    doc = material.to_document()
    assert doc.page_count == 3
    images = embedded_images(doc.pdf)
    assert len(images) == 3
    # the JPEG page is embedded byte for byte (DCTDecode), not recompressed
    assert images[1][0] == pages[1].data
    # the PNG pages decode to exactly the captured pixels
    for index in (0, 2):
        decoded = images[index][3]
        captured = pages[index].decode()
        captured = captured if captured.ndim == 2 else captured.mean(axis=2)
        assert decoded.shape == captured.shape[:2]
    np.testing.assert_array_equal(images[2][3], pages[2].decode())
    # A4 at the pages' 200 dpi → 595×842 pt
    assert images[0][2][2:] == pytest.approx([595.4, 842.0], abs=0.5)


def test_digests_are_sha256_and_sm3_of_the_pdf_bytes(pages):
    material = MaterialPages()
    material.add(pages[0])
    doc = material.to_document()
    assert doc.sha256 == hashlib.sha256(doc.pdf).hexdigest()
    # SM3 checked against an independent implementation (gmssl)
    assert doc.sm3 == sm3.sm3_hash(func.bytes_to_list(doc.pdf))


def test_reorder_rotate_delete_and_retake(pages):
    material = MaterialPages()
    for p in pages:
        material.add(p)
    material.move(2, 0)  # bw page first
    assert [p.page.mode for p in material.pages] == ["bw", "document", "colour"]
    assert material.rotate(1) == 90
    assert material.rotate(1, 180) == 270
    material.delete(2)
    retake = process_frame(make_scene(9, (800, 600)).image, "grey")
    material.replace(0, retake)
    assert [p.page.mode for p in material.pages] == ["grey", "document"]
    images = embedded_images(material.to_document().pdf)
    assert [entry[1] for entry in images] == [0, 270]
    # rotation does not touch the image data
    assert images[1][0] != b"" and material.pages[1].page.data == pages[0].data


def test_bad_page_operations_are_refused(pages):
    material = MaterialPages()
    with pytest.raises(ValueError):
        material.to_document()
    material.add(pages[0])
    with pytest.raises(IndexError):
        material.delete(3)
    with pytest.raises(IndexError):
        material.move(0, 5)
    with pytest.raises(ValueError):
        material.rotate(0, 45)


def test_twenty_pages_stay_encoded_not_decoded(pages):
    material = MaterialPages()
    for _ in range(20):
        material.add(pages[0])
    held = sum(len(p.page.data) for p in material.pages)
    assert held < 20 * 200_000
    assert all(isinstance(p.page.data, bytes) for p in material.pages)
    # the only arrays a page keeps are its corners and a thumbnail of ≤ 200×200 px
    arrays = [v for p in material.pages for v in vars(p.page).values()
              if isinstance(v, np.ndarray) and v is not p.page.quad]
    assert all(a.nbytes <= 200 * 200 * 3 for a in arrays)
