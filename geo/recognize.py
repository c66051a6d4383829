"""Find the place names of an article: gazetteer n-grams, filtered and qualified by their context.

Works on the tokens of a spaCy Doc. A name starts with a capitalised word (or an Arabic article
before one, "al-Bab") and may hold articles, hyphens and "of"; the longest name the gazetteer
knows wins; a name it lacks is taken only where the text says it is a place ("the town of X",
"X neighbourhood") and it sounds like a place of a war theatre. Context then decides what is not
a place (people, organisations, common words), the role (literal, metonym, demonym), the part of
the place meant (sector) and the kind preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from geo.demonyms import demonyms
from geo.gazetteer import KIND_WORDS, Gazetteer, split_kind
from geo.names import ARTICLES, normalize, skeleton
from geo.organisations import OrganisationSpans
from geo.tokens import TITLES, sentences, text_of, words_and_starts

MAX_TOKENS = 9
# Words between a name and its kind word: "Yarmouk Palestinian refugee camp".
KIND_MODIFIERS = frozenset("refugee military air oil gas power border army police".split())
# Heads of Arabic compound names ("Deir al-Adas", "Tal Abyad", "Kafr Nabl"): followed by more of
# the name, the head alone is not the place even when some far-off place is called that.
COMPOUND_HEADS = frozenset("deir dair dayr tal tel tell kafr kfar ain ayn jabal jebel khirbet beit bayt bir "
                           "ras wadi jisr marj qasr umm abu bab hayy sheikh shaykh maarat maaret khan".split())
# Words inside names between capitalised ones: "Port-au-Prince", "People's Republic of China".
CONNECTORS = frozenset({"-", "'", "’", "of", "de", "la", "le", "du", "on", "upon", "am", "bin", "ibn", "au", "aux",
                        "sur", "des", "les", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den",
                        "'s", "’s"})
# An elided French article glued to the next word of a name: "Côte d'Ivoire", "Val-d'Oise".
_ELIDED = re.compile(r"^[dl]['’][A-ZÀ-Ý]")
# Lower-case words that end facility names ("Kuweires airbase", "Mosul dam").
FACILITY_TAILS = frozenset({"airbase", "airport", "airfield", "dam", "crossing", "camp", "prison", "bridge",
                            "refinery", "oilfield", "field", "plant", "base", "river", "lake", "mountains",
                            "mountain", "valley", "plain", "desert", "hospital", "port", "square",
                            "neighbourhood", "neighborhood", "district", "quarter", "suburb"})
DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south", "east": "east",
    "eastern": "east", "west": "west", "western": "west", "northeast": "northeast",
    "northeastern": "northeast", "north-east": "northeast", "northwest": "northwest",
    "northwestern": "northwest", "southeast": "southeast", "southeastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest", "central": "centre", "centre": "centre",
    "center": "centre", "downtown": "centre",
}
EDGES = {"outskirts": "outskirts", "suburbs": "outskirts", "edge": "outskirts", "edges": "outskirts",
         "periphery": "outskirts", "countryside": "countryside", "hinterland": "countryside"}
# Words after a direction that make it the part of a place: "Aleppo's northern edge".
PARTS = frozenset(EDGES) | {"side", "part", "parts", "flank", "sector", "districts", "neighbourhoods",
                            "neighborhoods", "quarters", "countryside"}
PLURAL_KINDS = {"provinces": "province", "governorates": "province", "cities": "city", "towns": "town",
                "villages": "village", "districts": "district", "regions": "province", "oblasts": "province"}
# Words after a name that say it is a place, besides the kind words: "the al-Hamadaniyeh area".
AREA_WORDS = frozenset("area areas neighbourhoods neighborhoods".split())
# A name the gazetteer lacks is matched by its skeleton only when that is this long (consonants)
# and points to this few places.
SKELETON_LETTERS = 4
MAX_SOUNDING = 4
REPORTING_VERBS = frozenset(
    "said says say denied denies deny accused accuses accuse announced announces warned warns wants want "
    "insisted insists urged urges condemned condemns rejected rejects agreed agrees brokered broker "
    "backed backs supports support claimed claims called calls demanded demands refused refuses "
    "responded responds welcomed welcomes criticised criticized blamed blames insisted vowed vows "
    "threatened threatens promised promises offered offers sought seeks believes believed confirmed confirm comment "
    "confirms recognised recognized negotiated mediated pledged pledges hopes hoped provided provides "
    "supplied supplies imposed imposes sanctioned vetoed".split())
# After a state's name, these make it the state acting: "U.S. officials", "France's Defence Minister".
STATE_AGENTS = frozenset(
    "president officials official forces military army troops defense defence minister ministry government "
    "regime authorities administration envoy embassy diplomats navy soldiers drone drones jets warplanes "
    "aircraft air central command secretary spokesman intelligence leader leaders foreign state-run "
    "department officers special".split())
# Days, months, and the religious, ethnic and political words that name people, never places.
NEVER_PLACES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow sunni sunnis shia shiite shiites "
    "alawite alawites druze christian christians muslim muslims jewish jews islamist islamists jihadist "
    "jihadists baathist salafist arab arabs kurd kurds kurdish turkmen turkmens yazidi yazidis assyrian assyrians "
    "bedouin bedouins circassian circassians houthi houthis tuareg tebu berber berbers zaghawa masalit "
    "baath qaeda qaida hamas fatah taliban hezbollah hizbollah hizballah".split())
# Arabic words for an armed unit that open a group's name ("Faylaq al-Sham", "Liwa Suqour al-Jabal"):
# the names after them are the group's, not places.
GROUP_HEADS = frozenset("jaish jaysh jabhat liwa liwaa faylaq harakat katibat kataib saraya jund ansar ahrar ajnad "
                        "firqat fawj tajammu thuwar suqour alwiya hayat jamaat".split())
# A web page's furniture before a headline or a tag list: "Related Lebanon charges ...", "Tags Syria Raqqa".
PAGE_WORDS = frozenset("related tags tag print tweet share views topics".split())
# After any seat of power, these make it the authority seated there: "the Damascus regime".
SEAT_AGENTS = frozenset("regime government authorities administration".split())
# Deeds of a state, after its name or capital: "Moscow has been waging a bombing campaign".
STATE_DEEDS = frozenset(
    "waging wages waged launched launches sent sends deployed deploys intervened intervenes bombed bombs "
    "conducted conducts expelled expels recalled recalls retaliated retaliates mobilised mobilized".split())
# Before a list of states, these make them parties, not places: "talks between the US and Russia".
PARTIES_BEFORE = frozenset("talks negotiations agreement deal relations ties tensions meeting summit accord "
                           "dialogue rivalry".split())
# Before "from" and a state, these make it a party: "a quick denial from Russia", "support from Iran".
STANCES = frozenset("denial denials condemnation criticism support response protest protests warning warnings "
                    "statement reaction pressure help aid backing".split())
# Before "of" and a state, these make it a citizenship: "nationals of Algeria".
CITIZENS = frozenset("nationals national citizens citizen natives passports passport".split())
# Before "to" and a state, these make it the state: "Turkey's envoy to Russia".
ENVOYS = frozenset("envoy envoys ambassador ambassadors embassy delegation delegations".split())
# After two states joined by a hyphen, these make them the two parties: "the Iran-Iraq war".
BETWEEN_STATES = frozenset("war wars conflict talks relations ties deal agreement rivalry summit alliance".split())
# The head of an institution's name: the names before it in the same run are part of it.
INSTITUTIONS = frozenset("centre center institute institution university college school academy foundation "
                         "agency council observatory committee commission police department court office club "
                         "chamber association alliance league hospital zoo museum library board authority "
                         "ministry directorate company corporation bank".split())
# Outlets named like places: "the official news agency Sana" is not Sanaa.
OUTLET_WORDS = frozenset("agency newspaper daily broadcaster channel".split())
# Broadcasters whose names are places' spellings: "Al Jazeera reported" is not the Jazira region.
OUTLETS = frozenset({"Al Jazeera", "Al-Jazeera", "AlJazeera", "Al Arabiya", "Al-Arabiya", "AlArabiya"})
# A place named before these in a byline is the place it was reported from: "Amman newsroom".
DATELINE_AFTER = frozenset({"newsroom", "bureau"})
ACTING = frozenset("led backed brokered sponsored allied aligned supported funded trained armed".split())
LOCATIVES = frozenset("in near at outside from into toward towards around across reached entered".split())
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "X near the Turkish border": a city this far from that border is not what is meant; its province,
# this close to it (about 5 km, in the outlines' degrees), is.
FAR_FROM_BORDER_KM, ON_BORDER_DEGREES = 25.0, 0.05
# A capitalised word this frequent in English is taken as a place name only for a major place.
COMMON_ZIPF_LIMIT = 4.0
MAJOR_CITY = 100_000
VERY_COMMON_ZIPF = 5.5  # "man", "one", "back": never a one-word place name on their own
_PARTICIPLE = re.compile(r"^[A-Z][a-z]{3,}(?:ing|ed)$")
_CONTRACTION = re.compile(r"^\w+['’](?:ll|d|m|ve|re|t|s)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text, before it is resolved."""

    start: int
    end: int
    text: str
    role: str = "literal"
    sector: str | None = None
    kind_hint: str | None = None
    historical: bool = False
    country: str | None = None  # a demonym's country
    context: str | None = None  # the name after "Tripoli, ..." that qualifies this one
    sentence: tuple[int, int] = (0, 0)
    by_sound: bool = False  # the gazetteer lacks this spelling: it is looked up by its skeleton


