"""What is in the index: one row per file with its content hash, and the catalogue records.

A file's row is written only after its chunks are in both indexes, so an ingest stopped
part-way leaves the file looking unindexed (or at its old hash), and the next ingest redoes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from knowledge.documents import LoadedDocument


@dataclass(frozen=True)
class FileEntry:
    source: str
    sha256: str
    chunks: int


@dataclass(frozen=True)
class CatalogueRecord:
    """A facility or expert team with every field the catalogue file gave it."""

    name: str
    source: str
    locator: str
    fields: dict[str, str | list[str]]

    def get(self, field: str) -> str | list[str]:
        return self.fields.get(field, "")

    def values(self, field: str) -> list[str]:
        value = self.get(field)
        return value if isinstance(value, list) else ([value] if value else [])


class Manifest:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        with self._db() as db:
            db.executescript(
                """
                CREATE TABLE IF NOT EXISTS files (
                    source TEXT PRIMARY KEY, sha256 TEXT NOT NULL, chunks INTEGER NOT NULL,
                    indexed_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS records (
                    source TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
                    locator TEXT NOT NULL, fields TEXT NOT NULL, PRIMARY KEY (source, position));
                """
            )

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self._path, timeout=30)) as db, db:
            yield db

    def files(self) -> dict[str, FileEntry]:
        with self._db() as db:
            rows = db.execute("SELECT source, sha256, chunks FROM files").fetchall()
        return {row[0]: FileEntry(*row) for row in rows}

    def record_file(self, entry: FileEntry, documents: list[LoadedDocument]) -> None:
        """Mark a file indexed, with its catalogue records, in one transaction."""
        with self._db() as db:
            db.execute("DELETE FROM records WHERE source = ?", (entry.source,))
            db.executemany(
                "INSERT INTO records (source, position, name, locator, fields) "
                "VALUES (?, ?, ?, ?, ?)",
                [(entry.source, n, d.title, d.locator, json.dumps(d.fields))
                 for n, d in enumerate(documents) if d.fields],
            )
            db.execute(
                "INSERT OR REPLACE INTO files (source, sha256, chunks, indexed_at) "
                "VALUES (?, ?, ?, ?)",
                (entry.source, entry.sha256, entry.chunks, datetime.now(UTC).isoformat()),
            )

    def forget_file(self, source: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM records WHERE source = ?", (source,))
            db.execute("DELETE FROM files WHERE source = ?", (source,))

    def clear(self) -> None:
        with self._db() as db:
            db.execute("DELETE FROM records")
            db.execute("DELETE FROM files")

    def get_meta(self, key: str) -> str | None:
        with self._db() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def records(self) -> list[CatalogueRecord]:
        with self._db() as db:
            rows = db.execute(
                "SELECT name, source, locator, fields FROM records ORDER BY source, position"
            ).fetchall()
        return [CatalogueRecord(name, source, locator, json.loads(fields))
                for name, source, locator, fields in rows]
