"""Score the gazetteer on a list of place-name mentions with true coordinates (toponyms-dev.tsv format)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from geo.distance import haversine_km
from geo.gazetteer import Gazetteer

# Tolerance in km by the kind of the true place, as the benchmark defines it.
TOLERANCE_KM = {"city": 10, "town": 10, "village": 10, "facility": 10, "neighbourhood": 10, "district": 25,
                "province": 50, "region": 50, "water": 50, "mountain": 50, "country": 200}
# The countries each of the benchmark's theatres covers, in order of weight.
THEATRE_COUNTRIES = {
    "syria": ("SY",), "iraq": ("IQ",), "ukraine": ("UA", "RU"), "libya": ("LY",), "yemen": ("YE",),
    "sudan": ("SD", "SS", "TD"), "gaza_israel_lebanon": ("PS", "IL", "LB", "SY"),
    "nagorno_karabakh": ("AZ", "AM"), "mali_sahel": ("ML", "BF", "NE"), "ethiopia_tigray": ("ET", "ER"),
    "myanmar": ("MM",), "somalia": ("SO",),
}
OUTCOMES = ("resolved", "wrong place", "missed")


@dataclass
class Report:
    """Outcomes of every mention, with the breakdowns the benchmark asks for."""

    rows: list[dict] = field(default_factory=list)

    def share(self, rows=None) -> float:
        rows = self.rows if rows is None else rows
        return sum(r["outcome"] == "resolved" for r in rows) / len(rows) if rows else 0.0

    def by(self, column: str) -> dict[str, tuple[float, Counter]]:
        groups = defaultdict(list)
        for r in self.rows:
            groups[r[column]].append(r)
        return {k: (self.share(v), Counter(r["outcome"] for r in v)) for k, v in sorted(groups.items())}

    def per_place(self) -> float:
        places = defaultdict(list)
        for r in self.rows:
            places[r["place_id"]].append(r["outcome"] == "resolved")
        return sum(sum(v) / len(v) for v in places.values()) / len(places) if places else 0.0


def evaluate(path: Path, gazetteer: Gazetteer, theatre_prior: bool = True) -> Report:
    """Resolve every mention (with its theatre's countries ranked first when `theatre_prior`)."""
    report = Report()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            countries = THEATRE_COUNTRIES.get(row["theatre"], ()) if theatre_prior else ()
            best = gazetteer.get(row["mention"], country=countries)
            if best is None:
                outcome, km = "missed", None
            else:
                km = haversine_km(best.lat, best.lon, float(row["lat"]), float(row["lon"]))
                outcome = "resolved" if km <= TOLERANCE_KM[row["kind"]] else "wrong place"
            report.rows.append({**row, "outcome": outcome, "km": km,
                                "found": f"{best.name} ({best.kind}, {best.country})" if best else ""})
    return report


def format_report(report: Report, title: str) -> str:
    """A plain-text table of the report."""
    counts = Counter(r["outcome"] for r in report.rows)
    lines = [f"{title}: resolved {report.share():.3f} of {len(report.rows)} mentions "
             f"({', '.join(f'{o} {counts[o]}' for o in OUTCOMES)}); per place {report.per_place():.3f}"]
    for column in ("theatre", "kind"):
        lines.append(f"  by {column}:")
        for key, (share, c) in report.by(column).items():
            lines.append(f"    {key:22} {share:.3f}  ({', '.join(f'{o} {c[o]}' for o in OUTCOMES if c[o])})")
    return "\n".join(lines)
