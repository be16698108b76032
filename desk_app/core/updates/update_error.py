"""The one error the update modules raise, apart from them so each can raise it without
importing the others (the client loads the trusted root, which raises it too)."""


class UpdateError(Exception):
    """An update could not be checked or fetched; the message says what to do (Chinese)."""
