"""The review queue, filtered by state and read in draft order a page at a time, is read
through an index on (status, id): a page of one state of 10,000 drafts costs what a page
of a short queue does, instead of a scan of every draft and a sort.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_drafts_status_id", "drafts", ["status", "id"])


def downgrade() -> None:
    op.drop_index("ix_drafts_status_id", "drafts")
