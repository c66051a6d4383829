"""Distances: all nearest approaches of 10,000 against 10,000 held places, geodesic."""

from __future__ import annotations

import time

import numpy as np


def _median_seconds(run, rounds: int = 3) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return sorted(timings)[rounds // 2]


def main() -> None:
    from geo.approach import nearest_approaches, nearest_sides
    from geo.zones import HeldPlace

    rng = np.random.default_rng(7)
    places = []
    # Two interleaved sides over Ukraine's extent, and a third side far away that is hostile to both.
    for side, n, (south, west) in [("russia", 10_000, (44.5, 22.5)), ("ukraine", 10_000, (44.5, 22.5)),
                                   ("isis", 500, (33.0, 36.0))]:
        lats, lons = rng.uniform(south, south + 7.5, n), rng.uniform(west, west + 17.5, n)
        places += [HeldPlace(f"{side}{i}", float(a), float(o), side) for i, (a, o) in enumerate(zip(lats, lons))]
    nearest_approaches(places[:1000])  # warm up imports
    found = nearest_approaches(places)
    seconds = _median_seconds(lambda: nearest_approaches(places))
    print(f"nearest approaches, 10,000 russia against 10,000 ukraine (and 500 isis): {len(found)} pairs, "
          f"closest {found[0].km:.3f} km: {seconds:.3f} s median of 3   (bar < 0.5 s)")
    queries = [(p.lat, p.lon) for p in places[:10_000]]
    seconds = _median_seconds(lambda: nearest_sides(queries, places))
    print(f"nearest place of each of 3 sides from 10,000 points: {seconds:.3f} s median of 3")


if __name__ == "__main__":
    main()