class _Tokens:
    """Plain lists of the Doc's token texts and offsets: much faster to scan than Token objects."""

    def __init__(self, doc: Doc):
        self.text = text_of(doc)
        self.words, self.starts = words_and_starts(doc)
        self.n = len(self.words)
        self._lowered: str | None = None
        self.sentence_start = sentences(doc)[0]
        self.sentence_last = {first: i for i, first in enumerate(self.sentence_start)}
        self.title_line = self._title_lines()
        self.place_ends: set[int] = set()  # where the places found so far end (exclusive token index)

    @property
    def lowered(self) -> str:
        """The text with words spaced out, to ask whether a word is used in lower case."""
        if self._lowered is None:
            self._lowered = " " + " ".join(self.words) + " "
        return self._lowered

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[i])

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def _title_lines(self) -> list[bool]:
        """For each token, whether its line is in Title Case (capitals then say nothing)."""
        words, flags = self.words, [False] * self.n
        breaks = [i for i, w in enumerate(words) if "\n" in w]
        for first, stop in zip([0] + [b + 1 for b in breaks], breaks + [self.n]):
            long_words = [w for w in words[first:stop] if len(w) > 3 and w.isalpha()]
            if len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words):
                flags[first:stop] = [True] * (stop - first)
        return flags


def _countryside_kind(sector: str) -> str | None:
    # "the Idlib countryside" is the rural province around the city: the province answers to it
    return "province" if sector == "countryside" else None


