"""Resolve each mention to one place, using the whole article.

A candidate's score adds, to its prominence, evidence from the article: the countries it names
(its focus), the admin-1 areas its unambiguous places lie in, explicit context ("Tripoli,
Lebanon"), the kind asked for ("Homs province"), the theatre, and nearness to the other places.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.analysis import Toponym
from geo.distance import haversine_km
from geo.gazetteer import Gazetteer, split_kind
from geo.names import normalize, without_qualifier
from geo.place import SETTLEMENTS, Place
from geo.recognize import Mention

MAX_CANDIDATES = 10
FOCUS_COUNTRY = 2.0
THEATRE_COUNTRY = 1.5
FOCUS_ADMIN1 = 1.2
CONTEXT = 4.0
KIND_MATCH = 8.0  # the article said which kind: decisive
WHOLE_NAME = 1.5  # the kind word is part of a place's own name
OWN_NAME = 0.75  # the mention is the place's name today, not another or a former one
NEAR_OTHERS = 1.0
NEAR_KM = 150.0
COUNTRY_PROMINENCE = 6.5
STRAY_FOCUS = 0.6  # an article this much about one country ...
STRAY_POPULATION = 50_000  # ... does not pin a small namesake elsewhere with nothing near it
STRAY_SHARE = 0.1  # ... in a country it barely names (the namesake itself may be its only mention there)
FOLDED_ONLY = 2.5  # a candidate reached only through transliteration folding
SOUND_CONFIDENCE = 0.5  # at most, for a spelling the gazetteer lacks, matched by its sound
# Quarters every old city has: "the Old City" is the one of the city the article last named.
OLD_QUARTERS = frozenset({"old city", "old town", "old quarter", "old souk", "old souq", "citadel"})


@dataclass(frozen=True, slots=True)
class Focus:
    """What the article as a whole says about where it is."""

    countries: dict[str, float]
    admin1: frozenset[tuple[str, str]]
    theatre_countries: tuple[str, ...]


def _carries(place: Place, keys: set[str]) -> bool:
    """True when one of the place's names normalises to one of `keys`."""
    return normalize(place.name) in keys or any(normalize(a) in keys for a in place.alternates)


@lru_cache(maxsize=100_000)
def _named_exactly(text: str, place_id: int, gazetteer: Gazetteer) -> bool:
    """True when the place carries the mention's name up to normalisation (kind words aside)."""
    return _carries(gazetteer.lookup(place_id), {normalize(text), normalize(split_kind(text)[0])})


@lru_cache(maxsize=100_000)
def _named_with_kind_word(text: str, place_id: int, gazetteer: Gazetteer) -> bool:
    """True when the mention holds a kind word and the place carries the whole of it as a name:
    "Yarmouk camp" (a refugee camp, not a military one) is the place of that name."""
    return split_kind(text)[1] is not None and _carries(gazetteer.lookup(place_id), {normalize(text)})


@lru_cache(maxsize=100_000)
def _called_so_today(text: str, place_id: int, gazetteer: Gazetteer) -> bool:
    """True when the mention is the place's own name, not one of its other or former names."""
    own = normalize(split_kind(without_qualifier(gazetteer.lookup(place_id).name))[0])
    return own in (normalize(text), normalize(split_kind(text)[0]))


def _province_names(province: Place) -> frozenset[str]:
    """The names a province goes by in its places' admin-1 field ("Hama Governorate" is "Hama" there)."""
    return frozenset({province.name, split_kind(province.name)[0], *province.alternates})


def _prominence(gazetteer: Gazetteer, place: Place) -> float:
    # A country outranks any namesake in the gazetteer, but in an article about Georgia's
    # counties the US state should win: the article's focus must be able to outweigh it.
    return min(math.log10(gazetteer.weight(place.id) + 10), COUNTRY_PROMINENCE)


