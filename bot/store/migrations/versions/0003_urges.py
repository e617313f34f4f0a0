"""The urge log (with its wait-it-out check-in instant) and kept unsent messages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "urges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("trigger", sa.String(length=16), nullable=True),
        sa.Column("tools", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("minutes_to_pass", sa.Integer(), nullable=True),
        sa.Column("wait_minutes", sa.Integer(), nullable=True),
        sa.Column("checkin_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_urges_user_id", "urges", ["user_id"])
    op.create_index("ix_urges_checkin_at", "urges", ["checkin_at"])
    op.create_table(
        "unsent_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("urge_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_unsent_messages_user_id", "unsent_messages", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_unsent_messages_user_id", table_name="unsent_messages")
    op.drop_table("unsent_messages")
    op.drop_index("ix_urges_checkin_at", table_name="urges")
    op.drop_index("ix_urges_user_id", table_name="urges")
    op.drop_table("urges")
