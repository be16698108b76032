"""case life: timeline events with actor and data, last change of a case, 容缺 materials

Revision ID: 0003
Revises: 0002

Cases stored before this revision get ``updated_at = received_at``, and the deferred
materials their stored body lists (mode ``deferred``) become rows owed by their due date.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_events") as batch_op:
        batch_op.add_column(
            sa.Column("event", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("actor", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("data", sa.JSON(), nullable=True))
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE cases SET updated_at = received_at")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.alter_column("updated_at", nullable=False)
        batch_op.create_index(
            "ix_cases_window_received", ["hall_id", "window_id", "received_at", "id"], unique=False
        )
        batch_op.create_index("ix_cases_window_updated", ["window_id", "updated_at"], unique=False)
    deferred = op.create_table(
        "deferred_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("material_code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("deferred_materials") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deferred_materials_case_id"), ["case_id"], unique=False
        )
    _backfill_deferred(deferred)


def _backfill_deferred(deferred: sa.Table) -> None:
    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("body", sa.JSON))
    rows = []
    for case_id, body in bind.execute(sa.select(cases.c.id, cases.c.body)):
        for m in (body or {}).get("materials", []):
            if m.get("mode") == "deferred":
                due = m.get("due_date")
                rows.append(
                    {
                        "case_id": case_id,
                        "material_code": m.get("material_code", ""),
                        "name": m.get("name", ""),
                        "due_date": date.fromisoformat(due) if due else None,
                        "received_at": None,
                    }
                )
    if rows:
        op.bulk_insert(deferred, rows)


def downgrade() -> None:
    with op.batch_alter_table("deferred_materials") as batch_op:
        batch_op.drop_index(batch_op.f("ix_deferred_materials_case_id"))
    op.drop_table("deferred_materials")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_window_updated")
        batch_op.drop_index("ix_cases_window_received")
        batch_op.drop_column("updated_at")
    with op.batch_alter_table("case_events") as batch_op:
        batch_op.drop_column("data")
        batch_op.drop_column("actor")
        batch_op.drop_column("event")
