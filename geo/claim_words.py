"""The words of English war reporting that the claim rules read: triggers by kind and the cues around them."""

from __future__ import annotations

import re


def _words(*patterns: str) -> str:
    return r"\b(?:" + "|".join(patterns) + r")\b"


# Distances written out in words: "within three miles of Kobani"
WORD_NUMBERS = {w: float(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
WORD_NUMBERS.update(twenty=20.0, thirty=30.0, forty=40.0, fifty=50.0, a=1.0, half=0.5)
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))

# Order matters: the first kind whose pattern matches a span owns it.
TRIGGERS: tuple[tuple[str, re.Pattern], ...] = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("proximity", r"\bwithin\s+(?:about\s+|some\s+|around\s+)?(?P<n>" + _NUMBER + r")\s*(?P<unit>km|kilomet(?:er|re)s?|miles?|mi)\b"
                  r"|\b(?P<n2>" + _NUMBER + r")\s*(?P<unit2>km|kilomet(?:er|re)s?|miles?)\s+(?:[(\[]\d+\s*\w+[)\]]\s+)?"
                  r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?(?:of|from)\b"),
    ("siege", _words(r"besieg\w*", r"beset", r"sieges?", r"encircl\w*", r"surrounded",
                     # but "the area surrounding al-Bab", "surrounding villages" only locate
                     r"(?<!area\s)(?<!areas\s)(?<!and\s)(?<!the\s)surrounding"
                     r"(?!\s+(?:areas?|villages?|towns?|countryside|region|hills|neighbou?rhoods?))", r"blockad\w*",
                     r"under\s+siege")),
    ("capture", _words(r"seiz(?:e|ed|es|ing|ure)", r"captur(?:e|ed|es|ing)", r"recaptur\w*", r"retak(?:e|en|es|ing)",
                       r"retook", r"t(?:ook|ake|aken|akes|aking)\s+(?:full\s+)?(?:over|control)(?:\s+(?:of|over))?",
                       r"t(?:ook|aken)(?=\s+(?:back|the|a|an|most|several|some|\d+|two|three|four|five|six)\b)",
                       r"overr(?:an|un|unning|uns)", r"f[ae]ll(?:s|en)?\s+to", r"liberat\w*",
                       # "X pushed back from Y" (a headline's passive) is X's retreat, not X taking Y
                       r"expell?(?:ed|ing|s)?", r"kick(?:s|ed|ing)?\s+out", r"oust(?:s|ed|ing)?", r"drove|driven|driv(?:e|es|ing)\s+out|(?:push|chas)(?:ed|ing)(?!\s+back\s+from)(?=\s+(?:[\w'’-]+\s+){1,4}(?:out|from)\b)",
                       r"regain\w*(?:\s+(?:full\s+)?control(?:\s+(?:of|over))?)?",
                       r"wrest\w*", r"storm(?:ed|ing)",
                       r"(?:gain(?:ed|s|ing)?|establish(?:ed|es|ing)?|seiz(?:ed|es|ing))\s+(?:full\s+)?control(?:\s+(?:of|over))?",
                       r"control\s+over", r"restor(?:e|ed|es|ing)\s+(?:security|stability|control)",
                       # "the loss of Manbij to the Kurdish-led forces": the side after "to" took what was lost
                       r"los(?:s|t|es|ing)\s+(?:of\s+)?(?:[\w'’-]+\s+){1,6}?to(?=\s)")),
    ("control", _words(r"(?!(?:radio|remote|state|self|family|privately|publicly)-)\w+-(?:held|controlled|occupied|run)", r"held\s+by", r"controlled\s+by",
                       r"under\s+(?:the\s+)?(?:\w+\s+){0,3}control", r"(?<!taken\s)(?<!take\s)(?<!took\s)(?<!takes\s)(?<!taking\s)(?:holds?|holding|held)(?!\s+(?:talks|a\s+meeting|meetings|elections?|a\s+conference|a\s+rally|responsible))",
                       r"controls?|controlling", r"control\s+of", r"strongholds?", r"bastions?", r"enclaves?", r"pockets?", r"repell?(?:ed|ing|s)?", r"repuls(?:ed|ing)",
                       r"de[\s-]+facto\s+(?:[\w-]+\s+)?capital", r"in\s+the\s+hands\s+of", r"(?:divided|split)\s+between",
                       r"heartland")),
    ("strike", _words(r"air\s*strikes?", r"air\s*raids?", r"raids?", r"war\s*planes?", r"jets?", r"aircraft",
                      r"helicopters?", r"barrel\s+bombs?", r"(?<!suicide\s)(?<!car\s)(?<!truck\s)bomb(?:ed|ing|s)?", r"missiles?", r"drones?",
                      r"air\s+force", r"bombers?", r"pound(?:ed|ing|s)?", r"sorties", r"(?:air|aerial)\s+(?:campaign|power|support|attacks?)",
                      r"struck")),
    ("advance", _words(r"advanc(?:e|es|ed|ing)", r"push(?:ed|es|ing)?\s+(?:into|towards?|deeper|on)",
                       r"gain(?:ed|ing|s)?\s+ground", r"surg(?:ed|ing|es)\s+(?:towards?|into|on)", r"gains", r"mov(?:ed|ing|es)\s+closer", r"clos(?:ed|ing)\s+in|clos(?:e|es)\s+in(?=\s+on\b)",
                       r"progress(?:ed)?", r"march(?:ed|ing)?\s+on", r"edg(?:ed|ing)\s+closer",
                       r"offensive\s+to\s+(?:take|capture|retake|recapture|seize)", r"approach(?:ed|ing)",
                       r"(?:moved|swept|broke)\s+into", r"infiltrat(?:ed|es|ing)")),
    ("attack", _words(r"attack(?:s|ed|ing)?", r"assaults?", r"assaulted", r"clash(?:es|ed|ing)?", r"fighting",
                      r"fought", r"battl(?:e|es|ed|ing)", r"shell(?:s|ed|ing)", r"bombard\w*",
                      r"offensives?", r"suicide\s+bomb\w*", r"(?:car|truck)\s+bombs?", r"mortars?", r"rockets?",
                      r"ambush\w*", r"opened\s+fire", r"executed", r"massacred", r"beheaded", r"kill(?:s|ed|ing)?", r"target(?:s|ed|ing)?",
                      r"gassing", r"fire", r"hit(?:s|ting)?", r"raid(?:ed)?", r"destroy(?:s|ed|ing)?",
                      r"operations?\s+against", r"anti-[\w-]+\s+operations?")),
))
# A strike word said of guns on the ground is an attack: "tanks and artillery pounded", "mortars struck"
GROUND_FIRE = re.compile(r"\b(?:tanks?|artillery|mortars?|howitzers?|rocket\s+launchers?|gunners|snipers?)\b", re.I)
GENERIC_STRIKE = re.compile(r"pound\w*|bomb(?:ed|ing|s)?|struck", re.I)
ACTOR_AFTER = re.compile(r"^\s*(?:by|to|of|between|in\s+the\s+hands\s+of)\b", re.I)
TARGET_BEFORE = re.compile(r"\b(?:against|from|on|at|targeting|between\s+\w+\s+and|with|hit|of)\s+(?:the\s+)?"
                           r"(?:\w+\s+){0,2}$", re.I)
