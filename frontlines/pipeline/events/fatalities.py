"""Counting the dead the way ACLED does, in one clause of text.

Three constructions carry a death count in English news:

* a *subject* list before a death word — "4 soldiers and a rebel fighter were killed", "a farmer, a village
  elder, and his 3 sons were killed", "17 dead", "Two herders died";
* an *object* list after a killing verb — "killing three guards and a child", "killed 6 fighters",
  "stabbed a trader to death", "killed the driver";
* a *result* noun — "led to 7 deaths", "results in four KIA", "resulted in the death of a captain",
  "the death toll rose to 41".

ACLED is conservative: "at least N" = N, a range = its low end, "dozens" = 12, a bare singular victim = 1, a
count that mixes the dead with the wounded ("killed or wounded", "killed and wounded") = 0, while the dead a
report fears or believes ("4 villagers were feared killed") and counted "casualties" are counted; subsets
("including 2 commanders") and appositions ("1 civilian, a merchant,") are not added again.
Totals over a period ("100 fighters have died since May") are flagged as aggregates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines import fastre
from frontlines.knowledge.ontology import WordCues
from frontlines.pipeline.mentions.numbers import NUMBER, parse_number, parse_quantity

__all__ = ["another_sources_lower", "bombers_counted", "coded_fatalities", "count_fatalities", "counts_the_attackers",
           "without_causes"]

_QUAL = (r"(?:all|at least|more than|over|about|around|some|nearly|almost|up to|as many as|roughly|approximately|"
         r"an estimated|a total of|another|only|a further|further)")
_NUM = rf"(?:{_QUAL}\s+)?(?:{NUMBER})\b(?:\s*[-–]\s*\d+|\s+(?:to|or)\s+(?:{NUMBER})\b)?"
_BETWEEN = fastre.compile(rf"\bbetween\s+(\d+)\s+and\s+(\d+)\b|\bbetween\s+({NUMBER})\s+and\s+(?:{NUMBER})\b",
                          re.IGNORECASE)
_OUT_OF = fastre.compile(rf"\b(?P<num>{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?(?:{NUMBER})\b(?=\s+(?!(?:of|from)\b))", re.IGNORECASE)
_OF_NUMBER = fastre.compile(rf"of\s+(?:the\s+)?(?:{NUMBER})\b", re.IGNORECASE)  # in every match of _OUT_OF; found 10x faster
_STOP = (r"(?:were|was|are|is|be|been|being|have|has|had|and|or|killed|dead|died|wounded|injured|hurt|in|on|at|by|"
         r"when|after|following|during|while|who|which|that|as|from|with|but|KIA|reportedly|also|then|later|near|"
         r"into|to|among|including|said|say|says|claim|claims|claimed|lost|set|their|its|along|together)")
_WORD = rf"(?!(?-i:{_STOP})\b)[\w'’.-]+"
# One counted noun phrase: "5 rebel fighters", "a commander", "his 3 sons", "one of his guards".
_NP = (rf"(?:(?:his|her|their)\s+)?(?:{_NUM}|(?:a|an|the|his|her|its|their)(?=\s))(?:\s+of\s+(?:his|her|its|their|our|the|them\b)"
       rf")?(?:\s+{_WORD}){{0,6}}(?:\s+and\s+(?!(?:{_NUM}|a|an|the|his|her|their)\b){_WORD})?")
_DEATH_WORD = (r"(?:killed(?! or)(?! and (?:wounded|injured|hurt))|(?<!\bshooting )dead|died|die|dies|slain|martyred|perished|succumbed|gunned down|"
               r"(?:beaten|stabbed|hacked|clubbed|stoned|tortured|burn(?:ed|t)) to death|burn(?:ed|t) alive|set ablaze|"
               r"lost (?:their|his|her) li(?:ves|fe)|KIA|killed in action|paid the (?:supreme|ultimate) price|deaths?|fatalities|bodies|corpses|"
               r"executed|beheaded|slaughtered|decapitated|lynched|murdered|assassinated|strangled|hanged|shot dead|(?<!\bno )(?<!\bany )(?<!\bof )(?:casualties|causalities))")
# An active killing verb's object named after it ("a gunman assassinated John Doe"): not a passive subject's death.
_NAME_AFTER = (r"\s+(?-i:[A-Z])(?!(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
               r"April|May|June|July|August|September|October|November|December|On|In|At|Near|During|By|After)\b)"
               r"[\w'’-]+\s+(?-i:[A-Z])")
# one character of an aside between commas ("three villagers, a farmer among them, died"): never the clause's own
# verb or a conjunction that opens another clause ("the country, rocked ..., was shaken after 19 people died")
_ASIDE = r"(?:(?!\b(?:was|were|is|are|has|have|had|been|after|when|while|as)\b)[^,;.()])"
_ANIMALS = r"(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|donkeys?|chickens?|dogs?)\b"
_SUBJECT = fastre.compile(
    rf"(?<![\w,/.:-])(?P<list>{_NP}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|as well as|plus|in addition to|along with|together with)\s+){_NP})*)"
    rf"(?:\s+(?:in|from|of|at|near)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?:of\s+|de\s+)?(?-i:[A-Z])[\w'’-]*){{0,4}}){{0,2}}"
    rf"(?:\s+(?:hailing|originally|coming|who (?:hailed|hails|came|comes)) from(?:\s+[\w'’-]+){{1,4}}?)?"
    rf"(?:\s+who\s+(?:were|was|had been|are|is)\s+(?:accused|suspected|believed|said|thought|alleged)\b[^,;.]{{1,40}}?(?=\s+(?:were|was)\s))?"
    rf"(?:\s*,?\s*(?:including|among them)\s+{_NP}(?:\s+and\s+{_NP})?|\s*\([^()]{{0,60}}\)|"
    rf"\s*,\s*{_ASIDE}{{1,60}}?(?:\s*\([^()]{{0,60}}\))?(?=\s*,)){{0,3}}"
    rf"\s*,?\s+(?:(?:who|that|were|was|are|is|have been|has been|had been|have|has|had|reportedly|allegedly|apparently|"
    rf"found|also|all|both|later|been|left|"
    rf"confirmed|feared|believed|presumed|thought|(?:believed|feared|thought|reported|said|alleged|understood) to (?:be|have been)|"
    rf"reported(?: as)?|(?:\w+ed|shot|hit|beaten|stabbed|caught|taken|seen|found)(?:\s+(?:in|on)\s+(?:the|his|her)\s+\w+)? and|\w+ed,)\s+)*"
    rf"(?:(?:(?<!\bshot )(?<!\bshooting )dead|KIA|deaths?|fatalities|bodies|corpses|died|dies|die|perished|succumbed)\b|{_DEATH_WORD}\b(?!\s+(?:{_NUM}|a|an|the|his|her|their|its)\s(?!(?:others?\s+)?(?:injured|wounded|hurt|released|freed|captured|arrested|missing|escaped)\b)|\s+(?:him|her|them|himself|herself|themselves)\b|{_NAME_AFTER}|\s+and\s+\w+ed\s+(?:{_NUM}|a|an|the|his|her|their)\s|\s+(?:\w+\s+)?{_ANIMALS}))",
    re.IGNORECASE,
)
_KILL_VERB = (r"(?:kill(?:s|ed|ing)? and (?:dismember|mutilat|behead|burn|dump)\w*|kill(?:s|ed|ing)?|snip(?:e|es|ed|ing)|"
              r"slaughter(?:s|ed|ing)?|decapitat(?:e|es|ed|ing)|burn(?:ed|t|s|ing)? to death|shot and killed|shoot and kill|shot dead|shooting dead|gunned down|gun(?:s|ning)? down|"
              r"murder(?:s|ed|ing)?|neutrali[sz](?:e|es|ed|ing)|martyr(?:ed|ing)|"
              r"(?:stabb(?:ed|ing)|beat(?:en|ing)?|hack(?:ed|ing)|club(?:bed|bing)|ston(?:ed|ing)|tortur(?:ed|ing)) to death|"
              r"execut(?:e|es|ed|ing)|behead(?:s|ed|ing)|strangl(?:e|es|ed|ing) to death|lynch(?:es|ed|ing)|assassinat(?:e|es|ed|ing)|"
              r"claimed the lives of|"
              # a side's own dead told as its loss ("killed nine of the militants and lost two soldiers")
              rf"(?:lost|losing|lose)(?=\s+(?:{_QUAL}\s+)?(?:{NUMBER})\s+(?:of (?:its|their|our) )?(?:own )?(?:soldiers|troops|men|fighters|"
              r"officers|policemen|police officers|personnel|comrades|members)\b))")
_OBJECT = fastre.compile(
    rf"\b{_KILL_VERB}\s+(?!(?:{_NUM})\s+(?:others?\s+|more\s+)?(?:injured|wounded|hurt|inj\w*|released|freed|captured|arrested|missing|escaped)\b)"
    rf"(?P<list>{_NP}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|as well as|plus|in addition to|along with|together with)\s+)"
    rf"(?!(?:wounding|injuring)\b){_NP})*)",
    re.IGNORECASE,
)
# One person named by a title or trade, with no article, at the head of a clause: "Police captain killed",
# "Aid worker assassinated at night in ...", "Town police chief was shot and killed",
# "State lawmaker John Doe has died", "Elder, John Doe, beheaded by militants".
_PERSON = (r"(?:clans(?:man|woman)|militiaman|pastoralist|marabout|(?:health |aid |NGO )?worker|labou?rer|chief|captain|"
           r"commander|council+or|banker|business(?:man|woman)|secretary(?: general)?|guide|elder|imam|pastor|priest|"
           r"cleric|nomad|herds?man|herder|fisherman|teenager|gendarme|conscript|collector|MP|lawmaker|legislator|"
           r"politician|headman|informer|defector|mechanic|shopkeeper|merchant|vendor|doctor|nurse|paramedic|"
           r"magistrate|judge|mayor|governor|prefect|deputy|journalist|reporter|teacher|student|driver|trader|farmer|"
           r"civilian|soldier|policeman|officer|official|fighter|militant|leader|activist|resident|villager|man|woman|"
           r"boy|girl)")
_PRONOUN_OBJECT = fastre.compile(rf"\b{_KILL_VERB}\s+(?P<list>him|her)\b|"
                                 rf"\b(?:beat|beats|beaten|stabbed|hacked|clubbed|stoned|tortured|burned|burnt)\s+(?:him|her)\s+(?:to death|alive)\b|"
                                 rf"\b(?:shot|shoot|shoots|shooting)\s+(?:him|her)\s+dead\b|"
                                 rf"\b{_KILL_VERB}\s+(?P<bare>(?:{_WORD}\s+){{0,4}}?"
                                 rf"(?:{_PERSON}|member|guard)\b(?!s))|"
                                 rf"\b(?:assassinat(?:e|es|ed|ing)|execut(?:e|es|ed|ing)|behead(?:s|ed|ing))\s+"
                                 rf"(?P<named>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){{1,3}})(?=\s*(?:[,.;(]|$)|\s+(?:in|at|near|on|outside|after|for)\b)|(?:^|(?<=[.;:]\s))(?P<died>(?:He|She)\s+(?:later\s+|subsequently\s+|eventually\s+)?(?:died|succumbed)\s+(?:of|from|in|at|on|to|the following|hours|days|shortly|later))\b|\b(?P<subject>(?:he|she)\s+(?:was|had been|has been)\s+"
                                 rf"(?:later\s+|reportedly\s+|allegedly\s+|subsequently\s+)?(?:found dead|killed|shot dead|murdered|"
                                 rf"executed|assassinated|beaten to death|stabbed to death))\b|\b(?P<body>(?:his|her)\s+body)\s+"
                                 rf"(?:was\s+)?(?:later\s+)?(?:found|discovered|recovered)\b", re.IGNORECASE)
_TO_DEATH = fastre.compile(rf"\b(?:beat|beats|beaten|stabbed|hacked|clubbed|burned|burnt|stoned|tortured)\s+(?P<list>{_NP})\s+"
                           rf"(?:to death|alive)\b",
                           re.IGNORECASE)
_RESULT = fastre.compile(
    rf"\b(?:led to|leading to|causing|caused|resulted in|results? in|resulting in|ended in|claim(?:s|ed)?|leaving|left|"
    rf"death toll (?:\w+ )?(?:to|of|at|reached|stands at))\s+(?:the (?:deaths?|killings?) of\s+)?(?P<list>{_NP})"
    rf"(?:\s+(?:deaths?|dead|killed|KIA|fatalities))?",
    re.IGNORECASE,
)
# Victims added after the death verb: "a driver died along with 3 of the raiders".
_ALONGSIDE = fastre.compile(rf"\b(?:killed|dead|died)\s*,?\s+(?:alongside|along with|together with)\s+(?P<list>{_NP})",
                            re.IGNORECASE)
_BODY = fastre.compile(rf"\b(?:the\s+|a\s+)?(?:dead\s+)?bod(?:y|ies)\s+of\s+(?P<list>{_NP})", re.IGNORECASE)
_PART = fastre.compile(rf"(?P<sep>^|\s*,\s*(?:and\s+)?|\s+(?:and|as well as|plus|in addition to|along with|together with)\s+)(?P<np>{_NP})",
                       re.IGNORECASE)
_COUNT = fastre.compile(rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})\b", re.IGNORECASE)
_NON_PEOPLE = fastre.compile(r"\b(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|km|kilomet(?:er|re)s|miles?|"
                             r"hours?|days?|weeks?|months?|years?|vehicles?|cars?|trucks?|houses?|homes?|people's)\b",
                             re.IGNORECASE)
_KEEPER = fastre.compile(r"\b(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|cars?|trucks?|vehicles?)\s+"
                         r"\w*(?:ers?|m[ae]n|keepers?|owners?|drivers?)\b", re.IGNORECASE)
_UNCERTAIN = fastre.compile(r"\b(?:may have been|might have been|possibly)\s+(?:to be\s+)?"
                            r"(?:\w+\s+)?$", re.IGNORECASE)
_SUBSET = fastre.compile(r"(?:\bincluding|\bamong them|\bof whom|\bof which|\(|\bsuch as)\s*$", re.IGNORECASE)
_MONTH_OR_YEAR = fastre.compile(r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|"
                                r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|^\s*\d{4}\b|^/",
                                re.IGNORECASE)
_AGGREGATE = fastre.compile(r"\b(?:since|so far|to date|in total|this year|over the past|in the past|over the last|"
                            r"have died|have been killed|had been killed in|over the course of)\b", re.IGNORECASE)
_CODED = fastre.compile(r"\bfatalities (?:are |were )?(?:coded as (?P<coded>\d+)|split (?:across|over|between) \d+ "
                        r"(?:events|locations|districts|provinces|areas)\s*\((?P<split>\d+)\))", re.IGNORECASE)


_MONTHS = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = fastre.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:,?\s+(?:19|20)\d\d)?\b|"
                        rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b|"
                        rf"\b(?:in|of|since|during|until|by)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_AGES = fastre.compile(r",?\s*\baged\s+\d+(?:\s*(?:,|and|&)\s*\d+)*(?:\s*,?\s*respectively)?", re.IGNORECASE)
_AGE = fastre.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                      r"forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]\w+)?[- ]years?[- ]old\b|\baged \d+\b", re.IGNORECASE)


def _np_value(np: str, *, singular_ok: bool) -> int:
    """People counted by one noun phrase: its number, or 1 for a singular victim ("a soldier", "the driver")."""
    if singular_ok and fastre.fullmatch(r"(?:a|an|the)\s+", _AGE.sub("", np), re.IGNORECASE):
        return 1  # "beat a 70-year-old to death"
    np = _AGE.sub("", np)  # "a 25-year-old student" is one person
    if _NON_PEOPLE.search(np) and not _KEEPER.search(np):
        return 0  # "killed livestock", "3 km" - but "a cattle herder" is a person
    for count in _COUNT.finditer(np):
        if count.group("num").lower() in ("a", "an") and not count.group("qual"):
            continue
        if _MONTH_OR_YEAR.match(np[count.end():]) or fastre.search(r"(?:January|February|March|April|May|June|July|"
                                                                r"August|September|October|November|December)\s*$",
                                                                np[:count.start()], re.IGNORECASE):
            return 0  # a date, not a count
        return parse_quantity(count.group("num"), count.group("qual")) or 0
    words = fastre.split(r"\s+of\s+", np, maxsplit=1, flags=re.IGNORECASE)[0].split()  # "the head of the council"
    head = words[-1].lower().rstrip(".,;:") if words else ""
    if singular_ok and len(words) >= 2 and not (head.endswith("s") and not head.endswith(("ss", "us"))):
        return 1  # "a soldier", "his guard", "the head of the town council"
    return 0


_AND = fastre.compile(r"\s*(?:,\s*)?(?:and|as well as|plus|in addition to|along with|together with)\s+$", re.IGNORECASE)
# a proper name whose words "of" or "for" join ("the Volunteers for the Defence of the Homeland", "the Armed Forces of
# the Democratic Republic of Congo")
_LONG_NAME = fastre.compile(r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*"
                            r"(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*)+")
_OF_THEM = fastre.compile(r"\S+\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)


def _list_value(text: str, start: int, listing: str) -> tuple[int, list[tuple[int, int]]]:
    """Sum of a co-ordinated list of noun phrases, skipping subsets and appositions; with the spans used."""
    parts = list(_PART.finditer(listing))
    enumerated = _enumerated_apposition(parts)
    if enumerated:  # "Two civilians, a woman and her son,": the two, described
        return enumerated, [(start + parts[0].start("np"), start + parts[0].end("np"))]
    total, spans, counted_before = 0, [], False
    for i, part in enumerate(parts):
        np, sep = part.group("np"), part.group("sep")
        absolute = start + part.start("np")
        if _SUBSET.search(text[max(0, absolute - 14):absolute]):
            continue
        article = bool(fastre.match(r"(?:a|an|the|his|her|their|its)\b", np, re.IGNORECASE))
        if counted_before and article and fastre.fullmatch(r"\s*,\s*", sep):
            continue  # "1 civilian, a member of the council," is the same person
        if counted_before and fastre.fullmatch(r"\s*,\s*", sep) and _OF_THEM.match(text, absolute):
            continue  # "five people, three of them children": some of those just counted ("and three of them": more)
        joined = bool(_AND.fullmatch(sep)) or (i + 1 < len(parts) and bool(_AND.fullmatch(parts[i + 1].group("sep"))))
        joined = joined or (i + 1 < len(parts) and _apposition(parts[i + 1]))  # "the driver, a teacher,"
        value = _np_value(np, singular_ok=len(parts) == 1 or joined)
        if value:
            total += value
            spans.append((absolute, absolute + len(np)))
            counted_before = True
    return total, spans


def _enumerated_apposition(parts: list[re.Match[str]]) -> int:
    """N (>= 2) when a counted plural is followed, after a comma, by people who add up to exactly N."""
    if len(parts) < 3 or not fastre.fullmatch(r"\s*,\s*", parts[1].group("sep")):
        return 0
    head = _np_value(parts[0].group("np"), singular_ok=False)
    rest = [_np_value(p.group("np"), singular_ok=True) for p in parts[1:]]
    return head if head >= 2 and all(rest) and sum(rest) == head else 0


def _apposition(part: re.Match[str]) -> bool:
    return bool(fastre.fullmatch(r"\s*,\s*", part.group("sep"))
                and fastre.match(r"(?:a|an|the|his|her|their|its)\b", part.group("np"), re.IGNORECASE))


_BACKGROUND = fastre.compile(r"\b(?:(?:who|which|that)\s+had|having)\s+(?:\w+\s+)?\w+\s+$", re.IGNORECASE)
# A killing a person is accused of, or a protest is about: "suspected of killing his wife", "arrested for
# allegedly shooting dead a man", "angry at the leaders for the murder of a councillor".
_ACCUSED = fastre.compile(r"\b(?:for|of)\s+(?:the\s+)?(?:allegedly\s+|reportedly\s+|apparently\s+)?$", re.IGNORECASE)


def _excluded(text: str, start: int) -> bool:
    """Subsets, uncertain deaths and earlier killings the victims had done ("suspects who had killed two")."""
    before = text[max(0, start - 40):start]
    return bool(_SUBSET.search(before) or _UNCERTAIN.search(before) or _BACKGROUND.search(before))


_BOMBERS_COUNTED = fastre.compile(rf"\b(?:including|among them|among whom)\b[^.;]{{0,60}}?\b(?P<n>{NUMBER}|the) (?:suicide )?bombers?\b",
                                  re.IGNORECASE)


# a count of some of the dead, not of all of them ("three of the dead were soldiers", "among them two children")
_PART_OF_THE_DEAD = fastre.compile(r"\b(?:including|among (?:them|the dead|the victims|those)|of (?:them|the dead|the victims|"
                                   r"those|whom))\b", re.IGNORECASE)


# the attackers' own dead ("three of the attackers were killed", "security forces killed two of the gunmen"); not
# "militants" or "rebels", as often the side an operation attacked, whose dead its first telling already counted
_ATTACKERS = r"(?:attackers|assailants|gunmen|raiders)"
_ATTACKERS_DEAD = fastre.compile(
    rf"\b(?:\w+ of the (?:\w+ )?{_ATTACKERS}|(?:the |all )?(?:\w+ )?{_ATTACKERS}) (?:were|was) (?:also |later |all )?"
    rf"(?:killed|shot dead|neutrali[sz]ed)|\bkill(?:ed|ing) (?:\w+ |all )?(?:of )?the (?:\w+ )?{_ATTACKERS}\b|"
    rf"\bthe (?:\w+ )?{_ATTACKERS}\b[^.;]{{0,80}}?\b(?:kill(?:ed|ing)|shot dead|shooting dead) (?:\w+|all) of them\b",
    re.IGNORECASE)


# a telling whose toll may already hold the attackers ("killing two officers and four of the attackers")
_ATTACKERS_AFTER_DEATH = fastre.compile(rf"\b(?:kill\w*|dead|died)\b[^.;]*?\b{_ATTACKERS}\b", re.IGNORECASE)


def counts_the_attackers(text: str, first: str) -> bool:
    """Whether ``text``, told after an attack whose telling ``first`` counted its victims, counts the attackers' own
    dead ("three of the attackers were killed", "troops killed two of the gunmen"): more dead of the same incident,
    not a recount of the first telling's (which must not have counted them already)."""
    return bool(_ATTACKERS_DEAD.search(text)) and not _ATTACKERS_DEAD.search(first) \
        and not _ATTACKERS_AFTER_DEATH.search(first)


