"""Score the geoparser on public benchmark corpora (JSONL: id, text, toponyms with offsets and coordinates)."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass
from pathlib import Path

from geo.analysis import Analysis
from geo.distance import haversine_km

ACCURACY_KM = 161.0
HALF_CIRCUMFERENCE_KM = 20039.0


@dataclass(frozen=True, slots=True)
class Scores:
    """Recognition, resolution and end-to-end figures of one corpus."""

    articles: int
    gold: int
    predicted: int
    exact: tuple[float, float, float]
    overlap: tuple[float, float, float]
    accuracy_161: float
    mean_km: float
    median_km: float
    auc: float
    end_to_end: float


def _prf(tp_p: int, predicted: int, tp_g: int, gold: int) -> tuple[float, float, float]:
    p = tp_p / predicted if predicted else 0.0
    r = tp_g / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs: list[tuple[dict, Analysis]]) -> Scores:
    """Score (gold record, analysis) pairs the way the literature does."""
    gold_n = pred_n = exact_hits = overlap_pred = overlap_gold = placed = with_coords = 0
    errors: list[float] = []
    for record, analysis in pairs:
        predicted = [(t.start, t.end, t.place) for t in analysis.toponyms]
        pred_n += len(predicted)
        spans = {(s, e) for s, e, _ in predicted}
        gold = record["toponyms"]
        gold_n += len(gold)
        for g in gold:
            exact_hits += (g["start"], g["end"]) in spans
            overlapping = [p for p in predicted if p[0] < g["end"] and g["start"] < p[1]]
            overlap_gold += bool(overlapping)
            if g.get("lat") is None:
                continue
            with_coords += 1
            located = [p for p in overlapping if p[2] is not None]
            if located:
                km = haversine_km(located[0][2].lat, located[0][2].lon, g["lat"], g["lon"])
                errors.append(km)
                placed += km <= ACCURACY_KM
        overlap_pred += sum(any(s < g["end"] and g["start"] < e for g in gold) for s, e, _ in predicted)
    auc = (sum(math.log1p(e) / math.log(HALF_CIRCUMFERENCE_KM) for e in errors) / len(errors)) if errors else 1.0
    return Scores(
        articles=len(pairs), gold=gold_n, predicted=pred_n,
        exact=_prf(exact_hits, pred_n, exact_hits, gold_n),
        overlap=_prf(overlap_pred, pred_n, overlap_gold, gold_n),
        accuracy_161=sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else 0.0,
        mean_km=statistics.fmean(errors) if errors else 0.0,
        median_km=statistics.median(errors) if errors else 0.0,
        auc=auc, end_to_end=placed / with_coords if with_coords else 0.0)


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL corpus."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def format_scores(name: str, s: Scores) -> str:
    """A few readable lines for one corpus."""
    return (f"{name}: {s.articles} articles, {s.gold} gold toponyms, {s.predicted} predicted\n"
            f"  spans exact   P {s.exact[0]:.3f}  R {s.exact[1]:.3f}  F1 {s.exact[2]:.3f}\n"
            f"  spans overlap P {s.overlap[0]:.3f}  R {s.overlap[1]:.3f}  F1 {s.overlap[2]:.3f}\n"
            f"  resolution    acc@161km {s.accuracy_161:.3f}  mean {s.mean_km:.1f} km  "
            f"median {s.median_km:.1f} km  AUC {s.auc:.3f}\n"
            f"  end to end    {s.end_to_end:.3f}")
