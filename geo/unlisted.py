"""Places the gazetteer does not list, known by the words around them: "the town of Zahrat Abdo", "Umm Hijra
village", and, where names are Arabic, by their shape beside other places ("Tal Zuwair west of Hama",
"Kafr Zita and Tal Ghazlan in the Hama countryside").

Such a place is pinned where the article puts it: at the place of the list it belongs to, else at the
place it is said to lie in or near, else at the place named last before it in its sentence or the one
before. With none of these it is not pinned. Its confidence is low, and its other candidate is the place
it was pinned by.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from geo.analysis import Toponym
from geo.demonyms import demonyms
from geo.distance import SECTOR_BEARINGS, destination
from geo.gazetteer import KIND_WORDS
from geo.names import ARTICLES, fold
from geo.place import Place
from geo.recognize import COMPOUND_HEADS, DIRECTIONS, EDGES, GROUP_HEADS, LOCATIVES, NEVER_PLACES, PLURAL_KINDS
from geo.theatres import Theatre

CONFIDENCE = 0.3  # where the article puts it, not where it is
REACH = 80  # characters between an unlisted place and the place that locates it
# "X west of Damascus", "X to the east of Ibtaa town": how far reporting's bearings from a place of each
# kind reach, about (a city locates villages 10 to 30 km out, a village only its neighbours)
BEARING_KM = {"province": 20.0, "region": 20.0, "city": 20.0, "district": 10.0, "town": 8.0}
NEAR_KM = 4.0
# The words that say what a name is, after it ("Umm Hijra area") or before "of" ("the town of Zahrat Abdo"):
# the gazetteer's kind words for settlements, quarters and facilities, and words only local places get.
# A city no source has is a town.
CUE_KINDS = {"city": "town", "town": "town", "village": "village", "neighbourhood": "neighbourhood",
             "district": "district", "facility": "facility"}
LOCAL_CUES = {"farms": "village", "area": "village", "axis": "village", "locality": "village",
              "residential suburb": "neighbourhood", "square": "neighbourhood", "roundabout": "neighbourhood",
              "hill": "mountain", "gas field": "facility", "checkpoint": "facility", "junction": "facility",
              "crossroads": "facility"}
CUES = {word: CUE_KINDS[kind] for word, kind in (*KIND_WORDS.items(), *PLURAL_KINDS.items())
        if kind in CUE_KINDS} | LOCAL_CUES
_CUE = "|".join(sorted((re.escape(c) for c in CUES), key=len, reverse=True))
CUE_AFTER = re.compile(rf" (?P<cue>{_CUE})\b", re.I)
CUE_BEFORE = re.compile(rf"\b(?P<cue>{_CUE}) of $", re.I)
# Theatres whose place names are written from Arabic, where a name's shape says it is a place.
ARABIC_NAMES = frozenset("SY IQ LY YE SD LB JO EG SA PS TN DZ MA".split())
_ARTICLE = "|".join(sorted(ARTICLES, key=len, reverse=True))
# A capitalised word, or an Arabic article joined to one ("al-Mahrouqa").
_WORD = rf"(?:[A-Z][^\W\d_]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*|(?:{_ARTICLE})-[A-Z][^\W\d_]*(?:-[^\W\d_]+)*)"
NAME = re.compile(rf"{_WORD}(?: {_WORD})*")
MAX_WORDS = 4
ARTICLE_WORD = re.compile(rf"^(?:{_ARTICLE})-", re.I)
# Heads that start a second name when a list has lost its commas ("Marj Ghazlan Tal Zuwair"); "Abu" and
# "Sheikh" open people's names as often.
LIST_HEADS = COMPOUND_HEADS - {"abu", "sheikh", "shaykh"}
# Words that make a name a person's when it starts with one: titles, and given names common in the
# theatres' reporting ("Tal Ali" is a village).
PERSON_WORDS = frozenset(
    "abu president minister prime general gen colonel col brigadier commander leader emir sheikh shaykh king "
    "prince mr mrs ms dr spokesman mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hasan hussein "
    "husain omar umar abdullah abdallah abdel abdul khaled khalid mahmoud mustafa ibrahim youssef yusuf bashar "
    "hafez maher rami adnan salim salem saleh ziad walid fadi hamza tariq tarek osama usama nasser faisal fawaz "
    "jamal kamal anas bilal samir haytham hisham riad riyad ayman suleiman sulaiman ismail yasser yassin qasim "
    "qassem haider hayder nouri nuri fuad jalal masoud massoud fatima aisha zainab mariam layla leila rania "
    "abdulrahman abdelrahman zahran".split())
# Words before a name that make it a place: locatives, and deeds done to places ("shelled Tal X").
BEFORE_A_PLACE = LOCATIVES | frozenset("to surrounding took seized captured recaptured retook stormed shelled struck "
                                       "bombed besieged attacked overran liberated surrounded encircled hit targeted".split())
# What before a name says a person follows: "loyal to", "according to".
PERSON_BEFORE = re.compile(r"\b(?:loyal|according|close|allied|thanks|speaking|told|said)\s+to\s+$", re.I)
_LIST_JOIN = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s+)$")
_BEARING_OF = re.compile(r"\b(?:%s)\s+of\s+(?:the\s+)?$" % "|".join(sorted({*DIRECTIONS, *EDGES})), re.I)
_LOCATOR = re.compile(r"\b(?:in|near|outside|around|of)\b", re.I)


def unlisted_places(text: str, body_start: int, toponyms: Sequence[Toponym],
                    sentence_spans: Sequence[tuple[int, int]], theatre: Theatre) -> list[Toponym]:
    """Toponyms for the names in `text` that the gazetteer lacks but the article shows to be places."""
    known = sorted((t.start, t.end) for t in toponyms)
    ends = {e for _, e in known}
    places = _Places(text, [t for t in toponyms if t.pinned and t.place.kind != "country"])
    sentences = _Sentences(sentence_spans)
    by_shape = bool(ARABIC_NAMES & set(theatre.countries))
    side_names = _side_names(theatre)
    people: set[str] | None = None
    found: list[Toponym] = []
    for run_start, run_end in _runs(text, body_start, known):
        pieces = _names_in(text, run_start, run_end)
        for n, (start, end) in enumerate(pieces):
            name = text[start:end]
            kind = _cued_kind(text, start, end)
            # a piece cut off before a head is one item of a list that lost its commas ("Marj Ghazlan Tal Zuwair")
            listed = n + 1 < len(pieces)
            if kind is None and not (by_shape and (listed or _shaped(name))):
                continue
            if ARTICLE_WORD.match(name) and text[start - 1:start] == " " and start - 1 in ends:
                continue  # the rest of a known name: "al-Qusayr al-Saghir" is not al-Qusayr and a place "al-Saghir"
            if kind is None and people is None:
                people = _surnames(text, body_start)
            if not _could_be_place(name, side_names, people if kind is None else set()):
                continue
            lone_article = " " not in name and ARTICLE_WORD.match(name) is not None
            if kind is None and not places.say_place(start, end, lone_article):
                continue
            sentence = sentences.of(start)
            anchor = places.anchor(start, end, sentence, sentences.before(sentence))
            if anchor is None:
                continue
            place = _place(name, kind or "village", anchor)
            toponym = Toponym(start, end, name, place, "literal", None, place.kind, anchor.historical, CONFIDENCE,
                              (place, anchor.place), sentence)
            places.add(toponym)
            found.append(toponym)
    return found


def _runs(text: str, body_start: int, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of capitalised words, cut where a name the gazetteer knows lies inside them."""
    starts = [s for s, _ in known]
    runs = []
    for m in NAME.finditer(text, body_start):
        at = m.start()
        for s, e in known[max(0, bisect_left(starts, at) - 1):bisect_left(starts, m.end())]:
            if s < m.end() and at < e:
                if s > at:
                    runs.append((at, text.rindex(" ", at, s) if " " in text[at:s] else s))
                at = e + 1
        if at < m.end():
            runs.append((at, m.end()))
    return [(s, e) for s, e in runs if s < e and text[s:e].strip()]


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names of a run of capitalised words: a list that lost its commas splits before each head
    ("Marj Ghazlan Tal Zuwair"); leading function words ("The") are not part of a name."""
    pieces, at = [], start
    for word in re.finditer(r"\S+", text[start:end]):
        s = start + word.start()
        if s == at and word.group().lower() in STOP_WORDS:
            at = s + len(word.group()) + 1
        elif s > at and word.group().split("-")[0].lower() in LIST_HEADS:
            pieces.append((at, s - 1))
            at = s
    return [p for p in [*pieces, (at, end)] if p[0] < p[1] and text.count(" ", *p) < MAX_WORDS]


@lru_cache(maxsize=None)
def _side_names(theatre: Theatre) -> re.Pattern:
    """A side's name, folded, at the start of a folded name, with a lost possessive ("Al-Qaedas")."""
    names = {fold(n) for s in theatre.sides for n in (*s.names, *s.adjectives)} - {""}
    return re.compile(r"(?:%s)s?\b" % "|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def _could_be_place(name: str, side_names: re.Pattern, people: set[str]) -> bool:
    words = name.split()
    lowered = [w.lower() for w in words]
    table = demonyms()
    if lowered[0] in PERSON_WORDS or lowered[0] in GROUP_HEADS or any(
            w in NEVER_PLACES or w in table for w in (*lowered, *words)):
        return False
    if len(words) == 1 and (lowered[0] in STOP_WORDS or fold(name) in people):
        return False
    return side_names.match(fold(name)) is None


def _surnames(text: str, body_start: int) -> set[str]:
    """The last words of names the article gives people ("Bashar al-Assad", "President Assad")."""
    people = set()
    for m in NAME.finditer(text, body_start):
        words = m.group().split()
        if len(words) > 1 and words[0].lower() in PERSON_WORDS:
            people.add(fold(words[-1]))
    return people


def _cued_kind(text: str, start: int, end: int) -> str | None:
    """The kind a cue word gives the name: its own last word ("Umm Hijra Square"), the word after it, or
    the words before it ("the town of")."""
    last = text[start:end].rsplit(" ", 1)[-1].lower()
    if " " in text[start:end] and last in CUES:
        return CUES[last]
    after = CUE_AFTER.match(text, end)
    if after:
        return CUES[after.group("cue").lower()]
    before = CUE_BEFORE.search(text, max(0, start - 30), start)
    return CUES[before.group("cue").lower()] if before else None


def _shaped(name: str) -> bool:
    """An Arabic place name's shape: a compound head ("Tal", "Kafr") or an article ("al-Mahrouqa")."""
    words = name.split()
    return words[0].split("-")[0].lower() in LIST_HEADS or any(ARTICLE_WORD.match(w) for w in words)


class _Sentences:
    """The article's sentence spans, looked up by offset."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def of(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return self.spans[i] if i >= 0 and offset < self.spans[i][1] else (offset, offset)

    def before(self, sentence: tuple[int, int]) -> tuple[int, int] | None:
        i = bisect_left(self.starts, sentence[0]) - 1
        return self.spans[i] if i >= 0 else None


class _Places:
    """The article's pinned places in text order, and what they say of the names between them."""

    def __init__(self, text: str, toponyms: list[Toponym]):
        self.text = text
        self.items = sorted(toponyms, key=lambda t: t.start)
        self.starts = [t.start for t in self.items]

    def add(self, toponym: Toponym) -> None:
        i = bisect_left(self.starts, toponym.start)
        self.starts.insert(i, toponym.start)
        self.items.insert(i, toponym)

    def between(self, start: int, end: int) -> list[Toponym]:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def listed_with(self, start: int, end: int, located_too: bool = False) -> Toponym | None:
        """The place a list joins the name to: the item before it, else the item after it. A place located
        by a bearing before it ("west of Hama and al-Mahrouqa") is one only when `located_too`: it says
        a list goes on, not where the next item lies."""
        i = bisect_left(self.starts, start)
        before = self.items[i - 1] if i else None
        if before is not None and _LIST_JOIN.match(self.text[before.end:start]) and (
                located_too or not _BEARING_OF.search(self.text, max(0, before.start - 30), before.start)):
            return before
        j = bisect_left(self.starts, end)
        after = self.items[j] if j < len(self.items) else None
        return after if after is not None and _LIST_JOIN.match(self.text[end:after.start]) else None

    def say_place(self, start: int, end: int, lone_article: bool) -> bool:
        """A bearing ("west of"), a list that joins the name to a place, or a locative or deed before it.
        A lone word with an article needs more than a locative: "in al-Baghdadi's speech", "in Al-Akhbar"."""
        before = self.text[max(0, start - 30):start]
        if PERSON_BEFORE.search(before):
            return False
        if _BEARING_OF.search(before) or self.listed_with(start, end, located_too=True) is not None:
            return True
        last = before.split()[-1].lower() if before.split() else ""
        return not lone_article and last in BEFORE_A_PLACE

    def anchor(self, start: int, end: int, sentence: tuple[int, int],
               previous: tuple[int, int] | None) -> Toponym | None:
        """The place that locates a name: its list's neighbour, the place it is said to lie in or near
        ("al-Mahrouqa and Tal Ghazlan near Salamiyah"), the nearest place before it in the sentence (a town
        before a province), else the last place of the sentence before."""
        listed = self.listed_with(start, end)
        if listed is not None:
            return listed
        for t in self.between(end, min(end + REACH, sentence[1])):
            if re.search(r"[.;]", self.text[end:t.start]):
                break
            if _LOCATOR.search(self.text, end, t.start):
                return t
        earlier = self.between(sentence[0], start)
        towns = [t for t in earlier if t.place.kind != "province" and t.end >= start - REACH]
        if towns or earlier:
            return (towns or earlier)[-1]
        last = self.between(*previous) if previous else []
        return last[-1] if last else None


def _place(name: str, kind: str, anchor: Toponym) -> Place:
    """A place of the article's own, at its anchor or the stated bearing from it; its id is negative, stable
    for its name and point."""
    lat, lon = anchor.place.lat, anchor.place.lon
    bearing = SECTOR_BEARINGS.get(anchor.sector or "")
    if bearing is not None and not anchor.place.from_article:
        lat, lon = destination(lat, lon, bearing, BEARING_KM.get(anchor.place.kind, NEAR_KM))
    key = f"{fold(name)} {lat:.2f} {lon:.2f}"
    where = f"{anchor.sector} of {anchor.place.name}" if bearing is not None else f"near {anchor.place.name}"
    return Place(-1 - zlib.crc32(key.encode()), name, (), lat, lon, kind, anchor.place.country,
                 anchor.place.admin1, 0, f"the article, which puts it {where}")