def another_sources_lower(toll: int, speaker: str | None, deaths: int, other_speaker: str | None, told: str) -> bool:
    """Whether ``told``, another source's telling of an incident already counted at ``toll`` by ``speaker``, gives
    a lower toll ``deaths`` that replaces it ("rescuers said seven died" then "the police chief said three people
    were killed"): ACLED codes the most conservative of the figures reported. A count of some of the dead ("three
    of them were policemen") is not a toll of the incident."""
    return bool(0 < deaths < toll and other_speaker and other_speaker != speaker and not _PART_OF_THE_DEAD.search(told))


def bombers_counted(text: str) -> int:
    """How many suicide bombers a toll counts among its dead ("six dead, among them two suicide bombers", "seven,
    including the bomber", the bombers who "blew themselves up"): ACLED's toll leaves them out."""
    m = _BOMBERS_COUNTED.search(text)
    if m is None:
        # "two suicide bombers blew themselves up ..., killing at least 95": the toll counts the victims, and the two
        # bombers added to it are left out again (a bomber who killed only himself stays the toll)
        own = _SELF.search(text)
        agents = _agents(text, own) if own is not None else 0
        return agents if agents and count_fatalities(text)[0] > agents else 0
    return 1 if m.group("n").lower() == "the" else (parse_number(m.group("n")) or 0)


