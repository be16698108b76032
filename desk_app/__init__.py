"""Counter Desk (综窗受理台): the comprehensive-window counter client."""
