"""Too many pages in a material's slot (11 pages into a 照片 slot) asks the clerk first."""

from types import SimpleNamespace

import cv2
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk_app.ui.capture.capture_dialog import CaptureDialog
from devices.camera.source import FolderCamera
from devices.camera.synthetic import make_scene
from forms.materials import expected_pages, page_count_question
from forms.spec import ModeSpec


def test_expected_pages_by_what_the_material_is():
    assert expected_pages("一寸免冠照片", 1) == 1
    assert expected_pages("居民身份证复印件", 1) == 2
    assert expected_pages("居民身份证复印件", 2) == 4
    assert expected_pages("房屋租赁合同", 1) == 30
    assert page_count_question("一寸免冠照片", "original", 1, 1) is None
    question = page_count_question("一寸免冠照片", "original", 1, 11)
    assert question == "「一寸免冠照片」要求原件1份，一般不超过 1 页，本次拍了 11 页。"
    assert page_count_question("房屋租赁合同", "copy", 1, 11) is None


@pytest.fixture()
def photos(tmp_path):
    paths = []
    for i in range(3):
        path = tmp_path / f"p{i}.jpg"
        cv2.imwrite(str(path), make_scene(60 + i, (900, 700)).image)
        paths.append(str(path))
    return paths


def test_the_clerk_is_asked_and_no_keeps_the_dialog_open(qtbot, photos, tmp_path, monkeypatch):
    line = SimpleNamespace(key="A/PHOTO", name="一寸免冠照片", form="original", copies=1,
                           modes=(ModeSpec(kind="upload"),))
    dialog = CaptureDialog([line], lambda: FolderCamera(tmp_path))
    qtbot.addWidget(dialog)
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: (asked.append(text), next(answers))[1])
    dialog.show()
    try:
        dialog.screen.import_files(photos)
        qtbot.waitUntil(lambda: dialog.screen.page_count("A/PHOTO") == 3, timeout=20_000)
        dialog.accept()
        assert asked and "本次拍了 3 页" in asked[0]
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.screen.page_count("A/PHOTO") == 3  # nothing lost by going back
        dialog.accept()
        assert len(asked) == 2 and dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.results()["A/PHOTO"].page_count == 3
    finally:
        dialog.screen.shutdown()
