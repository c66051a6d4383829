"""`parse(text)`: the geoparser's entry point."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from geo import gazetteer as gazetteer_module
from geo import theatres as theatres_module
from geo.analysis import Analysis
from geo.claim_finder import ClaimFinder
from geo.dates import check_date
from geo.descriptions import described_facilities
from geo.errors import InputError
from geo.pipeline import pipeline
from geo.resolve import resolve
from geo.sides import SideMention, finder, spotter, state_sides
from geo.tokens import sentence_spans, sentences
from geo.unlisted import unlisted_places

MAX_CHARS = 1_000_000
_HEADER = re.compile(r"\A(?:# [^\n]*(?:\n|\Z))+")


# Distinct telling side names that make an article's theatre when its places do not (one is enough
# beside a place of the theatre's countries).
SIDES_FOR_A_THEATRE = 2


def header_length(text: str) -> int:
    """Length of a leading block of `# ` lines (a file header that is not parsed)."""
    m = _HEADER.match(text)
    return m.end() if m else 0


def parse(text: str, date: str | None = None, theatre: str | None = None, *, claims: bool = True) -> Analysis:
    """Find and resolve the places of an article, its sides and claims; offsets count from the start of `text`.

    `claims=False` stops after the places (the sides are found only if they decide the theatre).
    """
    if not isinstance(text, str):
        raise InputError(f"Expected the article as text, instead got: {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"The article is {len(text):,} characters long; the limit is {MAX_CHARS:,}.")
    check_date(date, "article's date")
    profiles = theatres_module.theatres()
    if theatre is not None and theatre not in profiles:
        raise InputError(f"Expected a theatre among {sorted(profiles)}, instead got: {theatre!r}")
    start = header_length(text)
    doc = pipeline()(text[start:])
    mentions = [replace(m, start=m.start + start, end=m.end + start,
                        sentence=(m.sentence[0] + start, m.sentence[1] + start)) for m in doc._.mentions]
    countries = profiles[theatre].countries if theatre else ()
    toponyms, weights = resolve(gazetteer_module.load(), mentions, countries)
    sentence_of = sentences(doc)[1].__getitem__
    if theatre is None:
        theatre = theatres_module.detect(weights)
        if theatre is None:  # no place of a theatre decided: the sides named may
            named = spotter(pipeline(), tuple(profiles.values()))(doc)
            # the most sides named; a tie goes to the theatre whose countries hold the places found
            placed = Counter(t.place.country for t in toponyms if t.pinned)
            best = max(profiles, key=lambda t: (named[t], sum(placed[c] for c in profiles[t].countries)))
            if named[best] >= SIDES_FOR_A_THEATRE or (named[best] and any(placed[c] for c in profiles[best].countries)):
                theatre = best
        if theatre is not None:
            toponyms, weights = resolve(gazetteer_module.load(), mentions, profiles[theatre].countries)
    toponyms = toponyms + described_facilities(text, toponyms, gazetteer_module.load())
    spans = [(s + start, e + start) for s, e in sentence_spans(doc)] if theatre else []
    if theatre:
        toponyms += unlisted_places(text, start, toponyms, spans, profiles[theatre])
    toponyms.sort(key=lambda t: t.start)
    sides: tuple[SideMention, ...] = ()
    if theatre is not None and claims:
        mentioned = tuple(replace(m, start=m.start + start, end=m.end + start)
                          for m in finder(pipeline(), profiles[theatre])(doc, sentence_of))
        sides = tuple(sorted(mentioned + state_sides(text, toponyms, mentioned, profiles[theatre]),
                             key=lambda m: m.start))
    found = []
    if theatre and claims:
        found = ClaimFinder(profiles[theatre])(text, spans, toponyms, sides, date)
    return Analysis(text, date, theatre, tuple(toponyms), body_start=start, sides=sides, claims=tuple(found))

