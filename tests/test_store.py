import multiprocessing

import pytest

from geo.store import Store, StoreError


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
        import sqlite3

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
