"""The spaCy pipeline: a blank English pipeline, Frontline's tokenizer and its toponym component."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from geo import gazetteer as gazetteer_module
from geo.organisations import OrganisationSpans
from geo.recognize import Recognizer
from geo.tokens import RegexTokenizer

COMPONENT = "frontline_toponyms"
_lock = threading.Lock()
_nlp: Language | None = None

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


@Language.factory(COMPONENT)
def make_toponym_component(nlp: Language, name: str):
    """spaCy factory: a component that stores the article's place mentions in `doc._.mentions`."""
    recognizer = Recognizer(gazetteer_module.load(), OrganisationSpans(nlp))

    def component(doc: Doc) -> Doc:
        doc._.mentions = recognizer(doc)
        return doc

    return component


def build_pipeline() -> Language:
    """A new pipeline from `spacy.blank("en")` (no model download)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = RegexTokenizer(nlp.vocab)
    nlp.add_pipe(COMPONENT)
    return nlp


def pipeline() -> Language:
    """The process-wide pipeline, built once."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = build_pipeline()
        return _nlp
