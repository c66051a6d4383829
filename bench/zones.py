"""Control zones: 10,000 held places to zones and front lines."""

from __future__ import annotations

import time

import numpy as np


def main() -> None:
    from geo import gazetteer
    from geo.zones import HeldPlace, build_zones

    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(44.5, 52.0, 10_000), rng.uniform(22.5, 40.0, 10_000)
    # Two sides split along a wavy line, with a few stray labels as real lists have.
    sides = np.where(lons + 1.5 * np.sin(lats * 2) > 35.0, "russia", "ukraine").astype(object)
    sides[rng.choice(10_000, 150, replace=False)] = "contested"
    places = [HeldPlace(str(i), float(a), float(o), str(s)) for i, (a, o, s) in enumerate(zip(lats, lons, sides))]
    boundary = gazetteer.load().boundary("UA")
    build_zones(places[:500], boundary)  # warm up imports and projections
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        zones, fronts = build_zones(places, boundary)
        timings.append(time.perf_counter() - start)
    print(f"10,000 places to {len(zones)} zones and {len(fronts)} front(s), "
          f"{sum(f.length_km for f in fronts):,.0f} km: {sorted(timings)[1]:.2f} s median of 3   (bar < 2 s)")


if __name__ == "__main__":
    main()
