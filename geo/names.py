"""Name normalisation that makes the spellings of one place meet.

Two levels: `normalize` (case, diacritics, transliteration marks, punctuation, Arabic articles)
is safe for every name; `fold` also merges common transliteration variants and is used as a
second, lower-ranked way to match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Transliteration marks and apostrophes vanish; the rest of the punctuation separates words.
_MARKS = "'’‘`´ʿʾʼʻ′"
_SEPARATORS = "-‐‑‒–—_.,/()\"“”;:!?«»[]"
_TRANSLATE = {ord(c): None for c in _MARKS} | {ord(c): " " for c in _SEPARATORS}
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                          "þ": "th", "ħ": "h"})

# The Arabic definite article in its English spellings, assimilated forms included.
ARTICLES = frozenset("al el il ul ar er ad ed as es ash esh az ez at et an en ath adh".split())

_ASCII = {**_TRANSLATE, **{ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}
_ARTICLE_WORD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(ARTICLES)))

# Word-level variants of one word, mapped to one spelling.
_WORD_FOLDS = {
    **dict.fromkeys("tal tel tell til tall".split(), "tal"),
    **dict.fromkeys("dayr deir dair der deyr dier".split(), "dayr"),
    **dict.fromkeys("shaykh sheikh shaikh sheik cheikh sheykh shekh".split(), "shaykh"),
    **dict.fromkeys("ayn ain ein ayin aïn".split(), "ayn"),
    **dict.fromkeys("kafr kfar kafar kefr kufr".split(), "kafr"),
    **dict.fromkeys("bayt beit bait beyt".split(), "bayt"),
    **dict.fromkeys("khirbat khirbet kherbet".split(), "khirbat"),
    **dict.fromkeys("abu abou abo".split(), "abu"),
    **dict.fromkeys("umm um om".split(), "umm"),
    **dict.fromkeys("wadi ouadi".split(), "wadi"),
    **dict.fromkeys("qasr kasr".split(), "qasr"),
    **dict.fromkeys("bani beni".split(), "bani"),
    **dict.fromkeys("saint st".split(), "saint"),
    **dict.fromkeys("mount mt jabal jebel jabel djebel jbel gebel".split(), "jabal"),
    **dict.fromkeys("oilfield gasfield".split(), "field"),
    **dict.fromkeys("neighbourhood neighborhood".split(), "neighbourhood"),
}
_FIELD = re.compile(r"\b(?:oil|gas) field\b")  # "Shaer gas field" is the "Shaar oilfield" of another report
# Letter-level variants, applied in this order to both the name and the index, so only their
# consistency matters: literal replacements are fast, the few context rules are regexes.
_ASSIMILATED = re.compile(r"\b[ae]([dnrstz])\1(?=\w\w)")  # assimilated article: Ezzor, Arraqqa
_REPLACEMENTS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("aw", "u"), ("au", "u"),
                 ("o", "u"),  # Arabic has no o: Zor, Zour, Zawr
                 ("ei", "ay"), ("ey", "ay"), ("ai", "ay"), ("q", "k"), ("ck", "k"), ("dzh", "j"), ("dj", "j"),
                 ("zh", "j"), ("ph", "f"), ("kh", "h"), ("dh", "d"))
_HARD_C = re.compile(r"c(?![eiyh])")
_DOUBLED = re.compile(r"(\w)\1+")
_ENDINGS = re.compile(r"(?<=\w)(?:ah|eh|e|iya|iyah|iyeh|yya|ya)\b")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Casefolded, accent-free, punctuation-free name without Arabic articles."""
    if name.isascii():
        text = name.translate(_ASCII)
        if _ARTICLE_WORD.search(text) is None:
            return " ".join(text.split())
        words = text.split()
        kept = [w for w in words if w not in ARTICLES]
        return " ".join(kept or words)
    text = name.translate(_TRANSLATE).casefold().translate(_SPECIAL)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.translate(_TRANSLATE)
    words = text.split()
    kept = [w for w in words if w not in ARTICLES]
    return " ".join(kept or words)


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """`normalize`, then merge common transliteration variants (ou/u, ei/ey, q/k, -ah/-a ...)."""
    text = " ".join([_WORD_FOLDS.get(w, w) for w in normalize(name).split()])
    if "field" in text:
        text = _FIELD.sub("field", text)
    text = _ASSIMILATED.sub(r"\1", text)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = _HARD_C.sub("k", text)
    text = _DOUBLED.sub(r"\1", text)
    return _ENDINGS.sub("a", text)


_INNER_VOWELS = re.compile(r"(?<=\w)[aeiouy]+")


def skeleton(name: str) -> str:
    """`fold`, then without the vowels inside words: transliterations that vowel a name differently
    meet ("al-Hamadaniyeh" and "Hamdaniyeh", "Oram" and "Urum", "Kweyris" and "Kuweires")."""
    return unvowelled(fold(name))


def unvowelled(folded: str) -> str:
    """A folded name without the vowels inside its words (`skeleton` of an already folded name)."""
    return _INNER_VOWELS.sub("", folded)


_QUALIFIER = re.compile(r"\s+\([^()]+\)$")


def without_qualifier(name: str) -> str:
    """The name without the bracketed words that tell namesakes apart on a map: "Zara (Hama)" -> "Zara"."""
    return _QUALIFIER.sub("", name)


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (with or without accents)."""
    return name.isascii() or all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)