# a scraped page that lost a line break glues a caption or credit to the count that opens the next line
_GLUED_COUNT = fastre.compile(r"(?<=[a-z])(?=(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|"
                              r"Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Dozens|"
                              r"Scores|Hundreds|At least)\b)")


# the sides the dead were on, not a count of them ("14 fighters from both sides were killed")
_BOTH_SIDES = fastre.compile(r"\s+(?:from|on|of)\s+(?:both|either)\s+sides\b", re.IGNORECASE)


@lru_cache(maxsize=64)  # the event rules ask again of a clause they read (a fifth of the calls on coder notes)
def count_fatalities(text: str) -> tuple[int, bool]:
    """ACLED-conservative death count stated in ``text`` and whether it is an aggregate total."""
    text = _BETWEEN.sub(lambda m: f"{m.group(1)}-{m.group(2)}" if m.group(1) else m.group(3), text)
    if _OF_NUMBER.search(text):
        text = _OUT_OF.sub(r"\g<num>", text)  # "two out of three suspects were lynched": two
    text = fastre.sub(r"[\"“”]", "", text)  # 'killed "several" militants'
    text = _GLUED_COUNT.sub(" ", text)  # "Boko HaramFifteen people were killed": a caption glued to the lede
    text = _AGES.sub("", text)  # "three men aged 36, 37 and 60": ages, not counts
    text = _BOTH_SIDES.sub("", text)  # "14 fighters from both sides were killed": the sides are no count
    text = _DATES.sub("then", text)  # "On 2 March 2020, a shepherd was killed": no count in the date
    text = fastre.sub(r"\s*\((?-i:[A-Z][A-Za-z0-9/&.-]{1,12})\)", "", text)  # "a police force (SNPF) officer"
    text = _LONG_NAME.sub(lambda m: m.group().split()[0], text)  # "12 members of the Volunteers for the Defence of the
    # Homeland and three civilians": a name of many words is one word of the count's noun phrase
    plus = [m.group("what") for m in _PLUS.finditer(text)]
    text = _PLUS.sub("", text)  # "9 died (plus three raiders)": counted apart
    total = _counted(text)
    if total:
        total += sum(_plus_value(what) for what in plus)
    revised = _REVISED.search(text)
    if revised and (total or _SUBJECT.search(text[:revised.start()])):
        total = parse_quantity(revised.group("num")) or total  # "3 were killed (later raised to 5)"
    if (own := _SELF.search(text)) is not None:
        total += _agents(text, own)
    return total, bool(total and _AGGREGATE.search(text))


