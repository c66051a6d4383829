"""What parsing an article yields: toponyms (and, from the claims stage, sides and claims)."""

from __future__ import annotations

from dataclasses import dataclass

from geo.claims import Claim
from geo.place import Place
from geo.sides import SideMention

ROLES = ("literal", "metonym", "demonym")
SECTORS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
           "centre", "outskirts", "countryside")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text, with the place it was resolved to (None if unresolved)."""

    start: int
    end: int
    text: str
    place: Place | None
    role: str = "literal"
    sector: str | None = None
    kind_hint: str | None = None
    historical: bool = False
    confidence: float = 0.0
    candidates: tuple[Place, ...] = ()
    sentence: tuple[int, int] = (0, 0)

    @property
    def pinned(self) -> bool:
        """True when the toponym belongs on the map: a literal place with coordinates."""
        return self.place is not None and self.role == "literal"


@dataclass(frozen=True, slots=True)
class Analysis:
    """The analysis of one article."""

    text: str
    date: str | None
    theatre: str | None
    toponyms: tuple[Toponym, ...]
    body_start: int = 0
    sides: tuple[SideMention, ...] = ()
    claims: tuple[Claim, ...] = ()

    def sentence_of(self, toponym: Toponym) -> str:
        """The sentence a toponym came from, as written."""
        return self.text[toponym.sentence[0]:toponym.sentence[1]].strip()


def place_json(place: Place) -> dict:
    """The JSON of a candidate place."""
    return {"id": place.id, "name": place.name, "lat": round(place.lat, 5), "lon": round(place.lon, 5),
            "kind": place.kind, "country": place.country, "admin1": place.admin1}


def toponym_json(t: Toponym) -> dict:
    """The JSON of a toponym, in the field names the command line promises."""
    p = t.place
    return {"start": t.start, "end": t.end, "text": t.text,
            "name": p.name if p else None, "lat": round(p.lat, 5) if p else None,
            "lon": round(p.lon, 5) if p else None, "kind": p.kind if p else None,
            "country": p.country if p else None, "role": t.role, "sector": t.sector,
            "historical": t.historical, "confidence": round(t.confidence, 3),
            "candidates": [place_json(c) for c in t.candidates]}


def claim_json(c: Claim) -> dict:
    """The JSON of a claim, in the field names the command line promises."""
    p = c.place
    return {"kind": c.kind, "actor": c.actor, "target_actor": c.target_actor,
            "place": p.name if p else None, "lat": round(p.lat, 5) if p else None,
            "lon": round(p.lon, 5) if p else None, "sector": c.sector, "distance_km": c.distance_km,
            "hedged": c.hedged, "historical": c.historical, "date": c.date,
            "start": c.start, "end": c.end, "evidence": c.evidence}


def analysis_json(a: Analysis) -> dict:
    """The JSON of an analysis (`frontline analyze --json`)."""
    return {"theatre": a.theatre, "date": a.date, "toponyms": [toponym_json(t) for t in a.toponyms],
            "sides": [{"start": m.start, "end": m.end, "text": m.text, "id": m.side, "how": m.how} for m in a.sides],
            "claims": [claim_json(c) for c in a.claims]}
