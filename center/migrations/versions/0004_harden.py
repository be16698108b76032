"""abuse resistance: login throttling counters, the personal-data lookup record, catalog
versions (deltas), licences sealed

Revision ID: 0004
Revises: 0003

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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
    op.create_table(
        "catalog_versions",
        sa.Column("etag", sa.String(length=40), primary_key=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("item_digests", sa.JSON(), nullable=False),
    )
    # Licences: personal columns sealed (center.personal_fields); rows still in clear are
    # sealed by the center at its next start, which needs the keys this script has not.
    with op.batch_alter_table("licences") as batch_op:
        batch_op.add_column(sa.Column("holder_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("sealed", sa.JSON(), nullable=True))
        batch_op.create_index("ix_licences_holder_hash", ["holder_hash"], unique=False)
        batch_op.alter_column("holder_id", existing_type=sa.String(length=32), nullable=True)
        batch_op.alter_column("number", existing_type=sa.String(length=64), nullable=True)
        batch_op.alter_column("holder_name", existing_type=sa.String(length=128), nullable=True)
        batch_op.alter_column("fields", existing_type=sa.JSON(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("licences") as batch_op:
        batch_op.drop_index("ix_licences_holder_hash")
        batch_op.drop_column("sealed")
        batch_op.drop_column("holder_hash")
    op.drop_table("catalog_versions")
    op.drop_table("lookup_records")
    op.drop_table("login_throttle")
