"""Find claims in an article: which side did what where, from trigger words, side mentions and toponyms.

The rules read English reporting clause by clause:
- a trigger word says the kind ("seized" capture, "air strikes" strike, "besieged" siege, "-held"
  control, "within 2 km of" proximity);
- the actor is the side named as the clause's subject (the nearest side before an active trigger,
  the side after "by"/"to" for a passive one, the side in an adjective such as "IS-held"); a clause
  whose subject is a pronoun or a reference ("it", "the group") takes the side that acted last;
  a capital or a state's adjective stands for that state's side ("Moscow says", "Turkish jets");
- the place is the toponym the trigger governs (the nearest after it in the clause, else before),
  with coordinated places ("Jobar and Zamalka") each making a claim;
- the target is the hostile side named after the trigger ("against rebels", "from IS").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo import gazetteer
from geo.claim_words import (
    ACTOR_AFTER,
    ALONGSIDE,
    ANAPHOR,
    APPOSITIVE,
    ARMED_NOUN,
    BEARING_LOCATOR,
    BY_SIDE,
    CLAUSE_BREAK,
    CONDITIONAL,
    CONTAINER_BEFORE,
    CONTINUED,
    CONTROL_LOST,
    COORDINATION,
    COPULA,
    COUNTRY_REFERENCE,
    DISCUSSED,
    DOWNED,
    DRIVEN_OUT,
    EVENT_REFERENCE,
    GENERIC_STATE,
    GENERIC_STRIKE,
    GROUND_FIRE,
    GROUND_WORDS,
    GROUP_BEFORE,
    GROUP_HOME,
    HAVING,
    HEDGE,
    HELD_ADJECTIVE,
    HELD_PART,
    INSIDE_COUNTRY,
    IRREALIS,
    KILLED_IN,
    LIST_GAP,
    LOCAL_KINDS,
    LOCATOR,
    LOST_TO,
    MEANS,
    MEMBER_OF,
    NAME_WORD,
    NEGATED,
    NEUTRAL_SOURCE,
    NEXT_WORDS,
    NOMINAL_CONTROL,
    NOT_ACTING,
    OBJECT_LEAD,
    OBJECT_OF_VERB,
    ORDINAL_TO,
    ORIGIN,
    PART_HELD,
    PARTNER_GAP,
    PASSIVE_VOICE,
    PAST_VERB,
    PEOPLE_OBJECT,
    PLACE_REFERENCE,
    PLAIN_LIST,
    PREDICTED,
    PRONOUN_BEFORE,
    PRONOUN_OBJECT,
    PROVINCE_ANAPHOR,
    PURPOSE_AFTER,
    REFERRED_PART,
    RELATIVE,
    RELATIVE_OBJECT,
    REPEL_WORD,
    REPELLED,
    SHARED_NOUN,
    STATE_CONTROL,
    SUBJECT_PRONOUN,
    SUPPORTER,
    SUSPENDED_HYPHEN,
    TAKING_PEOPLE,
    TARGET_BEFORE,
    TRIGGERS,
    UNDER_WAY,
    WEAPON_SUBJECT,
    WHO_BEFORE,
    WORD_NUMBERS,
)
from geo.claims import Claim
from geo.dates import event_date
from geo.demonyms import demonyms
from geo.place import SETTLEMENTS
from geo.recognize import COMMON_ZIPF_LIMIT, DIRECTIONS, NEVER_PLACES
from geo.sides import SideMention
from geo.theatres import Theatre

MILE_KM = 1.609344
# What "the neighbourhood", "the airport" ... may refer to (any town, quarter or facility otherwise)
REFERRED_KINDS = {"neighbourhood": {"neighbourhood"}, "neighborhood": {"neighbourhood"}, "quarter": {"neighbourhood"},
                  "district": {"neighbourhood", "district"}, "airport": {"facility"}, "base": {"facility"},
                  "village": SETTLEMENTS, "town": SETTLEMENTS, "city": SETTLEMENTS}
DEEDS = frozenset({"attack", "strike", "advance", "siege"})  # what "the attack", "the offensive" may refer to
PLACE_AFTER = 200  # characters after a trigger within which its place is looked for
PLACE_BEFORE = 90
HELD_REACH = 30  # an "X-held" adjective describes a place named right after it
ACTOR_BEFORE = 160
IRREALIS_KINDS = ("capture", "control", "siege")  # the kinds an intention turns into an advance or nothing


@dataclass(frozen=True, slots=True)
class Actor:
    """A side named in the text, or a state standing for its side (start, end, side)."""

    start: int
    end: int
    side: str
    held: bool  # an "X-held" adjective: it describes a place, it does not act
    generic: bool = False  # "government forces", "the army": any state's, named by where they are


def _actors(text: str, sides: tuple[SideMention, ...], toponyms, theatre: Theatre) -> list[Actor]:
    actors = [Actor(m.start, m.end, m.side, m.how == "adjective" and bool(HELD_ADJECTIVE.search(m.text)),
                    bool(GENERIC_STATE.match(m.text))) for m in sides]
    taken = [(a.start, a.end) for a in actors]
    actors = [a for a in actors if not NOT_ACTING.search(text[a.end:a.end + 12])
              and not text[max(0, a.start - 5):a.start].lower().endswith("anti-")
              and not MEMBER_OF.search(text[max(0, a.start - 80):a.start])]
    for t in toponyms:
        if t.role == "demonym" and not ARMED_NOUN.match(text, t.end) and not (
                (joined := SHARED_NOUN.match(text, t.end)) and ARMED_NOUN.match(text, joined.end())):
            continue  # "Syrian Observatory" is no side; "Syrian jets", "Russian and Syrian jets" are
        if t.role in ("metonym", "demonym") and t.place is not None:
            side = theatre.side_of_country(t.place.country)
            if side and not any(s < t.end and t.start < e for s, e in taken):
                actors.append(Actor(t.start, t.end, side, False))
    held_by = {adjective.lower(): side.id for side in theatre.sides for adjective in side.adjectives}
    for m in SUSPENDED_HYPHEN.finditer(text):
        # "rebel- and regime-held areas": the first adjective lends the second its ending
        side = held_by.get(f"{m['first']}-{m['suffix']}".lower())
        if side is not None:
            actors.append(Actor(m.start("first"), m.end("first") + 1, side, True))
    return sorted(actors, key=lambda a: a.start)


def _thing_held(text: str, end: int) -> bool:
    """True when the words after a held adjective name a thing, not ground ("ISIS-controlled structures")."""
    words = NEXT_WORDS.match(text, end)
    return words is not None and not {w for w in words.groups() if w} & GROUND_WORDS


def _referred_part(text: str, clause: tuple[int, int]) -> str | None:
    """The part of a place referred to in a clause ("east of the city", "the country's west"), if any."""
    part = REFERRED_PART.search(text, clause[0], clause[1])
    return (part["side"] or part["side2"]).lower() if part else None


def _clause(text: str, sentence: tuple[int, int], at: int) -> tuple[int, int]:
    """The clause of a sentence around offset `at`."""
    begin, end = sentence
    for m in CLAUSE_BREAK.finditer(text, begin, end):
        if m.end() <= at:
            begin = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return begin, end


def _no_event(text: str, kind: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """True when the trigger reports no event: a condition, talks, a downed drone, a forecast, a denial,
    control lost or fought over, fighting alongside, or people captured."""
    before = text[clause[0]:start]
    return bool(
        CONDITIONAL.match(before) or DISCUSSED.search(before) or NEGATED.search(before)
        or (kind == "strike" and DOWNED.search(text[max(clause[0], start - 60):start]))
        or (kind not in IRREALIS_KINDS and PREDICTED.search(before))
        or (kind == "control" and CONTROL_LOST.search(text[max(clause[0], start - 20):start]))
        or (kind == "attack" and ALONGSIDE.match(text, end))  # "fought alongside the rebels"
        # "captured 20 fighters"; but "chased the troops out" and "fell to IS fighters" take a place
        or (kind == "capture" and PEOPLE_OBJECT.match(text, end) and TAKING_PEOPLE.fullmatch(text[start:end])))


class ClaimFinder:
    """Claims of one theatre from an analysed article's sides and toponyms."""

    def __init__(self, theatre: Theatre):
        self.theatre = theatre

    def __call__(self, text: str, sentences: list[tuple[int, int]], toponyms, sides: tuple[SideMention, ...],
                 date: str | None) -> list[Claim]:
        """Claims of an article; `sentences` are the character spans of its sentences."""
        actors = _actors(text, sides, toponyms, self.theatre)
        self.named_spans = [(t.start, t.end) for t in toponyms] + [(a.start, a.end) for a in actors]
        places = [t for t in toponyms if t.place is not None and t.role == "literal" and self._in_theatre(t.place)]
        claims: dict[tuple, Claim] = {}
        last_actor: str | None = None
        self.last_claim: tuple[str, str, str | None] | None = None
        self.last_deed: tuple[str, str, str | None] | None = None  # the last attack, strike, advance or siege
        self.last_locals: list = []  # the towns, quarters and facilities of the last sentence naming any
        self.last_place = None
        self.last_country = None  # the theatre's country last named, which "the country" refers to
        self.countries_named: dict = {}  # each country's last mention: "Iraqi forces ... in the country's west"
        self.last_group: str | None = None  # the first armed group (no state) of the last sentence naming one
        self.last_claim_at = -9
        for index, sentence in enumerate(sentences):
            self.sentence_index = index
            in_sentence = [a for a in actors if sentence[0] <= a.start < sentence[1]]
            here = [t for t in places if sentence[0] <= t.start < sentence[1]]
            if here or self.last_place is not None or self.last_country is not None:
                for claim in self._sentence(text, sentence, in_sentence, here, last_actor, date):
                    claims.setdefault((claim.kind, claim.actor, claim.place.id, claim.sector, claim.start), claim)
            acting = [a for a in in_sentence if not a.held]
            if acting:
                last_actor = acting[0].side
            groups = [a.side for a in acting if (side := self.theatre.side(a.side)) is not None and side.country is None]
            self.last_group = groups[0] if groups else self.last_group  # the subject comes first
            countries = [t for t in here if t.place.kind == "country" and t.place.country in self.theatre.countries]
            self.last_country = countries[-1] if countries else self.last_country
            self.countries_named.update((t.place.country, t) for t in here if t.place.kind == "country")
            local = [t for t in here if t.place.kind in LOCAL_KINDS]
            self.last_locals = local if local else ([] if here else self.last_locals)
            self.last_place = self.last_locals[-1] if self.last_locals else None
        # "hit by missiles" is one strike, not an attack and a strike
        strikes = {(c.actor, c.place.id, c.start) for c in claims.values() if c.kind == "strike"}
        kept = [c for c in claims.values() if c.kind != "attack" or (c.actor, c.place.id, c.start) not in strikes]
        # a side said twice to hold the same part of a place is one assertion (deeds may repeat, a holding does
        # not): the first said outright is kept, else the first
        holdings: dict[tuple, Claim] = {}
        for c in kept:
            key = (c.actor, c.place.id, c.sector, c.historical)
            if c.kind == "control" and (key not in holdings or holdings[key].hedged and not c.hedged):
                holdings[key] = c
        kept = [c for c in kept if c.kind != "control" or holdings[(c.actor, c.place.id, c.sector, c.historical)] is c]
        return sorted(kept, key=lambda c: (c.start, c.kind))

    def _in_theatre(self, place) -> bool:
        # A foreign state's name is its government ("USA officials"), not a place of this war.
        return place.kind != "country" or place.country in self.theatre.countries + self.theatre.neighbours

    def _sentence(self, text: str, sentence: tuple[int, int], actors: list[Actor], places: list,
                  last_actor: str | None, date: str | None) -> list[Claim]:
        # "Saraqeb, 15 km east of", "Gharyan, a key town 80 km south of": a distance that locates a place
        triggers = [t for t in self._triggers(text, sentence, actors)
                    if t[0] != "proximity" or not any(0 <= t[1] - p.end <= 3 or APPOSITIVE.fullmatch(text, p.end, t[1])
                                                      for p in places if p.end <= t[1])]
        found = []
        for n, (kind, start, end, distance) in enumerate(triggers):
            clause = _clause(text, sentence, start)
            if re.fullmatch(r"killing|destroying", text[start:end], re.I) and any(
                    k != "control" and clause[0] <= s for k, s, _, _ in triggers[:n]):
                continue  # "thwarted an attack ..., killing scores": the toll of the deed before, not one more
            if kind == "control" and re.match(r"(?:divided|split)\s+between", text[start:end], re.I):
                found += self._divided(text, end, clause, sentence, actors, places, date)
                continue
            if _no_event(text, kind, start, end, clause):
                continue
            if kind == "attack" and PURPOSE_AFTER.match(text, end, clause[1]):
                continue  # "launched an assault to retake Zaara": one advance, read from its purpose
            if kind in IRREALIS_KINDS and "-" not in text[start:end] \
                    and IRREALIS.search(text[clause[0]:start]) and not ORDINAL_TO.search(text[clause[0]:start]) \
                    and not (kind == "siege" and UNDER_WAY.search(text[clause[0]:start])):  # "-held" is no verb
                if kind != "capture":
                    continue
                kind = "advance"  # "an offensive to retake": a push, not yet a capture
            if kind == "strike" and GROUND_FIRE.search(text[clause[0]:start]) and GENERIC_STRIKE.fullmatch(text[start:end]):
                kind = "attack"  # "tanks and artillery pounded the district": shelling, not from the air
            reference = EVENT_REFERENCE.match(text[clause[0]:end])
            if reference and clause[0] + reference.end() >= end and self.last_deed is not None:
                kind, actor, target = self.last_deed  # "The attack on the village": the last deed, not a holding
            else:
                actor, target = self._actor(text, kind, start, end, clause, sentence, actors, last_actor)
                if actor is None and reference and self.last_deed is not None and kind == "advance":
                    actor, target = self.last_deed[1:]  # "The offensive belongs to a drive to seize ..."
            if actor is None:
                continue
            self.last_claim = (kind, actor, target)
            if kind in DEEDS:
                self.last_deed = self.last_claim
            self.last_claim_at = self.sentence_index
            chosen = self._places(text, kind, actor, start, end, clause, places, actors)
            partners = self._partners(text, actor, start, end, clause, actors)
            # "rebels and the army clashed": foes named together fight, the first named attacking
            foes = [p for p in partners if kind == "attack" and self.theatre.hostile(actor, p.side)]
            if foes:
                first = min(foes, key=lambda p: p.start)
                own = max(a.start for a in actors if a.side == actor and clause[0] <= a.start < start)
                actor, target = (first.side, actor) if first.start < own else (actor, target or first.side)
            for partner in [actor] + [p.side for p in partners if p not in foes]:
                side = self.theatre.side(partner)
                # In some theatres a side only ever attacks from the air: its attacks are strikes.
                own_kind = "strike" if kind == "attack" and side is not None and side.fights_from_the_air else kind
                generic = [a.generic for a in actors if a.side == partner and clause[0] <= a.start < clause[1]]
                for place in chosen:
                    own = self._local_state(partner, place) if generic and all(generic) else partner
                    found.append(self._claim(text, own_kind, own, target, place, distance, clause, sentence, date))
        return found

    def _local_state(self, actor: str, place) -> str:
        """ "government forces" in Iraq are Iraq's: a state's generic forces are those of the place's state."""
        side = self.theatre.side(actor)
        if side is None or side.country is None or place.place.country == side.country:
            return actor
        return self.theatre.side_of_country(place.place.country) or actor

    @staticmethod
    def _partners(text: str, actor: str, start: int, end: int, clause: tuple[int, int],
                  actors: list[Actor]) -> list[Actor]:
        """Sides acting together with `actor` ("Russian and government airstrikes", "the regime and Russia",
        "an assault by the army and Hezbollah")."""
        named = [a for a in actors if clause[0] <= a.start < start and a.side == actor and not a.held]
        by = [a for a in actors if a.side == actor and not a.held and BY_SIDE.fullmatch(text, end, a.start)]
        if not named and not by:
            return []
        own = named[-1] if named else by[0]
        partners = []
        for a in actors:
            if a.held or a.side == actor or not clause[0] <= a.start < clause[1]:
                continue
            gap = text[a.end:own.start] if a.end <= own.start else text[own.end:a.start]
            if PARTNER_GAP.fullmatch(gap):
                partners.append(a)
        return partners

    def _triggers(self, text: str, sentence: tuple[int, int], actors: list[Actor]) -> list[tuple]:
        taken: list[tuple[int, int]] = []
        triggers = []
        for a in actors:
            if a.held:
                triggers.append(("control", a.start, a.end, None))
                taken.append((a.start, a.end))
        for kind, pattern in TRIGGERS:
            for m in pattern.finditer(text, sentence[0], sentence[1]):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                distance = None
                if kind == "proximity":
                    number, unit = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
                    value = WORD_NUMBERS.get(number.lower()) or float(number)
                    distance = value * (MILE_KM if unit.lower().startswith("mi") else 1.0)
                    distance = round(distance, 1)
                taken.append((m.start(), m.end()))
                triggers.append((kind, m.start(), m.end(), distance))
        if any(re.match(r"(?:divided|split)\s+between", text[t[1]:t[2]], re.I) for t in triggers):
            triggers = [t for t in triggers if t[0] != "control" or re.match(r"(?:divided|split)", text[t[1]:t[2]], re.I)]
        return sorted(triggers, key=lambda t: t[1])

    def _actor(self, text: str, kind: str, start: int, end: int, clause: tuple[int, int],
               sentence: tuple[int, int], actors: list[Actor], last_actor: str | None) -> tuple[str | None, str | None]:
        own = next((a for a in actors if a.start == start and a.held), None)
        if own is not None:
            return own.side, None
        inside = next((a for a in actors if not a.held and (a.start <= start and end <= a.end
                                                              or start <= a.start and a.end <= end)), None)
        if inside is not None and OBJECT_OF_VERB.search(text[clause[0]:inside.start]) \
                and not REPELLED.search(text[clause[0]:inside.start]):
            return None, None  # "destroyed Houthi drones": the side's weapons are hit; "repelled Ukrainian attacks" happened
        who = WHO_BEFORE.search(text, clause[0], start)
        if who is not None:
            antecedent = next((a for a in actors if not a.held and a.end <= who.end("noun") and re.fullmatch(
                r"[\]\w’'-]*(?:\s+[\w’'-]+)?", text[a.end:who.end("noun")])), None)  # "[Daesh] fighters who"
            return (antecedent.side, None) if antecedent else (None, None)
        if kind == "control" and REPEL_WORD.match(text, start) and PASSIVE_VOICE.search(text[clause[0]:start]):
            return None, None  # "attacks near Kreminna were repelled": by a side unnamed, which holds the place
        if inside is not None:  # "coalition air strikes", "Russian jets"
            after = [a.side for a in actors if end <= a.start < clause[1] and self.theatre.hostile(inside.side, a.side)]
            return inside.side, (after[0] if after else None)
        after = [a for a in actors if end <= a.start < clause[1] and not a.held]
        if re.search(r"\bby$", text[start:end], re.I) and not any(
                re.fullmatch(r"\s*(?:[\w’'-]+\s+){0,2}", text[end:a.start]) for a in after):
            return None, None  # "a town held by Haftar's allies": a holder the theatre does not name
        before = [a for a in actors if clause[0] <= a.start and a.end <= start and not a.held
                  and start - a.end <= ACTOR_BEFORE]
        if kind == "capture" and LOST_TO.match(text, start):  # "IS lost Palmyra to the army": the army took it
            winner = next((a for a in after if re.fullmatch(r"\s*(?:the\s+)?", text[end:a.start], re.I)), None)
            return (winner.side, before[-1].side if before else None) if winner else (None, None)
        if before and kind != "control" and re.fullmatch(r"(?:['’]?s)?\s?", text[before[-1].end:start]) \
                and not re.fullmatch(r"targets?", text[start:end], re.I) \
                and not (SUPPORTER.search(text[clause[0]:before[-1].start])
                         and PAST_VERB.match(text[start:end])):  # "X backed by Y pushed": X acts
            # "government shelling", "an ISIS attack", "Russia's jets": the side names the event ("IS targets" are hit)
            own = before[-1]
            others = after + [a for a in actors if end <= a.start < clause[1] and a.held]
            return own.side, next((a.side for a in others if self.theatre.hostile(own.side, a.side)), None)
        if NOMINAL_CONTROL.fullmatch(text[start:end]):
            # "an IS stronghold", "the stronghold of the rebels": the side is next to the noun
            near = [a for a in before if start - a.end <= 12] or \
                   [a for a in after if re.match(r"^\s+of\s+(?:the\s+)?(?:so-called\s+)?$", text[end:a.start], re.I)]
            return (near[-1].side if near else None), None
        marker = ACTOR_AFTER.match(text[end:after[0].start]) if after else None
        if marker and not re.fullmatch(r"\s*(?:[\w’'-]+\s+){0,2}", text[end + marker.end():after[0].start]):
            marker = None  # "control of Soledar, a claim Kyiv denied": the side after "of" is not the holder
        # "fell to IS", "in the hands of IS"; but "edged closer to army lines" names the target
        passive = after and ((marker and (kind in ("capture", "control") or marker.group().strip().lower() == "by"))
                             or (re.search(r"\b(?:by|to|of)$", text[start:end], re.I)
                                 and re.fullmatch(r"\s*(?:[\w’'-]+\s+){0,2}", text[end:after[0].start])))
        if not passive and PASSIVE_VOICE.search(text[clause[0]:start]) and kind not in ("control", "proximity") \
                and not text[start:end].lower().endswith("ing"):  # "are advancing" is no passive
            return None, None  # "fighters were killed": the side before is the victim, the actor unsaid
        if passive:
            actor = after[0]
            target = next((a.side for a in before if a.side != actor.side), None)
            return actor.side, target
        if kind == "control" and text[start:end].lower().startswith("under"):
            # "under government control": the state of the theatre; "under X control" named X inside
            home = self.theatre.side_of_country(self.theatre.countries[0])
            return (home if STATE_CONTROL.search(text[start:end]) else None), None
        killed = KILLED_IN.search(text[clause[0]:start])
        if killed:
            # "soldiers died in fighting with IS": IS attacked them
            foe = next((a for a in after if re.match(r"^\s*with\s+(?:the\s+)?$", text[end:a.start], re.I)), None)
            if foe is not None:
                return foe.side, (before[-1].side if before else None)
            before = [a for a in before if a.start >= clause[0] + killed.end()]  # the dead did not fight it
        if REPELLED.search(text[clause[0]:start]):
            # "forces repelled attacks (by X)": the attackers are the other side, named after "by" or not at all
            by = next((a for a in after if re.match(r"^\s*by\s+(?:the\s+)?$", text[end:a.start], re.I)), None)
            return (by.side, None) if by else (None, None)
        group = GROUP_BEFORE.search(text[clause[0]:start])
        if group:  # "where the group holds": the armed group named last before it
            named = [a for a in actors if a.end <= clause[0] + group.start() and not a.held
                     and (side := self.theatre.side(a.side)) is not None and side.country is None]
            if named:
                return named[-1].side, None
            if self.last_group is not None:  # named in an earlier sentence
                return self.last_group, None
        subject = None
        if before and MEANS.search(text[clause[0]:start]) and text[start:end].lower().endswith("ing"):
            subject = before[0]  # "the army answered the rebels' raid by shelling ...": the subject shells
        for a in [] if subject else reversed(before):
            if SUPPORTER.search(text[clause[0]:a.start]) and a is not before[0]:
                continue
            if OBJECT_OF_VERB.search(text[clause[0]:a.start]) and a is not before[0]:
                continue  # "warplanes struck rebel positions": the rebels are hit, not hitting
            if not TARGET_BEFORE.search(text[clause[0]:a.start]) or a is before[0] \
                    or HAVING.search(text[clause[0]:start]):
                subject = a
                break
        if subject is None and before:
            subject = before[0]
        held_after = [a for a in actors if end <= a.start < clause[1] and a.held]
        target = next((a.side for a in after + held_after
                       if subject is None or self.theatre.hostile(subject.side, a.side)), None)
        if subject is not None:
            if target is None:
                target = next((a.side for a in before if a is not subject and self.theatre.hostile(subject.side, a.side)), None)
            return subject.side, target
        # "Russian forces hold the east bank, from where they shelled ...": the subject of the sentence so far
        subject_before = next((a.side for a in actors if sentence[0] <= a.start < clause[0] and not a.held), None)
        if subject_before and SUBJECT_PRONOUN.match(text[clause[0]:start]):
            return subject_before, target
        if last_actor and (SUBJECT_PRONOUN.match(text[clause[0]:start]) or SUBJECT_PRONOUN.match(text[sentence[0]:start])
                           or PRONOUN_BEFORE.search(text[clause[0]:start])
                           or (re.fullmatch(r"[\s,\"“]*(?:\[[^\]]*\]\s*)?", text[clause[0]:start])
                               and text[start:end].lower().endswith("ing"))):  # "[ID:...] Capturing most of ..."
            return last_actor, target
        by = [a for a in after if re.match(r"^\s*(?:\w+\s+){0,3}by\b", text[end:a.start], re.I)]
        if by:
            return by[0].side, None
        if kind == "attack" and len(after) > 1 and re.match(r"^\s*(?:[\w-]+\s+){0,3}?between\s+(?:the\s+)?$",
                                                             text[end:after[0].start], re.I):
            return after[0].side, after[1].side  # "battles between IS and Kurdish fighters": the first named attacks
        if kind in ("attack", "strike") and self.last_claim is not None and self.last_claim[0] in ("attack", "strike") \
                and not before and not after and (CONTINUED.search(text[clause[0]:end]) or (
                    WEAPON_SUBJECT.match(text, clause[0], end) and kind == self.last_claim[0]
                    and self.last_claim_at == self.sentence_index - 1)):  # shelling right after shelling
            return self.last_claim[1], self.last_claim[2]  # "Rockets also hit ...": the same campaign goes on
        return None, None

    def _divided(self, text: str, end: int, clause: tuple[int, int], sentence: tuple[int, int],
                 actors: list[Actor], places: list, date: str | None) -> list[Claim]:
        """ "X is divided between rebels in the east and the government in the west": control by sector."""
        place = next((t for t in reversed(places) if t.end <= end), None) or self.last_place
        if place is None:
            return []
        claims = []
        # the list of sharers ends where a clause about them starts ("... and Kurdish fighters who fight IS")
        relative = RELATIVE.search(text, end, sentence[1])
        sharing = [a for a in actors if end <= a.start < (relative.start() if relative else sentence[1])]
        for n, a in enumerate(sharing):
            if n and sharing[n - 1].side == a.side:
                continue  # "the army, aided by loyalist militiamen, in the south": one share
            stop = next((b.start for b in sharing[n + 1:] if b.side != a.side), sentence[1])
            where = re.search(r"\b(north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\b",
                              text[a.end:stop], re.I)
            sector = where.group(1).lower() if where else None
            claims.append(replace(self._claim(text, "control", a.side, None, place, None, (clause[0], stop),
                                              sentence, date), sector=sector))
        return claims

    def _places(self, text: str, kind: str, actor: str, start: int, end: int, clause: tuple[int, int], places: list,
                actors: list[Actor]) -> list:
        named = places
        places = [t for t in places if (t.place.kind != "country" or INSIDE_COUNTRY.search(text[clause[0]:t.start]))
                  and not (kind != "proximity" and LOCATOR.search(text[max(clause[0], t.start - 40):t.start]))
                  and not any(BEARING_LOCATOR.fullmatch(text, p.end, t.start) for p in places)
                  and not ORIGIN.search(text[max(clause[0], t.start - 60):t.start])
                  and not GROUP_HOME.search(text[max(clause[0], t.start - 30):t.start])]
        if kind == "capture" and LOST_TO.match(text, start):
            return [t for t in places if start < t.start and t.end < end][-1:]
        if re.search(r"\b(?:by|to)$", text[start:end], re.I) and kind in ("control", "capture"):
            # "Tabqa, held by IS", "Palmyra fell to IS": the place is what comes before
            before = [t for t in places if max(clause[0], start - 60) <= t.start and t.end <= start]
            part = PART_HELD.search(text[clause[0]:end])
            if part and kind == "control":
                # "attacked several southern neighbourhoods held by government troops": parts of the town just named
                earlier = [t for t in named if t.end <= start and t.place.kind in LOCAL_KINDS]
                referred = (earlier or [self.last_place])[-1]
                return [replace(referred, sector=part["side"] and part["side"].lower())] if referred else []
            held = before[-1:]
            while held and (earlier := [t for t in before if t.end <= held[0].start]) \
                    and PLAIN_LIST.fullmatch(text, earlier[-1].end, held[0].start):
                held.insert(0, earlier[-1])  # "Deir ez-Zor and its nearby airport held by IS": both are held
            return held
        held = kind == "control" and HELD_ADJECTIVE.search(text[start:end])
        if held:  # "IS-held hamlets in eastern Syria" hold hamlets, not the country
            places = [t for t in places if t.place.kind != "country"]
            if _thing_held(text, end) and not any(end <= t.start < end + HELD_REACH for t in places):
                return []  # "ISIS-controlled structures", "an IS-held cement plant in the town": not a place held
        # "regime-held Aleppo", "IS-held villages in Deir ez-Zor"; else "Fuaa and Kafraya, the last regime-held villages"
        reach = HELD_REACH if held else PLACE_AFTER
        after = [t for t in places if end <= t.start < min(clause[1], end + reach)]
        before = [t for t in places if max(clause[0], start - PLACE_BEFORE) <= t.start and t.end <= start]
        if PRONOUN_OBJECT.match(text, end):  # "took control of it": the place named before
            after = []
        if not held and PROVINCE_ANAPHOR.match(text, end):
            # "around Deir al-Zour, where the group holds most of the province": the place named last before it
            referred = ([t for t in named if t.end <= start][-1:] or [self.last_place])[0]
            province = self._province_of(referred)
            return [province] if province is not None else []
        anaphor = ANAPHOR.match(text, end)
        if anaphor and re.match(r"\s+of\b", text[anaphor.end():anaphor.end() + 4]):
            anaphor = None  # "the town of Manbij" names the town
        if anaphor and after and anaphor.end() <= after[0].start:
            after = []  # "repelled attacks near the town and ... over Kherson": the town named before
        chosen = after[:1] or before[-1:]
        if after and self._unknown_name_before(text, end, after[0].start):
            return []  # "restored security to Sanei and Tal Meri in the countryside of Damascus": not Damascus
        if not after and kind != "control" and self._unknown_object(text, end, clause[1]):
            return []  # "... in Hama province and took control over Tal Sikkin": not the province
        if not chosen and not after:
            # "Tabqa, a city which the SDF had tried to seize": the town the relative clause is about
            described = [t for t in named if clause[0] <= t.end <= start and RELATIVE_OBJECT.match(text, t.end, start)]
            chosen = described[-1:]
        relative = re.search(r"(?:,\s*|\s)(where|which)\s*$", text[max(0, clause[0] - 8):clause[0]], re.I)
        if not chosen and relative:
            # "Raqqa, the capital of IS, where the group holds": Raqqa; "Raqqa, which IS seized": Raqqa, but
            # "the airport, which the LNA seized": no place named
            prior = [t for t in places if t.end <= clause[0]][-1:]
            if relative[1].lower() == "where" or (prior and prior[0].end == clause[0] - len(relative[0])):
                chosen = prior
        reference = anaphor or PLACE_REFERENCE.search(text, clause[0], clause[1])
        if not chosen and reference:
            # "recapturing the city": the town named earlier in the sentence, or in the last one; "the
            # neighbourhood" is the quarter named last, not the city around it
            earlier = [t for t in places if t.end <= start and t.place.kind in LOCAL_KINDS] or self.last_locals
            kinds = REFERRED_KINDS.get(reference.group().split()[-1].lower(), LOCAL_KINDS)
            referred = ([t for t in earlier if t.place.kind in kinds] or earlier or [None])[-1]
            if referred is None:
                return []
            # the part this clause names, not the one of the mention referred to ("east Mosul" ... "the west
            # bank of the city")
            return [replace(referred, sector=_referred_part(text, clause))]
        if not chosen and kind == "capture" and self.last_place is not None and DRIVEN_OUT.match(text, end, clause[1]):
            return [self.last_place]  # "IS chased the troops out": out of the town just named
        # "the country" is the acting state's own, if it was named; else the war's country last named
        country = self.countries_named.get(getattr(self.theatre.side(actor), "country", None), self.last_country)
        if not chosen and country is not None and COUNTRY_REFERENCE.search(text, clause[0], clause[1]):
            return [replace(country, sector=_referred_part(text, clause))]
        head = [t for t in named if t.end <= start and APPOSITIVE.fullmatch(text, t.end, start)]
        if held and head:  # "within 5 km of Bakhmut, a Russian-held city in Donetsk region": the city is Bakhmut
            chosen = head[-1:]
        if before and NOMINAL_CONTROL.fullmatch(text[start:end]) and (
                COPULA.search(text[before[-1].end:start])
                or re.fullmatch(r"\s*,\s*(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}", text[before[-1].end:start])):
            chosen = before[-1:]  # "Raqqa remains IS's de facto capital": the subject is the place
        if not chosen:
            return []
        part = held and HELD_PART.match(text, end)
        if part and not after:  # "most of whom stay in its government-controlled western districts"
            chosen = [replace(chosen[0], sector=DIRECTIONS[part["side"].lower()])]
        following = [t for t in places if 0 <= t.start - chosen[0].end <= 3]
        if following and re.match(r"^['’]?s\s+$", text[chosen[0].end:following[0].start]):
            chosen = following[:1]  # "Syria's Kobani", "Aleppo's Salaheddine": the part, not the whole
        group = list(chosen)
        # a list goes on past the trigger's reach, to the clause's end
        pool = [t for t in places if after[0].start <= t.start < clause[1]] if after else list(reversed(before))
        for t in pool[1:]:
            previous = group[-1]
            gap = text[previous.end:t.start] if t.start >= previous.end else text[t.end:previous.start]
            if COORDINATION.match(gap) or (
                    kind in ("attack", "strike") and after and t.place.kind in LOCAL_KINDS and LIST_GAP.fullmatch(gap)
                    and not re.search(r"\bin\s+(?:the\s+)?$", gap)):  # "Tafas in Daraa": Daraa holds Tafas
                group.append(t)  # one claim per place of a list of targets
            else:
                break
        return group

    def _unknown_name_before(self, text: str, end: int, start: int) -> bool:
        """True when a name the article does not resolve stands between a trigger and the place after it,
        which then only contains the place meant ("in the countryside of", "in ... province")."""
        return bool(CONTAINER_BEFORE.search(text, end, start)) and self._unknown_object(text, end, start)

    def _unknown_object(self, text: str, end: int, stop: int) -> bool:
        """True when a trigger ending at `end` governs a name the article does not resolve ("established
        control over the hills of Tal Sikkin")."""
        name = NAME_WORD.match(text, OBJECT_LEAD.match(text, end).end(), stop)
        return name is not None and not any(s <= name.start() < e for s, e in self.named_spans) \
            and name.group() not in demonyms() and name.group().lower() not in NEVER_PLACES \
            and gazetteer.load().word_frequency(name.group()) < COMMON_ZIPF_LIMIT  # "Oil Field" in a headline is no name

    @staticmethod
    def _province_of(toponym):
        """The toponym standing for the province its place lies in (itself if it is one), or None."""
        if toponym is None or toponym.place.kind == "province":
            return toponym
        province = gazetteer.load().get(toponym.place.admin1, toponym.place.country, kind="province")
        if province is None or province.kind != "province":
            return None
        return replace(toponym, place=province, sector=None)

    def _claim(self, text: str, kind: str, actor: str, target: str | None, place, distance: float | None,
               clause: tuple[int, int], sentence: tuple[int, int], date: str | None) -> Claim:
        begin, end = clause
        evidence = text[begin:end].strip()
        begin += len(text[begin:end]) - len(text[begin:end].lstrip())
        end = begin + len(evidence)
        sentence_text = text[sentence[0]:sentence[1]]
        hedged = bool(HEDGE.search(sentence_text)) and not NEUTRAL_SOURCE.search(sentence_text)
        when, historical = event_date(evidence, date)
        if target == actor or (target is not None and not self.theatre.hostile(actor, target)
                               and not self.theatre.hostile(target, actor)):
            target = None
        return Claim(kind, actor, target, place.place, place.sector, distance if kind == "proximity" else None,
                     hedged, historical or place.historical, when, begin, end, evidence, (place.start, place.end))
