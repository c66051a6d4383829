"""The control model: who holds each place on a given date, on what evidence, and under what pressure.

It is fed by the dated claims of every analysed article, by a person's corrections and by imported
control lists. The rules, for each place (and each sector of a divided place) as of a date D
(inclusive; None means everything known):

1. Only `control` and `capture` claims decide the holder. A capture makes its actor the holder;
   its target_actor, the side that lost the place, is kept in the evidence (no earlier holding is
   inferred from it). Imported rows count as control claims of weight 1 at their date.
2. Claims weigh 1; a hedged claim ("reportedly") weighs 0.5, a historical one (recalled, dated as
   given by the article) 0.5, both 0.25.
3. A later claim supersedes an earlier one: only claims within `WINDOW_DAYS` of the latest claim up
   to D count. Inside that window, a capture also supersedes the earlier claims of other sides that
   weigh no more than it does (it reports the change), so a recapture two days later wins.
4. What is left is tallied by side; allied sides (the theatre profiles' `allies`) agree rather than
   conflict. When the strongest rival weighs at least `COMPARABLE` of the leader, the place is
   contested (side `contested`); otherwise the leader holds it. Confidence is the leader's share
   of the weight times its strongest single claim (a lone firm claim gives 1.0, a lone hedged one
   0.5); for a contested place, how evenly the two are matched times the strongest claim.
   `since` is the date the holder's current run of claims began (or the contest began).
5. Claims without a date take the article's date; with neither they are older than any dated claim.
6. A divided place keeps control by sector ("east Aleppo"): each sector is a holding of its own,
   and claims about the whole place leave a sector alone unless they are dated after the sector's
   latest claim, which reunites it.
7. `attack`, `strike`, `advance`, `siege` and `proximity` never change the holder; they mark
   pressure: the sides (other than the holder and its allies) that pressed the place within
   `PRESSURE_DAYS` before D, with their evidence. A pressed place nobody is said to hold has
   pressure but no holding.
8. Only points are held: claims without a place, or about a country, a province or a body of water
   ("Russian airstrikes in Syria", "along the Euphrates"), make neither holdings nor pressure.
9. Corrections win over claims. A holder correction sets the holder of a place (or of one sector)
   from its date on (undated: always), confidence 1, whatever the claims say; a correction of the
   whole place replaces its sectors too. A claim marked wrong is ignored. A toponym re-resolved to
   another place moves the claims that cite it (`Claim.place_span`) to that place (or drops them
   when it is no place).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache
from math import cos, radians, sin

from geo.claims import Claim
from geo.control_list import ControlRow
from geo.dates import check_date
from geo.distance import SECTOR_BEARINGS
from geo.names import normalize
from geo.place import Place, check_latlon
from geo.zones import CONTESTED, HeldPlace

WINDOW_DAYS = 7
PRESSURE_DAYS = 30
COMPARABLE = 0.75  # the rival's weight, as a share of the leader's, that makes a place contested
HEDGED_WEIGHT = 0.5
HISTORICAL_WEIGHT = 0.5
IMPORT_MATCH_KM = 10.0  # an imported row this near a claimed place of the same name is that place
HOLDING_KINDS = ("control", "capture")
PRESSURE_KINDS = ("attack", "strike", "advance", "siege", "proximity")
UNHELD_PLACE_KINDS = frozenset({"country", "province", "water"})


@dataclass(frozen=True, slots=True)
class Site:
    """Where a holding is: a gazetteer place (`id`) or an imported point (`id` None); (lat, lon) WGS84."""

    name: str
    lat: float
    lon: float
    id: int | None = None
    kind: str | None = None

    @classmethod
    def of(cls, place: Place) -> Site:
        return cls(place.name, place.lat, place.lon, place.id, place.kind)

    @property
    def key(self) -> tuple:
        """Identity: the gazetteer id, or an imported point's name and rounded coordinates."""
        if self.id is not None:
            return ("place", self.id)
        return ("point", normalize(self.name), round(self.lat, 4), round(self.lon, 4))


@dataclass(frozen=True, slots=True)
class HolderCorrection:
    """A person says `side` holds `site` (or one sector of it) from `date` on; side None: nobody known."""

    site: Site
    side: str | None
    date: str | None = None
    sector: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class WrongClaim:
    """A person marks a claim of an article wrong; it is found again by its kind and spans."""

    article_id: int
    kind: str
    start: int
    end: int
    place_span: tuple[int, int] | None

    @classmethod
    def of(cls, article_id: int, claim: Claim) -> WrongClaim:
        return cls(article_id, claim.kind, claim.start, claim.end, claim.place_span)


