"""Initial directory schema: services, their areas and needs, and a meta table.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "services",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("phone", sa.String(40)),
        sa.Column("text_number", sa.String(40)),
        sa.Column("email", sa.String(200)),
        sa.Column("website", sa.String(300)),
        sa.Column("webchat_url", sa.String(300)),
        sa.Column("hours", sa.String(300)),
        sa.Column("open_24_7", sa.Boolean, nullable=False),
        sa.Column("national", sa.Boolean, nullable=False),
        sa.Column("general", sa.Boolean, nullable=False),
        sa.Column("needs", sa.String(600), nullable=False),
        sa.Column("languages", sa.String(200), nullable=False),
        sa.Column("accessibility", sa.String(200), nullable=False),
        sa.Column("areas", sa.Text, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("has_base", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("verified_on", sa.Date, nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_services_national", "services", ["national", "general", "position"])
    op.create_index("ix_services_geo", "services", ["lat", "lon"])
    op.create_table(
        "service_areas",
        sa.Column("area_key", sa.String(120), primary_key=True),
        sa.Column("service_id", sa.Integer, sa.ForeignKey("services.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("needs", sa.String(600), nullable=False),
        sa.Column("perpetrator_only", sa.Boolean, nullable=False),
        sa.Column("general", sa.Boolean, nullable=False),
        sa.Column("contactable", sa.Boolean, nullable=False),
        sa.Column("has_base", sa.Boolean, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("position", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_service_areas_service", "service_areas", ["service_id"])
    op.create_table(
        "service_needs",
        sa.Column("service_id", sa.Integer, sa.ForeignKey("services.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("tag", sa.String(40), primary_key=True),
        sa.Column("cell", sa.Integer, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
    )
    op.create_index("ix_service_needs_tag_geo", "service_needs", ["tag", "cell", "lat", "lon", "service_id"])
    op.create_table(
        "directory_meta",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("directory_meta")
    op.drop_table("service_needs")
    op.drop_table("service_areas")
    op.drop_table("services")
