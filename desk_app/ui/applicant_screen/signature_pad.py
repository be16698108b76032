"""The applicant's handwritten signature: strokes from a mouse, a pen tablet or a finger.

Touch input reaches us as the mouse events Qt synthesises for unhandled touches; a pen
tablet's events are taken directly so its pressure can vary the line width. Strokes are
kept as points and drawn as quadratic curves through the midpoints of successive points
(smooth without lagging behind the pen). ``to_png`` renders only the ink, cropped with a
margin, on white, ready to go into a notice or the case record.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desk_app.ui.widgets.themed import colour_property

BASE_WIDTH = 3.0       # px for a mouse or finger
MIN_STEP = 1.5         # px; closer points add jitter, not shape


@dataclass(frozen=True)
class InkPoint:
    x: float
    y: float
    width: float


class SignaturePad(QWidget):
    changed = Signal()   # a stroke was added or the pad was cleared
    # the theme's (SignaturePad in counter.qss); the exported image is always on white
    paper = colour_property("paper", Qt.GlobalColor.white)
    ink = colour_property("ink", Qt.GlobalColor.black)
    baseline = colour_property("baseline", Qt.GlobalColor.gray)
    frame = colour_property("frame", Qt.GlobalColor.darkGray)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[InkPoint]] = []
        self._drawing = False

    # ---- state ---------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self._strokes

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def ink_rect(self) -> QRectF:
        """Bounding box of the ink in widget coordinates (empty when nothing is drawn)."""
        rect = QRectF()
        for stroke in self._strokes:
            for p in stroke:
                half = p.width / 2
                rect = rect.united(QRectF(p.x - half, p.y - half, p.width, p.width))
        return rect

    # ---- input ---------------------------------------------------------------------
    def _begin(self, pos: QPointF, width: float) -> None:
        self._drawing = True
        self._strokes.append([InkPoint(pos.x(), pos.y(), width)])
        self.update()

    def _extend(self, pos: QPointF, width: float) -> None:
        if not self._drawing:
            return
        stroke = self._strokes[-1]
        last = stroke[-1]
        if abs(pos.x() - last.x) + abs(pos.y() - last.y) < MIN_STEP:
            return
        stroke.append(InkPoint(pos.x(), pos.y(), width))
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), BASE_WIDTH)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), BASE_WIDTH)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), BASE_WIDTH)
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # pressure 0..1 → 1.5..6 px, so a firm stroke reads as firm on paper
        width = 1.5 + 4.5 * max(0.0, min(1.0, event.pressure()))
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QTabletEvent.Type.TabletMove:
            if event.pressure() > 0:
                self._extend(event.position(), width)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    # ---- drawing -------------------------------------------------------------------
    def _paint_ink(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            if len(stroke) == 1:
                p = stroke[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.ink)
                painter.drawEllipse(QPointF(p.x, p.y), p.width / 2, p.width / 2)
                continue
            painter.setBrush(Qt.BrushStyle.NoBrush)
            start = QPointF(stroke[0].x, stroke[0].y)
            for i in range(1, len(stroke)):
                a, b = stroke[i - 1], stroke[i]
                end = QPointF((a.x + b.x) / 2, (a.y + b.y) / 2) if i < len(stroke) - 1 \
                    else QPointF(b.x, b.y)
                path = QPainterPath(start)
                path.quadTo(QPointF(a.x, a.y), end)  # from midpoint to midpoint
                pen = QPen(self.ink, (a.width + b.width) / 2, Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawPath(path)
                start = end

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.paper)
        # a baseline to sign on, as on paper; not part of the exported image
        painter.setPen(QPen(self.baseline, 2, Qt.PenStyle.DashLine))
        y = int(self.height() * 0.75)
        painter.drawLine(24, y, self.width() - 24, y)
        painter.setPen(QPen(self.frame, 2))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        self._paint_ink(painter)
        painter.end()

    def to_image(self, margin: int = 16, scale: float = 1.0) -> QImage:
        if self.is_empty():
            raise ValueError("签名为空：请先签名")
        ink = self.ink_rect().adjusted(-margin, -margin, margin, margin)
        width = max(1, round(ink.width() * scale))
        height = max(1, round(ink.height() * scale))
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)  # paper for the record, whatever the theme
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-ink.left(), -ink.top())
        self._paint_ink(painter)
        painter.end()
        return image

    def to_png(self, margin: int = 16, scale: float = 1.0) -> bytes:
        """PNG of the strokes on white, cropped to the ink plus ``margin`` px."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.to_image(margin, scale).save(buffer, "PNG"):
            raise RuntimeError("签名图片生成失败")
        buffer.close()
        return bytes(data.data())