# The attackers counted apart from the victims: "9 died (plus three raiders)", "(plus the bomber)".
_PLUS = fastre.compile(r"\s*\(\s*plus\s+(?P<what>[^()]{1,40})\)", re.IGNORECASE)


def _plus_value(what: str) -> int:
    """People a "(plus ...)" aside adds to the dead: its count, or 1 for "the bomber", "self"; none wounded."""
    if fastre.search(r"\b(?:wounded|injured|hurt|arrested|captured|missing)\b", what, re.IGNORECASE):
        return 0
    count = _COUNT.match(what.strip())
    if count and count.group("num").lower() not in ("a", "an"):
        return parse_quantity(count.group("num"), count.group("qual")) or 0
    return 1 if fastre.match(r"(?:the|a|an|one|self|him|her)\b", what.strip(), re.IGNORECASE) else 0


_REVISED = fastre.compile(rf"\b(?:later|subsequently|since)\s+(?:revealed|raised|revised|rose|risen|increased|confirmed|put|"
                          rf"updated)\s+(?:as|to|at)\s+(?P<num>{NUMBER})\b", re.IGNORECASE)
_SELF = fastre.compile(r"\b(?:(?:killing|killed|kills|kill)\s+(?:only\s+)?(?P<who>himself|herself|themselves)\b|"
                       r"(?:blew|blow|blows|blown|blowing)\s+(?P<who2>himself|herself|themselves)\s+up\b)", re.IGNORECASE)
