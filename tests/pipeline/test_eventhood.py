"""Each eventhood rule alone, on sentences of our own: what it rejects, and a near miss it must let pass.

The trigger of each sentence is marked with [brackets]; the rule reads the frame the parser builds for it.
Every rule of ``RULES`` has fixtures here, so disabling or breaking any rule fails a test.
"""

from __future__ import annotations

import pytest

from frontlines.knowledge.eventhood import get_eventhood_lexicon
from frontlines.pipeline.events.eventhood import RULES, judge
from frontlines.pipeline.frames.frames import FrameReader

_LEX = get_eventhood_lexicon()
_READER = FrameReader(_LEX)
_RULES = {rule.name: rule for rule in RULES}


def _frame(marked: str):  # noqa: ANN202
    start = marked.index("[")
    end = marked.index("]") - 1
    sentence = marked.replace("[", "").replace("]", "")
    frame = _READER.frame(sentence, start, end)
    assert frame is not None, marked
    return frame


# (rule, sentence with the trigger in brackets, dated: a day-precision date in the sentence)
REJECTED = [
    ("negated", "There was no sign of who had [abducted] the engineers.", False),
    ("negated", "Police did not [arrest] anyone after the march.", False),
    ("negated", "A foreign couple was also nearly [abducted] but fought back.", False),
    ("modal", "The rebels would [attack] the port next, a commander warned.", False),
    ("modal", "Militants could [storm] the prison at any time.", False),
    ("aim", "Government troops launched a push in a bid to [retake] the refinery.", False),
    ("aim", "The commander vowed to [capture] the airport within days.", False),
    ("aim", "Railway workers decided to [protest] in the station courtyard next week.", False),
    ("deployment", "The brigade [mobilised] its fighters south of the river.", False),
    ("deployment", "Militia units have been receiving [reinforcements] from the coast.", False),
    ("deployment", "Gunmen opened fire on police officers [deployed] at the gate on Monday.", True),
    ("accident", "Dozens of migrants were found [dead] after their boat capsized off the coast.", False),
    ("accident", "Up to 200 people were [feared dead] after a rescue operation off the coast.", False),
    ("aggregate", "The coalition has carried out more than 1,300 [airstrikes] since January.", False),
    ("aggregate", "It was the latest in a series of suicide [bombings] across the region.", False),
    ("aggregate", "The district has seen six checkpoint [attacks] in the past year.", False),
    ("series", "Monday's [attack] was the latest in a string of raids on the camp.", True),
    ("series", "The [bombing] is the fifth since the truce began.", False),
    # set p: the incident counted is the trigger told after 'was the Nth' ('It was the second such clash ...')
    ("series", "It was the second such [clash] in the Galgaduud region this month.", False),
    ("series", "This was the third deadly [ambush] on the Gao road since January.", False),
    ("habitual", "Gunmen regularly [ambush] trucks on the desert road.", False),
    ("habitual", "When they take a village, first they [kill] the men.", False),
    ("cessation", "Officials said the [fighting] had subsided by the evening.", False),
    ("continuation", "Yet the [shelling] continues, and aid cannot reach the old city.", False),
    ("ongoing", "Heavy [fighting] is taking place near the bridge.", False),
    ("ongoing", "Rebel units are [seizing] villages along the highway.", False),
    ("ongoing", "The war between the two factions has [escalated] over the last three weeks.", False),
    ("reference", "The ministry condemned the [attack] on the convoy.", False),
    ("reference", "The minister said the ambush had closed the door to peace [talks].", False),  # issue 10
    ("reference", "The government suspended peace [talks] with the rebels on Tuesday.", False),
    ("reference", "The junta rarely comments on air [strikes].", False),
    ("description", "The gunmen [attacking] the barracks belong to a local clan militia.", False),
    ("description", "The militia [driven out of] the depot is allied with the northern government.", False),
    ("campaign_toll", "The [war] has killed more than 3,000 herders and farmers, a rights group said.", False),
    ("general_consequence", "[Attacks] by armed groups in the north have displaced two million people.", False),
    ("general_consequence", "Militia [raids] have devastated farming villages across the plateau.", False),
    ("counted_places", "The rebels [captured] three villages in the north of the province.", False),
    ("first_person_present", "We stand with the people today, as we [fight] to defeat this enemy.", True),
    ("war_described", "It was [fought] between the militias of the two clans.", False),
    ("aggregate", "Tourists left the coast, even though all [attacks] were directed against local people.", False),
    ("left_behind", "The retreating militia also left [destroyed] armoured vehicles along the road.", False),
    ("left_behind", "Police blamed looters for violence that left one person [injured].", False),
    ("custody_death", "Troops moved to the town after a militiaman [died] after two months in detention there.", False),
    ("commentary", "The violence on Saturday marked an escalation of the country's long [fight] over oil.", True),
    ("counted_places", "Our forces [seized] several rebel targets without a fight.", False),
    ("ongoing", "Recently, the militia fighters have [clashed] with the army in the hills.", False),
    ("aim", "The rebels agreed to disarm and [withdraw] from the towns they hold.", False),
    ("state", "Volunteers crossed the river to reinforce the militiamen already [fighting] in the valley.", False),
    ("group_deed", "Talks were held with a leader of the Kivu Front, which led the [attack] on the mine.", False),
    ("group_deed", "Boko Haram, which [abducted] the schoolgirls of Chibok, released a new video.", False),
    ("imperative", "Expect another round of [fighting] before the rains.", False),
    ("imperative", "Remember how the militias [attacked] the camp in the spring.", False),
    ("thought", "I wonder whether the rebels will ever [attack] the capital.", False),
    ("running_total", "At least 40 people had so far been [killed] in the unrest, the ministry said.", False),
    ("running_total", "As of this morning officials say 15 police officers had died in the [attacks].", False),
    ("running_total", "As of Monday, 40 people had been [killed] in the unrest, the ministry said.", False),
    ("countrywide_toll", "The interior ministry said six soldiers had been [killed] and 40 wounded across the country.",
     False),
    ("countrywide_toll", "Police said 23 people were [killed] nationwide in clashes over the disputed vote.", False),
    ("countrywide_toll", "Opposition supporters [clashed] with police on Monday, leaving 12 dead and dozens injured "
                         "throughout the country.", True),
    ("toll_over_span", "At least 50 people have been [killed] since the fighting began on 9 September.", True),
    ("toll_over_span", "More than 300 civilians have [died] over the past month in the region.", False),
    ("toll_over_span", "Since March 3, the police have [arrested] more than 800 people in the capital.", True),
    ("toll_over_span", "Hundreds of villagers have been [abducted] by the gang over the past year.", False),
    # reported speech's past perfect counts as the present perfect it reports (set i: Senegal, Venezuela)
    ("toll_over_span", "The ministry said 14 people had [died] in the riots across the country since Tuesday.", False),
    ("toll_over_span", "Rescuers have recovered 40 [bodies] from the rubble in the old city since Monday.", False),
    ("toll_over_span", "Volunteers have retrieved 17 [bodies] from the river near the town since Thursday.", False),
    ("toll_over_span", "A prosecutor said that 230 people had been [arrested] nationwide since the vote.", False),
    # the wounded counted over a span (set o: Eswatini's police count of its injured officers)
    ("toll_over_span", "Police said 27 officers had been [injured] since the protests began last week.", False),
    ("toll_over_span", "At least 60 soldiers have been [wounded] in the region since the offensive began in March.", True),
    ("description", "Lawyers say many of those [arrested] were never told the charges against them.", False),
    ("description", "Relatives say most of those [abducted] had no links to the army.", False),
    ("custody_death", "Monitors say at least 30 detainees have died [in custody] since the crackdown began.", False),
    ("toll_over_span", "Officials said 17 people had been killed since Tuesday, many of them in [clashes] with police.", False),
    ("toll_over_span", "Twenty people have died since the vote, most of them during [looting].", False),
    # set m: a toll over a whole year, told in the simple past
    ("toll_over_a_year", "More than 170 social leaders were [killed] in 2018, according to the ombudsman.", False),
    ("toll_over_a_year", "At least 42 police officers [died] during 2017 in attacks by armed groups.", False),
    ("later_death", "One of the wounded [died] in hospital in the capital on Sunday.", True),
    ("later_death", "Both guards later [succumbed] to their wounds, the police said.", False),
    ("later_death", "A wounded teenager [died] in hospital on Tuesday, the ombudsman said.", True),
    ("reference_point", "The march came two days after the governor [announced] a curfew in the city.", False),
    ("reference_point", "The raid comes a week after police [arrested] forty traders at the market.", False),
    ("exclamation", "Mystery [airstrikes]!", False),
    ("possessed", "The group has since taken their [fight] into the capital.", False),
    ("received_toll", "The Red Crescent said on Friday it received 28 [bodies] from the front.", False),
    ("demonstrative", "We share with the people of the city the pain caused by these irresponsible [attacks].", False),
    ("in_passing", "The violence in the capital had links to a [battle] in the east of the country.", False),
    ("in_passing", "The press has ignored the siege as attention turns to matters such as the [bombing] of the port.", False),
    ("running_total", "Twelve people were [killed] in the province in the same period, police said.", False),
    ("running_total", "Ninety civilians were [killed] in March, according to UN casualty figures.", False),
    ("aggregate", "Government [airstrikes] have hit rebel positions in the hills this week.", False),
    ("state", "Large parts of the valley are still [occupied] by the militia.", False),
    ("state", "He said the rebels continued to [occupy] buildings including the army headquarters.", False),
    ("running_total", "Six policemen have [lost their lives] in separate attacks in the district.", False),
    ("ongoing", "The district has been under [attack] by the army for about ten days now.", False),
    ("truce_state", "The town had a [truce] with the army for years.", False),
    ("relative_description", "Grim stories are emerging from the villages they [captured] in the north.", False),
    ("commentary", "The latest [attack] shows how weak the garrison has become.", False),
    ("possible", "The border town is at high risk of cross-border [attacks].", False),
    ("sought", "The governor offered a reward for information leading to the [arrest] of the gunmen.", False),
    ("sought", "Opposition leaders called for the [arrest] of the officers who fired on the crowd.", False),
    ("sought", "A court issued a warrant for the [arrest] of the former commander.", False),
    ("until_clause", "The army will press on until every village of the district is [liberated], the minister said.", False),
    ("until_clause", "Our fighters will not rest until the invaders are [expelled] from the valley.", False),
    ("truce_state", "Monitors said the rebels had violated the [ceasefire] regime 31 times in a day.", False),
    ("truce_state", "Both sides accused each other of breaching the [truce] terms near the river.", False),
    ("toll_over_span", "The defence ministry said 52 insurgents were [killed] in operations in Zabul, Ghor and Paktika over the past 24 hours.", False),
    ("toll_over_span", "Nineteen militants were [killed] in air strikes across three provinces in the last 24 hours, officials said.", False),
    ("toll_over_span", "Officials said 12 soldiers were killed and 20 [wounded] in clashes across the north over the past day.", False),
    ("instrument", "Several of the attackers wore explosive [belts] under their coats.", False),
    ("instrument", "Investigators said a roadside [bomb] was planted near the gate.", False),
    ("agreed_plan", "The two delegations also [agreed] to form a joint police force.", False),
    ("since_clause", "Ever since the militia was [driven out of] the port, the town has been quiet.", False),
    # protests in towns the report does not name (set j)
    ("unnamed_towns", "Smaller [protests] were reported in other northern towns over the weekend.", True),
    ("unnamed_towns", "In several cities, [demonstrations] against the fuel price rise went on into the night.", True),
    # the start of a wave of protests told in passing (sets i and j: Kazakhstan, Libya)
    ("unrest_began", "In the capital, [protests] over the same fuel prices began on 23 August.", True),
    ("unrest_began", "The [demonstrations] started in the mining town of Potosi at the weekend.", False),
    ("habitual", "Police stations have repeatedly been [attacked] in the city.", False),
    ("habitual", "Kidnappings have doubled since 2019 as gangs [fight] over the smuggling routes.", False),
    # set k: an incident named as the time of another deed; a war toll in the thousands; munitions over a span
    ("backdrop", "The UN said 25 aid workers had sheltered in a bunker throughout the [attack].", False),
    ("backdrop", "A nurse delivered two babies in the basement during the [siege], the hospital said.", False),
    ("vast_toll", "Tens of thousands of people have been [killed] and millions have fled their homes.", False),
    ("vast_toll", "Thousands of civilians have [died] in the fighting across Darfur.", False),
    ("aggregate", "The Houthis had fired more than 100 ballistic [missiles] at the kingdom since 2015.", False),
    ("aggregate", "Hamas has fired more than 4,000 [rockets] at Israel since the start of the war.", False),
]