def _person(text: str, people: set[str]) -> bool:
    """True for a name seen after a first name, also in a possessive without apostrophe ("Assads")."""
    return text in people or (text.endswith("s") and text[:-1] in people)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _name_starts(t: _Tokens) -> list[int]:
    """Tokens a name may start at: a capitalised word, or an Arabic article before one ("al-Bab")."""
    words = t.words
    # "Al-Bab" is capitalised already: only a lower-case "al" needs the table
    return [i for i, w in enumerate(words) if (w[:1].isupper() and w[:1].isalpha() and w not in TITLES) or (
            w in ARTICLES and t.word(i + 1) == "-" and _capitalised(t.word(i + 2)))]


def _spans_from(t: _Tokens, i: int) -> list[int]:
    """Possible exclusive end indexes of a name starting at token i, longest first."""
    words, starts = t.words, t.starts
    ends = []
    j = i
    stop = min(t.n, i + MAX_TOKENS)
    while j < stop:
        w = words[j]
        if j > i and starts[j] - starts[j - 1] - len(words[j - 1]) > 1:
            break  # names do not span line breaks or double spaces
        first = w[:1]
        if first.isspace():
            break
        lower = w.lower()
        if (first.isupper() and first.isalpha()) or (j > i and _ELIDED.match(w)):
            if not (lower in ARTICLES and t.word(j + 1) == "-"):  # "... Province Al-Qaryatayn"
                ends.append(j + 1)
        elif lower in FACILITY_TAILS and j > i:
            ends.append(j + 1)
            break
        elif lower in KIND_MODIFIERS and j > i and t.word(j + 1).lower() in FACILITY_TAILS:
            ends.append(j + 2)  # "Abu Duhur air base", "Tabqa military airport"
            break
        elif not (lower in ARTICLES or lower in CONNECTORS or w in ("'", "’")
                  or (w == "the" and t.word(j - 1) == "of")):  # "Democratic Republic of the Congo"
            break
        j += 1
    return ends[::-1]


