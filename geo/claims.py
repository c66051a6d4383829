"""Claims: what an article says an armed side did or holds at a place."""

from __future__ import annotations

from dataclasses import dataclass

from geo.place import Place

KINDS = ("control", "capture", "attack", "strike", "advance", "siege", "proximity")


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion of an article: `actor` did `kind` at `place` (evidence at text[start:end])."""

    kind: str
    actor: str
    target_actor: str | None
    place: Place | None
    sector: str | None
    distance_km: float | None
    hedged: bool
    historical: bool
    date: str | None
    start: int
    end: int
    evidence: str
    place_span: tuple[int, int] | None = None  # the toponym that names the place, for corrections