PASSED = [
    ("ongoing", "Opposition parties have held a [protest] rally to press the president not to run again in 2026.", False),
    ("ongoing", "Teachers have [marched] to the ministry to demand the pay rise promised for 2025.", False),
    ("negated", "Not only did the rebels [shell] the town, they cut its water supply.", False),
    ("modal", "Rebels [attacked] the port on Monday, a commander said.", True),
    ("aim", "Troops attempted to [retake] the refinery on Tuesday.", True),
    ("aim", "At least four air strikes appeared to [target] the city centre overnight.", False),
    ("aim", "Youths blocked the main road on Wednesday to [protest] the slow response of the firemen.", True),
    ("deployment", "Egypt [dispatched] jets on 16 February to bomb the camps.", True),
    ("accident", "Protesters [marched] after a boat capsized off the coast.", False),
    ("aggregate", "At least four air [strikes] hit the port on Saturday.", True),
    ("aggregate", "Two suicide [bombers] blew themselves up at the market.", False),
    ("aggregate", "At least 14 people were hurt in five grenade [attacks] in the district.", False),
    ("habitual", "Gunmen [ambushed] a truck on the desert road on Friday.", True),
    ("cessation", "Nine people died after [fighting] broke out in the city.", False),
    ("continuation", "Armed men [stormed] the town hall and took the mayor.", False),
    ("ongoing", "Rebels [seize] airport in the south.", False),
    ("ongoing", "There are reports of mortar [fire] on the border posts.", False),
    ("ongoing", "Insurgents have [overrun] the town and abducted dozens of people.", False),
    ("reference", "Gunmen [attacked] the convoy near the border.", False),
    ("reference", "Negotiators resumed peace [talks] in Caracas on Tuesday.", False),
    ("description", "Militants [attacking] the barracks were killed on Sunday.", True),
    ("description", "The militia [driven out of] the depot was allied with the northern government.", False),
    ("campaign_toll", "A drone [strike] has killed 12 people in the market.", False),
    ("general_consequence", "Government [airstrikes] have killed 12 people in the market, rescuers said.", False),
    ("general_consequence", "The [attacks] on Monday have displaced 300 families from the village.", True),
    ("first_person_present", "We [attacked] their convoy on Sunday, the commander said.", True),
    ("first_person_present", "They [fight] to defeat this enemy.", False),
    ("war_described", "Fierce battles were [fought] in the town on Sunday.", True),
    ("left_behind", "The militia [destroyed] armoured vehicles along the road.", False),
    ("left_behind", "A customs officer was found [hanged] in his house.", False),
    ("custody_death", "Two prisoners were [killed] in custody by guards on Monday.", True),
    ("custody_death", "Four soldiers [died] in the ambush near the prison.", False),
    ("commentary", "The convoy came under [attack] near the bridge.", False),
    ("commentary", "The footage clearly shows several incidents of sexual [assault] on women at the fair.", False),
    ("aggregate", "[Demonstrations] demanding justice for two students recently killed are being held across the city.", False),
    ("commentary", "The [capture] of the old fortress came despite efforts by the army to retake the city.", False),
    ("campaign_toll", "The [battle] killed 40 fighters on Sunday.", True),
    ("counted_places", "The rebels [captured] two villages, Kolo and Nema, on Friday.", True),
    ("counted_places", "The gunmen [killed] two herders near the well.", False),
    ("state", "The militia has already [captured] the valley.", False),
    ("group_deed", "The Kivu Front, which [attacked] the mine on Sunday, said it held the town.", False),
    ("group_deed", "Soldiers shot the gunmen, who [attacked] a police post near the market.", False),
    ("group_deed", "Police dispersed a crowd of party supporters, who [attacked] the police post.", False),
    ("description", "The two herders [killed] in the raid are buried in the village cemetery.", False),
    ("imperative", "Rebels [attacked] the barracks at dawn.", False),
    ("imperative", "Report that soldiers [looted] shops in the market.", False),
    ("thought", "Officials think rebels [attacked] the barracks at dawn.", False),
    ("habitual", "Thousands flee as rebels [attack] the town of Goma.", False),
    ("habitual", "Since March the town has been calm, but on Monday gangs [attack] the market as police watch.", True),
    ("running_total", "Gunmen [killed] four traders at the market on Friday.", True),
    ("running_total", "Two officers died in the [attacks] on Monday, police said.", True),
    ("countrywide_toll", "Police [killed] two protesters in Mombasa on Monday as unrest spread nationwide.", True),
    ("countrywide_toll", "Across the country, protests grew after soldiers [killed] three men in Beni.", False),
    ("toll_over_span", "Two people have been [killed] in the market, police said.", False),
    ("toll_over_span", "The ministry said 14 people had [died] in the riots in Mombasa on Tuesday.", True),
    ("toll_over_span", "Two men were killed in [clashes] with police in Mombasa on Tuesday.", True),
    ("description", "Those [arrested] on Monday appeared in court in Harare on Friday.", True),
    ("toll_over_span", "Police have [arrested] twelve traders at the market, a witness said.", False),
    ("later_death", "Three soldiers [died] when a bomb hit their truck on Sunday.", True),
    ("later_death", "Five wounded soldiers were [killed] when rebels attacked the clinic.", False),
    ("toll_over_span", "Gunmen [killed] five people on Monday, the first deaths since the truce.", True),
    ("toll_over_a_year", "Gunmen [killed] three officers in Tumaco on Friday, the worst attack in 2018.", True),
    ("toll_over_a_year", "Gunmen [killed] three officers in Tumaco in March 2018.", False),
    ("state", "The militia [occupied] the valley on Tuesday.", True),
    ("state", "The militia continued to [shell] the valley.", False),
    ("truce_state", "The two sides signed a [ceasefire] agreement in the capital.", False),
    ("relative_description", "Rebels abandoned the villages, which were [captured] by the army.", False),
    ("commentary", "The [attack] killed four soldiers at the gate.", False),
    ("possible", "Residents fled after the [shelling] of the market.", False),
    ("sought", "The raid led to the [arrest] of twelve suspects in the market.", False),
    ("until_clause", "The garrison held out until troops [recaptured] the town.", False),
    ("truce_state", "The two militias signed a [ceasefire] deal in the capital.", False),
    ("toll_over_span", "Nineteen militants were [killed] in an air strike on a compound near Ghazni, officials said.", False),
    ("toll_over_span", "At least twenty people were [killed] in the town in the last 48 hours, a local official said.", False),
    ("instrument", "A roadside [bomb] killed two soldiers near the gate.", False),
    ("agreed_plan", "The two sides [agreed] to exchange prisoners on Friday.", True),
    ("series", "The [attack] killed the fifth commander of the brigade since May.", False),
    ("since_clause", "Nine people died after [fighting] broke out in the city.", False),
    ("unrest_began", "Thousands of [protesters] began a march on the capital on Monday.", True),
    ("unnamed_towns", "[Protests] took place in Kano and several other cities on Monday.", True),
    ("unnamed_towns", "Hundreds of teachers held [protests] in Abuja on Monday.", True),
    ("unrest_began", "A [protest] began outside the governor's office in Kano on Monday.", True),
    ("unrest_began", "Violent [protests] erupted in Kimilili, Chwele and Webuye, leading to clashes with police.", False),
    ("reference_point", "The retreat came hours after the rebels had been [driven] from the town by air strikes.", False),
    ("reference_point", "Police [arrested] forty traders after the market was closed.", False),
    ("in_passing", "Two soldiers were killed in the [attack] on the checkpoint.", False),
    ("exclamation", "Gunmen [attacked] the market again!", False),
    ("possessed", "The army launched its [offensive] on the port city.", False),
    ("possessed", "Riot police suppressed their peaceful [protests] in the square.", False),
    ("received_toll", "Residents found the [bodies] of five men near the well.", False),
    ("demonstrative", "These [attacks] on Monday killed five soldiers at the gate.", True),
    ("in_passing", "Five people died after the use of [grenades] by the police.", False),
    ("possessed", "Their [attack] on the base killed five soldiers on Monday.", True),
    ("in_passing", "Militants fired a number of mortar [shells] against a base near the border.", False),
    ("in_passing", "Members of the movement [protest] in Kano over the detention of their leader.", False),
    ("in_passing", "Two cases of [kidnappings] were reported at the camp for displaced people.", False),
    ("in_passing", "Parents closed the gates of the school as a sign of [protest] over the lack of teachers.", False),
    ("in_passing", "Students disrupted the academic programme in [protest] over fees.", False),
    ("in_passing", "Hundreds of fighters left the district as part of a ceasefire [deal] with the army.", False),
    # set k: the near misses of the rules above
    ("backdrop", "Three soldiers were killed during the [attack] on the base.", False),  # the toll is told
    ("backdrop", "Civilians sheltered in a school during an [attack] on Tuesday night.", True),
    ("vast_toll", "Hundreds of people have been [killed] in the district.", False),
    ("aggregate", "Militants fired dozens of [rockets] at the base on Monday.", True),
    ("aggregate", "The Houthis fired six [missiles] at Jizan overnight.", False),
]