_LATER_DIED = fastre.compile(
    rf"(?<![\w,/.:-])(?P<list>{_NP})[^.;]{{0,90}}?\b(?:where|and|but|before|after which|who)\s+(?:(?:they|he|she|both|all)\s+"
    rf"(?:later\s+|subsequently\s+|eventually\s+|all\s+)?(?:died|succumbed|passed away)|"
    rf"(?:later\s+|subsequently\s+|eventually\s+)?(?:succumbed|died (?:of|from|in|at|on the way|later|shortly|hours|days)|"
    rf"ended up dying|(?:was|were) (?:later\s+)?found (?:dead|killed|murdered)))\b",
    re.IGNORECASE)
_HEADLINE = fastre.compile(
    r"(?:^|[:;]\s*)(?:(?!(?:A|An|The|One|No|Any)\s)[A-Z][\w-]*\s+){0,2}?(?i:man|woman|boy|girl|child|civilian|soldier|policeman|"
    r"police officer|officer|trader|farmer|herder|student|teacher|driver|journalist|resident|villager|chief|elder|"
    r"fighter|militant|victim|activist|supporter|official)\s+(?:was\s+)?(?:later\s+)?(?:shot (?:and killed|dead)|killed|"
    r"stabbed to death|beaten to death|found dead|assassinated|murdered|strangled|lynched|executed)\b"
    rf"(?!\s+(?:\d|a\s|an\s|the\s|his\s|her\s|their\s|(?:{NUMBER})\b))")