HEDGE = re.compile(_words(r"says?", r"said", r"claim(?:s|ed|ing)?", r"accus\w+", r"den(?:y|ies|ied|ial)",
                          r"according\s+to", r"reportedly", r"alleged(?:ly)?", r"insist\w*", r"announc\w+"), re.I)
NEUTRAL_SOURCE = re.compile(_words(r"Observatory", r"monitor(?:ing)?", r"activists?", r"witness(?:es)?",
                                   r"correspondents?", r"residents?", r"sources?"), re.I)
SUBJECT_PRONOUN = re.compile(r"^\W*(?:it|they|the\s+group|the\s+militants|the\s+jihadists|the\s+fighters)\b", re.I)
# "The attacks targeted ...": a definite event noun refers back to the last claim, actor and kind.
EVENT_REFERENCE = re.compile(r"^\W*(?:the|these|those)\s+(?:attacks?|strikes?|air\s*strikes?|raids?|bombardment|"
                             r"shelling|bombing|offensive|assault)\b", re.I)
# "soldiers died in fighting with IS", "losses in battles with the opposition": the side they fought, named
# after "with", attacked them.
KILLED_IN = re.compile(r"\b(?:(?:were|was|been|being)\s+killed|died|losses|casualties)\s+(?:in|during)\s+(?:\w+\s+)?$",
                       re.I)
