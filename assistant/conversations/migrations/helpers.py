"""What every migration needs: the schema the store lives in (None: the default one)."""

from __future__ import annotations

from alembic import op


def schema() -> str | None:
    return op.get_context().version_table_schema


def qualified(table: str) -> str:
    """A table's name as a foreign key names it, in the store's schema."""
    name = schema()
    return f"{name}.{table}" if name else table
