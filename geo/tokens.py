"""A fast regex tokenizer for spaCy that keeps every character offset exact.

spaCy's English tokenizer handles far more than a gazetteer matcher needs and is the slowest part
of a blank pipeline; this one splits words, numbers, possessive 's and single punctuation marks.
"""

from __future__ import annotations

import re
from itertools import accumulate

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

TITLES = frozenset("Mr. Mrs. Ms. Dr. Gen. Lt. Col. Sgt. Capt. Maj. Cpl. Adm. Rep. Sen. Gov. Prof. Rev.".split())
NAME_ABBREVIATIONS = ("St", "Ste", "Mt", "Ft", "Pt", *(t[:-1] for t in sorted(TITLES)))
# A word may hold inner apostrophes (Ma'arrat, Kfar'a) but a trailing 's is its own token.
# Dotted abbreviations (U.S., N.Y., W.Va.) stay whole: they are names, not sentence ends; so do the
# abbreviated words that open a name ("St. Louis", "Mt. Pleasant", "Gen. Smith").
TOKEN = re.compile(rf"(?:[A-Z][a-z]?\.){{2,}}|(?:{'|'.join(NAME_ABBREVIATIONS)})\.(?= [A-Z])"
                   r"|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*|['’][sS]\b|\d+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)


_PIECES = re.compile(f"({TOKEN.pattern})", re.UNICODE)
WORDS, STARTS, TEXT = "frontline_words", "frontline_starts", "frontline_text"


class RegexTokenizer:
    """Callable that turns text into a Doc whose tokens slice the text exactly."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, starts, spaces = _split(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # Kept beside the Doc: reading them back from Token objects costs more than all matching.
        doc.user_data[WORDS] = words
        doc.user_data[STARTS] = starts
        doc.user_data[TEXT] = text
        return doc


def _split(text: str) -> tuple[list[str], list[int], list[bool]]:
    """Tokens, their offsets, and whether a single space follows each (spaCy's `spaces`).

    The text is split in one C-level call into gap, token, gap, ... pieces; only gaps other than
    nothing or one space (line breaks, runs of spaces) need Python, and become tokens of their own.
    """
    parts = _PIECES.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    words, starts = parts[1::2], offsets[1:-1:2]
    gaps = parts[0::2]
    spaces = [g[:1] == " " for g in gaps[1:]]
    odd = [k for k, g in enumerate(gaps) if g and (g != " " or k == 0)]
    if not odd:
        return words, starts, spaces
    out_words, out_starts, out_spaces, done = [], [], [], 0
    for k in odd:  # gap k lies before token k (after token k - 1)
        out_words += words[done:k]
        out_starts += starts[done:k]
        out_spaces += spaces[done:k]
        done = k
        skip = 1 if k > 0 and gaps[k][0] == " " else 0
        if len(gaps[k]) > skip:
            out_words.append(gaps[k][skip:])
            out_starts.append(offsets[2 * k] + skip)
            out_spaces.append(False)
    out_words += words[done:]
    out_starts += starts[done:]
    out_spaces += spaces[done:]
    return out_words, out_starts, out_spaces


def text_of(doc: Doc) -> str:
    """The text of a Doc, without rebuilding it from Token objects when the tokenizer kept it."""
    return doc.user_data.get(TEXT) or doc.text


def words_and_starts(doc: Doc) -> tuple[list[str], list[int]]:
    """The token texts and character offsets of a Doc (from the tokenizer when it kept them)."""
    if WORDS in doc.user_data:
        return doc.user_data[WORDS], doc.user_data[STARTS]
    return [t.text for t in doc], [t.idx for t in doc]


SENTENCE_END = frozenset(".!?")
# A web page's list of tags or related headlines runs into the next sentence when a feed strips
# its layout ("Tags Syria Idlib Russia The army launched ..."): it ends where a capitalised
# function word starts a sentence.
LIST_HEADS = frozenset({"Tags", "Related"})
SENTENCES = "frontline_sentences"


def sentences(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the index of its sentence's first token and the sentence's number (kept on the Doc).

    A sentence ends at . ! ? or a line break: good enough to bound a clause for evidence.
    """
    if SENTENCES not in doc.user_data:
        words = words_and_starts(doc)[0]
        n = len(words)
        firsts = [0, *(i + 1 for i, w in enumerate(words) if w in SENTENCE_END or "\n" in w)]
        if firsts[-1] == n:
            firsts.pop()
        bounds = []
        for a, b in zip(firsts, firsts[1:] + [n]):
            bounds.append(a)
            if words[a] in LIST_HEADS:  # the list ends at the first capitalised function word after it
                bounds += [i for i in range(a + 2, b) if words[i].istitle() and words[i].lower() in STOP_WORDS][:1]
        first_tokens, numbers = [], []
        for number, (a, b) in enumerate(zip(bounds, bounds[1:] + [n])):
            first_tokens += [a] * (b - a)
            numbers += [number] * (b - a)
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
