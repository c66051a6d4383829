"""Facilities an article names only by description: "an adjacent air base", "the border crossing
between Kobani and Turkey", "the army airport near Hama".

Such a description is a place when a place named beside it in the same sentence has exactly one
facility of its kind nearby in the gazetteer: that facility is the one meant.
"""

from __future__ import annotations

import re

from geo.analysis import Toponym
from geo.gazetteer import Gazetteer
from geo.place import Place

# The description's head, and the words one of the facility's names holds when it is that kind of facility.
_AIRFIELD = ("airbase", "air base", "airfield", "airport")
_CROSSING = ("crossing", "border gate")
HEADS = {"border crossing": _CROSSING, "crossing point": _CROSSING, "air base": _AIRFIELD, "airbase": _AIRFIELD,
         "airfield": _AIRFIELD, "military airport": _AIRFIELD, "army airport": _AIRFIELD, "airport": _AIRFIELD,
         "dam": ("dam",)}
HEAD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(HEADS, key=len, reverse=True)), re.I)
# What makes the head a description: "an adjacent air base", "the country's biggest dam", "Tripoli's airport"
DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|an?|its)\s+|['’]s\s+)(?P<words>(?:[\w'’-]+\s+){0,2})$", re.I)
# Substrings one of the heads holds whatever its case: most articles hold none, and this test is cheap.
_HEAD_TEXTS = ("irport", "ir base", "irbase", "irfield", "rossing", " dam", " Dam")
ANCHOR_REACH = 60  # characters between a description and the place it is described by
FACILITY_KM = 20.0
CONFIDENCE = 0.6  # a description is never as sure as a name
ANCHOR_KINDS = frozenset({"city", "town", "village", "district", "neighbourhood"})


def described_facilities(text: str, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms for the facility descriptions of `text` that a place named beside them pins down."""
    if not any(head in text for head in _HEAD_TEXTS):
        return []
    anchors = [t for t in toponyms if t.pinned and t.place.kind in ANCHOR_KINDS]
    found = []
    for m in HEAD.finditer(text):
        head, end = m.span()
        determiner = DETERMINER_BEFORE.search(text, max(0, head - 40), head)
        if determiner is None:
            continue
        # the description from its article ("its nearby airport"), so that it reads as one of a list of places;
        # after a possessive, from the words the possessor's name is not part of ("Tripoli's [old airport]")
        start = determiner.start("words") if determiner.group().startswith(("'", "’")) else determiner.start()
        if any(t.start < end and start < t.end for t in toponyms):
            continue  # part of a name already found ("Kuweires airbase", "the Aleppo airport")
        near = [(min(abs(t.start - end), abs(start - t.end)), n) for n, t in enumerate(anchors)
                if t.sentence[0] <= start < t.sentence[1]]
        if not near or min(near)[0] > ANCHOR_REACH:
            continue
        anchor = anchors[min(near)[1]]
        facility = _only_facility(gazetteer, anchor.place.lat, anchor.place.lon, HEADS[m.group().lower()])
        if facility is not None:
            found.append(Toponym(start, end, text[start:end], facility, "literal", None, "facility",
                                 anchor.historical, CONFIDENCE, (facility,), anchor.sentence))
    return found


def _only_facility(gazetteer: Gazetteer, lat: float, lon: float, words: tuple[str, ...]) -> Place | None:
    """The one facility of the kind near the point; None when there is none, or several to choose from
    ("the old airport" near Ain Zara may be either of Tripoli's)."""
    fitting = [place for place in gazetteer.near(lat, lon, FACILITY_KM, kinds=("facility",))
               if any(w in name.lower() for name in (place.name, *place.alternates) for w in words)]
    return fitting[0] if len(fitting) == 1 else None