@pytest.mark.parametrize(("name", "marked", "dated"), REJECTED)
def test_the_rule_alone_rejects_its_class(name: str, marked: str, dated: bool) -> None:
    reason = _RULES[name].test(_frame(marked), dated, _LEX)
    assert reason, f"{name} let through: {marked}"


@pytest.mark.parametrize(("name", "marked", "dated"), PASSED)
def test_the_rule_alone_lets_the_near_miss_pass(name: str, marked: str, dated: bool) -> None:
    reason = _RULES[name].test(_frame(marked), dated, _LEX)
    assert reason is None, f"{name} rejected: {marked} ({reason})"


def test_every_rule_has_fixtures_both_ways() -> None:
    assert {r for r, _, _ in REJECTED} == set(_RULES) == {r for r, _, _ in PASSED}


def test_a_plain_past_incident_passes_the_whole_table() -> None:
    assert judge(_frame("Militants [attacked] an army checkpoint near the town on Monday."), dated=True, lexicon=_LEX) is None
    assert judge(_frame("Clashes [erupted] between the two militias in the south."), dated=False, lexicon=_LEX) is None


def test_the_first_rule_that_fires_decides_and_says_why() -> None:
    verdict = judge(_frame("The army said it would not [attack] the town."), dated=False, lexicon=_LEX)
    assert verdict is not None and verdict.rule == "negated" and "not" in verdict.reason


def test_the_word_lists_are_data_and_checked() -> None:
    import pytest as _pytest

    from frontlines.errors import KnowledgeError
    from frontlines.knowledge.eventhood import EventhoodLexicon

    good = {"words": {k: sorted(v) for k, v in _LEX.words.items()},
            "patterns": {k: p.pattern for k, p in _LEX.patterns.items()}, "numbers": {"two": 2}, "episode": 5}
    assert EventhoodLexicon.from_data(good).words["planning"] == _LEX.words["planning"]
    missing = {**good, "words": {k: v for k, v in good["words"].items() if k != "planning"}}
    with _pytest.raises(KnowledgeError, match="planning"):
        EventhoodLexicon.from_data(missing)
    broken = {**good, "patterns": {**good["patterns"], "span": "(unclosed"}}
    with _pytest.raises(KnowledgeError, match="span"):
        EventhoodLexicon.from_data(broken)
