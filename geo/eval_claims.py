"""Score claims against hand-annotated articles (the corpus/dev format: NAME.txt + NAME.json).

A predicted claim matches a gold one when kind, actor and place agree, the place within
`PLACED_KM` of the gold coordinates (or named alike); each gold claim matches at most once.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from geo.analysis import Analysis
from geo.claims import KINDS
from geo.distance import haversine_km
from geo.names import fold

PLACED_KM = 25.0


@dataclass
class ClaimScores:
    """Matched, predicted and gold counts, overall and per kind."""

    matched: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def precision(self, kind: str | None = None) -> float:
        p = self.predicted[kind] if kind else sum(self.predicted.values())
        return (self.matched[kind] if kind else sum(self.matched.values())) / p if p else 0.0

    def recall(self, kind: str | None = None) -> float:
        g = self.gold[kind] if kind else sum(self.gold.values())
        return (self.matched[kind] if kind else sum(self.matched.values())) / g if g else 0.0


def _same_place(claim, gold_place: dict) -> bool:
    p = claim.place
    if p is None:
        return False
    if fold(p.name) in (fold(gold_place["name"]), fold(gold_place["mention"])):
        return True
    return haversine_km(p.lat, p.lon, gold_place["lat"], gold_place["lon"]) <= PLACED_KM


def score_article(analysis: Analysis, gold: dict, scores: ClaimScores, ignore_kind: bool, stem: str) -> None:
    """Add one article's counts to `scores`: greedy one-to-one matching, evidence overlap first."""
    places = {p["name"]: p for p in gold["places"]}
    body = analysis.text[analysis.body_start:]
    todo = list(gold["claims"])
    key = (lambda k: "any") if ignore_kind else (lambda k: k)
    for c in todo:
        scores.gold[key(c["kind"])] += 1
    for claim in analysis.claims:
        scores.predicted[key(claim.kind)] += 1
        fits = [g for g in todo if (ignore_kind or g["kind"] == claim.kind) and g["actor"] == claim.actor
                and _same_place(claim, places[g["place"]])]
        if not fits:
            scores.false.append(f"{stem}: {claim.kind} {claim.actor} @{claim.place.name if claim.place else '-'}"
                                f" | {claim.evidence[:90]}")
            continue
        best = max(fits, key=lambda g: _overlap(body.find(g["evidence"]) + analysis.body_start,
                                                len(g["evidence"]), claim.start, claim.end))
        todo.remove(best)
        scores.matched[key(claim.kind)] += 1
    scores.misses += [f"{stem}: {g['kind']} {g['actor']} @{g['place']} | {g['evidence'][:90]}" for g in todo]


def _overlap(start: int, length: int, s: int, e: int) -> int:
    return max(0, min(start + length, e) - max(start, s))


def evaluate_dir(folder: Path, parse, ignore_kind: bool = False) -> ClaimScores:
    """Parse every article of a gold folder and score its claims."""
    scores = ClaimScores()
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        analysis = parse(text, date=gold.get("date"))
        score_article(analysis, gold, scores, ignore_kind, gold_path.stem[:2])
    return scores


def format_report(by_kind: ClaimScores, any_kind: ClaimScores) -> str:
    """A table: precision and recall per kind, overall, and with kind ignored."""
    lines = ["kind        precision  recall   matched/predicted/gold"]
    for kind in KINDS:
        lines.append(f"{kind:10}  {by_kind.precision(kind):9.3f}  {by_kind.recall(kind):6.3f}   "
                     f"{by_kind.matched[kind]}/{by_kind.predicted[kind]}/{by_kind.gold[kind]}")
    for label, s in (("overall", by_kind), ("kind-free", any_kind)):
        lines.append(f"{label:10}  {s.precision():9.3f}  {s.recall():6.3f}   "
                     f"{sum(s.matched.values())}/{sum(s.predicted.values())}/{sum(s.gold.values())}")
    return "\n".join(lines)
