"""The embedded store: articles, their claims, corrections and imported control lists, in SQLite.

Everything the control model is built from lives here, so the same map comes back after a restart.
Writes happen in transactions (`BEGIN IMMEDIATE`, WAL journal, a busy timeout), so two sessions
writing at once both land. A file that is not a Frontline store, or is damaged, raises StoreError
and is never written to. A store of an older schema is migrated in place, in one transaction.

Schema 2 adds `analyses` (an article's claims as JSON, its theatre and date), `corrections` and
`imports`; values are stored as JSON that round-trips exactly (places whole, floats as written).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from geo.claims import Claim
from geo.control import CORRECTION_KINDS, Correction, HolderCorrection, Site, ToponymCorrection, WrongClaim
from geo.control_list import ControlRow
from geo.dates import check_date
from geo.errors import FrontlineError, InputError
from geo.place import Place

SCHEMA_VERSION = 2
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
# What schema 2 adds to schema 1; a new file gets both.
_SCHEMA_2 = """
CREATE TABLE IF NOT EXISTS analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT,
    theatre TEXT,
    claims TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('toponym', 'holder', 'claim')),
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_by_article ON corrections (article_id);
CREATE TABLE IF NOT EXISTS imports (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    rows TEXT NOT NULL,
    created_at TEXT NOT NULL
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


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """The claims of one article as last saved, with the theatre and date they were read under."""

    article_id: int
    date: str | None
    theatre: str | None
    claims: tuple[Claim, ...]
    saved_at: str


@dataclass(frozen=True, slots=True)
class StoredCorrection:
    """A person's correction, as kept."""

    id: int
    correction: Correction
    created_at: str


@dataclass(frozen=True, slots=True)
class StoredImport:
    """An imported control list, as kept."""

    id: int
    name: str
    rows: tuple[ControlRow, ...]
    created_at: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _place_json(p: Place) -> dict:
    return {"id": p.id, "name": p.name, "alternates": list(p.alternates), "lat": p.lat, "lon": p.lon,
            "kind": p.kind, "country": p.country, "admin1": p.admin1, "population": p.population,
            "source": p.source}


def _place(d: dict | None) -> Place | None:
    return None if d is None else Place(**{**d, "alternates": tuple(d["alternates"])})


def _span(value) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _claim_json(c: Claim) -> dict:
    return {"kind": c.kind, "actor": c.actor, "target_actor": c.target_actor,
            "place": _place_json(c.place) if c.place else None, "sector": c.sector,
            "distance_km": c.distance_km, "hedged": c.hedged, "historical": c.historical, "date": c.date,
            "start": c.start, "end": c.end, "evidence": c.evidence,
            "place_span": list(c.place_span) if c.place_span else None}


def _claim(d: dict) -> Claim:
    return Claim(**{**d, "place": _place(d["place"]), "place_span": _span(d["place_span"])})


def _payload(c: Correction) -> dict:
    if isinstance(c, HolderCorrection):
        site = c.site
        return {"site": {"name": site.name, "lat": site.lat, "lon": site.lon, "id": site.id, "kind": site.kind},
                "side": c.side, "date": c.date, "sector": c.sector, "note": c.note}
    if isinstance(c, WrongClaim):
        return {"article_id": c.article_id, "kind": c.kind, "start": c.start, "end": c.end,
                "place_span": list(c.place_span) if c.place_span else None}
    return {"article_id": c.article_id, "start": c.start, "end": c.end,
            "place": _place_json(c.place) if c.place else None}


def _correction(kind: str, d: dict) -> Correction:
    if kind == "holder":
        return HolderCorrection(Site(**d["site"]), d["side"], d["date"], d["sector"], d["note"])
    if kind == "claim":
        return WrongClaim(d["article_id"], d["kind"], d["start"], d["end"], _span(d["place_span"]))
    return ToponymCorrection(d["article_id"], d["start"], d["end"], _place(d["place"]))


def _title(body: str) -> str:
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return (first[:80] + "…") if len(first) > 80 else first


class Store:
    """Articles, their claims, corrections and imported control lists, in one SQLite file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._check_and_create()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        connection.execute("PRAGMA foreign_keys = ON")  # deleting an article deletes what hangs on it
        return connection

    def _damaged(self, what: str) -> StoreError:
        return StoreError(f"{self.path} is damaged ({what}); it was left untouched. Restore a backup "
                          "or choose another file with FRONTLINE_DB.")

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
                        raise self._damaged("its integrity check failed")
                    version = self._version(c)
                    if version > SCHEMA_VERSION:
                        raise StoreError(f"{self.path} was written by a newer Frontline (schema {version}).")
                    if version < SCHEMA_VERSION:
                        self._migrate(c)
                    return
                c.execute("PRAGMA journal_mode = WAL")
                c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                c.execute("BEGIN IMMEDIATE")
                _script(c, _SCHEMA + _SCHEMA_2)
                c.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                c.execute("COMMIT")
            finally:
                if c.in_transaction:
                    c.execute("ROLLBACK")
                c.close()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} cannot be read as a Frontline store ({e}); it was left untouched. "
                             "Choose another file with FRONTLINE_DB.") from None

    def _version(self, c: sqlite3.Connection) -> int:
        row = c.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or not str(row[0]).isdigit():
            raise self._damaged("no schema version")
        return int(row[0])

    def _migrate(self, c: sqlite3.Connection) -> None:
        """Bring an older store up to this schema, all or nothing."""
        c.execute("BEGIN IMMEDIATE")
        # Read again under the write lock: another process may have migrated it meanwhile.
        if self._version(c) < 2:
            _script(c, _SCHEMA_2)
        c.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
        c.execute("COMMIT")

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
        now = _now()
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
        """Forget an article, its analysis and the corrections of its claims and toponyms."""
        with self._transaction() as c:
            c.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    @staticmethod
    def _require_article(c: sqlite3.Connection, article_id: int) -> None:
        if c.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise InputError(f"Expected the id of a stored article, instead got: {article_id!r}")

    def save_claims(self, article_id: int, claims: Iterable[Claim], *, date: str | None = None,
                    theatre: str | None = None) -> None:
        """Keep the claims of a stored article's analysis, replacing any earlier analysis of it."""
        check_date(date, "analysis date")
        payload = json.dumps([_claim_json(claim) for claim in claims], ensure_ascii=False)
        with self._transaction() as c:
            self._require_article(c, article_id)
            c.execute("INSERT OR REPLACE INTO analyses (article_id, date, theatre, claims, saved_at) "
                      "VALUES (?, ?, ?, ?, ?)", (article_id, date, theatre, payload, _now()))

    def analyses(self) -> list[StoredAnalysis]:
        """Every stored analysis, by article id."""
        with self._transaction() as c:
            rows = c.execute("SELECT article_id, date, theatre, claims, saved_at FROM analyses "
                             "ORDER BY article_id").fetchall()
        found = []
        for article_id, date, theatre, claims, saved_at in rows:
            try:
                parsed = tuple(_claim(d) for d in json.loads(claims))
            except (ValueError, KeyError, TypeError) as e:
                raise self._damaged(f"the claims of article {article_id}: {e}") from None
            found.append(StoredAnalysis(article_id, date, theatre, parsed, saved_at))
        return found

    def claims(self, article_id: int | None = None) -> list[tuple[int, Claim]]:
        """(article id, claim) for every stored claim, or for one article's."""
        return [(a.article_id, claim) for a in self.analyses()
                if article_id is None or a.article_id == article_id for claim in a.claims]

    def add_correction(self, correction: Correction) -> int:
        """Keep a person's correction and return its id."""
        kind = CORRECTION_KINDS.get(type(correction))
        if kind is None:
            raise InputError(f"Expected a correction, instead got: {type(correction).__name__}")
        article_id = getattr(correction, "article_id", None)
        with self._transaction() as c:
            if article_id is not None:
                self._require_article(c, article_id)
            cursor = c.execute("INSERT INTO corrections (kind, article_id, payload, created_at) VALUES (?, ?, ?, ?)",
                               (kind, article_id, json.dumps(_payload(correction), ensure_ascii=False), _now()))
            return cursor.lastrowid

    def corrections(self) -> list[StoredCorrection]:
        """Every correction, oldest first."""
        with self._transaction() as c:
            rows = c.execute("SELECT id, kind, payload, created_at FROM corrections ORDER BY id").fetchall()
        try:
            return [StoredCorrection(id, _correction(kind, json.loads(payload)), created_at)
                    for id, kind, payload, created_at in rows]
        except (ValueError, KeyError, TypeError) as e:
            raise self._damaged(f"a correction: {e}") from None

    def delete_correction(self, correction_id: int) -> None:
        """Forget a correction."""
        with self._transaction() as c:
            c.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))

    def add_import(self, name: str, rows: Iterable[ControlRow]) -> int:
        """Keep an imported control list and return its id."""
        payload = json.dumps([[r.name, r.lat, r.lon, r.side, r.date] for r in rows], ensure_ascii=False)
        with self._transaction() as c:
            return c.execute("INSERT INTO imports (name, rows, created_at) VALUES (?, ?, ?)",
                             (name, payload, _now())).lastrowid

    def imports(self) -> list[StoredImport]:
        """Every imported control list, oldest first."""
        with self._transaction() as c:
            rows = c.execute("SELECT id, name, rows, created_at FROM imports ORDER BY id").fetchall()
        try:
            return [StoredImport(id, name, tuple(ControlRow(*r) for r in json.loads(payload)), created_at)
                    for id, name, payload, created_at in rows]
        except (ValueError, TypeError) as e:
            raise self._damaged(f"an imported list: {e}") from None

    def delete_import(self, import_id: int) -> None:
        """Forget an imported control list."""
        with self._transaction() as c:
            c.execute("DELETE FROM imports WHERE id = ?", (import_id,))


def _script(c: sqlite3.Connection, script: str) -> None:
    # executescript() would commit the open transaction; statements one by one stay inside it.
    for statement in script.split(";"):
        if statement.strip():
            c.execute(statement)
