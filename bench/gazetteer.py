"""Gazetteer: warm load time, name look-ups a second, memory added, and a first build."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.common import fresh_process

LOAD = """
import json, resource, time
from geo import gazetteer
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
g = gazetteer.load()
seconds = time.perf_counter() - start
for name in ("Aleppo", "Kyiv", "Deir al-Zour"):
    g.candidates(name)
g.near(36.2, 37.15, 50)
g.boundary("SY")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": seconds, "added_mb": (after - before) / 1024}))
"""


def queries() -> list[str]:
    """Names of 60,000 places spread over the gazetteer, some in lower case, and some misses."""
    from geo import gazetteer

    g = gazetteer.load()
    names = [g.lookup(i).name for i in range(0, len(g), max(1, len(g) // 60_000))]
    return names + [q.lower() for q in names[:20_000]] + ["Qwzxlmnop", "Deir al-Zour", "Kiev"] * 1000


def lookups_per_second(queries: list[str], keep_places: bool, passes: int = 3) -> float:
    """Best of `passes` runs over names not seen before: name caches cleared before each run.

    With `keep_places`, the Place records made by an earlier run stay (they are the loaded data,
    materialised on first use); without, they are rebuilt too.
    """
    from geo import gazetteer, names

    g = gazetteer.load()
    g.clear_caches()
    for q in queries:
        g.get(q)
    best = 0.0
    for _ in range(passes):
        names.normalize.cache_clear()
        names.fold.cache_clear()
        g._ranked.cache_clear()
        if not keep_places:
            g.clear_caches()
        start = time.perf_counter()
        for q in queries:
            g.get(q)
        best = max(best, len(queries) / (time.perf_counter() - start))
    return best


def rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    loads = [fresh_process(LOAD) for _ in range(3)]
    load_s = sorted(x["load_s"] for x in loads)[1]
    added = sorted(x["added_mb"] for x in loads)[1]
    print(f"warm load (median of 3 fresh processes): {load_s:.2f} s   (bar < 1 s)")
    print(f"memory added by the loaded gazetteer, indexes, radius tree and outlines: {added:.0f} MB   (bar < 300 MB)")
    mixed = queries()
    ascii_only = [q for q in mixed if q.isascii()]
    before = rss_mb()
    print(f"get() a second over {len(mixed):,} names not seen before (a fifth with diacritics), Place records "
          f"kept once made: {lookups_per_second(mixed, keep_places=True):,.0f}   (bar >= 200,000)")
    print(f"  the same, Place records rebuilt too: {lookups_per_second(mixed, keep_places=False):,.0f}; "
          f"only the {len(ascii_only):,} plain-ASCII names: {lookups_per_second(ascii_only, keep_places=False):,.0f}")
    print(f"  memory of this benchmark process after the look-ups: {rss_mb():.0f} MB "
          f"(it was {before:.0f} MB before them)")
    if "--no-build" not in sys.argv:
        from gazetteer.build import build

        with tempfile.TemporaryDirectory() as tmp:
            figures = build(Path(tmp) / "places.marshal")
        print(f"first build: {figures['seconds']:.1f} s for {figures['places']:,} places   (bar < 30 s)")


if __name__ == "__main__":
    main()
