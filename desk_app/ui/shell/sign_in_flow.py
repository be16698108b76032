"""Signing in (start-up) and signing in again (expired session) off the GUI thread.

The center may answer in 30 s or not at all; the clerk must still see a window that
paints and says 正在登录…. ``sign_in_with`` runs ``attempt(username, password)`` on the
task runner each time the dialog is submitted and returns its result once one attempt
succeeds, or None when the clerk cancels. A result that arrives after the dialog was
closed is closed too (a desk context must not live on unseen).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desk_app.ui.shell.login_dialog import LoginDialog

log = logging.getLogger(__name__)


def sign_in_with(dialog: LoginDialog, runner, attempt: Callable[[str, str], Any],
                 explain: Callable[[BaseException], str]) -> Any:
    outcome: dict[str, Any] = {}

    def submitted() -> None:
        username, password = dialog.credentials()
        dialog.set_busy(True)

        def done(value: Any) -> None:
            dialog.set_busy(False)
            if not dialog.isVisible():
                _discard(value)
                return
            outcome["value"] = value
            dialog.accept()

        def failed(exc: BaseException) -> None:
            log.warning("sign-in failed: %s", type(exc).__name__)
            dialog.set_busy(False)
            dialog.message.setText(explain(exc))
            dialog.password.selectAll()
            dialog.password.setFocus()

        runner.run(lambda: attempt(username, password), done, failed)

    dialog.submitted.connect(submitted)
    try:
        return outcome.get("value") if dialog.exec() else None
    finally:
        dialog.submitted.disconnect(submitted)


def _discard(value: Any) -> None:
    close = getattr(value, "close", None)
    if callable(close):
        close()
