"""The outbox panel (F11) and signing in again when the queue paused on an expired session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt


class OutboxAccess(QObject):
    def __init__(self, window, bridge) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        self.panel = None

    def show(self) -> None:
        from desk_app.core.field_labels import labels_from_catalog
        from desk_app.ui.outbox.outbox_panel import OutboxPanel

        services = self.window.services
        if self.panel is None:
            self.panel = OutboxPanel(services.outbox, services.sync, self.bridge, self.window,
                                     item_name=services.item_name,
                                     field_labels=labels_from_catalog(services.catalog))
            self.panel.setWindowFlag(Qt.WindowType.Window, True)
            self.panel.resize(1100, 640)
            self.panel.relogin_requested.connect(self.relogin)
        self.window.outbox_panel = self.panel
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()

    def relogin(self) -> None:
        """The queue paused on an expired session: sign in again; the queue resumes."""
        from desk_app.ui.shell.login_dialog import LoginDialog
        from desk_app.ui.shell.sign_in_flow import sign_in_with

        services = self.window.services
        dialog = LoginDialog(services.window_name, services.config.center_url, self.window)
        dialog.username.setText(services.clerk_username)
        dialog.username.setReadOnly(True)
        dialog.password.setFocus()
        signed_in = sign_in_with(  # the center is asked on the task runner
            dialog, self.window.runner,
            lambda _username, password: services.relogin(password) or True,
            services.clerk_message,
        )
        if signed_in:
            services.wake_sync()
