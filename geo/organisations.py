"""Spans of a text that name an armed group or force of any theatre ("Islamic State in Iraq and the
Levant", "Deir ez-Zor Military Council", "Kyiv regime"): a place named inside one is not a place of
events."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from geo.sides import case_sensitive, with_curly_apostrophes
from geo.theatres import theatres


class OrganisationSpans:
    """Finds the longer side names of every theatre profile in a Doc."""

    def __init__(self, nlp: Language):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        # One-word names ("Russia", "Hezbollah") are the side or the place alike: only longer ones mask.
        names = sorted({n for t in theatres().values() for side in t.sides
                        for n in with_curly_apostrophes(side.names + tuple(old for old, _ in side.renamings))
                        if " " in n.strip() or "-" in n})
        self.exact.add("ORG", [nlp.make_doc(n) for n in names if case_sensitive(n)])
        self.folded.add("ORG", [nlp.make_doc(n) for n in names if not case_sensitive(n)])

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans (start, exclusive end) of the names found, without overlaps."""
        spans = [doc[s:e] for matcher in (self.exact, self.folded) for _, s, e in matcher(doc)]
        return [(sp.start, sp.end) for sp in filter_spans(spans)]
