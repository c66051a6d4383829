"""A fast regex tokenizer for spaCy that keeps every character offset exact.

spaCy's English tokenizer handles far more than a gazetteer matcher needs and is the slowest part
of a blank pipeline; this one splits words, numbers, possessive 's and single punctuation marks.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

# A word may hold inner apostrophes (Ma'arrat, Kfar'a) but a trailing 's is its own token.
# Dotted abbreviations (U.S., N.Y., W.Va.) stay whole: they are names, not sentence ends.
TOKEN = re.compile(r"(?:[A-Z][a-z]?\.){2,}|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*|['’][sS]\b|\d+(?:[.,]\d+)*"
                   r"|[^\w\s]", re.UNICODE)


WORDS, STARTS, TEXT = "frontline_words", "frontline_starts", "frontline_text"


class RegexTokenizer:
    """Callable that turns text into a Doc whose tokens slice the text exactly."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        starts: list[int] = []
        spaces: list[bool] = []
        end = 0
        for m in TOKEN.finditer(text):
            self._gap(text, end, m.start(), words, starts, spaces)
            words.append(m.group())
            starts.append(m.start())
            spaces.append(False)
            end = m.end()
        self._gap(text, end, len(text), words, starts, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # Kept beside the Doc: reading them back from Token objects costs more than all matching.
        doc.user_data[WORDS] = words
        doc.user_data[STARTS] = starts
        doc.user_data[TEXT] = text
        return doc

    @staticmethod
    def _gap(text: str, start: int, end: int, words: list[str], starts: list[int], spaces: list[bool]) -> None:
        if start == end:
            return
        if words and text[start] == " ":
            spaces[-1] = True
            start += 1
        if start < end:  # other whitespace becomes a token of its own, as in spaCy
            words.append(text[start:end])
            starts.append(start)
            spaces.append(False)


def text_of(doc: Doc) -> str:
    """The text of a Doc, without rebuilding it from Token objects when the tokenizer kept it."""
    return doc.user_data.get(TEXT) or doc.text


def words_and_starts(doc: Doc) -> tuple[list[str], list[int]]:
    """The token texts and character offsets of a Doc (from the tokenizer when it kept them)."""
    if WORDS in doc.user_data:
        return doc.user_data[WORDS], doc.user_data[STARTS]
    return [t.text for t in doc], [t.idx for t in doc]


SENTENCE_END = frozenset(".!?")
SENTENCES = "frontline_sentences"


def sentences(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the index of its sentence's first token and the sentence's number (kept on the Doc).

    A sentence ends at . ! ? or a line break: good enough to bound a clause for evidence.
    """
    if SENTENCES not in doc.user_data:
        first_tokens, numbers = [], []
        first = number = 0
        for i, w in enumerate(words_and_starts(doc)[0]):
            first_tokens.append(first)
            numbers.append(number)
            if w in SENTENCE_END or "\n" in w:
                first, number = i + 1, number + 1
        doc.user_data[SENTENCES] = (first_tokens, numbers)
    return doc.user_data[SENTENCES]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character span of each sentence that holds more than white space."""
    words, starts = words_and_starts(doc)
    first_tokens = sentences(doc)[0]
    spans = []
    for i, first in enumerate(first_tokens):
        last = i + 1 == len(words) or first_tokens[i + 1] != first
        if last:
            span = [j for j in range(first, i + 1) if not words[j].isspace()]
            if span:
                spans.append((starts[span[0]], starts[span[-1]] + len(words[span[-1]])))
    return spans