# The words a generic name of a state's forces is made of: "government forces", "the army".
GENERIC_STATE = re.compile(r"^(?:the\s+)?(?:government|army|regime|military|security|troops|soldiers|armed)\b", re.I)
PASSIVE_VOICE = re.compile(r"\b(?:been|being|was|were|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.I)
# "the first city to fall to IS": an infinitive after an ordinal tells what happened
ORDINAL_TO = re.compile(r"\b(?:first|last|second|third|latest|only)\s+(?:[\w-]+\s+){0,2}to\s+$", re.I)
# An intention is not an event: "hoping to seize", "in a bid to capture".
IRREALIS = re.compile(r"\b(?<!managed\s)(?<!able\s)(?:to|would|could|may|might|will|shall|bid\s+to|attempts?\s+to|"
                      r"trying\s+to|(?:with|in)\s+the\s+(?:aim|hope|goal)\s+of|aim(?:ed|ing|s)?\s+at|"
                      r"with\s+a\s+view\s+to)\s+(?:\w+ly\s+)?$", re.I)  # but "managed to seize" happened
# "an assault ... to retake", "a push begun in June with the goal of recapturing": the push is
# told by its purpose, an advance
PURPOSE_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,10}?\s+(?:to|(?:with|in)\s+the\s+(?:aim|hope|goal)\s+of|aimed\s+at)\s+"
                           r"(?:re)?(?:tak|seiz|captur|storm)(?:e|es|ing)\b", re.I)
# "IS could launch attacks on Aleppo", "vowed to strike": a prediction or a threat, not an event.
PREDICTED = re.compile(r"\b(?:would|could|may|might|will|(?:likely|expected|set|poised|plann?(?:ing|ed|s)?|"
                       r"threat\w*|vow\w*|hop(?:e|es|ed|ing)|intend\w*)\s+to)\s+(?:\w+ly\s+)?(?:(?:launch|carry\s+out|conduct|"
                       r"mount|stage|begin|start|resume|step\s+up|face)\s+(?:an?\s+|new\s+|more\s+|further\s+)*)?$", re.I)
# "an operation to encircle": the encircling is under way
UNDER_WAY = re.compile(r"\b(?:operation|offensive|campaign|push)\s+to\s+$", re.I)
# "... with Iraqi forces having retaken": the side before "having" did it
HAVING = re.compile(r"\bhaving\s+(?:\w+ly\s+)?$", re.I)
# "recapturing the city": a place referred back to anywhere in the clause
# "the city", and "the citys" where a feed dropped the apostrophe
PLACE_REFERENCE = re.compile(r"\bthe\s+(?:\w+\s+)?(?:citys?|town|village|suburb|district|airport|base|neighbou?rhood|quarter)\b",
                             re.I)
# "... Tal Sikkin in the countryside of" / "in Hama province": words that end before a container
CONTAINER_BEFORE = re.compile(r"\bin(?:\s+the)?(?:\s+[\w-]+)?\s+(?:countryside|province|governorate|region|outskirts|suburbs|"
                              r"area)\s+of\s+$|\bin(?:\s+the)?\s+$", re.I)
