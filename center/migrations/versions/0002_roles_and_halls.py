"""roles, halls and windows; one rating per case

Revision ID: 0002
Revises: 0001

Clerks existing before this revision become role ``clerk`` of hall ``H01`` allowed at any
window ("*"), so an upgrade locks nobody out; narrow them with ``desk-center add-clerk``'s
options on new accounts or by editing ``clerks.windows``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

HALL = sa.String(length=32)


def upgrade() -> None:
    with op.batch_alter_table("clerks") as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), server_default="clerk", nullable=False)
        )
        batch_op.add_column(sa.Column("hall_id", HALL, server_default="H01", nullable=False))
        batch_op.add_column(sa.Column("windows", sa.JSON(), server_default='["*"]', nullable=False))
    with op.batch_alter_table("clerk_sessions") as batch_op:
        batch_op.add_column(sa.Column("hall_id", HALL, server_default="H01", nullable=False))
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("hall_id", HALL, server_default="H01", nullable=False))
        batch_op.create_index(batch_op.f("ix_cases_hall_id"), ["hall_id"], unique=False)
    with op.batch_alter_table("queue_tickets") as batch_op:
        batch_op.add_column(sa.Column("hall_id", HALL, server_default="H01", nullable=False))
        batch_op.create_index(batch_op.f("ix_queue_tickets_hall_id"), ["hall_id"], unique=False)
    # Ratings stored twice for one case before this revision: keep the first.
    op.execute(
        "DELETE FROM evaluations WHERE id NOT IN (SELECT MIN(id) FROM evaluations GROUP BY case_id)"
    )
    with op.batch_alter_table("evaluations") as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluations_case_id"))
        batch_op.create_index(batch_op.f("ix_evaluations_case_id"), ["case_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("evaluations") as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluations_case_id"))
        batch_op.create_index(batch_op.f("ix_evaluations_case_id"), ["case_id"], unique=False)
    with op.batch_alter_table("queue_tickets") as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_tickets_hall_id"))
        batch_op.drop_column("hall_id")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_hall_id"))
        batch_op.drop_column("hall_id")
    with op.batch_alter_table("clerk_sessions") as batch_op:
        batch_op.drop_column("hall_id")
    with op.batch_alter_table("clerks") as batch_op:
        batch_op.drop_column("windows")
        batch_op.drop_column("hall_id")
        batch_op.drop_column("role")
