"""The tables beside the map (places, claims, distances) as rows of plain values."""

from __future__ import annotations

from geo.situation import Situation


def _km(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def place_rows(s: Situation) -> list[dict]:
    """One row per mention of a pinned place, with how far the front and the nearest hostile ground are."""
    return [{"as written": t.text, "place": t.place.name, "kind": t.place.kind, "country": t.place.country,
             "lat": round(t.place.lat, 4), "lon": round(t.place.lon, 4), "confidence": round(t.confidence, 2),
             "holder": s.side_name(s.holder(t.place)), "front km": _km(s.front_km(t.place)),
             "hostile ground km": _km(s.hostile_km(t.place)), "role": t.role, "part": t.sector or "",
             "historical": t.historical}
            for t in s.analysis.toponyms if t.place is not None and t.role == "literal"]


def claim_rows(s: Situation) -> list[dict]:
    """One row per claim shown on the map."""
    return [{"kind": c.kind, "actor": s.side_name(c.actor), "target": s.side_name(c.target_actor),
             "place": c.place.name if c.place else "", "sector": c.sector or "", "distance km": c.distance_km,
             "hedged": c.hedged, "historical": c.historical, "date": c.date or s.analysis.date or "",
             "evidence": c.evidence}
            for c in s.claims]


def distance_rows(s: Situation) -> list[dict]:
    """Stated distances against the map's, and the nearest approaches of hostile sides."""
    return [{"what": "nearest approach" if d.approach else "stated",
             "side": f"{s.side_name(d.holder)} – {s.side_name(d.side)}" if d.approach else s.side_name(d.side),
             "place": d.place, "stated km": _km(d.stated_km), "computed km": _km(d.computed_km),
             "disagree": d.disagrees, "evidence": d.evidence}
            for d in s.distances]