# The words between a verb and its object's name: "restore security to", "control over the hills of"
OBJECT_LEAD = re.compile(r"[\s\"”’']*(?:(?:to|over|on|of|at|in|into)\s+)?(?:the\s+)?(?:(?:towns?|villages?|city|areas?|axis)\s+of\s+)?")
# A capitalised word that may be part of a name: "Sanei", "al-Danaji" (not "The" or a weekday)
NAME_WORD = re.compile(r"\b(?:al-|el-)?(?!(?:The|A|An|In|On|At|Of|And|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                       r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)\b)[A-Z][\w'’-]*")
# "chased the troops out" (of the place just named): a capture told without its place
DRIVEN_OUT = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}out\b(?!\s+of\s+\w)", re.I)
# After "IS-held", words of ground; any other noun is a thing held ("structures", "a brick factory")
GROUND_WORDS = frozenset("""town towns village villages city cities area areas territory territories district districts
    neighbourhood neighbourhoods neighborhood neighborhoods suburb suburbs part parts region regions province provinces
    countryside enclave enclaves pocket pockets quarter quarters locality localities hamlet hamlets zone zones side half
    east west north south eastern western northern southern stronghold strongholds bastion bastions ground land line
    lines position positions outskirts""".split())
NEXT_WORDS = re.compile(r"\s+([a-z-]+)(?:\s+([a-z-]+))?")
# "across the north of the country", "the battered country's north": the country the story is about
COUNTRY_REFERENCE = re.compile(r"\bthe\s+(?:[\w-]+\s+)?countrys?\b(?!-)", re.I)
# "not under IS control", "have not captured", "no longer holds": denied, not claimed
NEGATED = re.compile(r"\b(?:not|n[o’']t|never|no\s+longer|failed\s+to)\s+(?:(?:yet|been|be|have|fully|completely)\s+)*$", re.I)
# "the southern districts held by government troops": parts of a town held by a side
PART_HELD = re.compile(r"\b(?:(?P<side>north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
                       r"(?:neighbou?rhoods?|districts?|quarters?|parts?|sections?|suburbs?)\s+"
                       r"(?:held|controlled|occupied)\s+by$", re.I)
# "the western half of the city", "east of the town", "the town's eastern districts": the part referred to
REFERRED_PART = re.compile(r"\b(?:(?P<side>north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+"
                           r"(?:(?:half|part|parts|districts|neighbou?rhoods|quarters|outskirts|side|edge|bank)\s+)?of\s+the\s+"
                           r"(?:city|town|country)|the\s+(?:[\w-]+\s+)?(?:city|town|country)['’]?s\s+"
                           r"(?P<side2>north|south|east|west)(?:ern)?\b)", re.I)
# "shot down 12 Iranian-made drones": the drones are the other side's, downed, not striking for the shooter
DOWNED = re.compile(r"\b(?:shot|shoot(?:s|ing)?)\s+down\s+(?:[\w-]+\s+){0,3}$|\b(?:intercept\w*|downed)\s+(?:[\w-]+\s+){0,3}$",
                    re.I)
CONDITIONAL = re.compile(r"^\W*(?:if|unless)\b", re.I)  # "If Manbij is captured, ...": not an event
LOST_TO = re.compile(r"los(?:s|t|es|ing)\b", re.I)  # a capture told by its loser: the place is inside the trigger
# "towns that slipped out of its control", "lost control of": control denied, not claimed; "battling for
# control of": fought over.
CONTROL_LOST = re.compile(r"\b(?:out\s+of\s+(?:its|their|the\s+\w+)?|lost|losing|loses|loss\s+of|for|"
                          r"from\s+(?:[\w-]+\s+)?)\s*$", re.I)  # "wrested the region from Daesh control"
# "talks ... on air strikes over Idlib": the event is discussed, not reported.
DISCUSSED = re.compile(r"\b(?:talks|negotiations|agreement|deal|discussions?)\s+(?:[\w’'-]+\s+){0,8}?"
                       r"(?:on|over|about)\s+(?:\w+\s+){0,2}$", re.I)
