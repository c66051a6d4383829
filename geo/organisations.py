"""Spans of a text that name an armed group or force of any theatre ("Islamic State in Iraq and the
Levant", "Deir ez-Zor Military Council", "Kyiv regime"): a place named inside one is not a place of
events."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from geo.sides import PhraseMatchers
from geo.theatres import theatres


class OrganisationSpans:
    """Finds the longer side names of every theatre profile in a Doc."""

    def __init__(self, nlp: Language):
        self.matchers = PhraseMatchers(nlp)
        # One-word names ("Russia", "Hezbollah") are the side or the place alike: only longer ones mask.
        self.matchers.add("ORG", tuple(sorted({n for t in theatres().values() for side in t.sides
                                               for n in side.names + tuple(old for old, _ in side.renamings)
                                               if " " in n.strip() or "-" in n})))

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans (start, exclusive end) of the names found, without overlaps."""
        return [(sp.start, sp.end) for sp in filter_spans([doc[s:e] for _, s, e in self.matchers(doc)])]