_TITLED = fastre.compile(
    rf"(?:^|[:;]\s*)(?!(?:A|An|The|One|His|Her|Their|Its|This|That|No|Any|Every|Each)\s)(?:[\w'’/-]+\s+){{0,4}}?(?i:{_PERSON})"
    rf"(?:\s+(?:of|from|in|at|with)\s+[^,;.:]{{1,50}}?)?(?:\s*,?\s+(?:identified as|named|known as|called)\b)?"
    rf"(?:\s*,?\s+(?:Mr\.?\s+|Mrs\.?\s+|Sheikh\s+|Dr\.?\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){{0,3}}\s*,?)?"
    rf"\s+(?:(?:is|was|has been|had been|has|have)\s+)?(?:(?:later|reportedly|allegedly|also|subsequently)\s+)?"
    rf"(?P<verb>shot (?:and killed|dead)|killed|stabbed to death|beaten to death|hacked to death|found dead|assassinated|"
    rf"murdered|strangled|lynched|executed|beheaded|gunned down|died|slain)\b"
    rf"(?!\s+(?:\d|a\s|an\s|the\s|his\s|her\s|their\s|two\s|three\s|and (?:wounded|injured)|or\s))",
    re.IGNORECASE)


def _agents(text: str, self_kill: re.Match[str]) -> int:
    """Attackers who died by their own hand: 1 for himself/herself, the count before the verb for themselves."""
    if (self_kill.group("who") or self_kill.group("who2")).lower() != "themselves":
        return 1
    count = _COUNT.search(text[:self_kill.start()])
    return (parse_quantity(count.group("num"), count.group("qual")) or 0) if count else 0