class _Anchors:
    """Confidently placed places, sorted by latitude, to ask "is another place near this one?" fast."""

    def __init__(self, places: list[Place]):
        self.answers: dict[int, bool] = {}
        self.places = sorted({p.id: p for p in places}.values(), key=lambda p: p.lat)
        self.lats = [p.lat for p in self.places]

    def near(self, place: Place) -> bool:
        """True when another anchor lies within NEAR_KM of the place."""
        if place.id not in self.answers:
            band = NEAR_KM / 110.0  # degrees of latitude: only anchors in this band can be near
            low, high = bisect_left(self.lats, place.lat - band), bisect_right(self.lats, place.lat + band)
            self.answers[place.id] = any(
                a.id != place.id and haversine_km(a.lat, a.lon, place.lat, place.lon) <= NEAR_KM
                for a in self.places[low:high])
        return self.answers[place.id]


def _score(gazetteer: Gazetteer, m: Mention, place: Place, focus: Focus, context: Place | None,
           anchors: _Anchors) -> float:
    score = _prominence(gazetteer, place)
    score += FOCUS_COUNTRY * focus.countries.get(place.country, 0.0)
    if place.country in focus.theatre_countries:
        score += THEATRE_COUNTRY
    if (place.country, place.admin1) in focus.admin1 and place.admin1:
        score += FOCUS_ADMIN1
    if context is not None and (place.country == context.country and
                                (context.kind == "country" or place.admin1 in _province_names(context))):
        score += CONTEXT
    # reporters call a city a town and a town a village: any settlement answers to a settlement's kind;
    # a place named with the very kind word answers to it whatever its kind
    whole = m.kind_hint is not None and _named_with_kind_word(m.text, place.id, gazetteer)
    if m.kind_hint and (place.kind == m.kind_hint or (m.kind_hint in SETTLEMENTS and place.kind in SETTLEMENTS)
                        or whole):
        score += KIND_MATCH  # and no spelling penalty: "Deir az-Zour province" is that province however spelt
        if whole:
            score += WHOLE_NAME  # "Boulder City" is the town of that name before the bigger Boulder
    elif not _named_exactly(m.text, place.id, gazetteer):
        score -= FOLDED_ONLY
    if _called_so_today(m.text, place.id, gazetteer):
        score += OWN_NAME  # Pokrovsk in Donetsk before Engels, which was Pokrovsk until 1931
    if anchors.near(place):
        score += NEAR_OTHERS
    return score


def _meant(gazetteer: Gazetteer, m: Mention, cands: list[Place]) -> list[Place]:
    """The places a mention may mean: beside places carrying the name itself, a namesake reached only by
    folding ("Ohio", "Oława") does not count."""
    return [c for c in cands if _named_exactly(m.text, c.id, gazetteer)] or cands


def _focus(gazetteer: Gazetteer, mentions: list[Mention], first: dict[int, list[Place]],
           theatre_countries: tuple[str, ...]) -> Focus:
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    for n, m in enumerate(mentions):
        if m.country:
            countries[m.country] += 1
            continue
        cands = first.get(n) or []
        if not cands or m.by_sound:  # a spelling matched by its sound is no evidence of where the story is
            continue
        top = cands[0]
        if not top.country:
            continue  # "Lake Ontario", "the Sahel": a feature of several countries says nothing of one
        if top.kind == "country":
            # "Georgia" may be the US state: an ambiguous country name is weak evidence of focus.
            ambiguous = any(c.kind == "province" and c.country != top.country for c in cands[1:])
            countries[top.country] += 0.3 if ambiguous else 1
            continue
        meant = _meant(gazetteer, m, cands)
        if len({c.country for c in meant}) == 1:
            place = meant[0]
            countries[place.country] += 0.5
            if place.kind == "province":
                admin1.update((place.country, name) for name in _province_names(place))
            elif place.admin1:
                admin1[(place.country, place.admin1)] += 0.5
    total = sum(countries.values()) or 1.0
    shares = {c: v / total for c, v in countries.items()}
    return Focus(shares, frozenset(k for k in admin1), theatre_countries)


