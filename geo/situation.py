"""What the map shows of an article as of a date: holders, zones, fronts, events and distances.

The page hands in the article's analysis, the control model (every stored article's claims, the
person's corrections and imports; by default the article's own claims) and the corrections of
this article; everything drawn or tabulated is derived here, so it runs under plain pytest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

import shapely
import shapely.errors
import shapely.ops

from geo.analysis import Analysis
from geo.approach import distance_to_km, nearest_approaches, nearest_sides
from geo.claims import Claim
from geo.control import ControlModel, Correction, Holding, ToponymCorrection, WrongClaim
from geo.place import Place
from geo.theatres import Side, Theatre
from geo.zones import CONTESTED, Front, HeldPlace, Projection, Zone, build_zones, opposed

if TYPE_CHECKING:
    from geo.store import Store

log = logging.getLogger(__name__)
EVENT_KINDS = ("capture", "attack", "strike", "siege", "advance")
UNKNOWN_COLOUR = "#555555"
CONTESTED_COLOUR = "#9e9e9e"
# A stated distance disagrees with the map when they differ by more than this many km and this share.
DISAGREE_KM = 5.0
DISAGREE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Distance:
    """How far a side's ground lies from a place: as the article states it and as the map computes it."""

    side: str
    place: str
    point: tuple[float, float]  # (lat, lon) of the place
    stated_km: float | None
    computed_km: float | None
    towards: tuple[float, float] | None  # (lat, lon) of the nearest ground of the side
    evidence: str
    approach: bool = False  # a nearest approach between hostile sides, not a stated distance
    holder: str | None = None  # for an approach, the side holding `place`

    @property
    def disagrees(self) -> bool:
        """True when both distances are known and differ by more than the tolerance."""
        if self.stated_km is None or self.computed_km is None:
            return False
        gap = abs(self.stated_km - self.computed_km)
        return gap > DISAGREE_KM and gap > DISAGREE_SHARE * self.stated_km


@dataclass(frozen=True, slots=True)
class Situation:
    """An analysis as of a date, with its holdings, zones, fronts, claims and distances."""

    analysis: Analysis
    theatre: Theatre | None
    as_of: str | None
    holdings: Mapping[int, Holding]  # place id -> the holding of the whole place (else of a sector)
    held: tuple[HeldPlace, ...]
    zones: tuple[Zone, ...]
    fronts: tuple[Front, ...]
    claims: tuple[Claim, ...]
    distances: tuple[Distance, ...]
    problems: tuple[str, ...] = ()  # what could not be drawn, for the page to say

    def side(self, side_id: str | None) -> Side | None:
        """The theatre's side record, or None."""
        return self.theatre.side(side_id) if self.theatre and side_id else None

    def side_name(self, side_id: str | None) -> str:
        """A side's display name ('' for none)."""
        if not side_id:
            return ""
        side = self.side(side_id)
        return side.name if side else side_id.replace("_", " ")

    def colour(self, side_id: str | None) -> str:
        """A side's colour from the theatre profile."""
        if side_id == CONTESTED:
            return CONTESTED_COLOUR
        side = self.side(side_id)
        return side.colour if side else UNKNOWN_COLOUR

    def holder(self, place: Place) -> str | None:
        """The side holding a place (or `contested`), or None."""
        holding = self.holdings.get(place.id)
        return holding.side if holding else None

    def holder_text(self, place: Place) -> str:
        """Who holds a place, as a person reads it: side, sector, confidence and since when."""
        holding = self.holdings.get(place.id)
        if holding is None:
            return ""
        text = self.side_name(holding.side) + (f" ({holding.sector})" if holding.sector else "")
        text += f", confidence {holding.confidence:.0%}"
        return text + (f", since {holding.since}" if holding.since else "")

    def front_km(self, place: Place) -> float | None:
        """Geodesic km from a place to the nearest front line, or None without fronts."""
        found = [distance_to_km(place.lat, place.lon, f.geometry) for f in self.fronts if not f.geometry.is_empty]
        return min(found) if found else None

    def hostile_km(self, place: Place) -> float | None:
        """Geodesic km from a place to the nearest zone of a side hostile to its holder (0 inside one)."""
        holder = self.holder(place)
        if holder is None or holder == CONTESTED or self.theatre is None:
            return None
        hostile = _hostile(self.theatre)
        found = [distance_to_km(place.lat, place.lon, z.geometry) for z in self.zones
                 if hostile(holder, z.side) and not z.geometry.is_empty]
        return min(found) if found else None

    @property
    def events(self) -> tuple[Claim, ...]:
        """Claims of something done at a place (capture, attack, strike, siege, advance)."""
        return tuple(c for c in self.claims if c.kind in EVENT_KINDS and c.place is not None)


