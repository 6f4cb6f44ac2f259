"""Alembic environment for the conversation store.

The store runs the migrations itself (`assistant.conversations.database.migrate`) on a
connection it has already locked, and passes that connection and the Postgres schema in
`config.attributes`; there is no alembic.ini and no URL here.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the conversation store's migrations run through the store, which "
                       "passes its connection; they have no database URL of their own")

context.configure(
    connection=connection,
    version_table="alembic_version",
    version_table_schema=context.config.attributes.get("schema"),
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