def _stray(place: Place, focus: Focus, anchors: _Anchors) -> bool:
    """A small place in a country the article is not about, far from its other places: a namesake of
    something unknown to the gazetteer ("the Old City" of Aleppo is not Jerusalem's) more likely than a
    place of the story."""
    leading = max(focus.countries.values(), default=0.0)
    return (leading >= STRAY_FOCUS and focus.countries.get(place.country, 0.0) < STRAY_SHARE
            and place.country not in focus.theatre_countries
            and place.kind not in ("country", "province", "water", "region")
            and place.population < STRAY_POPULATION and not anchors.near(place))


def _in_focus(place: Place, focus: Focus) -> bool:
    """True for a place of the theatre's or the article's countries: a spelling matched only by its sound
    must be a place of the story's own war, or near its other places ("Silicon Valley" is no Syrian town)."""
    return place.country in focus.theatre_countries or focus.countries.get(place.country, 0.0) >= STRAY_SHARE


def resolve(gazetteer: Gazetteer, mentions: list[Mention],
            theatre_countries: tuple[str, ...] = ()) -> tuple[list[Toponym], dict[str, float]]:
    """Resolve mentions; return the toponyms and the article's country weights."""
    mentions = list(mentions)
    looked_up: dict[tuple[str, str | None], list[Place]] = {}
    first: dict[int, list[Place]] = {}
    for n, m in enumerate(mentions):
        if not m.country:
            if m.kind_hint is None and split_kind(m.text)[1]:
                mentions[n] = m = replace(m, kind_hint=split_kind(m.text)[1])  # "Homs province" as one name
            key = (m.text, m.kind_hint)
            if key not in looked_up:
                found = gazetteer.sounding(m.text) if m.by_sound else gazetteer.candidates(m.text, kind=m.kind_hint)
                looked_up[key] = found[:MAX_CANDIDATES]
            first[n] = looked_up[key]
    focus = _focus(gazetteer, mentions, first, theatre_countries)
    by_text = {m.text: first.get(n) for n, m in enumerate(mentions)}
    # A first pass without coherence gives anchors: the confidently placed mentions.
    nobody = _Anchors([])
    confident = []
    for (text, kind), cands in looked_up.items():
        probe = Mention(0, 0, text, kind_hint=kind)
        scored = sorted(((_score(gazetteer, probe, c, focus, None, nobody), -i) for i, c in enumerate(cands)),
                        reverse=True)
        if len(scored) == 1 or (scored and scored[0][0] - scored[1][0] > 1.0):
            confident.append(cands[-scored[0][1]])
    anchors = _Anchors(confident)
    results: dict[tuple, tuple[tuple[Place, ...], float]] = {}
    toponyms = []
    for n, m in enumerate(mentions):
        if m.country:
            country = gazetteer.country(m.country)
            toponyms.append(Toponym(m.start, m.end, m.text, country, "demonym", None, None, m.historical,
                                    0.9 if country else 0.0, (country,) if country else (), m.sentence))
            continue
        key = (m.text, m.kind_hint, m.context)
        if key not in results:
            context_cands = by_text.get(m.context) if m.context else None
            context = context_cands[0] if context_cands else None
            scored = sorted(((_score(gazetteer, m, c, focus, context, anchors), -i, c)
                             for i, c in enumerate(first.get(n) or [])), key=lambda s: (-s[0], -s[1]))
            margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
            results[key] = (tuple(c for _, _, c in scored), 1 / (1 + math.exp(-margin)))
        ranked, confidence = results[key]
        if normalize(m.text) in OLD_QUARTERS:
            city = next((t.place for t in reversed(toponyms) if t.pinned and t.place.kind == "city"), None)
            if city is not None:
                toponyms.append(Toponym(m.start, m.end, m.text, city, m.role, "centre", m.kind_hint, m.historical,
                                        confidence, (city, *ranked), m.sentence))
                continue
        if not ranked or _stray(ranked[0], focus, anchors) or (
                m.by_sound and not (_in_focus(ranked[0], focus) or anchors.near(ranked[0]))):
            continue
        if m.by_sound:
            confidence = min(confidence, SOUND_CONFIDENCE)
        toponyms.append(Toponym(m.start, m.end, m.text, ranked[0], m.role, m.sector, m.kind_hint, m.historical,
                                confidence, ranked, m.sentence))
    return toponyms, focus.countries