def corrected(analysis: Analysis, corrections: list[Correction], article_id: int | None) -> Analysis:
    """The analysis with the person's choice of place for each corrected toponym, wrong claims left out."""
    moved = {(c.start, c.end): c.place for c in corrections
             if isinstance(c, ToponymCorrection) and c.article_id == article_id}
    wrong = {c for c in corrections if isinstance(c, WrongClaim)}
    if not moved and not wrong:
        return analysis
    toponyms = tuple(replace(t, place=moved[t.start, t.end], candidates=_with(t.candidates, t.place))
                     if (t.start, t.end) in moved else t for t in analysis.toponyms)
    claims = tuple(replace(c, place=moved[c.place_span]) if c.place_span in moved else c
                   for c in analysis.claims if WrongClaim.of(article_id, c) not in wrong)
    return replace(analysis, toponyms=toponyms, claims=claims)


def _with(candidates: tuple[Place, ...], place: Place | None) -> tuple[Place, ...]:
    return candidates if place is None or place in candidates else (place, *candidates)


def claim_date(claim: Claim, analysis: Analysis) -> str | None:
    """The date a claim speaks of: its own, else the article's."""
    return claim.date or analysis.date


def theatre_model(store: Store, theatre: str | None) -> ControlModel:
    """The control model of a `geo.store.Store`'s articles of one theatre, with every correction and import."""
    analyses = [a for a in store.analyses() if a.theatre == theatre]
    return ControlModel([(a.article_id, c) for a in analyses for c in a.claims],
                        [c.correction for c in store.corrections()],
                        [row for i in store.imports() for row in i.rows],
                        article_dates={a.article_id: a.date for a in analyses})


def own_model(analysis: Analysis, article_id: int = 0) -> ControlModel:
    """The control model of one article's claims alone."""
    return ControlModel([(article_id, c) for c in analysis.claims], article_dates={article_id: analysis.date})


def _hostile(theatre: Theatre | None):
    if theatre is None:
        return opposed
    return lambda a, b: CONTESTED not in (a, b) and (theatre.hostile(a, b) or theatre.hostile(b, a))


def _nearest_ground(place: Place, zone: Zone | None, held: list[HeldPlace]) -> tuple[float, tuple[float, float]] | None:
    """(km, (lat, lon)) from a place to the nearest ground of a side: its zone, else its nearest held place."""
    if zone is not None and not zone.geometry.is_empty:
        km = distance_to_km(place.lat, place.lon, zone.geometry)
        if km == 0.0:
            return 0.0, place.point
        # The point the distance runs to, for the line drawn on the map.
        projection = Projection(place.lat, place.lon)
        area = projection.to_metric(zone.geometry)
        nearest = shapely.ops.nearest_points(shapely.Point(0.0, 0.0), area.boundary)[1]
        lon, lat = shapely.get_coordinates(projection.to_lonlat(nearest))[0]
        return km, (float(lat), float(lon))
    if held:
        [(nearest, *_)] = nearest_sides([place.point], held)
        return nearest.km, (nearest.place.lat, nearest.place.lon)
    return None


def _approaches(held: list[HeldPlace], hostile) -> list[Distance]:
    """The nearest approach of each pair of hostile sides, as a distance from the first side's place."""
    return [Distance(a.sides[1], a.place_a.name, (a.place_a.lat, a.place_a.lon), None, a.km,
                     (a.place_b.lat, a.place_b.lon), f"{a.place_a.name} ({a.sides[0]}) – {a.place_b.name} ({a.sides[1]})",
                     approach=True, holder=a.sides[0])
            for a in nearest_approaches(held, hostile)]


def situation(analysis: Analysis, theatre: Theatre | None, *, as_of: str | None = None,
              model: ControlModel | None = None, corrections: list[Correction] = (), article_id: int | None = None,
              boundary: shapely.Geometry | None = None) -> Situation:
    """The article as of `as_of`, held as `model` says (by default, as its own claims say)."""
    analysis = corrected(analysis, list(corrections), article_id)
    if model is None:
        model = own_model(analysis, article_id or 0)
    claims = tuple(c for c in analysis.claims if as_of is None or (claim_date(c, analysis) or "") <= as_of)
    holdings: dict[int, Holding] = {}
    for h in model.holdings(as_of):
        if h.site.id is not None and (h.sector is None or h.site.id not in holdings):
            holdings[h.site.id] = h
    held = model.held_places(as_of)
    hostile = _hostile(theatre)
    problems = []
    try:
        zones, fronts = build_zones(held, boundary, hostile=hostile) if held else ([], [])
    except shapely.errors.ShapelyError:
        # A geometry failure must not take the places and events down with it: the map goes without zones.
        log.exception("Zones failed for %d held places as of %s", len(held), as_of)
        zones, fronts = [], []
        problems.append("The control zones could not be drawn for this date (the error was logged); "
                        "places and events are shown without them.")
    zone_of = {z.side: z for z in zones}
    distances = []
    for c in claims:
        if c.kind != "proximity" or c.place is None or c.distance_km is None or not c.actor:
            continue
        ground = _nearest_ground(c.place, zone_of.get(c.actor), [h for h in held if h.side == c.actor])
        distances.append(Distance(c.actor, c.place.name, c.place.point, c.distance_km,
                                  ground[0] if ground else None, ground[1] if ground else None, c.evidence))
    distances += _approaches(held, hostile)
    return Situation(analysis, theatre, as_of, MappingProxyType(holdings), tuple(held), tuple(zones), tuple(fronts),
                     claims, tuple(distances), tuple(problems))
