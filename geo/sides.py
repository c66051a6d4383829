"""Find the armed sides an article names, with spaCy PhraseMatchers built from a theatre profile.

Names and hyphenated adjectives ("IS-held", "rebel-held") name a side outright; short references
("the militants", "the regime") count only when the side they belong to was named in the last
two sentences, so that a reference is never guessed across the article. The one exception is the
state of the theatre's own country: in reporting on Syria "the army" is Syria's army.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from geo.theatres import Theatre
from geo.tokens import text_of

REFERENCE_REACH = 2  # sentences
BACKER_BEFORE = re.compile(r"\b(?:backed|supported|aided|armed)\s+by\s+(?:[\w-]+,?\s+(?:and\s+)?){0,4}$", re.I)
# A state's name or adjective before these words is its armed forces: "Russia air power", "Iranian troops"
ARMED_AFTER = re.compile(r"\s+(?:air\s*power|air\s+force|forces|troops|army|military|warplanes|jets|aircraft)\b", re.I)
# A state's adjective before these is its side acting: "Ukrainian shelling", "Turkish air strikes"
DEED_AFTER = re.compile(r"\s+(?:shelling|attacks?|assaults?|offensive|counter-?offensive|air\s*strikes?|strikes?|"
                        r"missiles?|drones?|artillery|bombardment|rockets?)\b", re.I)
# "US-backed Syrian rebels", "Turkish-backed rebels": who backs the group a noun names
BACKED_BEFORE = re.compile(r"(?P<patron>[\w.]+)-backed\s+(?:[\w-]+\s+)?$", re.I)
GROUP_NOUNS = frozenset({"rebels", "fighters", "forces"})
OFFSHOOTS = frozenset({"offshoot", "offshoots", "splinter", "spin-off", "breakaway", "off-shoot"})


@dataclass(frozen=True, slots=True)
class SideMention:
    """A side named in the text: where, as written, which side, and how (name, adjective, reference)."""

    start: int
    end: int
    text: str
    side: str
    how: str


def case_sensitive(phrase: str) -> bool:
    # Acronyms must keep their case: "IS" is a side, "is" is a verb.
    return any(len(w) >= 2 and w.isupper() for w in phrase.replace("-", " ").split())


def with_curly_apostrophes(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases, and those with an apostrophe also as typeset ("Assad’s forces")."""
    return phrases + tuple(p.replace("'", "’") for p in phrases if "'" in p)


class PhraseMatchers:
    """Two PhraseMatchers: acronyms by their exact case, every other phrase case-folded."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add(self, label: str, phrases: tuple[str, ...]) -> None:
        phrases = with_curly_apostrophes(phrases)
        sensitive = [self.nlp.make_doc(p) for p in phrases if case_sensitive(p)]
        insensitive = [self.nlp.make_doc(p) for p in phrases if not case_sensitive(p)]
        if sensitive:
            self.exact.add(label, sensitive)
        if insensitive:
            self.folded.add(label, insensitive)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start token, end token) of every match."""
        return [(doc.vocab.strings[m], s, e) for matcher in (self.exact, self.folded) for m, s, e in matcher(doc)]


