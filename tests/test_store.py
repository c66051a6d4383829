import multiprocessing
import sqlite3

import pytest

from geo.claims import Claim
from geo.control import ControlModel, HolderCorrection, Site, ToponymCorrection, WrongClaim
from geo.control_list import ControlRow
from geo.errors import InputError
from geo.place import Place
from geo.store import APPLICATION_ID, SCHEMA_VERSION, Store, StoreError


def test_articles_survive_reopening_and_keep_their_id(tmp_path):
    path = tmp_path / "f.db"
    first = Store(path).save("Rebels held Aleppo.\nMore text.", date="2015-10-16", theatre="syria")
    again = Store(path)
    assert again.save("Rebels held Aleppo.\nMore text.") == first
    [article] = again.articles()
    assert (article.id, article.title, article.theatre) == (first, "Rebels held Aleppo.", None)
    again.delete(first)
    assert again.articles() == [] and again.get(first) is None


@pytest.mark.parametrize("content, message", [
    (b"this is not sqlite at all" * 100, "cannot be read"),
    (None, "not a Frontline store"),
])
def test_a_foreign_or_damaged_file_is_refused_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(path) as c:
            c.execute("CREATE TABLE x (y)")
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        Store(path)
    assert path.read_bytes() == before


def _write_many(path, prefix):
    store = Store(path)
    for n in range(15):
        store.save(f"{prefix} article {n} about Homs")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.db"
    Store(path)
    workers = [multiprocessing.Process(target=_write_many, args=(path, p)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert len(Store(path).articles()) == 30


ALEPPO = Place(274, "Aleppo", ("Halab", "Haleb"), 36.20124, 37.16117, "city", "SY", "Aleppo", 1_602_264, "geonames")
MAREA = Place(163808, "Marea", (), 36.480001, 37.2000003, "town", "SY", "Aleppo", 16_000, "supplement")
V1_SCHEMA = f"""
PRAGMA journal_mode = WAL;
PRAGMA application_id = {APPLICATION_ID};
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
                       date TEXT, theatre TEXT, saved_at TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
INSERT INTO articles VALUES (1, 'abc', 'Rebels held Aleppo.', 'Rebels held Aleppo.', '2016-08-01', 'syria',
                             '2016-08-01T10:00:00+00:00');
"""


def claims_of(n=0):
    return [Claim("capture", "isis", "rebels", MAREA, None, None, True, False, "2016-06-03", 10 + n, 60 + n,
                  "IS reportedly seized Marea from rebels", (40 + n, 45 + n)),
            Claim("proximity", "rebels", None, ALEPPO, "east", 2.5, False, True, None, 70, 99,
                  "rebels 2.5 km from east Aleppo", None),
            Claim("strike", "russia", None, None, None, None, False, False, "2016-06-04", 100, 120, "Russian strikes",
                  None)]


def test_a_v1_store_is_migrated_in_place_and_keeps_its_articles(tmp_path):
    path = tmp_path / "old.db"
    c = sqlite3.connect(path)
    c.executescript(V1_SCHEMA)
    c.close()
    store = Store(path)
    [article] = store.articles()
    assert (article.id, article.title, article.date, article.theatre) == (1, "Rebels held Aleppo.", "2016-08-01",
                                                                         "syria")
    store.save_claims(1, claims_of(), date="2016-08-01", theatre="syria")
    c = sqlite3.connect(path)
    assert c.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)
    c.close()
    assert Store(path).claims() == [(1, c) for c in claims_of()]


def test_claims_round_trip_exactly_and_resaving_replaces_them(tmp_path):
    path = tmp_path / "f.db"
    store = Store(path)
    first = store.save("IS reportedly seized Marea.", date="2016-06-03")
    other = store.save("Another article.")
    store.save_claims(first, claims_of(), date="2016-06-03", theatre="syria")
    store.save_claims(other, claims_of(5))
    reopened = Store(path)
    assert reopened.claims(first) == [(first, c) for c in claims_of()]
    assert reopened.claims(first)[0][1].place.alternates == () and reopened.claims(first)[1][1].place == ALEPPO
    [analysis, _] = reopened.analyses()
    assert (analysis.article_id, analysis.date, analysis.theatre) == (first, "2016-06-03", "syria")
    reopened.save_claims(first, claims_of()[:1])
    assert reopened.claims(first) == [(first, claims_of()[0])]
    assert len(reopened.claims()) == 4
    with pytest.raises(InputError, match="stored article"):
        reopened.save_claims(999, claims_of())


def test_corrections_and_imports_persist_and_an_articles_deletion_takes_its_own(tmp_path):
    path = tmp_path / "f.db"
    store = Store(path)
    article = store.save("IS reportedly seized Marea.")
    corrections = [HolderCorrection(Site.of(MAREA), "rebels", "2016-06-10", "east", "local sources"),
                   HolderCorrection(Site("Tal Rifaat", 36.4732, 37.0968), None),
                   WrongClaim.of(article, claims_of()[0]),
                   ToponymCorrection(article, 40, 45, ALEPPO),
                   ToponymCorrection(article, 70, 76, None)]
    ids = [store.add_correction(c) for c in corrections]
    rows = (ControlRow("Izium", 49.2128, 37.2569, "russia", "2022-06-30"),
            ControlRow("Kupiansk", 49.7106, 37.6156, "ukraine"))
    import_id = store.add_import("wikipedia.csv", rows)
    reopened = Store(path)
    assert [s.correction for s in reopened.corrections()] == corrections
    assert [s.id for s in reopened.corrections()] == ids
    [stored] = reopened.imports()
    assert (stored.id, stored.name, stored.rows) == (import_id, "wikipedia.csv", rows)
    reopened.delete_correction(ids[0])
    assert [s.correction for s in reopened.corrections()] == corrections[1:]
    reopened.save_claims(article, claims_of())
    reopened.delete(article)
    assert reopened.claims() == [] and reopened.analyses() == []
    assert [s.correction for s in reopened.corrections()] == corrections[1:2]  # holder corrections stay
    reopened.delete_import(import_id)
    assert reopened.imports() == []


def test_the_model_from_the_store_uses_claims_corrections_and_imports(tmp_path):
    store = Store(tmp_path / "f.db")
    article = store.save("IS reportedly seized Marea.", date="2016-06-03")
    store.save_claims(article, claims_of()[:1], date="2016-06-03")
    store.add_import("list", [ControlRow("Azaz", 36.5866, 37.0463, "rebels", "2016-06-01")])
    store.add_correction(ToponymCorrection(article, 40, 45, ALEPPO))
    sides = {h.site.name: h.side for h in ControlModel.from_store(store).holdings()}
    assert sides == {"Aleppo": "isis", "Azaz": "rebels"}


def _write_claims(path, prefix):
    store = Store(path)
    for n in range(10):
        article = store.save(f"{prefix} article {n} about Marea")
        store.save_claims(article, claims_of(n))
        store.add_correction(WrongClaim.of(article, claims_of(n)[0]))


def test_two_processes_migrating_and_writing_claims_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.db"
    c = sqlite3.connect(path)
    c.executescript(V1_SCHEMA)  # both processes find a v1 store and race to migrate it
    c.close()
    workers = [multiprocessing.Process(target=_write_claims, args=(path, p)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    store = Store(path)
    assert [w.exitcode for w in workers] == [0, 0]
    assert len(store.analyses()) == 20 and len(store.claims()) == 60 and len(store.corrections()) == 20
    assert len(store.articles()) == 21


def test_a_damaged_frontline_store_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "f.db"
    store = Store(path)
    for n in range(200):  # enough pages that damage lands inside the tables, not only the header
        store.save_claims(store.save(f"article {n} " + "text " * 200), claims_of(n))
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(12 * page, len(data) - page, 3 * page):  # the tables' pages; meta stays readable
        data[offset + 8:offset + 400] = b"\xff" * 392
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="is damaged"):
        Store(path)
    assert path.read_bytes() == bytes(data)
