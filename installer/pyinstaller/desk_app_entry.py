"""Frozen entry point of ``desk-app`` (the same as the ``desk_app.cli:main`` console script)."""

import sys

from desk_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