class Recognizer:
    """Finds `Mention`s in a Doc using a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, organisations: OrganisationSpans | None = None):
        self.gazetteer = gazetteer
        self.demonyms = demonyms()
        self.organisations = organisations
        # the same capitalised runs ("The", "Monday", "Aleppo") come back in every article
        self._known = lru_cache(maxsize=200_000)(self._known)
        self._own_name = lru_cache(maxsize=200_000)(self._own_name)
        self._notable = lru_cache(maxsize=200_000)(self._notable)

    def __call__(self, doc: Doc) -> list[Mention]:
        t = _Tokens(doc)
        found: list[tuple[int, int, Mention]] = []
        people: set[str] = set()  # names seen after a first name: "John Ripley" makes "Ripley" a person
        sounded: set[str] = set()  # unknown spellings a cue has shown to be places
        i = 0
        for start in _name_starts(t):
            if start < i:
                continue  # inside the name matched last
            hit = self._match(t, start, people, sounded)
            if hit is None:
                continue
            i, mention = hit
            if mention is not None:
                found.append((start, i, mention))
                t.place_ends.add(i)
        found = [f for f in found if f[2].role == "demonym" or not _person(f[2].text, people)]
        if self.organisations is not None:
            found = self._outside_organisations(found, self.organisations(doc))
        return self._by_border(t, found, self._contrasted(t, found, self._coordinate(t, found)))

    def _outside_organisations(self, found: list[tuple[int, int, Mention]],
                               spans: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
        """A place inside a longer group's name is not pinned: a state or city stays as the actor
        ("Islamic State of Iraq", "Kyiv regime"), anything else was a fragment of the name."""
        kept = []
        for i, j, m in found:
            inside = m.role != "demonym" and any(s <= i and j <= e and e - s > j - i for s, e in spans)
            if not inside:
                kept.append((i, j, m))
            elif self._seat(m.text):
                kept.append((i, j, replace(m, role="metonym")))
        return kept

    def _match(self, t: _Tokens, i: int, people: set[str], sounded: set[str]) -> tuple[int, Mention | None] | None:
        ends = _spans_from(t, i)
        for j in ends:
            text = t.text[t.starts[i]:t.end(j - 1)]
            country = self.demonyms.get(text)
            if country is None and not self._known(text, j - i):
                continue
            if normalize(text) in COMPOUND_HEADS and ends[0] > j:  # "Tal Meri", "al-Beit al-Azrak"
                # an unknown compound name: no place rather than a wrong one, unless it sounds like one
                return self._sounded(t, i, ends, people, sounded) or (ends[0], None)
            if not self._plausible(t, i, j, text, country, people):
                return j, None
            return j, self._qualify(t, i, j, text, country)
        hit = self._possessive_without_apostrophe(t, i, people)
        if hit is None and ends:
            hit = self._sounded(t, i, ends, people, sounded)
        return hit

    def _sounded(self, t: _Tokens, i: int, ends: list[int], people: set[str],
                 sounded: set[str]) -> tuple[int, Mention] | None:
        """A name the gazetteer lacks that the text marks as a place ("the town of X", "X district")
        and that sounds like a few places of the war theatres ("Kweyris" for "Kuweires"); once
        shown, the same spelling counts anywhere in the article. `ends` are the name's possible ends."""
        j = ends[0]
        if t.words[j - 1].lower() in FACILITY_TAILS:  # "Salahin neighbourhood": the name, then its cue
            if len(ends) == 1:
                return None
            j = ends[1]
        text = t.text[t.starts[i]:t.end(j - 1)]
        if text not in sounded:
            before = t.word(i - 1)
            if (not self._cued(t, i, j) or _person(text, people) or len(skeleton(text).replace(" ", "")) < SKELETON_LETTERS
                    or self.gazetteer.word_frequency(text) >= COMMON_ZIPF_LIMIT
                    or (_capitalised(before) and i - 1 != t.sentence_start[i])):
                return None
            if not 0 < len(self.gazetteer.sounding(text)) <= MAX_SOUNDING:
                return None
            sounded.add(text)
        mention = self._qualify(t, i, j, text, None)
        return j, replace(mention, by_sound=True) if mention is not None else None

    @staticmethod
    def _cued(t: _Tokens, i: int, j: int) -> bool:
        """True when the words around a name say it is a place: a kind word after it (past
        "military", "refugee" ...), a bearing from another place ("X north and east of Hama"),
        or "the town of", "the villages of", "west of" before it."""
        m = j
        while m < j + 2 and t.word(m).lower() in KIND_MODIFIERS:
            m += 1
        after = t.word(m).lower()
        if after in KIND_WORDS or after in PLURAL_KINDS or after in AREA_WORDS:
            return t.word(m + 1).lower() not in INSTITUTIONS  # but "the Mohammed district court" is a court
        if after in DIRECTIONS and (t.word(m + 1) == "of" or (
                t.word(m + 1) == "and" and t.word(m + 2).lower() in DIRECTIONS and t.word(m + 3) == "of")):
            return True
        before2 = t.word(i - 2).lower()
        return t.word(i - 1).lower() == "of" and (before2 in KIND_WORDS or before2 in PLURAL_KINDS
                                                  or before2 in DIRECTIONS)  # "to the west of X"

    def _possessive_without_apostrophe(self, t: _Tokens, i: int, people: set[str]):
        """Feeds that strip apostrophes write "Syrias army": take the name without its s."""
        word = t.words[i]
        if len(word) < 5 or not word.endswith("s") or word[:-1] in people:
            return None
        text = word[:-1]
        if not self.gazetteer.knows_exactly(text):
            return None
        country = self.demonyms.get(text)
        if not self._plausible(t, i, i + 1, text, country, people):
            return i + 1, None
        start = t.starts[i]
        mention = self._qualify(t, i, i + 1, text, country)
        if mention is None:
            return i + 1, None
        return i + 1, replace(mention, end=start + len(text), text=text)

    def _plausible(self, t: _Tokens, i: int, j: int, text: str, country: str | None, people: set[str]) -> bool:
        lower = text.lower()
        acronym = text.isupper() and len(text) >= 2  # "US" is not "us"
        if (not acronym and (lower in STOP_WORDS or lower in KIND_WORDS)) or lower in NEVER_PLACES \
                or normalize(text) in NEVER_PLACES or lower in ARTICLES or lower in DIRECTIONS \
                or _CONTRACTION.match(text) or t.word(i - 1).lower() in OUTLET_WORDS or text in OUTLETS:
            return False
        if t.word(i - 1).lower() in GROUP_HEADS or (lower in GROUP_HEADS and j == i + 1 and (
                _capitalised(t.word(j)) or t.word(j) in ARTICLES)):
            return False  # "Liwa Suqour al-Jabal", "Saraya al-Khorasani": a group's name
        if t.word(i - 1) in TITLES:  # "Ms. Odell", "Gen. Sherman": a person, here and anywhere in the article
            people.update((text, t.words[j - 1]))
            return False
        if acronym and text.isalpha() and len(text) >= 3 and t.word(j)[:1].islower() and not self._is_state(text):
            return False  # "SANA reported", "CIS states": an acronym; a dateline ("BEIRUT -") is not followed so
        if acronym and text.isalpha() and len(text) >= 3 and t.word(i - 1).lower() == "the" and not self._is_state(text):
            return False  # "the IRS", "the FBI": an agency; "the UAE" is a state
        title = t.title_line[i]
        if not title:
            # Inside a longer run of capitalised words the name is part of another name
            # (Barack Obama, Islamic State, Revolutionary Guards), unless the run is places.
            before, after = t.word(i - 1), t.word(j)
            if (_capitalised(before) and t.starts[i] - t.end(i - 1) == 1 and before.lower() not in STOP_WORDS
                    and before.lower() not in DIRECTIONS and before.lower() not in NEVER_PLACES  # "Since September Moscow"
                    and before.lower() not in PAGE_WORDS
                    and not ((i - 1 == t.sentence_start[i] or t.word(i - 2) == "]")
                             and _PARTICIPLE.match(before))  # "Capturing Tabqa gave", "[ID:...] Capturing Tabqa"
                    and not self._placeish(before) and i not in t.place_ends  # "Morek al-Latamneh"
                    and after.lower() not in DATELINE_AFTER):
                if i - 1 != t.sentence_start[i] and self._minor(text):
                    people.update((text, t.words[j - 1]))
                return False
            # A country may modify a name ("U.S. Army", "Syrian Observatory") and still be named.
            if (_capitalised(after) and t.starts[j] - t.end(j - 1) == 1 and country is None
                    and after.lower() not in KIND_WORDS and not self._placeish(after)
                    and not self._is_state(text) and split_kind(text)[1] is None and not self._place_starts(t, j)
                    and not self._in_institution(t, j) and not self._after_country_possessive(t, i)):
                return False  # but in "Syria's Raqqa Completely Liberated" the headline goes on
        if country is not None or j > i + 1:
            return True
        zipf = self.gazetteer.word_frequency(text)
        if zipf < VERY_COMMON_ZIPF and (t.word(j).lower() in KIND_WORDS or t.word(i - 1).lower() in LOCATIVES):
            return True  # "Anderson County", "in Springfield": the context says it is a place
        initial = title or i == t.sentence_start[i]
        if not self._own_name(text) and not self._notable(text):
            return False  # "Harman", "Passover": another name a small place once had, now a surname or a word
        if zipf < COMMON_ZIPF_LIMIT and not initial and len(text) > 2:
            return True
        best = self.gazetteer.get(text)
        if best is None:
            return False
        if best.kind == "country":
            return True
        if len(text) <= 2 or zipf >= VERY_COMMON_ZIPF:
            return False
        if zipf >= COMMON_ZIPF_LIMIT and not self._own_name(text):
            return False  # "Seeking" at a sentence start: a word, though a city's list of names has it
        if best.kind == "city" and best.population >= MAJOR_CITY:
            return True
        if best.kind in ("province", "region", "water"):
            # "Ohio man charged" is a place; "Mass graves" is not: the article's own lower-case use tells.
            return f" {lower} " not in t.lowered
        # A common word at a sentence start or in a headline needs to be a notable place.
        return zipf < COMMON_ZIPF_LIMIT and ("supplement" in best.source or best.population >= 50_000)

    def _known(self, text: str, tokens: int) -> bool:
        """A name the gazetteer has; a one-word name or acronym matched only by folding must be notable."""
        if self.gazetteer.knows_exactly(text):
            return True
        if not self.gazetteer.knows(text) or text.isupper():
            return False
        return tokens > 1 or self._notable(text)

    def _notable(self, text: str) -> bool:
        """True when the best place of the name is a team-written one, a country, a province or a big city."""
        best = self.gazetteer.get(text)
        return best is not None and ("supplement" in best.source or best.kind in ("country", "province")
                                     or best.population >= MAJOR_CITY)

    def _own_name(self, text: str) -> bool:
        """True when some place is called this (a word of its own name, or a team-written name),
        not merely listing it among other names."""
        key = normalize(text)
        return any("supplement" in p.source or key in normalize(p.name).replace(",", " ").split()
                   for p in self.gazetteer.candidates(text))

    def _best_kind(self, text: str) -> str | None:
        best = self.gazetteer.get(text)
        return best.kind if best is not None else None

    def _is_state(self, text: str) -> bool:
        """A country or a first-level division: it names the place even before another name
        ("Texas Department of Health", "Ohio Supreme Court", "Idlib Media Center")."""
        return self._best_kind(text) in ("country", "province")

    def _seat(self, text: str) -> bool:
        """A state, province or city: a name that can stand for the power seated there."""
        return self._best_kind(text) in ("country", "province", "city")

    def _place_starts(self, t: _Tokens, j: int) -> bool:
        """True when a known place name starts at token j ("Kafr Zita Morek al-Latamneh")."""
        for k in _spans_from(t, j):
            name = t.text[t.starts[j]:t.end(k - 1)]
            if self.gazetteer.knows_exactly(name) and (k > j + 1 or self.gazetteer.word_frequency(name) < COMMON_ZIPF_LIMIT):
                return True
        return False

    @staticmethod
    def _in_institution(t: _Tokens, j: int) -> bool:
        """True when the run of capitalised words going on at token j ends in an institution's head."""
        k, last = j, min(t.n, j + MAX_TOKENS)
        while k < last and _capitalised(t.words[k]) and t.starts[k] - t.end(k - 1) == 1:
            k += 1
        return k > j and t.words[k - 1].lower() in INSTITUTIONS

    def _is_country(self, text: str) -> bool:
        return self._best_kind(text) == "country"

    def _placeish(self, word: str) -> bool:
        if word in self.demonyms:
            return True
        if not self.gazetteer.knows_exactly(word):
            # "Syrias Kobani": a possessive whose apostrophe a feed stripped
            return len(word) >= 5 and word.endswith("s") and self._is_country(word[:-1])
        return self.gazetteer.word_frequency(word) < COMMON_ZIPF_LIMIT or not self._minor(word)

    def _after_country_possessive(self, t: _Tokens, i: int) -> bool:
        """True after "Syria's" or "Syrias": what a country has next is a place of it."""
        before = t.word(i - 1)
        if before in ("'s", "’s"):
            return self._is_country(t.word(i - 2))
        return len(before) >= 5 and before.endswith("s") and self._is_country(before[:-1])

    def _minor(self, text: str) -> bool:
        """True for a name whose best place is small and not the team's: it may well be a surname."""
        best = self.gazetteer.get(text)
        return best is None or not (best.kind in ("country", "province", "region", "water")
                                    or best.population >= MAJOR_CITY or "supplement" in best.source)

    def _qualify(self, t: _Tokens, i: int, j: int, text: str, country: str | None) -> Mention | None:
        sector = kind = None
        k = j
        if t.word(k) in ("'s", "’s"):
            k += 1
        after, after2 = t.word(k).lower(), t.word(k + 1).lower()
        m = k
        while m < k + 2 and (t.word(m) in self.demonyms or t.word(m).lower() in KIND_MODIFIERS
                             or (t.word(m).lower() in DIRECTIONS and t.word(m + 1).lower() in KIND_WORDS
                                 and t.word(m + 1).lower() not in EDGES)):
            m += 1  # "Yarmouk Palestinian refugee camp", "Kweyris military airport", "Daraa southern province"
        if m > k and t.word(m).lower() in KIND_WORDS:
            kind = KIND_WORDS.get(f"{t.word(m - 1)} {t.word(m)}".lower(), KIND_WORDS[t.word(m).lower()])
        elif after in KIND_WORDS and after not in ("mount",):
            kind = KIND_WORDS[after]
            if after in EDGES:
                sector = EDGES[after]
                kind = _countryside_kind(sector)
        elif after in PLURAL_KINDS:
            kind = PLURAL_KINDS[after]
        elif after in DIRECTIONS and after2 in PARTS:
            sector = DIRECTIONS[after]
            kind = _countryside_kind(EDGES.get(after2, ""))  # "Aleppo's western countryside"
        elif after in EDGES and t.word(k) != t.word(j):
            sector = EDGES[after]
        before, before2, before3 = t.word(i - 1).lower(), t.word(i - 2).lower(), t.word(i - 3).lower()
        if before in DIRECTIONS and not t.title_line[i]:
            sector = DIRECTIONS[before]
        elif before == "of" and before2 in DIRECTIONS:
            sector = DIRECTIONS[before2]
        elif before == "of" and before2 in PARTS and before3 in DIRECTIONS:
            sector = DIRECTIONS[before3]  # "the eastern districts of Aleppo"
            kind = kind or _countryside_kind(EDGES.get(before2, ""))
        elif before == "of" and before2 in EDGES:
            sector = EDGES[before2]
            kind = kind or _countryside_kind(sector)
        elif before == "of" and before2 in KIND_WORDS and before3 == "the":
            kind = KIND_WORDS[before2]
        elif before == "of" and PLURAL_KINDS.get(before2) == "province" and kind is None:
            kind = "province"  # "the governorates of Daraa and Quneitra"; but "the villages of Idlib" hold villages
        role = "demonym" if country else "literal"
        if not country and t.word(j) == "-" and t.word(j + 1).lower() in ACTING:
            role = "metonym"  # "US-led coalition", "Iranian-backed": the state acting, not the place
        elif not country and after in STATE_AGENTS and self._is_country(text):
            role = "metonym"
        elif not country and after in SEAT_AGENTS and self._seat(text):
            role = "metonym"
        elif not country and self._in_institution(t, j) and not self._is_state(text):
            role = "metonym"  # "the Brookings Doha Centre", "Athens Police Department": the institution
        elif not country and self._is_country(text) and self._nationality(t, i):
            role = "metonym"  # "nationals of Gulf states and Egypt": a citizenship, not a place
        elif not country and t.words[t.sentence_start[i]] == "Tags" and self._is_country(text):
            role = "metonym"  # a state among a page's topic tags is a party to the story, not its place
        elif not country and ((self._is_country(text) and self._parties(t, i, j)) or (self._seat(text) and self._deed(t, k))):
            role = "metonym"
        # "the council in Daraya said", "an activist in the town of Houla said": the place stays a place
        elif not country and self._reported(t, k) and before not in LOCATIVES and before != "of":
            role = "metonym"
            best = self.gazetteer.get(text)
            if best is None or best.kind not in ("country", "province", "city"):
                return None  # "Ripley said": a person, not a town
        return Mention(t.starts[i], t.end(j - 1), text, role, sector, kind, self._historical(t, i), country,
                       sentence=(t.starts[t.sentence_start[i]], self._sentence_end(t, i)))

    def _parties(self, t: _Tokens, i: int, j: int) -> bool:
        """True for states named as parties: "talks between the US and Russia", "backed by Iran",
        "a denial from Russia", "the Iran-Iraq war"."""
        k, first = i - 1, max(0, i - 2 * MAX_TOKENS)
        while k >= first and (_capitalised(t.words[k]) or t.words[k] in (",", "and", "the") or t.words[k].isspace()):
            k -= 1  # back over the rest of a list: "backed by Iran, Hezbollah, and Russia"
        w, w2, w3 = t.word(k).lower(), t.word(k - 1).lower(), t.word(k - 2).lower()
        if ((w == "by" and w2 in ACTING) or (w == "from" and w2 in STANCES) or (w == "to" and w2 in ENVOYS)
                or (w == "between" and (w2 in PARTIES_BEFORE or w3 in PARTIES_BEFORE))):
            return True
        if t.word(j) == "-" and self._is_country(t.word(j + 1)):
            return t.word(j + 2).lower() in BETWEEN_STATES
        return t.word(i - 1) == "-" and self._is_country(t.word(i - 2)) and t.word(j).lower() in BETWEEN_STATES

    @staticmethod
    def _nationality(t: _Tokens, i: int) -> bool:
        """True for a state named as a citizenship: "nationals of Algeria", "citizens of X and Y"."""
        window = [w.lower() for w in t.words[max(t.sentence_start[i], i - 8):i] if not w.isspace()]
        return any(w in CITIZENS and n + 1 < len(window) and window[n + 1] == "of" for n, w in enumerate(window))

    def _deed(self, t: _Tokens, k: int) -> bool:
        """True when a state's deed follows its name: "Moscow has been waging", "Turkey launched"."""
        w = t.word(k).lower()
        if w in ("has", "have", "had") and t.word(k + 1).lower() == "been":
            k += 1
        if w in ("has", "have", "had", "also", "then", "later"):
            w = t.word(k + 1).lower()
        return w in STATE_DEEDS

    def _reported(self, t: _Tokens, k: int) -> bool:
        """True when a verb of speech or diplomacy follows: "Moscow says", "Ankara and Moscow agreed"."""
        w = t.word(k).lower()
        if w in ("did", "does", "do") and t.word(k + 1).lower() == "not":  # "Kyiv did not confirm"
            k, w = k + 1, "not"
        if w in ("has", "have", "had", "also", "on", "later", "then", "would", "will", "is", "was", "not"):
            w = t.word(k + 1).lower()
        if w == "and" and _capitalised(t.word(k + 1)):
            w = t.word(k + 2).lower()
        return w in REPORTING_VERBS

    @staticmethod
    def _historical(t: _Tokens, i: int) -> bool:
        """True for a name inside a recalled earlier event: "the 1980-88 Iran-Iraq war"."""
        first = t.sentence_start[i]
        window = t.words[max(first, i - 6):i]
        return any(_YEAR.match(w) for w in window) and any(
            w.lower() in ("war", "wars", "invasion", "occupation", "uprising", "revolution", "massacre")
            for w in t.words[i:min(t.n, i + 6)])

    @staticmethod
    def _sentence_end(t: _Tokens, i: int) -> int:
        return t.end(t.sentence_last[t.sentence_start[i]])

    def _contrasted(self, t: _Tokens, found: list[tuple[int, int, Mention]], mentions: list[Mention]) -> list[Mention]:
        """ "IS gains in northern Aleppo while the army holds Aleppo city": where an article names the city
        as a city, a bearing right before the same name ("northern Aleppo") is the province around it."""
        cities = {m.text for m in mentions if m.kind_hint == "city"}
        return [replace(m, kind_hint="province") if m.text in cities and m.kind_hint is None
                and t.word(i - 1).lower() in DIRECTIONS and self._has_province(m.text) else m
                for (i, _, _), m in zip(found, mentions)]

    def _by_border(self, t: _Tokens, found: list[tuple[int, int, Mention]], mentions: list[Mention]) -> list[Mention]:
        """ "rebels held Idlib close to the Turkish border": a city far from that border whose province
        runs along it stands for the province."""
        out = []
        for (_, j, _), m in zip(found, mentions):
            code = self._border_named(t, j)
            if code and m.kind_hint is None and m.sector is None and self._province_on_border(m.text, code):
                m = replace(m, kind_hint="province")
            out.append(m)
        return out

    def _border_named(self, t: _Tokens, j: int) -> str | None:
        """The country of "near the Jordanian border" or "along the border with Jordan" right after a name."""
        if t.word(j).lower() not in ("near", "on", "along", "by") or t.word(j + 1).lower() != "the":
            return None
        if t.word(j + 3).lower() == "border":
            return self.demonyms.get(t.word(j + 2))
        if t.word(j + 2).lower() == "border" and t.word(j + 3).lower() == "with":
            country = self.gazetteer.get(t.word(j + 4), kind="country")
            return country.country if country is not None and country.kind == "country" else None
        return None

    def _province_on_border(self, name: str, code: str) -> bool:
        from geo.approach import distance_to_km  # rare: keeps projections out of the first parse

        city, province, border = (self.gazetteer.get(name), self.gazetteer.get(name, kind="province"),
                                  self.gazetteer.boundary(code))
        if city is None or city.kind == "province" or province is None or province.kind != "province" or border is None:
            return False
        outline = self.gazetteer.admin1_at(province.lat, province.lon)
        return outline is not None and outline.distance(border) < ON_BORDER_DEGREES \
            and distance_to_km(city.lat, city.lon, border) > FAR_FROM_BORDER_KM

    def _has_province(self, name: str) -> bool:
        province = self.gazetteer.get(name, kind="province")
        return province is not None and province.kind == "province"

    @staticmethod
    def _coordinate(t: _Tokens, found: list[tuple[int, int, Mention]]) -> list[Mention]:
        """Share a plural kind word across a list ("Hama and Homs provinces"); link "Tripoli, Lebanon"."""
        mentions = [m for _, _, m in found]
        for n in range(len(found) - 1, 0, -1):
            (_, j0, m0), (i1, j1, m1) = found[n - 1], found[n]
            between = [w for w in t.words[j0:i1] if not w.isspace()]
            if between in (["and"], [","], [",", "and"]) and m1.kind_hint and t.word(j1).lower() in PLURAL_KINDS \
                    and m0.kind_hint is None:
                mentions[n - 1] = replace(m0, kind_hint=m1.kind_hint)
            elif between == [","] and m0.role == "literal" and m0.context is None:
                mentions[n - 1] = replace(m0, context=m1.text)
        listed = False  # in a list after a plural kind word: "the governorates of Hama, Homs and Tartus"
        for n in range(1, len(found)):
            (i0, j0, _), (i1, _, m1) = found[n - 1], found[n]
            between = [w for w in t.words[j0:i1] if not w.isspace()]
            listed = between in ([], ["and"], [","], [",", "and"]) and m1.kind_hint is None and (
                listed or (t.word(i0 - 1) == "of" and PLURAL_KINDS.get(t.word(i0 - 2).lower()) == "province"))
            if listed:
                mentions[n] = replace(m1, kind_hint=mentions[n - 1].kind_hint)
        return mentions