@dataclass(frozen=True, slots=True)
class ToponymCorrection:
    """A person resolves the toponym at text[start:end] of an article to another place (None: no place)."""

    article_id: int
    start: int
    end: int
    place: Place | None


Correction = HolderCorrection | WrongClaim | ToponymCorrection
CORRECTION_KINDS = {HolderCorrection: "holder", WrongClaim: "claim", ToponymCorrection: "toponym"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the model believes something: a claim of an article, a correction or an imported row."""

    source: str  # 'claim', 'correction' or 'import'
    kind: str  # the claim kind; 'control' for imports, 'holder' for corrections
    actor: str | None
    text: str
    date: str | None
    hedged: bool = False
    historical: bool = False
    weight: float = 1.0
    article_id: int | None = None
    span: tuple[int, int] | None = None  # the evidence in the article's text
    target_actor: str | None = None


@dataclass(frozen=True, slots=True)
class Holding:
    """Who holds a place (or a sector of it) as of a date, and why."""

    site: Site
    side: str  # CONTESTED when contested
    sector: str | None
    confidence: float
    contested: bool
    since: str | None
    evidence: tuple[Evidence, ...]  # the claims that count, newest first, a weaker rival's included
    claimants: tuple[str, ...]  # the sides whose claims count: the holder, or the rivals of a contest
    pressure: tuple[str, ...] = ()
    pressure_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Pressure:
    """The sides that attacked, struck, advanced on, besieged or closed in on a place lately."""

    site: Site
    sides: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class _Event:
    order: str  # the date, '' when undated: sorts before every date
    side: str
    capture: bool
    weight: float
    evidence: Evidence


@dataclass(slots=True)
class _SiteRecord:
    site: Site
    sectors: dict[str | None, list[_Event]] = field(default_factory=lambda: defaultdict(list))
    pressure: list[_Event] = field(default_factory=list)
    corrections: list[HolderCorrection] = field(default_factory=list)


@lru_cache(maxsize=4096)
def theatre_allies(a: str, b: str) -> bool:
    """True when some theatre profile names a and b allies."""
    from geo.theatres import theatres

    for theatre in theatres().values():
        side_a, side_b = theatre.side(a), theatre.side(b)
        if (side_a and b in side_a.allies) or (side_b and a in side_b.allies):
            return True
    return False


def _days_before(day: str, days: int) -> str:
    return (Date.fromisoformat(day) - timedelta(days=days)).isoformat()


def _claim_weight(claim: Claim) -> float:
    return (HEDGED_WEIGHT if claim.hedged else 1.0) * (HISTORICAL_WEIGHT if claim.historical else 1.0)


class ControlModel:
    """Holdings and pressure over time from claims, corrections and imports (the rules: module docstring)."""

    def __init__(self, claims: Iterable[tuple[int, Claim]] = (), corrections: Iterable[Correction] = (),
                 imports: Iterable[ControlRow] = (), *, article_dates: Mapping[int, str | None] | None = None,
                 allied: Callable[[str, str], bool] = theatre_allies):
        corrections = list(corrections)
        wrong = {c for c in corrections if isinstance(c, WrongClaim)}
        moved = {(c.article_id, (c.start, c.end)): c.place for c in corrections if isinstance(c, ToponymCorrection)}
        self._allied = allied
        self._sites: dict[tuple, _SiteRecord] = {}
        self._by_name: dict[str, list[Site]] = defaultdict(list)
        self._cache: dict[str | None, list[Holding]] = {}  # the model never changes once built
        self._timeline: list[str] | None = None
        dates = article_dates or {}
        for article_id, claim in claims:
            if WrongClaim.of(article_id, claim) in wrong:
                continue
            place = claim.place
            if claim.place_span is not None and (article_id, tuple(claim.place_span)) in moved:
                place = moved[article_id, tuple(claim.place_span)]
            if place is None or place.kind in UNHELD_PLACE_KINDS or not claim.actor:
                continue
            day = check_date(claim.date or dates.get(article_id), "claim's date") or ""
            weight = _claim_weight(claim)
            evidence = Evidence("claim", claim.kind, claim.actor, claim.evidence, day or None, claim.hedged,
                                claim.historical, weight, article_id, (claim.start, claim.end), claim.target_actor)
            record = self._record(Site.of(place))
            event = _Event(day, claim.actor, claim.kind == "capture", weight, evidence)
            if claim.kind in HOLDING_KINDS:
                record.sectors[claim.sector].append(event)
            elif claim.kind in PRESSURE_KINDS:
                record.pressure.append(event)
        for c in corrections:
            if isinstance(c, HolderCorrection):
                check_date(c.date, "correction's date")
                self._record(c.site).corrections.append(c)
        for row in imports:
            evidence = Evidence("import", "control", row.side, f"{row.name},{row.lat},{row.lon},{row.side},"
                                f"{row.date or ''}", row.date)
            self._record(self._import_site(row)).sectors[None].append(_Event(row.date or "", row.side, False, 1.0,
                                                                             evidence))
        for record in self._sites.values():
            for events in record.sectors.values():
                events.sort(key=lambda e: e.order)
            record.pressure.sort(key=lambda e: e.order)
            record.corrections.sort(key=lambda c: c.date or "")

    @classmethod
    def from_store(cls, store, **options) -> ControlModel:
        """The model of everything a `geo.store.Store` keeps."""
        analyses = store.analyses()
        return cls([(a.article_id, c) for a in analyses for c in a.claims],
                   [s.correction for s in store.corrections()],
                   [row for i in store.imports() for row in i.rows],
                   article_dates={a.article_id: a.date for a in analyses}, **options)

    def _record(self, site: Site) -> _SiteRecord:
        record = self._sites.get(site.key)
        if record is None:
            record = self._sites[site.key] = _SiteRecord(site)
            if site.id is not None:
                self._by_name[normalize(site.name)].append(site)
        return record

    def _import_site(self, row: ControlRow) -> Site:
        # The same town from a list and from an article must be one place, not two points.
        for site in self._by_name.get(normalize(row.name), ()):
            if abs(site.lat - row.lat) * 111 < IMPORT_MATCH_KM and _km(site.lat, site.lon, row.lat, row.lon) \
                    < IMPORT_MATCH_KM:
                return site
        return Site(row.name, row.lat, row.lon)

    def _same_camp(self, a: str, b: str) -> bool:
        return a == b or (CONTESTED not in (a, b) and self._allied(a, b))

    def timeline(self) -> list[str]:
        """Every date at which a claim, a correction or an imported row takes effect, in order."""
        if self._timeline is None:
            days = set()
            for record in self._sites.values():
                days.update(e.order for events in record.sectors.values() for e in events)
                days.update(e.order for e in record.pressure)
                days.update(c.date or "" for c in record.corrections)
            days.discard("")
            self._timeline = sorted(days)
        return list(self._timeline)

    def holdings(self, as_of: str | None = None) -> list[Holding]:
        """Every holding as of a date (inclusive; None: everything), sectors as holdings of their own."""
        check_date(as_of, "date")
        if as_of not in self._cache:
            latest = self.timeline()
            pressure_from = _days_before(as_of or (latest[-1] if latest else "2000-01-01"), PRESSURE_DAYS)
            found = []
            for record in self._sites.values():
                found.extend(self._holdings_of(record, as_of, pressure_from))
            self._cache[as_of] = found
        return list(self._cache[as_of])

    def holdings_of(self, place: Place | Site, as_of: str | None = None) -> list[Holding]:
        """The holdings of one place (one per sector), or an empty list."""
        key = (Site.of(place) if isinstance(place, Place) else place).key
        return [h for h in self.holdings(as_of) if h.site.key == key]

    def pressures(self, as_of: str | None = None) -> list[Pressure]:
        """Every place pressed lately as of a date, held or not."""
        check_date(as_of, "date")
        latest = self.timeline()
        since = _days_before(as_of or (latest[-1] if latest else "2000-01-01"), PRESSURE_DAYS)
        found = []
        for record in self._sites.values():
            events = _pressing(record.pressure, as_of, since)
            if events:
                found.append(Pressure(record.site, tuple(sorted({e.side for e in events})),
                                      tuple(e.evidence for e in reversed(events))))
        return found

    def held_places(self, as_of: str | None = None) -> list[HeldPlace]:
        """The holdings as points for `geo.zones.build_zones`; a sector's point is moved toward its side."""
        points: dict[tuple[float, float], HeldPlace] = {}
        # Whole places first, so a sector without a direction ("outskirts") never displaces its place.
        for h in sorted(self.holdings(as_of), key=lambda h: h.sector is not None):
            lat, lon = _sector_point(h.site, h.sector)
            name = f"{h.site.name} ({h.sector})" if h.sector else h.site.name
            points.setdefault((round(lat, 5), round(lon, 5)), HeldPlace(name, lat, lon, h.side))
        return list(points.values())

    def _holdings_of(self, record: _SiteRecord, as_of: str | None, pressure_from: str) -> list[Holding]:
        pressing = _pressing(record.pressure, as_of, pressure_from)
        corrected = [c for c in record.corrections if as_of is None or (c.date or "") <= as_of]
        whole_fix = next((c for c in reversed(corrected) if c.sector is None), None)
        results: dict[str | None, Holding | None] = {}
        if whole_fix is None:
            whole = _upto(record.sectors.get(None, []), as_of)
            results[None] = self._resolve(record.site, None, whole)
            for sector, events in record.sectors.items():
                if sector is None:
                    continue
                events = _upto(events, as_of)
                if events and not (whole and whole[-1].order > events[-1].order):
                    results[sector] = self._resolve(record.site, sector, events)
        for c in corrected:
            if c.sector is None and c is not whole_fix:
                continue
            if c.sector is not None and whole_fix is not None and (c.date or "") < (whole_fix.date or ""):
                continue  # the later correction of the whole place replaced this sector's
            results[c.sector] = _corrected(record.site, c)
        holdings = []
        for sector, holding in results.items():
            if holding is None:
                continue
            pressers = tuple(sorted({e.side for e in pressing
                                     if holding.contested or not self._same_camp(e.side, holding.side)}))
            evidence = tuple(e.evidence for e in reversed(pressing) if e.side in pressers)
            holdings.append(Holding(holding.site, holding.side, sector, holding.confidence, holding.contested,
                                    holding.since, holding.evidence, holding.claimants, pressers, evidence))
        return holdings

    def _resolve(self, site: Site, sector: str | None, events: list[_Event]) -> Holding | None:
        if not events:
            return None
        last = events[-1].order
        if last:
            start = _days_before(last, WINDOW_DAYS)
            window = [e for e in events if e.order >= start]
        else:
            window = events
        live = window if len(window) == 1 else [e for e in window if not any(
            f.capture and f.order > e.order and f.weight >= e.weight and not self._same_camp(f.side, e.side)
            for f in window)]
        weights: dict[str, float] = defaultdict(float)
        for e in live:
            weights[e.side] += e.weight
        latest = {e.side: e.order for e in live}
        leader = max(weights, key=lambda s: (weights[s], latest[s], s))
        rivals = [s for s in weights if not self._same_camp(s, leader)]
        rival = max(rivals, key=lambda s: (weights[s], latest[s], s)) if rivals else None
        strongest = max(e.weight for e in live)
        contested = leader == CONTESTED or (rival is not None and weights[rival] >= COMPARABLE * weights[leader])
        evidence = tuple(e.evidence for e in reversed(live))
        if contested:
            claimants = tuple(sorted(s for s in weights if s != CONTESTED)) or (CONTESTED,)
            since = min(e.order for e in live) or None
            balance = weights[rival] / weights[leader] if rival else 1.0
            return Holding(site, CONTESTED, sector, round(balance * strongest, 3), True, since, evidence, claimants)
        camp = [s for s in weights if self._same_camp(s, leader)]
        share = sum(weights[s] for s in camp) / sum(weights.values())
        return Holding(site, leader, sector, round(share * max(e.weight for e in live if e.side == leader), 3),
                       False, _run_start(events, leader, self._same_camp), evidence, tuple(sorted(camp)))


def _upto(events: list[_Event], as_of: str | None) -> list[_Event]:
    return events if as_of is None else [e for e in events if e.order <= as_of]


def _pressing(events: list[_Event], as_of: str | None, since: str) -> list[_Event]:
    return [e for e in _upto(events, as_of) if not e.order or e.order > since]


def _run_start(events: list[_Event], side: str, same_camp: Callable[[str, str], bool]) -> str | None:
    """The date of the first claim in the holder's current unbroken run of claims."""
    start = None
    for e in reversed(events):
        if not same_camp(e.side, side):
            break
        start = e.order
        if e.capture and e.side == side:
            break  # the place changed hands here
    return start or None


def _corrected(site: Site, c: HolderCorrection) -> Holding | None:
    if c.side is None:
        return None
    evidence = Evidence("correction", "holder", c.side, c.note or "set by hand", c.date)
    return Holding(site, c.side, c.sector, 1.0, c.side == CONTESTED, c.date, (evidence,), (c.side,))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular: exact enough at the few kilometres it decides.
    return 6371.0 * ((radians(lat2 - lat1)) ** 2 + (radians(lon2 - lon1) * cos(radians(lat1))) ** 2) ** 0.5


def _sector_point(site: Site, sector: str | None) -> tuple[float, float]:
    """A point inside the sector: a city's sectors 3 km from its centre, a smaller place's 1 km."""
    bearing = SECTOR_BEARINGS.get(sector or "")
    if bearing is None:
        return site.lat, site.lon
    km = 3.0 if site.kind == "city" else 1.0
    lat = site.lat + km / 111.32 * cos(radians(bearing))
    lon = site.lon + km / (111.32 * max(cos(radians(site.lat)), 0.01)) * sin(radians(bearing))
    return check_latlon(max(-90.0, min(90.0, lat)), (lon + 180.0) % 360.0 - 180.0)