# Cheap cues: a construction can only match where its own death, killing or result word occurs, so each (slow,
# noun-phrase-first) pattern runs only when its cue is present, and none runs on a clause without a death word
# (a result match alone counts nobody).
_ANY_CUE = fastre.compile(r"kill|neutrali|dead|\bdie|dying|snip|slaughter|decapitat|death|strangl|hanged|ablaze|gun\w* down|bod(?:y|ies)|slain|martyr|perish|succumb|alive|li(?:ves|fe)|KIA|fatalit|bodies|corpses|supreme price|ultimate price|"
                          r"execut|behead|lynch|murder|assassinat|passed away|casualt|causalt|lost|losing|lose", re.IGNORECASE)
_CUES = {
    "object": fastre.compile(r"kill|dead|died|succumbed|neutrali|martyr|snip|slaughter|decapitat|bod(?:y|ies)|strangl|gun\w* down|murder|to death|execut|behead|lynch|assassinat|lives|"
                             r"lost|losing|lose", re.IGNORECASE),
    "to_death": fastre.compile(r"to death|alive", re.IGNORECASE),
    "result": fastre.compile(r"led to|leading to|caus|result|ended in|claim|leav|left|death toll", re.IGNORECASE),
    "subject": fastre.compile(r"killed|dead|\bdie|slaughtered|decapitated|ablaze|strangled|hanged|gunned down|slain|martyred|perished|succumbed|to death|alive|li(?:ves|fe)|KIA|death|supreme price|ultimate price|"
                              r"fatalities|bodies|corpses|executed|beheaded|lynched|murdered|assassinated|casualt|causalt",
                              re.IGNORECASE),
    "later_died": fastre.compile(r"died|succumbed|passed away|dying|found (?:dead|killed|murdered)", re.IGNORECASE),
    "body": fastre.compile(r"bod(?:y|ies) of", re.IGNORECASE),
    "alongside": fastre.compile(r"alongside|along with|together with", re.IGNORECASE),
}
# the cue prefilters, looked for as words (WordCues: the same answers, about five times faster)
_ANY_CUE_WORDS, _CUE_WORDS = WordCues(_ANY_CUE), {name: WordCues(regex) for name, regex in _CUES.items()}


# A counted subject whose description runs long before its death verb: "Four herders who belonged to a rival
# clan were killed", "Nine men suspected of belonging to a gang were shot dead", "Two porters, who came from a
# nearby village, were killed", "4 men held by the army were later found executed". The
# description holds no other count and no new clause ("when", "while", "where", "but").
_LONG_SUBJECT = fastre.compile(
    rf"(?:^|(?<=[,:;]\s)|(?<=\bthat\s))\s*(?P<list>{_NUM}(?:\s+(?!(?-i:{_STOP})\b)[\w'’-]+){{0,3}}?)"
    rf"(?P<mod>\s*,?\s+(?:who|which|that|suspected|believed|said|thought|accused|alleged(?:ly)?|arrested|abducted|"
    rf"kidnapped|detained|taken|held|captured|rounded up|attached|belonging|from|of|hailing|identified|known|described|"
    rf"perceived|working|living|"
    rf"travelling|traveling|\()[^;.]{{1,130}}?)\s*,?\s+(?P<aux>were|was|(?:have|has|had)\s+(?:(?:reportedly|allegedly|also)\s+)?been)\s+"
    rf"(?:(?:reportedly|allegedly|later|all|also|subsequently)\s+)?(?:found (?:to have been\s+)?)?"
    rf"(?P<verb>killed|shot dead|shot and killed|executed|murdered|beheaded|lynched|slain|gunned down|assassinated|"
    rf"set ablaze|burn(?:ed|t) (?:alive|to death)|(?:beaten|stabbed|hacked|stoned) to death|dead|killed)\b"
    rf"(?! or\b| and (?:wounded|injured))",
    re.IGNORECASE)
_NEW_CLAUSE = fastre.compile(r"\b(?:when|while|where|whereas|but|then|killing|wounding|injuring|before|after)\b", re.IGNORECASE)


