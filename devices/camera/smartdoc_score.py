"""The SmartDoc-2015 challenge-1 score of a detected page outline.

Protocol (http://smartdoc.univ-lr.fr/?p=264, "SmartDoc 2015 – Challenge 1 Evaluation"):
undo the perspective of the ground truth G and of the result S with the homography that
maps G onto the document's own rectangle (its real size), then score the frame with the
Jaccard index area(G' ∩ S') / area(G' ∪ S') there; a rejected frame scores 0, and a
method's score is the mean over frames. Measuring in the document's frame weighs every
part of the page alike, however far it is from the camera.
"""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera.geometry import Quad, is_convex, polygon_area


def smartdoc_jaccard(detected: Quad | None, truth: Quad, doc_size: tuple[float, float]) -> float:
    """Jaccard index of ``detected`` vs ``truth`` in the document referential.

    ``doc_size`` is the document's (width, height) in any unit; corners are clockwise
    from the document's top-left in both quads' order as given for ``truth``.
    """
    if detected is None:
        return 0.0
    dw, dh = doc_size
    ref = np.array([[0, 0], [dw, 0], [dw, dh], [0, dh]], np.float32)
    hom = cv2.getPerspectiveTransform(np.asarray(truth, np.float32), ref)
    pts = np.asarray(detected, np.float64).reshape(-1, 1, 2)
    homog = np.concatenate([pts.reshape(-1, 2), np.ones((len(pts), 1))], axis=1) @ hom.T
    if (homog[:, 2] <= 0).any():  # part of S lies behind the camera in G's plane
        return 0.0
    warped = (homog[:, :2] / homog[:, 2:3]).astype(np.float32)
    if not is_convex(warped):
        return 0.0
    inter, _ = cv2.intersectConvexConvex(warped.reshape(-1, 1, 2), ref.reshape(-1, 1, 2))
    union = polygon_area(warped) + polygon_area(ref) - inter
    return float(inter / union) if union > 0 else 0.0
