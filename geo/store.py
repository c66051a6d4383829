"""The embedded store: every mapped article, kept in SQLite so the map comes back after a restart.

Writes happen in transactions (`BEGIN IMMEDIATE`, WAL journal, a busy timeout), so two sessions
writing at once both land. A file that is not a Frontline store, or is damaged, raises StoreError
and is never written to.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from geo.errors import FrontlineError

SCHEMA_VERSION = 1
APPLICATION_ID = 0x46524F4E  # "FRON" in the SQLite header: this file is ours
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    theatre TEXT,
    saved_at TEXT NOT NULL
);
"""


class StoreError(FrontlineError, OSError):
    """The store's file cannot be used: unreadable, damaged, or not a Frontline store."""


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as kept in the store."""

    id: int
    title: str
    body: str
    date: str | None
    theatre: str | None
    saved_at: str


def _title(body: str) -> str:
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return (first[:80] + "…") if len(first) > 80 else first


class Store:
    """Articles by id, in one SQLite file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._check_and_create()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        return connection

    def _check_and_create(self) -> None:
        existed = self.path.exists() and self.path.stat().st_size > 0
        try:
            c = self._connect()
            try:
                if existed:
                    app_id = c.execute("PRAGMA application_id").fetchone()[0]
                    if app_id != APPLICATION_ID:
                        raise StoreError(f"{self.path} is not a Frontline store; it was left untouched. "
                                         "Choose another file with FRONTLINE_DB.")
                    if c.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                        raise StoreError(f"{self.path} is damaged; it was left untouched. Restore a backup "
                                         "or choose another file with FRONTLINE_DB.")
                    version = int(c.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0])
                    if version > SCHEMA_VERSION:
                        raise StoreError(f"{self.path} was written by a newer Frontline (schema {version}).")
                    return
                c.execute("PRAGMA journal_mode = WAL")
                c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                c.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        c.execute(statement)
                c.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                c.execute("COMMIT")
            finally:
                c.close()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} cannot be read as a Frontline store ({e}); it was left untouched. "
                             "Choose another file with FRONTLINE_DB.") from None

    @contextmanager
    def _transaction(self):
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    def save(self, body: str, date: str | None = None, theatre: str | None = None) -> int:
        """Keep an article (the same text again keeps its id) and return its id."""
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction() as c:
            c.execute("INSERT INTO articles (digest, title, body, date, theatre, saved_at) VALUES (?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT(digest) DO UPDATE SET date = excluded.date, theatre = excluded.theatre",
                      (digest, _title(body), body, date, theatre, now))
            return c.execute("SELECT id FROM articles WHERE digest = ?", (digest,)).fetchone()[0]

    def articles(self) -> list[StoredArticle]:
        """Every stored article, newest first."""
        with self._transaction() as c:
            rows = c.execute("SELECT id, title, body, date, theatre, saved_at FROM articles "
                             "ORDER BY saved_at DESC, id DESC").fetchall()
        return [StoredArticle(*row) for row in rows]

    def get(self, article_id: int) -> StoredArticle | None:
        """One stored article, or None."""
        with self._transaction() as c:
            row = c.execute("SELECT id, title, body, date, theatre, saved_at FROM articles WHERE id = ?",
                            (article_id,)).fetchone()
        return StoredArticle(*row) if row else None

    def delete(self, article_id: int) -> None:
        """Forget an article."""
        with self._transaction() as c:
            c.execute("DELETE FROM articles WHERE id = ?", (article_id,))
