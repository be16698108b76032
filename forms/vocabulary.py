"""The desk's words, each defined once: how a material is provided, in which form, what the
clerk decided, and where a case is in its life.

Each is an enum whose values are the wire values of docs/api-v1.md (sent by the desk,
stored by the center — never renamed) and whose ``label`` is the Chinese word. Forms, the
client, the center and the papers all read these. The labels are marked for Qt's lupdate
with ``QT_TRANSLATE_NOOP(<enum name>, …)`` (a Qt-free stand-in below); the window shows
them through ``QCoreApplication.translate(<enum name>, label)`` (desk_app/ui/widgets/words.py).
Printed papers (收件回执, 通知书) are legal documents and always print the Chinese label.

    MaterialMode("licence").label        # 电子证照
    MaterialMode("licence").exempt       # True: 免于提交
    DecisionKind("refuse").case_status   # CaseStatus.REFUSED
"""

from __future__ import annotations

from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """lupdate's extraction marker without importing Qt: returns ``text`` unchanged."""
    return text


class MaterialMode(StrEnum):
    """How a material is provided. One wording the clerk sees everywhere (the materials
    step, the capture screen, the receipt); the capture screen's own 拍摄/扫描 · 上传文件 ·
    纸质 were dropped for these, the words the receipt already printed."""

    PAPER = "paper"
    SCAN = "scan"
    UPLOAD = "upload"
    LICENCE = "licence"
    SHARED = "shared"
    PLEDGE = "pledge"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return _MODE_LABELS[self]

    @property
    def exempt(self) -> bool:
        """两个免于提交: the government already holds it (电子证照, 共享核验)."""
        return self in (MaterialMode.LICENCE, MaterialMode.SHARED)


_MODE_LABELS = {
    MaterialMode.PAPER: QT_TRANSLATE_NOOP("MaterialMode", "纸质收取"),
    MaterialMode.SCAN: QT_TRANSLATE_NOOP("MaterialMode", "现场扫描"),
    MaterialMode.UPLOAD: QT_TRANSLATE_NOOP("MaterialMode", "申请人文件"),
    MaterialMode.LICENCE: QT_TRANSLATE_NOOP("MaterialMode", "电子证照"),
    MaterialMode.SHARED: QT_TRANSLATE_NOOP("MaterialMode", "共享核验"),
    MaterialMode.PLEDGE: QT_TRANSLATE_NOOP("MaterialMode", "告知承诺"),
    MaterialMode.DEFERRED: QT_TRANSLATE_NOOP("MaterialMode", "容缺后补"),
}
# An exempt mode as printed and shown: 免于提交（电子证照）; %1 is the mode's label.
EXEMPT_WORDS = QT_TRANSLATE_NOOP("MaterialMode", "免于提交（%1）")


class MaterialForm(StrEnum):
    """In which form the catalog asks for a material."""

    ORIGINAL = "original"
    COPY = "copy"
    EITHER = "either"

    @property
    def label(self) -> str:
        return _FORM_LABELS[self]


_FORM_LABELS = {
    MaterialForm.ORIGINAL: QT_TRANSLATE_NOOP("MaterialForm", "原件"),
    MaterialForm.COPY: QT_TRANSLATE_NOOP("MaterialForm", "复印件"),
    MaterialForm.EITHER: QT_TRANSLATE_NOOP("MaterialForm", "原件或复印件"),
}


class CaseStatus(StrEnum):
    """A case's life at the center; the order is the usual path. ``received`` is the desk's
    own word for "the center has it" until the center names a status."""

    RECEIVED = "received"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    CORRECTION_REQUESTED = "correction_requested"
    APPROVED = "approved"
    DENIED = "denied"
    READY = "ready"
    COLLECTED = "collected"
    MAILED = "mailed"
    REFUSED = "refused"
    INCOMPLETE = "incomplete"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def final(self) -> bool:
        """Nothing more happens to it: the desk stops asking the center about it."""
        return self in (CaseStatus.COLLECTED, CaseStatus.MAILED, CaseStatus.REFUSED,
                        CaseStatus.INCOMPLETE)

    @property
    def running(self) -> bool:
        """Still running against the promised date (a decided case is no longer overdue)."""
        return self in (CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW,
                        CaseStatus.CORRECTION_REQUESTED)


