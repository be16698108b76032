"""Alembic environment: run by ``center.db.migrate`` through the Alembic API with a live
connection (``config.attributes["connection"]``); no alembic.ini is needed."""

from __future__ import annotations

from alembic import context

from center.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI
    raise RuntimeError("center migrations run through center.db.migrate(engine)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
