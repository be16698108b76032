"""Which papers each decision prints — the one rule the flow, the printing code and the
window follow, so a paper cannot say something the decision did not decide.

- 受理 / 容缺受理 / 告知承诺受理: a 收件回执 (materials received; 容缺 ones with their
  due dates) and the decision's notice;
- 不予受理: a 不予受理 slip (reason, 办事指南 QR) and the 不予受理通知书 — never a 收件回执,
  since nothing was received;
- 一次性告知: the 一次性告知书 listing every missing material — nothing was received either.
"""

from __future__ import annotations

from forms.vocabulary import ACCEPTING as ACCEPTING_KINDS

ACCEPTING = tuple(sorted(k.value for k in ACCEPTING_KINDS))
RECEIPT = "receipt"            # 收件回执, thermal
REFUSAL_SLIP = "refusal_slip"  # 不予受理告知单, thermal
NOTICE = "notice"              # the decision's A4 notice (PDF)
SLIPS = (RECEIPT, REFUSAL_SLIP)

_PAPERS = {
    **{kind: (RECEIPT, NOTICE) for kind in ACCEPTING},
    "refuse": (REFUSAL_SLIP, NOTICE),
    "incomplete": (NOTICE,),
}


class NoSuchPaper(ValueError):
    """A paper was asked for that this decision does not print."""


def papers_for(decision_kind: str) -> tuple[str, ...]:
    """What prints after sealing, in order."""
    try:
        return _PAPERS[decision_kind]
    except KeyError:
        raise ValueError(f"未知的受理决定 {decision_kind!r}") from None


def slip_for(decision_kind: str) -> str | None:
    """The thermal slip of this decision, if it has one."""
    return next((p for p in papers_for(decision_kind) if p in SLIPS), None)


def require_paper(decision_kind: str, paper: str) -> None:
    """Refuse to print ``paper`` for a decision that does not print it."""
    if paper not in papers_for(decision_kind):
        raise NoSuchPaper(f"“{decision_kind}”的决定不打印{_NAMES.get(paper, paper)}")


_NAMES = {RECEIPT: "收件回执", REFUSAL_SLIP: "不予受理告知单", NOTICE: "通知书"}
