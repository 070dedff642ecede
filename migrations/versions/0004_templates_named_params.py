"""templates keep their parameter format (POSITIONAL or NAMED)

Revision ID: 0004_templates_named_params
Revises: 0003_whatsapp_inbox
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_templates_named_params"
down_revision: str | None = "0003_whatsapp_inbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("whatsapp_templates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("parameter_format", sa.String(length=16), server_default="POSITIONAL", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("whatsapp_templates", schema=None) as batch_op:
        batch_op.drop_column("parameter_format")
