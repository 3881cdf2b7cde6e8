"""Database schema (SQLAlchemy Core tables, 2.0-style usage). Alembic migrations mirror it.

Why these indexes: search is "services covering these area keys" (``service_areas``,
clustered on ``area_key`` and carrying the ranking columns) plus "services with these
needs near a point" (``ix_service_needs_tag_geo``: tag + the grid cells of a bounding
box, index-only); the national list uses ``ix_services_national``.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text)

metadata = MetaData()

services = Table(
    "services", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("slug", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("organisation", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("phone", String(40)),
    Column("text_number", String(40)),
    Column("email", String(200)),
    Column("website", String(300)),
    Column("webchat_url", String(300)),
    Column("hours", String(300)),
    Column("open_24_7", Boolean, nullable=False, default=False),
    Column("national", Boolean, nullable=False, default=False),
    Column("general", Boolean, nullable=False, default=False),
    Column("needs", String(600), nullable=False, default=" "),  # " tag1 tag2 " for LIKE matching
    Column("languages", String(200), nullable=False, default=""),
    Column("accessibility", String(200), nullable=False, default=""),
    Column("areas", Text, nullable=False, default=""),  # "|"-joined area keys, for display distance
    Column("lat", Float),  # public base location, else centre of the areas served
    Column("lon", Float),
    Column("has_base", Boolean, nullable=False, default=False),
    Column("source", String(500), nullable=False),
    Column("verified_on", Date, nullable=False),
    Column("origin", String(20), nullable=False, default="shipped"),  # shipped | imported | synthetic
    Column("position", Integer, nullable=False, default=0),  # order in its file: tie-break
    Index("ix_services_national", "national", "general", "position"),
    Index("ix_services_geo", "lat", "lon"),
)

service_areas = Table(
    # One row per (area, service), carrying copies of the ranking columns so ranking the
    # services that cover an area reads one contiguous key range and never joins.
    # On SQLite it is a WITHOUT ROWID table, i.e. clustered on (area_key, service_id).
    "service_areas", metadata,
    Column("area_key", String(120), primary_key=True),
    Column("service_id", Integer, ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Column("needs", String(600), nullable=False),  # " tag lang:xx " of need and language tags
    Column("perpetrator_only", Boolean, nullable=False),
    Column("general", Boolean, nullable=False),
    Column("contactable", Boolean, nullable=False),
    Column("has_base", Boolean, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("position", Integer, nullable=False),
    Index("ix_service_areas_service", "service_id"),
    sqlite_with_rowid=False,
)

service_needs = Table(
    "service_needs", metadata,
    Column("service_id", Integer, ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(40), primary_key=True),
    Column("cell", Integer, nullable=False),  # geo.grid_cell(lat, lon): both axes in one index key
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_service_needs_tag_geo", "tag", "cell", "lat", "lon", "service_id"),
)

meta = Table(
    "directory_meta", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)