class SideFinder:
    """Side mentions of one theatre in a Doc."""

    def __init__(self, nlp: Language, theatre: Theatre):
        self.matchers = PhraseMatchers(nlp)
        self.labels: dict[str, tuple[str, str]] = {}
        self.home = {side.id for side in theatre.sides if side.country and side.country == theatre.countries[0]}
        self.by_name = {name.lower(): side.id for side in theatre.sides for name in side.names}
        for side in theatre.sides:
            for how, phrases in (("name", side.names + tuple(n for n, _ in side.renamings)),
                                 ("adjective", side.adjectives), ("reference", side.references)):
                label = f"{side.id}|{how}"
                self.labels[label] = (side.id, how)
                self.matchers.add(label, phrases)

    def __call__(self, doc: Doc, sentence_of) -> list[SideMention]:
        """Side mentions in text order; `sentence_of(token_index)` numbers the sentences."""
        matches = self.matchers(doc)
        spans = [doc[s:e] for _, s, e in matches]
        label_of = {(s, e): label for label, s, e in matches}
        mentions, last_named = [], {}
        for span in sorted(filter_spans(spans), key=lambda sp: sp.start):
            side, how = self.labels[label_of[(span.start, span.end)]]
            if span.end < len(doc) and doc[span.end].lower_ in OFFSHOOTS:
                continue  # "the al-Qaeda offshoot" is another group
            sentence = sentence_of(span.start)
            if how == "reference":
                if sentence - last_named.get(side, -99) > REFERENCE_REACH and side not in self.home:
                    continue
            else:
                last_named[side] = sentence
            mentions.append(SideMention(span.start_char, span.end_char, span.text, side, how))
        return self._backed_alike(text_of(doc), sorted(mentions + self._sharing(doc, spans), key=lambda m: m.start))

    def _backed_alike(self, text: str, mentions: list[SideMention]) -> list[SideMention]:
        """"US-backed Syrian rebels", in an article that names the side the profile calls "U.S.-backed
        fighters", are that side; so are "the rebels" after them, until rebels backed by another are named."""
        named = {m.side for m in mentions}
        alias: dict[str, str] = {}
        out = []
        for m in mentions:
            noun = m.text.lower().rsplit(" ", 1)[-1]
            if m.how != "name" or noun not in GROUP_NOUNS:
                out.append(m)
                continue
            backed = BACKED_BEFORE.search(text, max(0, m.start - 30), m.end - len(noun))
            if backed:
                patron_side = self.by_name.get(f"{backed.group('patron').lower()}-backed fighters")
                if patron_side in named:
                    alias[noun] = patron_side
                else:
                    alias.pop(noun, None)
            side = alias.get(noun, m.side) if self.by_name.get(noun) == m.side else m.side
            out.append(m if side == m.side else SideMention(m.start, m.end, m.text, side, m.how))
        return out

    def _sharing(self, doc: Doc, spans: list) -> list[SideMention]:
        """"Kurdish and regime forces": the first word names a side with the noun it shares."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        found = []
        for span in spans:
            first = span.start - 2
            if first < 0 or first in taken or doc[first + 1].lower_ not in ("and", "or"):
                continue
            word = doc[first]
            side = self.by_name.get(f"{word.lower_} {doc[span.end - 1].lower_}")
            if side is not None:
                found.append(SideMention(word.idx, word.idx + len(word), word.text, side, "name"))
        return found


class TheatreSpotter:
    """One pass over a Doc with the names of every theatre's own armed sides: how many each theatre gets.

    Only telling names count: not a foreign state's forces ("U.S. military" fight in many theatres),
    not adjectives or references ("government", "the army"), not a lone lower-case word ("rebels").
    """

    def __init__(self, nlp: Language, theatres: tuple[Theatre, ...]):
        self.matchers = PhraseMatchers(nlp)
        for theatre in theatres:
            own = [side for side in theatre.sides if side.country is None or side.country in theatre.countries]
            self.matchers.add(theatre.id, tuple(p for side in own for p in (
                side.names + tuple(n for n, _ in side.renamings)) if " " in p or not p.islower()))

    def __call__(self, doc: Doc) -> Counter:
        """Distinct side names per theatre id ("DNR" three times is one name), the longest where they overlap."""
        spans: dict[str, list] = {}
        for label, s, e in self.matchers(doc):
            spans.setdefault(label, []).append(doc[s:e])
        return Counter({theatre: len({span.text.lower() for span in filter_spans(found)})
                        for theatre, found in spans.items()})


@lru_cache(maxsize=4)
def spotter(nlp: Language, theatres: tuple[Theatre, ...]) -> TheatreSpotter:
    """The spotter of a set of theatres, built once per pipeline."""
    return TheatreSpotter(nlp, theatres)


@lru_cache(maxsize=16)
def finder(nlp: Language, theatre: Theatre) -> SideFinder:
    """The finder of a theatre, built once per pipeline."""
    return SideFinder(nlp, theatre)


def state_sides(text: str, toponyms, named: tuple[SideMention, ...], theatre: Theatre) -> tuple[SideMention, ...]:
    """States that act as sides without a side's name: "Russia air power", "Ukrainian shelling", "backed by Iran"."""
    found = []
    for t in toponyms:
        side = theatre.side_of_country(t.place.country) if t.place is not None else None
        if side is None or any(m.start < t.end and t.start < m.end for m in named):
            continue
        noun = ARMED_AFTER.match(text, t.end) or (DEED_AFTER.match(text, t.end) if t.role == "demonym" else None)
        if noun or (t.role == "metonym" and BACKER_BEFORE.search(text, max(0, t.start - 50), t.start)):
            end = noun.end() if noun else t.end
            found.append(SideMention(t.start, end, text[t.start:end], side, "name"))
    return tuple(found)