_STATUS_LABELS = {
    CaseStatus.RECEIVED: QT_TRANSLATE_NOOP("CaseStatus", "中心已收件"),
    CaseStatus.ACCEPTED: QT_TRANSLATE_NOOP("CaseStatus", "已受理"),
    CaseStatus.IN_REVIEW: QT_TRANSLATE_NOOP("CaseStatus", "审批中"),
    CaseStatus.CORRECTION_REQUESTED: QT_TRANSLATE_NOOP("CaseStatus", "待补正"),
    CaseStatus.APPROVED: QT_TRANSLATE_NOOP("CaseStatus", "办结（准予许可）"),
    CaseStatus.DENIED: QT_TRANSLATE_NOOP("CaseStatus", "办结（不予许可）"),
    CaseStatus.READY: QT_TRANSLATE_NOOP("CaseStatus", "待领取"),
    CaseStatus.COLLECTED: QT_TRANSLATE_NOOP("CaseStatus", "已领取"),
    CaseStatus.MAILED: QT_TRANSLATE_NOOP("CaseStatus", "已寄出"),
    CaseStatus.REFUSED: QT_TRANSLATE_NOOP("CaseStatus", "不予受理"),
    CaseStatus.INCOMPLETE: QT_TRANSLATE_NOOP("CaseStatus", "一次性告知"),
}


class DecisionKind(StrEnum):
    """The clerk's acceptance decision (受理决定)."""

    ACCEPT = "accept"
    ACCEPT_DEFERRED = "accept_deferred"
    ACCEPT_PLEDGE = "accept_pledge"
    INCOMPLETE = "incomplete"
    REFUSE = "refuse"

    @property
    def label(self) -> str:
        """Its name on the review, the outbox and the center's timeline."""
        return _DECISION_LABELS[self][0]

    @property
    def choice(self) -> str:
        """Its wording on the decision step, which says what it takes."""
        return _DECISION_LABELS[self][1]

    @property
    def notice_title(self) -> str:
        """The title of the A4 notice it prints (printed in Chinese)."""
        return _DECISION_LABELS[self][2]

    @property
    def accepting(self) -> bool:
        """The case is accepted (受理 / 容缺受理 / 告知承诺受理): materials were received."""
        return self in ACCEPTING

    @property
    def case_status(self) -> CaseStatus:
        """The status the center gives a case filed with this decision."""
        return {DecisionKind.REFUSE: CaseStatus.REFUSED,
                DecisionKind.INCOMPLETE: CaseStatus.INCOMPLETE}.get(self, CaseStatus.ACCEPTED)


_DECISION_LABELS = {
    DecisionKind.ACCEPT: (
        QT_TRANSLATE_NOOP("DecisionKind", "受理"),
        QT_TRANSLATE_NOOP("DecisionKind", "受理（材料齐全）"),
        QT_TRANSLATE_NOOP("DecisionKind", "受理通知书")),
    DecisionKind.ACCEPT_DEFERRED: (
        QT_TRANSLATE_NOOP("DecisionKind", "容缺受理"),
        QT_TRANSLATE_NOOP("DecisionKind", "容缺受理（材料后补）"),
        QT_TRANSLATE_NOOP("DecisionKind", "容缺受理通知书")),
    DecisionKind.ACCEPT_PLEDGE: (
        QT_TRANSLATE_NOOP("DecisionKind", "告知承诺受理"),
        QT_TRANSLATE_NOOP("DecisionKind", "告知承诺受理"),
        QT_TRANSLATE_NOOP("DecisionKind", "告知承诺书")),
    DecisionKind.INCOMPLETE: (
        QT_TRANSLATE_NOOP("DecisionKind", "一次性告知（材料不全）"),
        QT_TRANSLATE_NOOP("DecisionKind", "材料不全，一次性告知"),
        QT_TRANSLATE_NOOP("DecisionKind", "一次性告知书")),
    DecisionKind.REFUSE: (
        QT_TRANSLATE_NOOP("DecisionKind", "不予受理"),
        QT_TRANSLATE_NOOP("DecisionKind", "不予受理（须填写理由）"),
        QT_TRANSLATE_NOOP("DecisionKind", "不予受理通知书")),
}
ACCEPTING = frozenset({DecisionKind.ACCEPT, DecisionKind.ACCEPT_DEFERRED,
                       DecisionKind.ACCEPT_PLEDGE})


# the wire values of statuses after which nothing more happens (the desk stops asking)
FINAL_STATUSES = frozenset(s.value for s in CaseStatus if s.final)


def wire_values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The values the API accepts for ``vocabulary`` (for pydantic ``Literal``s)."""
    return tuple(member.value for member in vocabulary)


def status_label(status: str) -> str:
    """The Chinese name of ``status``; an unknown one (a newer center) is shown as it is."""
    try:
        return CaseStatus(status).label
    except ValueError:
        return status
