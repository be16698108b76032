"""Counter Desk (综窗受理台): the comprehensive-window counter client."""

__version__ = "0.1.0"  # the update client compares against this; pyproject says the same
