"""One owner for the case on the desk: what was gathered, in which step, and whether it
may be sealed. Qt-free: the window's pages read from and write to a ``CaseFlow``."""

from desk_app.core.case_flow.case import Case, Confirmation
from desk_app.core.case_flow.flow import (
    CARD_NEW_PERSON,
    CARD_PRE_APPLICATION_OTHER,
    CARD_SAME_PERSON,
    STEPS,
    CaseFlow,
)

__all__ = ["CARD_NEW_PERSON", "CARD_PRE_APPLICATION_OTHER", "CARD_SAME_PERSON", "STEPS",
           "Case", "CaseFlow", "Confirmation"]
