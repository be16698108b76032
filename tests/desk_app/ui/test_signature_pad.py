"""The signature pad driven with real mouse and tablet events; the PNG decoded and inspected."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from desk_app.ui.applicant_screen.signature_pad import SignaturePad

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton


def mouse(pad, kind, x, y, button, buttons):
    pos = QPointF(x, y)
    event = QMouseEvent(kind, pos, pad.mapToGlobal(pos), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pad, event)


def draw(pad, points):
    (x0, y0), *rest = points
    mouse(pad, QEvent.Type.MouseButtonPress, x0, y0, LEFT, LEFT)
    for x, y in rest:
        mouse(pad, QEvent.Type.MouseMove, x, y, NONE, LEFT)
    x, y = points[-1]
    mouse(pad, QEvent.Type.MouseButtonRelease, x, y, LEFT, NONE)


def decode(png: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(png, "PNG")
    return image


def dark_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_a_stroke_becomes_a_cropped_png_on_white(pad, qtbot):
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        draw(pad, [(100 + i * 5, 200 + 30 * math.sin(i / 6)) for i in range(80)])
    assert not pad.is_empty() and pad.stroke_count() == 1

    image = decode(pad.to_png(margin=16))
    ink = pad.ink_rect()
    # cropped to the ink plus the margin, not the 800x400 widget
    assert image.width() == round(ink.width() + 32)
    assert image.height() == round(ink.height() + 32)
    assert image.width() < 460 and image.height() < 120
    # white border (the margin) and dark ink inside
    corners = [(0, 0), (image.width() - 1, 0), (0, image.height() - 1),
               (image.width() - 1, image.height() - 1)]
    assert all(QColor(image.pixel(x, y)) == QColor("white") for x, y in corners)
    assert dark_pixels(image) > 300


def test_the_curve_is_continuous_between_sparse_points(pad):
    # points 40 px apart: the drawn line must still join them without gaps
    draw(pad, [(50 + 40 * i, 100) for i in range(10)])
    image = decode(pad.to_png(margin=4))
    middle = image.height() // 2
    row = [QColor(image.pixel(x, middle)).lightness() < 128 for x in range(image.width())]
    inked = [i for i, dark in enumerate(row) if dark]
    assert inked and inked[-1] - inked[0] > 340
    assert all(row[inked[0] : inked[-1] + 1])


def test_clear_and_empty_pad_refuses_to_export(pad, qtbot):
    draw(pad, [(10, 10), (60, 60)])
    draw(pad, [(100, 10), (160, 60)])
    assert pad.stroke_count() == 2
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty()
    with pytest.raises(ValueError, match="签名为空"):
        pad.to_png()


def test_a_tap_leaves_a_dot(pad):
    draw(pad, [(300, 150)])
    assert dark_pixels(decode(pad.to_png(margin=2))) > 0


def test_moves_without_a_pressed_button_draw_nothing(pad):
    mouse(pad, QEvent.Type.MouseMove, 10, 10, NONE, NONE)
    mouse(pad, QEvent.Type.MouseMove, 90, 90, NONE, NONE)
    assert pad.is_empty()


def test_tablet_pressure_widens_the_line(pad):
    device = QPointingDevice(
        "pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def stroke(y, pressure):
        for kind, x in ((QEvent.Type.TabletPress, 100), *((QEvent.Type.TabletMove, 100 + i * 10)
                                                         for i in range(1, 30)),
                        (QEvent.Type.TabletRelease, 390)):
            pos = QPointF(x, y)
            event = QTabletEvent(kind, device, pos, pad.mapToGlobal(pos), pressure, 0.0, 0.0,
                                 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                                 LEFT, NONE if kind == QEvent.Type.TabletRelease else LEFT)
            QApplication.sendEvent(pad, event)

    stroke(100, 0.1)
    light = pad.ink_rect().height()
    pad.clear()
    stroke(100, 1.0)
    firm = pad.ink_rect().height()
    assert pad.stroke_count() == 1
    assert firm > light * 2