def _long_subject(text: str, counted: list[tuple[int, int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Deaths of counted subjects described at length before their death verb (see ``_LONG_SUBJECT``), where no
    other construction has counted anyone (``counted``)."""
    total, spans = 0, list[tuple[int, int]]()
    for m in _LONG_SUBJECT.finditer(text):
        mod = m.group("mod")
        if _NEW_CLAUSE.search(mod) or any(c.group("num").lower() not in ("a", "an") for c in _COUNT.finditer(mod)) \
                or any(m.start() < e and s < m.end() for s, e in spans) or _excluded(text, m.start("list")):
            continue
        value = _np_value(m.group("list"), singular_ok=True)
        if value == 1 and counted:
            continue  # "A man who ... was killed by raiders, who beat him to death": counted once already
        inside = [v for s, e, v in counted if m.start() < e and s < m.end()]
        # "Three herders who belonged to a rival clan were killed": "a rival clan were killed" is no victim
        if inside and not (sum(inside) == 1 and value >= 2 and m.group("aux").lower() != "was"):
            continue
        if value:
            total += value - sum(inside)
            spans.append(m.span())
    return total, spans


_LONG_CUE = fastre.compile(r"\b(?:were|was|have|has|had)\s+(?:been\s+)?(?:\w+\s+){0,3}?(?:killed|dead|executed|murdered|"
                           r"beheaded|lynched|slain|gunned|assassinated|ablaze|to death|alive)\b", re.IGNORECASE)
_TITLED_CUE = fastre.compile(r"killed|dead|assassinat|murder|strangl|lynch|execut|behead|gunned|died|slain|to death",
                             re.IGNORECASE)
_TITLED_CUE_WORDS = WordCues(_TITLED_CUE)


def _plural_head(titled: re.Match[str]) -> bool:
    """A titled headline about several people ("Police and militiamen killed") is no single victim."""
    return bool(fastre.search(r"\b(?:and|&|no|not)\b|\d|\b(?:two|three|four|five|several|many)\b",
                              titled.string[titled.start():titled.start("verb")], re.IGNORECASE))


def _counted(text: str) -> int:
    """Deaths counted by the subject, object, result and anaphoric constructions (each span once)."""
    if not _ANY_CUE_WORDS.search(text):
        return 0
    total, used, counted = 0, [], []
    if (headline := _HEADLINE.search(text)) is not None and not _SUBJECT.search(text):
        total, used = 1, [headline.span()]
        counted = [(*used[0], 1)]
    # (one person named by a pronoun before the subject construction: "shot her dead" is no "her dead")
    patterns = ((_OBJECT, "object"), (_TO_DEATH, "to_death"), (_RESULT, "result"), (_PRONOUN_OBJECT, "object"),
                (_SUBJECT, "subject"), (_LATER_DIED, "later_died"), (_BODY, "body"), (_ALONGSIDE, "alongside"))
    for regex, cue in patterns:
        if not _CUE_WORDS[cue].search(text):
            continue
        for m in regex.finditer(text):
            start = m.start("list") if m.start("list") >= 0 else m.start()
            stop = m.end("list") if m.start("list") >= 0 else m.end()
            if _excluded(text, start) or any(start < e and s < stop for s, e in used):
                continue
            if regex is _PRONOUN_OBJECT and _ACCUSED.search(text[max(0, start - 40):start]):
                continue  # "suspected of killing his wife", "protested over the murder of a councillor"
            value, spans = (1, [m.span()]) if regex is _PRONOUN_OBJECT else _list_value(text, start, m.group("list"))
            if value and _vague_casualties(m.group(), m.group("list")):
                continue  # "many casualties" may all be wounded: only a counted figure is deaths
            if value and regex is _RESULT and not fastre.search(r"deaths?|dead|killed|killings?|KIA|fatalit|lives|casualt|causalt", m.group(),
                                                           re.IGNORECASE):
                continue  # "left 3 wounded", "caused 2 injuries": no death word
            total += value
            used += spans or [(start, m.end("list"))]
            counted += [(s, e, value) for s, e in spans[:1]] if value else []
    if _LONG_CUE.search(text):
        value, spans = _long_subject(text, counted)
        total += value
    if not total and _TITLED_CUE_WORDS.search(text):
        titled = _TITLED.search(text)
        if titled and not _plural_head(titled) and not _excluded(text, titled.start()):
            total = 1
    return total


_EXACT = fastre.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                        r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\b", re.IGNORECASE)


def _vague_casualties(match: str, listing: str) -> bool:
    """"Casualties" with no other death word and no exact figure ("many casualties")."""
    if not fastre.search(r"casualt|causalt", match, re.IGNORECASE):
        return False
    other = fastre.sub(r"casualties|causalities", "", match, flags=re.IGNORECASE)
    return not fastre.search(r"death|dead|killed|KIA|fatalit|lives", other, re.IGNORECASE) and not _EXACT.search(listing)


_CAUSE = fastre.compile(r"\b(?:after|following|over|in solidarity with|in memory of|in protest (?:at|against|over)|"
                        r"to (?:protest|denounce|condemn|mourn|commemorate|demand justice for)|denouncing|condemning|"
                        r"protesting|mourning|commemorating|against the (?:killing|death|murder)s?)\b", re.IGNORECASE)


# the toll a participle after a comma tells: the deed's own dead, not what a protest answers
_OWN_TOLL = fastre.compile(r",\s+(?:killing|wounding|injuring|leaving)\b", re.IGNORECASE)


def without_causes(text: str) -> str:
    """``text`` less the deaths a protest or an arrest answers ("protested after two miners died", "After an officer
    was killed, his colleagues blocked roads"): those belong to another event."""
    out, pos = [], 0
    for m in _CAUSE.finditer(text):
        if m.start() < pos:
            continue
        opening = not text[:m.start()].strip(" \t\"'(")
        end = text.find(",", m.end()) if opening else -1
        if end < 0 and (own := _OWN_TOLL.search(text, m.end())) is not None:
            end = own.start()  # "fired into a crowd protesting the ban, killing two of them": the firing's own dead
        end = end if end >= 0 else len(text)
        out.append(text[pos:m.start()])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def coded_fatalities(text: str) -> int | None:
    """The count a coder states outright ("Fatalities coded as 0", "fatalities split across 3 events (4)")."""
    m = _CODED.search(text)
    if not m:
        return None
    return int(m.group("coded") if m.group("coded") is not None else m.group("split"))