# "capturing many of them", "captured 20 fighters": people taken, not a place.
TAKING_PEOPLE = re.compile(r"captur\w*|seiz\w*|t(?:ook|aken?|aking)", re.I)
PEOPLE_OBJECT = re.compile(r"\s+(?:(?:many|most|some|several|dozens|scores|hundreds|all|\d+|one|two|three|four|five)\s+of\s+"
                           r"them|(?:him|her)\b|(?:[\w-]+\s+){0,2}(?:fighters|militants|soldiers|terrorists|members|"
                           r"prisoners|civilians|hostages|people|troops|commanders?|gunmen)\b)", re.I)
# "Tabqa, a city which the SDF had tried to seize": the relative clause's object is the place before
RELATIVE_OBJECT = re.compile(r"\s*,?\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}(?:town|city|village|suburb|district|area|region|"
                             r"base|airport|stronghold)\s+(?:that|which)\s", re.I)
# "took control of it": a pronoun object points back to the place named before.
PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b", re.I)
# A country is the place of a claim only when the clause puts the event inside it ("strikes in Syria").
INSIDE_COUNTRY = re.compile(r"\b(?:in|across|throughout|inside|over|of)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                            r"(?:[\w-]+,?\s+(?:and|or)\s+(?:neighbou?ring\s+)?)?$", re.I)  # "in Iraq and (neighbouring) Syria"
# "since it began a new push": a pronoun right before the verb is the clause's subject.
REPELLED = re.compile(r"\b(?:repell?ed|repelling|repuls\w+|thwart\w+|foil\w+|fended\s+off|beat\s+back|"
                      r"beaten\s+back)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
REPEL_WORD = re.compile(r"repel|repuls", re.I)
GROUP_BEFORE = re.compile(r"\bthe\s+(?:group|militants|jihadists|extremists|militia|militiamen)\s+(?:(?:has|have|had|also|still|now)\s+)?$", re.I)
OBJECT_OF_VERB = re.compile(r"\b(?:struck|hit|hitting|shelled|shelling|attacked|attacking|bombed|bombing|targeted|"
                            r"targeting|pounded|seized|captured|besieged|surrounded|repelled|killed|killing|expelled|expelling|ousted|"
                            r"routed|defeated|pushed|forced|drove|driven|chased|destroyed|destroying)\s+(?:the\s+|an?\s+)?"
                            r"(?:\d+\s+|(?:dozens|scores|hundreds)\s+of\s+|several\s+|many\s+|at\s+least\s+\d+\s+)?"
                            r"(?:rival\s+|remaining\s+|retreating\s+)?$", re.I)  # "killing 40 government forces"
PRONOUN_BEFORE = re.compile(r"\b(?:it|they)\s+(?:(?:has|have|had|was|were|is|are|also|then|now|had\s+been)\s+)?\S*\s*$", re.I)
SUSPENDED_HYPHEN = re.compile(r"\b(?P<first>[\w]+)-\s+(?:and|or)\s+[\w-]+-(?P<suffix>held|controlled|occupied)\b", re.I)
# "government-controlled western districts": the part of the place held
HELD_PART = re.compile(r"\s+(?P<side>north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+"
                       r"(?:districts|neighbou?rhoods|parts?|side|half|quarters|outskirts|suburbs)\b", re.I)
HELD_ADJECTIVE = re.compile(r"-(?:held|controlled|occupied|run)$", re.I)
# A clause ends at a semicolon or colon (not the colon of a bracketed tag: "[ID:nL6N...]") or a conjunction.
CLAUSE_BREAK = re.compile(r";|:(?![^\[\]]*\])|,\s*(?:while|but|whereas|as|where|which|before|after|and\s+(?:the|a))\b"
                          r"|,\s*and\s+(?=(?:[a-z]+\s+){1,2}(?:were|was|are|is|have|has|had)\b)"  # ", and clashes were reported"
                          r"|\s+(?:while|whereas|but|where)\s+"  # feeds drop commas: "Jobar to the east where rebels"
                          r"|\s+(?:comes?|came|coming)\s+as\s+"  # "The gains come as the army steps up attacks in ..."
                          r"|\s+as\s+(?=(?:they|it|he|she|we)\s)")  # "... battling on three fronts as they moved closer to"
# "ISIS-affiliated Facebook page", "IS-linked news agency": the side is named, it does not act.
NOT_ACTING = re.compile(r"^-(?:affiliated|linked|aligned|inspired|based|run\s+(?:media|news|agency|website))", re.I)
# "The Army of Conquest, a coalition that includes the Nusra Front, began ...": a member named inside
# a description of the subject does not act.
MEMBER_OF = re.compile(r"\b(?:(?:that|which)\s+(?:also\s+)?includ(?:es|ed)|comprising|made\s+up\s+of)\s+"
                       r"(?:[\w’'-]+\s+){0,5}$", re.I)
ARMED_NOUN = re.compile(r"\s+(?:\w+\s+)?(?:forces|troops|army|warplanes?|jets?|aircraft|military|soldiers|helicopters?|"
                        r"regime|government|air\s+force|planes?|drones?|artillery|tanks?|navy|militias?|"
                        r"fighters|gunboats?|warships?|missiles?|bombers?|air\s*power|air\s+support)\b", re.I)
NOMINAL_CONTROL = re.compile(r"strongholds?|bastions?|enclaves?|pockets?|heartland|de[\s-]+facto\s+(?:[\w-]+\s+)?capital",
                             re.I)
# "Saraqeb, 15 km east of Idlib": a place that only locates another is not where the event is
LOCATOR = re.compile(r"\d+(?:\.\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\(\d+\s*\w+\)\s+)?(?:\w+\s+)?(?:of|from)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
# "Tal Rifaat, north of Aleppo", "Khan Touman and Zitan south and west of Aleppo": a bearing right after a place
# locates the place named before it
_BEARING = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
BEARING_LOCATOR = re.compile(rf"(?:,\s*|\s+)(?:just\s+|some\s+|further\s+)?{_BEARING}(?:\s+and\s+{_BEARING})?\s+of\s+"
                             r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)
BY_SIDE = re.compile(r"\s+by\s+(?:the\s+)?", re.I)  # "an assault by the army"
# Between two sides acting together: "the army and the Shia group Hezbollah", "Russian and Syrian jets".
PARTNER_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?(?:allied\s+|other\s+)?"
                         r"(?:(?:[A-Z][a-z]+\s+){1,2}(?:movement|group|militia|party|organi[sz]ation)\s+)?")
RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|when|while|whereas|until|after|before|since)\b", re.I)
# "the gunmen who had slipped into the quarter": the deed is theirs, whoever the sentence's subject is
WHO_BEFORE = re.compile(r"(?P<noun>[\w’'-]+)\s+who\s+(?:(?:had|have|has|were|was|are|is|been|also|then|later|now)\s+)*$", re.I)
MEANS = re.compile(r"\bby\s+$", re.I)  # "responded by shelling": how the subject acted
ALONGSIDE = re.compile(r"\s+(?:alongside|side\s+by\s+side\s+with)\b", re.I)  # fighting with allies, not against them
# "Nusra, al-Qaeda's affiliate in Syria", "IS emerged from al-Qaeda's branch in Iraq": the place describes a group
GROUP_HOME = re.compile(r"\b(?:affiliate|branch|franchise|offshoot|arm|wing|chapter|off-shoot)\s+in\s+(?:the\s+)?$"
                        r"|\bnetwork\s+of\s+(?:\w+\s+){0,2}(?:contacts|sources|activists|monitors)\s+(?:in|inside|across)\s+$",
                        re.I)  # "a monitor following the war through a network of sources in Syria"
# "missiles fired from a frigate in the Mediterranean": where a strike came from is not its target
ORIGIN = re.compile(r"\b(?:fired|launched|took\s+off|taking\s+off|flew|flown|flying|operating)\s+"
                    r"(?:(?:cruise\s+|ballistic\s+)?(?:missiles?|rockets?|drones?)\s+)?from\s+"
                    r"(?:[\w-]+\s+){0,4}$", re.I)
# "Gharyan, a key town 80 km south of Tripoli": a distance in a place's description locates the place
APPOSITIVE = re.compile(r",\s*(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,3}$", re.I)  # "Falluja, the militants' bastion"
COPULA = re.compile(r"\b(?:is|was|remains|remained|became|has\s+been)\b", re.I)
LOCAL_KINDS = frozenset({"city", "town", "village", "neighbourhood", "facility"})
ANAPHOR = re.compile(r"\s+(?:\w+\s+){0,5}?the\s+(?:\w+\s+)?(?:citys?|town|village|suburb|district|airport|base|neighbou?rhood|"
                     r"quarter)\b", re.I)
# "tightening its grip on the northern province", "wrested the entire region": the province of the place
# named before
PROVINCE_ANAPHOR = re.compile(r"\s+(?:\w+\s+){0,4}?the\s+(?:(?:\w+\s+)?(?:province|governorate)|(?:entire|whole)\s+region)"
                              r"\b(?!\s+of\b)", re.I)
COORDINATION = re.compile(r"^\s*(?:,|/|-|and|or|,\s*and|as\s+well\s+as|&)?\s*(?:the\s+)?(?:towns?\s+of\s+|villages?\s+of\s+)?"
                          r"(?:(?:neighbou?ring|nearby|adjacent|surrounding|northern|southern|eastern|western|central)\s+)?$", re.I)
# "posts south of Nawa town and Jassem area among the towns of Inkhil, Sheikh Miskin": the words that
# join the places of one list of targets (names the gazetteer lacks among them)
LIST_GAP = re.compile(r"(?:\s|[,/-]|\b(?:and|or|the|of|in|to|at|near|around|al|el|towns?|villages?|areas?|neighbou?rhoods?|"
                      r"districts?|surrounding|outskirts|vicinity|axis|(?:north|south|east|west)(?:ern)?)\b|"
                      r"\b[A-Z][\w'’]*)*")  # hyphens have their own branch: one reading of a gap, no backtracking
PLAIN_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")  # between two places of a list: ", ", " and ", ", and "
SUPPORTER = re.compile(r"\b(?:backed|aided|supported|assisted|helped|bolstered)\s+by\s+(?:the\s+)?"
                       r"(?:[\w’'-]+,?\s+(?:and\s+)?){0,5}$|"
                       r"\b(?:support|help|cover)\s+(?:from|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
# "X backed by Y pushed": a verb in the past (not a noun such as "air strikes") after the backed side
PAST_VERB = re.compile(r"\w+ed\b|(?:re)?took\b|overr?an\b|drove\b|fought\b|struck\b|hit\b|won\b|broke\b", re.I)
# "Rockets also hit ...": a side-less event that says it goes on with the last one
CONTINUED = re.compile(r"\b(?:also|again|further|another|more|too|continued|kept)\b", re.I)
# "Rockets fired from launchers hit Jobar" right after a sentence naming who shells: the same shelling
WEAPON_SUBJECT = re.compile(r"\W*(?:(?:the|heavy|more|multiple|[\w]+-[\w]+)\s+)*(?:rockets?|shells?|mortars?|"
                            r"mortar\s+rounds?|missiles?|barrel\s+bombs?|artillery\s+shells?)\b", re.I)
SHARED_NOUN = re.compile(r"\s+(?:and|or)\s+[\w-]+")  # "Russian and Syrian warplanes": both fly them
STATE_CONTROL = re.compile(r"\b(?:government|regime|state|army)\s+control$", re.I)  # "under government control"
