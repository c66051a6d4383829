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


class RegexTokenizer:
    """Callable that turns text into a Doc whose tokens slice the text exactly."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        end = 0
        for m in TOKEN.finditer(text):
            gap = text[end:m.start()]
            if gap:
                if words and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:  # other whitespace becomes a token of its own, as in spaCy
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            end = m.end()
        tail = text[end:]
        if tail:
            if words and tail[0] == " ":
                spaces[-1] = True
                tail = tail[1:]
            if tail:
                words.append(tail)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)
