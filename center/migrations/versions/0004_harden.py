"""abuse resistance: login throttling counters, the personal-data lookup record

Revision ID: 0004
Revises: 0002

(The after-acceptance work adds 0003 in parallel; whoever merges second points
``down_revision`` at the other so the history stays one line.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=80), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "lookup_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("session_hash", sa.String(length=64), nullable=False),
        sa.Column("clerk_id", sa.Integer(), sa.ForeignKey("clerks.id"), nullable=False),
        sa.Column("hall_id", sa.String(length=32), nullable=False),
        sa.Column("window_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("basis", sa.String(length=10), nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
    )
    for column in ("at", "session_hash", "subject_hash"):
        op.create_index(f"ix_lookup_records_{column}", "lookup_records", [column])


def downgrade() -> None:
    op.drop_table("lookup_records")
    op.drop_table("login_throttle")
