"""Score places and sides against hand-annotated articles (the corpus/dev format: NAME.txt + NAME.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from geo.analysis import Analysis
from geo.distance import haversine_km
from geo.names import fold

PLACED_KM = 25.0


@dataclass
class PlaceScores:
    """Counts over articles: gold literal places found and placed, predicted places right."""

    gold: int = 0
    found: int = 0
    placed: int = 0
    predicted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def placed_share(self) -> float:
        return self.placed / self.found if self.found else 0.0


def _spans(body: str, offset: int, mention: str) -> list[tuple[int, int]]:
    return [(offset + m.start(), offset + m.end()) for m in re.finditer(re.escape(mention), body)]


def score_article(text: str, gold: dict, analysis: Analysis, scores: PlaceScores) -> None:
    """Add one article's counts to `scores`."""
    body = text[analysis.body_start:]
    literal = [t for t in analysis.toponyms if t.pinned]
    matched_ids: set[int] = set()
    for g in gold["places"]:
        spans = _spans(body, analysis.body_start, g["mention"])
        hits = [t for t in literal if any(s < t.end and t.start < e for s, e in spans)]
        if g.get("literal", True):
            scores.gold += 1
            if hits:
                scores.found += 1
                best = min(hits, key=lambda t: haversine_km(t.place.lat, t.place.lon, g["lat"], g["lon"]))
                if haversine_km(best.place.lat, best.place.lon, g["lat"], g["lon"]) <= PLACED_KM:
                    scores.placed += 1
                else:
                    scores.misses.append(f"{g['mention']} placed at {best.place.name} ({best.place.country})")
            else:
                scores.misses.append(f"{g['mention']} not found")
        if hits and g.get("literal", True):
            matched_ids.update(t.place.id for t in hits)
    names = {fold(g["name"]) for g in gold["places"] if g.get("literal", True)} | \
            {fold(g["mention"]) for g in gold["places"] if g.get("literal", True)}
    for place_id in {t.place.id for t in literal}:
        scores.predicted += 1
        example = next(t for t in literal if t.place.id == place_id)
        if place_id in matched_ids or fold(example.text) in names:
            scores.correct += 1
        else:
            scores.false.append(f"{example.text} -> {example.place.name} ({example.place.country})")


def side_scores(folder: Path, parse) -> tuple[float, float, list[str]]:
    """Precision and recall of the sides each article names (pairs of article and side id)."""
    predicted = gold = correct = 0
    notes = []
    for gold_path in sorted(folder.glob("*.json")):
        answer = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        found = {m.side for m in parse(text, date=answer.get("date")).sides}
        expected = set(answer["factions"])
        predicted, gold, correct = predicted + len(found), gold + len(expected), correct + len(found & expected)
        if found != expected:
            notes.append(f"{gold_path.stem}: missed {sorted(expected - found)}, extra {sorted(found - expected)}")
    return (correct / predicted if predicted else 0.0), (correct / gold if gold else 0.0), notes


def evaluate_dir(folder: Path, parse) -> PlaceScores:
    """Parse every article of a gold folder and score its literal places."""
    scores = PlaceScores()
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        score_article(text, gold, parse(text, date=gold.get("date")), scores)
    return scores
