"""Reports of our own from theatres the report dev sets do not cover (issue 10), in the reports format
(`tests/pipeline/data/unseen_theatres_*.jsonl`: set a found the failures fixed, set b was written after those
fixes to check them and showed more, set c was written later and measured before its own fixes, set d last
(only the coordination of two states' forces was fixed after it). Sets a-d are short wire paragraphs; set e is the
long, messy genre: blog posts and news pages (title and date lines, bylines, quoted news, UPDATE sections, the
author's opinions, questions and predictions, background, aggregates, readers' comments, captions, "Read more" and
related headlines), written and scored before its fixes (precision 0.800, F1 0.889, traps avoided 0.948, actor
pairs 0.667, date 0.708), its classes of failure fixed after; set f (six more of the same genre, from Niger, Haiti,
Ukraine, Myanmar, Colombia and Libya) was written after set e's fixes and scored before its own (precision 0.818,
recall 0.900, traps avoided 0.957, actor pairs 0.778; code before set e: 0.778, 0.700, 0.957, 0.714), two classes
fixed after it (rival governments of one country, the town local witnesses are of; then 'jihadist fighters', which named
no actor); set g (nine more, five blog posts and four news pages from theatres no other set covers: Benin, Togo,
Burundi, Thailand's deep south, Indonesia's Papua, Armenia/Azerbaijan, Ecuador, Peru, and Libya again; 20 strict
events, 95 labelled non-events) was written after set f's fixes and scored before its own (recall 0.950, precision
0.826, F1 0.884, traps avoided 0.958, type 0.895, actor pairs 0.684, place 0.882, date 0.947, fatalities 0.842), seven
classes fixed after it (people taken counted over a span; a toll revised in an UPDATE and a wounded man's later death;
'two days earlier' counted from the incident's day, not the telling's; arrests of a protest broken up; a simple-present
deed against a span of time; a conjunction taken for a speaker; a town opening a lower-case 'municipal council');
set h (ten more, six blog posts and four news pages from theatres no other set covers: Chad's Lake province, Manipur,
Rio de Janeiro, Iran's Sistan-Baluchestan, Dagestan, the Kyrgyz-Tajik border, the West Bank and Tel Aviv, Honduras,
Nepal and Uganda; 26 strict events, 95 labelled non-events) was written after set g's fixes and scored before its own
(recall 1.000, precision 0.743, F1 0.852, traps avoided 0.947, type 0.962, sub-type 0.846, actor pairs 0.538, place
0.833, date 0.923, fatalities 0.818), the classes fixed after it: Brazil's gangs told apart and its 'military police'
as police, Barrio 18 apart from MS-13; a post or favela stormed is a clash, not a capture; two states' forces a
'between' names are the two sides; demonyms such as 'Kyrgyz' and a state's 'positions'; suspected traffickers and
'armed Palestinians' as unidentified armed groups; unnamed troops in the West Bank as Israel's; a span of days is no
retelling; a count 'that cannot be verified'; 'no one has been arrested'; a crowd's burning after another deed; a
group that only praised an attack; a wire quoted down a blog post; a day told before that only dated a telling; the
toll after a protest a deed answers; 'the two presidents agreed'; a short line closed by '(Photo: ...)'; people arrested
on suspicion of helping a group (now recall 1.000, precision 0.839, F1 0.912, traps avoided 0.968, type 1.000, actor
pairs 0.885, place 0.833, date 1.000, fatalities 0.909); set i (nine more, four blog posts and
five news pages from theatres no other set covers: Papua New Guinea's Enga, Kazakhstan's January 2022 unrest,
Senegal's 2023 riots, Kosovo's Banjska, South Africa's 2021 unrest, Venezuela after the 2024 vote, Sri Lanka's 9 May
2022, El Salvador's Soyapango cordon and Guinea's FNDC protests; 24 strict events, 112 labelled non-events) was written
after set h's fixes and scored before its own (recall 0.792, precision 0.679, F1 0.731, traps avoided 0.938, type
0.789, sub-type 0.684, actor pairs 0.368, date 0.947, fatalities 0.684), the classes fixed after it: the force a
violent crowd meets as actor 2 (also making the crowd rioters whatever the report calls it was dropped: it cost the
world odd dev half's actor pairs 0.821 -> 0.714), gendarmes as police, looters as rioters, people
arrested for who they are as civilians, 'armed civilians' as an armed group and protesters it kills as attacked,
protesters killed in a dispersal as excessive force, running tolls in reported speech ('had died ... since Thursday')
and the deeds they count, 'those detained', deaths in custody, a day that opens a span, a dateline below a page's
furniture, the witnesses' town giving way to its container, a suspicion of the people arrested, an armed group's road
block, the police's own word on its arrests, a country-wide toll told after an incident, a crowd beating protesters,
Guinea's FNDC in the actor base (now recall 0.917, precision 0.880, F1 0.898, traps avoided 0.991, type 0.955, sub-type
0.909, actor pairs 0.773, date 1.000, fatalities 0.818); set k (ten more, five blog posts and five news pages from
the world dev set's own theatres, on incidents it does not hold: an al-Shabaab raid near Mandera, ISWAP in Dikwa, the
Taliban at Musa Qala, a TTP truck bomb at Mir Ali, separatists in Cameroon's Bali and Bamenda, the anti-balaka at
Bangassou, the SPLA's Kodok, Sinai Province south of Rafah, Saada and Jizan, and both sides' fire on Aleppo; 27 strict
events, 133 labelled non-events) was written after set i's fixes and scored before its own, the honest figure for
unseen texts of the dev theatres (recall 0.852, precision 0.793, F1 0.821, traps avoided 0.970, type 0.957, sub-type
0.826, actor pairs 0.652, date 0.957, fatalities 0.789), the classes fixed after it: aircraft 'of' a named force
('warplanes of the Saudi-led coalition') and a hyphenated word before their strike; a trigger running past a force's
capitalised name ('Air Force jet bombed'); people seized or snatched as abducted; houses set fire to, and burning told
with 'also' after a killing as part of it; South Sudan's army; an incident named as the time of another deed
('throughout the attack'); a toll in the thousands so far; munitions counted over a span; 'the militiamen', 'the
fighters', bare 'separatists' and a kind of group before its fire ('rebel shells'); a place stormed to kill the people
there; the group an allegiance names over the description it opens ('ex-Seleka fighters of the UPC'); a state's forces
and an armed group each striking civilians the same day as two incidents; who men are 'believed to be' as no hedge of
the deed; the dead 'from both sides' (now recall 0.963, precision 0.963, F1 0.963, traps avoided 1.000, type 1.000,
sub-type 0.923, actor pairs 0.846, date 0.962, fatalities 0.905);
set j (ten Libyan reports of 2011-2020, six blog posts and four news pages on incidents the Libya dev set does not
centre on: the Nafusa front in 2011, Benghazi's assassinations and Salwa Bugaighis's killing in 2014, IS and the Ferjan
in Sirte in 2015, Bunyan al-Marsous in Sirte in 2016, the BDB in the oil crescent in 2017, Derna in 2018, Murzuq in
2019, Tarhuna and Sirte in 2020, the eastern protests of 2020; 26 strict events, 146 labelled non-events) was written
and annotated before any run and scored before its own fixes (and before set k's), to measure how the Libya dev figures carry to unseen
Libyan texts (recall 0.808, precision 0.750, F1 0.778, traps avoided 0.966, type 0.905, sub-type 0.857, actor pairs
0.714, place 0.800, date 1.000, fatalities 0.812), the classes fixed after it: an incident named in an opening phrase
('In a separate attack on Saturday night, gunmen ...') giving way to the main clause's deed, the broadcast press as
civilians, a blog's name above its date line locating nothing, a people's name before words for its people ('Tebu
elders and residents') as civilians, 'armed men of the X tribe' and the Ferjan in the actor base, a bombing disowned
with the other incidents ('for either killing') taking no group named elsewhere, 'shot her dead', deaths told after a
fight in its own sentence as its toll, a short line closed by '(AFP)' as a caption, the dead found over a span, the
start of a wave of protests, a town entered 'without a fight' and the toll such a transfer does not take, aircraft
flying from a base, protests in towns not named (now recall 0.808, precision 0.955, F1 0.875, traps avoided 0.993,
type 0.952, sub-type 0.952, actor pairs 0.952 after the rebase onto set k's fixes, place 1.000, date 1.000, fatalities
1.000; what is left is mostly a party's own word on its deeds, kept as its claim where the dev guidelines code the
deed);
set m (ten more, five blog posts and five news pages of
the dev sets' era, 2012-2020, from theatres they lack: eastern Ukraine's Debaltseve 2015, Mali's Konna 2013, Burundi's
coup attempt 2015, the fall of Goma 2012, Rakhine 2017, Mocimboa da Praia 2020, the Ankara bombing and Lice 2015,
the Bogota police-school bombing 2019, Michoacan's autodefensas 2014 and Yirgou 2019; 33 strict events, 130 labelled
non-events) was written and annotated before any run and scored before its own fixes (recall 0.879, precision
0.853, F1 0.866, traps avoided 0.969, type 0.862, sub-type 0.828, actor pairs 0.621, place 0.708, date 1.000,
fatalities 0.818), the classes fixed after it: Michoacan's 'self-defense groups' and the 'Knights Templar'; where a
source spoke ('said in Paris') and a country that backs a side ('backed by Rwanda') are no place; suicide bombers
who 'blew themselves up' left out of their victims' toll; a patrol that drove over a mine is its victim; a
bombing disowned on the wire line after it, and a bomb no one laid by name, take no militia as bomber; a count
left unconfirmed ('a figure no one ... can check') adds no dead; a toll over a whole year ('killed in 2018'); the
doers' grievance ('..., accusing the government of ...') and what the victims were accused of are no accusation of
the deed (now, on the main that merged the gaps branch and set j, recall 0.939, precision 0.861, F1 0.899, traps
avoided 0.977, type 0.839, sub-type 0.806, actor pairs 0.710, place 0.760, date 1.000, fatalities 0.917; that main
alone scores it recall 0.879, precision 0.829, F1 0.853, traps avoided 0.969, type 0.862, actor pairs 0.586);
set n (ten more, three blog posts and seven
news pages in the idioms of regional, state and local media: a Pakistani daily's ISPR copy ('martyred', 'neutralised',
'miscreants'), a Nigerian daily ('bandits', 'hoodlums', 'gallant troops', 'paid the supreme price'), an Indian daily on
Chhattisgarh ('encounter', 'DRG jawan', 'combing operation'), a Philippine news site ('NPA terrorists', 'illegal armed
group'), a Houthi-aligned blog ('US-Saudi aggression', 'the army and popular committees', 'mercenaries', 'Daesh
Takfiri elements'), Syrian state media ('Jabhat al-Nusra terrorists' in 2019, 'martyred', the Russian reconciliation
centre), a Somali news site ('Khawarij', 'Kharijite militants'), an Afghan outlet ('anti-government elements', a
ministry's toll 'over the past 24 hours'), a Kenyan opinion blog (Kerio Valley 'bandits'), a Mexican news blog in
English ('armed civilians presumed to belong to', 'repelled an aggression'); 25 strict events, 149 labelled
non-events) was written after set k's fixes and scored before its own (recall 0.920, precision 0.742, F1 0.821, traps
avoided 0.946, type 0.957, sub-type 0.957, actor pairs 0.478, date 1.000, fatalities 0.773), the classes fixed after
it: 'martyring' and 'paid the supreme price' as deaths; men 'suspected to be from' a community no hedge; bare
'bandits' in Nigeria as its bandit militia; the Nusra Front named after its renamings as the group of the day; an
arrest asked or paid for ('a reward for information leading to the arrest'); a goal in an 'until' clause; a truce
violated; a toll 'over the past 24 hours' (and its dead given to no incident before it); 'miscreants' and
'hoodlums' as unidentified armed men; men 'presumed to belong to' a cartel; Houthi media's names of the sides;
'Khawarij' by the report's country; 'DRG' as India's police; 'repelled an aggression' as a clash (now recall 0.960,
precision 0.923, F1 0.941, traps avoided 0.987, type 1.000, sub-type 1.000, actor pairs 0.875, date 1.000,
fatalities 0.870 on the main that merged set m, whose bomber is no longer counted with his victims);
set o (ten more, five blog posts and five news pages from theatres and years no other set covers: Sinjar 2022, Hasakah's
Ghwayran prison 2022, Marib 2021, Bolivia's Sacaba and Senkata 2019, Tajikistan's Khorog and Rushan 2022, Beirut's
Tayouneh 2021, Eswatini 2021, Sierra Leone's 10 August 2022, Honiara 2021 and Karakalpakstan 2022; 29 strict events, 142
labelled non-events) was written and annotated before any run and scored before its own fixes, the honest figure for
unseen reports (recall 0.862, precision 0.781, F1 0.820, traps avoided 0.958, type 0.840, sub-type 0.800, actor pairs
0.600, date 0.960, fatalities 0.833; no place figure: its gold has no coordinates), the classes fixed after it:
protesters named as the ones who attacked, stormed, stoned, looted or torched as rioters; 'No deaths have been reported'
as no uncounted death; a generic class of the country whose places the report names most, not of a country named in
passing; a shooting on a crowd 'as they gathered' as the event, its victims protesters; a town far from a place told
relative to another as another incident; the wounded counted over a span; what the people taken are accused of; what
a deadly strike also burned (now recall 0.931, precision 0.871, F1 0.900, traps avoided 0.972, type 0.889, sub-type
0.852, actor pairs 0.741, date 0.963, fatalities 0.923);
set p (ten more in genres the other sets hold few of: four multi-incident wire roundups, each telling three to five
incidents in different towns by different actors, some over two sentences with 'they', 'the group', 'its fighters'
(Iraq 2016, Somalia 2019, Ethiopia's Amhara and Oromia 2023, Syria 2013), three official statements quoted in news,
claims, denials and tolls 'according to' (Hezbollah's and Israel's communiques on the Lebanese border 2024, Niger's
defence ministry on Tera 2022, UNMISS and MSF on Jonglei 2020), and three Libyan blog posts on incidents no other set
tells (Kufra's Tebu and Zwai 2012, Gharghour 2013, Brak al-Shati 2017); 36 strict events, 123 labelled non-events)
was written and annotated before any run and scored before its own fixes (recall 0.833, precision 0.732, F1 0.779,
traps avoided 0.927, type 1.000, sub-type 0.933, actor pairs 0.667 (0.692 by the reference scorer), date 1.000,
fatalities 0.846; place is not scored, the gold leaving coordinates null), the classes fixed after it: the Zuwayya in
the actor base; a crowd of a named group's supporters that rallies as protesters; bare 'militants' taking no group a
later sentence names together with another; a bomb whose source 'did not say who planted' it, or blamed 'terrorists',
lending no group named elsewhere; one plural group told as both sides ('militias from two rival sub-clans'); armed
men of a community ('armed youths from the Murle community') as its militia; a people's district or village as
civilians' place; looting of a clinic or shops befalling civilians; 'no civilians were injured or killed' as a
negation; 'It was the second such clash ... this month' as a series; a denial of another's claim and all its
that-clause; 'have yet to be given a date'; 'came under fire' told from the target's side; a side's own dead told as
'lost two soldiers'; an airbase stormed as a clash; a march fired on as 'them' as excessive force (now recall 0.889,
precision 0.842, F1 0.865, traps avoided 0.959, type 1.000, sub-type 1.000, actor pairs 0.906, date 1.000, fatalities
0.926; what is left is mostly places the
gazetteer lacks and pronouns for a speaker told in the sentence before);
`frontlines evaluate tests/pipeline/data/unseen_theatres_a.jsonl --verbose` scores a set).
Each strict gold event must be found with its type and sub-type, its actor pair, its country, date and toll; each
labelled non-event sentence must stay without an event. The gaps left are listed with their reason and expected to
fail (strict), so that a fix shows."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from frontlines.evaluate.report_actors import ActorJudge
from frontlines.evaluate.reports import ASSERTED, judge_document, load_records
from frontlines.knowledge.actors import get_actor_kb
from frontlines.model import Document
from frontlines.pipeline import Pipeline
from frontlines.pipeline.reading.ingest import document_from_text, parse_published

DATA = Path(__file__).parent / "data"
RECORDS = {r["id"]: r for name in ("unseen_theatres_a.jsonl", "unseen_theatres_b.jsonl", "unseen_theatres_c.jsonl",
                                    "unseen_theatres_d.jsonl", "unseen_theatres_e.jsonl", "unseen_theatres_f.jsonl",
                                    "unseen_theatres_g.jsonl", "unseen_theatres_h.jsonl", "unseen_theatres_i.jsonl",
                                    "unseen_theatres_j.jsonl", "unseen_theatres_k.jsonl", "unseen_theatres_m.jsonl",
                                    "unseen_theatres_n.jsonl", "unseen_theatres_o.jsonl", "unseen_theatres_p.jsonl")
           for r in load_records(DATA / name)}

# (document, gold event number) -> what still fails, and why
GAPS: dict[tuple[str, int], str] = {
    ("mm_sagaing_2023", 2): "type: 'seized a military outpost' is a clash, not a capture (an outpost is no place)",
    ("co_arauca_2024", 0): "type: an attack 'with an explosives-laden truck' is a clash, not a car bomb",
    ("b_ua_zaporizhzhia_2024", 2): "a withdrawal ('withdrew from Avdiivka') names no one who took the town",
    ("b_mm_rakhine_2024", 2): "actors: 'arrested three people for taking part in a protest' codes the protest with the army",
    ("b_bf_kaya_2024", 0): "actors: 'jihadists' in Burkina Faso are taken as JNIM, the gold leaves them unidentified",
    ("b_bd_dhaka_2024", 1): "actors and sub-type: a party clash is rioters in a violent demonstration, not AL v. BNP mob violence",
    ("b_bd_dhaka_2024", 0): "sub-type: police firing tear gas and rubber bullets at protesting students is a violent demonstration",
    ("b_ne_diffa_2023", 1): "place: 'an island in Lake Chad' is placed in no country (the lake is shared by four)",
    ("b_ht_solino_2024", 0): "place: the gazetteer lacks Solino, and 'the Port-au-Prince neighbourhood of' does not stand in",
    ("b_ht_solino_2024", 1): "place: the gazetteer lacks Tabarre",
    ("c_in_kulgam_2024", 1): "'blew up a road-building machine' is no trigger",
    ("d_cd_beni_2023", 0): "actors: 'suspected Islamist militants' near Beni are left unidentified, not the IS branch",
    ("f_mm_ann_2024", 0): "modality: an armed group's own announcement that it captured a base is kept as its claim; the "
                          "gold, as ACLED, codes the capture",
    ("g_th_narathiwat_2024", 0): "actors: 'Police blamed insurgents from the BRN' makes the BRN the bomber; the gold, as "
                                 "ACLED for an attribution by one side, leaves the bombing unidentified",
    ("g_ec_guayaquil_2024", 0): "modality: the armed forces' own report that soldiers killed five gang members in a "
                                "shootout is kept as their claim (as the dev sets' army claims of enemy dead); the "
                                "gold, as ACLED, codes the clash the wire tells",
    ("g_pe_andahuaylas_2022", 0): "actors: protesters killed in clashes with police are coded police v. protesters; "
                                  "the gold codes rioters v. police (alt: excessive force)",
    ("g_pe_andahuaylas_2022", 2): "actors: a road blocked with rocks and burning tyres is coded rioters; the dev "
                                  "guidelines code tyre-burning road blocks as a peaceful protest by protesters",
    ("g_bi_gatumba_2023", 0): "actors: the attack on the village told as fact keeps an unidentified perpetrator; the "
                              "rebels' own account in the next sentence (a border post attacked, civilians' deaths "
                              "denied) is a claim of another target, and the gold, as ACLED, names the claimant",
    ("h_td_barka_2024", 0): "place: the gazetteer lacks Barka Tolorom and Chad's Lac province ('in the Lake province'), "
                            "so the attack is placed on Lake Chad, which four countries share (no country)",
    ("h_td_barka_2024", 1): "place: the gazetteer lacks Ngouboua, so the ambush is placed on Lake Chad (no country)",
    ("h_ps_jenin_2023", 2): "actors and fatalities: 'a Palestinian from Hebron' who attacked in Tel Aviv is an "
                            "unidentified group of the place (Israel), not of his people, and 'wounding eight before a "
                            "civilian shot him dead' counts the eight wounded as the dead",
    ("h_ps_jenin_2023", 3): "type and actors: settlers torching cars and a house in a village is coded a violent "
                            "demonstration with no victims' side; the gold codes an attack on civilians (alt: mob "
                            "violence)",
    ("i_pg_enga_2024", 0): "place: the clash (now Sikin v. Ambulin communal militias, with its 26 dead told in the "
                           "sentence's next clause) is placed at Port Moresby: the gazetteer lacks Akom",
    ("i_kz_almaty_2022", 1): "place: 'police opened fire on demonstrators in Republic Square' (no town), in a paragraph "
                             "of its own, takes the country, not Almaty from the paragraphs before, and so is still "
                             "folded into the Aktobe protest told next (an incident placed by the paragraph before no "
                             "longer takes another town's dated telling), whose intervention then carries its four dead",
    ("i_kz_almaty_2022", 2): "sub-type and fatalities: the Aktobe dispersal takes the Republic Square shooting's four dead "
                             "(see the gap before) and becomes excessive force",
    ("i_xk_banjska_2023", 0): "actors and place: the gazetteer lacks Banjska, which is placed at Bansko in Bulgaria, so "
                              "the attackers are an unidentified group of Bulgaria (the three attackers killed in the "
                              "siege, told next, now add to the toll)",
    ("i_xk_banjska_2023", 1): "actors: 'arrested two men suspected of taking part in the attack' leaves the arrested "
                              "unnamed; the gold, as ACLED, codes them with the unidentified armed group of the attack",
    ("i_lk_colombo_2022", 0): "fatalities: the Nittambuwa sentence (a crowd surrounding an MP's car, he and his "
                              "bodyguard later found dead) is folded into the Galle Face mob violence as a retelling and "
                              "gives it a death",
    ("i_lk_colombo_2022", 1): "missed: a crowd surrounding an MP's car, after which 'he and his bodyguard were later "
                              "found dead', yields no event (no deed of the crowd's is told as the killing)",
    ("k_ke_mandera_2015", 1): "actors: 'gunmen on motorcycles fired on the Arabia police post' are tied to al-Shabaab "
                              "only by the next sentence ('He blamed the same militants'), which names no group",
    ("k_ng_dikwa_2021", 0): "type: ISWAP 'stormed the town of Dikwa ..., fighting troops at a military base for several "
                            "hours' is coded a capture; the gold, with no hold of the town told, codes an armed clash",
    ("k_af_musaqala_2015", 0): "actors: 'forcing police and soldiers to retreat' makes the police the side driven out; "
                               "the gold, as ACLED for a district centre, codes the army",
    ("k_pk_mirali_2013", 1): "actors, date and fatalities: 'helicopter gunships and artillery pounded villages' names no "
                             "force and takes the US of the drone strike in the sentence before; 'Hours later' is not "
                             "dated from that sentence's Wednesday; 'local tribesmen said at least 23 people ... were "
                             "killed' becomes an attack of its own",
    ("k_ss_kodok_2017", 1): "place: 'near Tonga' (a town on the Nile in Upper Nile) is read as the kingdom of Tonga, "
                            "which the gazetteer holds and the Upper Nile town it lacks",
    ("k_eg_rafah_2017", 0): "type: an attack on army checkpoints 'with car bombs and heavy gunfire' is coded a car bomb; "
                            "the gold codes the fight with the soldiers (alt: suicide bomb)",
    ("k_ye_saada_2018", 1): "actors: a missile 'Saudi air defences intercepted', whose debris killed a worker, is coded "
                            "against the Saudi forces; the gold codes its civilian victim",
    ("k_sy_aleppo_2015", 0): "fatalities: 'The Observatory has now raised the al-Shaar toll to 21' in an UPDATE names its "
                             "incident by a district the gazetteer lacks, and the strike keeps its first 18",
    ("j_ly_nafusa_2011", 2): "modality: NATO's own daily update that its aircraft struck a depot near Gharyan is kept "
                             "as a party's claim; the gold, after the dev guidelines, codes a party's claim reported as "
                             "fact (asserting a party's word on its own deeds cost the Libya even dev half recall 0.893 "
                             "-> 0.857)",
    ("j_ly_sirte_2015", 2): "modality: 'the Mujahideen Shura Council said its fighters had driven IS out of the Fatayah "
                            "district' is kept as the council's claim (a party's claim reported as fact, as above)",
    ("j_ly_oilcrescent_2017", 0): "fatalities: the nine dead of 'Friday's fighting' at two terminals are given to the Es "
                                  "Sider capture; the gold, as the dev guidelines for a toll over two places, leaves "
                                  "them unapportioned",
    ("j_ly_oilcrescent_2017", 2): "modality: the LNA's air strikes told by its own spokesman are kept as its claim (a "
                                  "party's claim reported as fact, as above)",
    ("j_ly_derna_2018", 0): "modality: the capture of Derna's old city told by 'an LNA spokesman' is kept as its claim "
                            "(a party's claim reported as fact, as above)",
    ("j_ly_tarhuna_2020", 2): "modality: 'GNA forces said ... a Turkish-made drone had destroyed an LNA convoy' is kept "
                              "as the GNA's claim (a party's claim reported as fact, as above)",
    ("j_ly_east_protests_2020", 1): "sub-type: police firing on demonstrators 'who had blocked the main road', killing one, "
                                    "is a violent demonstration (a road block makes a protest violent, as the event "
                                    "tests pin); the gold codes excessive force against protesters",
    ("m_ua_debaltseve_2015", 0): "fatalities: the pullout 'after fighters ... overran most of it' is coded a non-violent "
                                 "transfer (the gold's alternative), and since set j's fixes a peaceful transfer takes no "
                                 "toll, so the 13 soldiers 'killed during the pullout', told next, are not counted",
    ("m_ml_konna_2013", 0): "type and place: the gazetteer lacks Konna (only an Irish Conna), so 'overran Konna' has no "
                            "place object and is coded a clash, placed at Kidal, named in the appositive before it",
    ("m_ml_konna_2013", 1): "actors and place: the lede's 'French warplanes and Malian troops fought' is coded France (as "
                            "'Operation Barkhane', which began in 2014) v. Ansar Dine, takes the counterattack's 11 dead "
                            "as its retelling, and with Konna missing from the gazetteer is placed at Paris, where the "
                            "minister spoke",
    ("m_ml_konna_2013", 2): "place: with Konna missing from the gazetteer the French strike 'around Konna' falls back to "
                            "the report's first town, Paris, where the minister spoke",
    ("m_ml_konna_2013", 3): "missed: 'publicly cut off the hand of a young man' is no trigger (an amputation by a group)",
    ("m_cd_goma_2012", 1): "fatalities: 'residents said they saw at least eight bodies in army uniform' is read as an "
                           "attack on civilians of its own ('bodies') instead of the airport clash's toll",
    ("m_cd_goma_2012", 2): "modality: MONUSCO's spokesman telling the mission's own helicopter strike is kept as its "
                           "claim (as the other gaps of a force's word on its own deed); the gold, as ACLED, codes it",
    ("m_mz_mocimboa_2020", 1): "type, actors and place: 'helicopters of the Dyck Advisory Group ... fired on insurgent "
                               "positions' is coded a clash with Mozambique's army as the target, placed at Praia "
                               "(Cabo Verde): 'Mocimboa da Praia' is not read as one name",
    ("m_mz_mocimboa_2020", 2): "actors: Awasse (not in the gazetteer) takes the Praia of 'Mocimboa da Praia' and its "
                               "victims become civilians of Cabo Verde (joining names over 'da' cost set a an actor "
                               "pair: 'near Mocimboa da Praia' then found no place at all)",
    ("m_co_bogota_2019", 0): "type and actors: 'a pickup packed with explosives ... blew up ..., killing 20' is coded an "
                             "attack on civilians with the police of 'the police cadet school' as perpetrator; the bomb "
                             "is the ELN's by the minister's word in the next sentence",
    ("m_co_bogota_2019", 1): "actors: 'arrested a second suspect' names no group; the suspect of the bombing is the ELN's "
                             "by the sentence before",
    ("m_mx_apatzingan_2014", 1): "type: Knights Templar gunmen setting fire to buses and blocking roads is coded a violent "
                                 "demonstration; the gold, with no one hurt, codes property destruction by the cartel",
    ("m_mx_apatzingan_2014", 2): "type and actors: soldiers firing on residents who blocked a road is coded rioters v. the "
                                 "army; the gold codes excessive force against protesters (alt: an attack on civilians)",
    ("m_bf_yirgou_2019", 1): "type, actors and place: the Koglweogo killing 'Fulani herders' is coded a clash with a "
                             "Fulani ethnic militia (herders read as armed); the gazetteer lacks Yirgou, so it is placed "
                             "at Arbinda, named later",
    ("n_ng_faskari_2020", 2): "fatalities: the Defence Headquarters' 'neutralising 17 of the criminals' is kept as the army's "
                              "claim of enemy dead (as the dev sets' army claims), so the clash keeps only the soldier "
                              "who 'paid the supreme price'; the gold, as ACLED for the report's only account, counts 18",
    ("n_ph_lasnavas_2019", 0): "fatalities: 'Three members of the NPA were killed in a clash ..., the Philippine Army said' "
                               "is the army's count of enemy dead, kept as its claim (0); the gold counts the three",
    ("n_sy_suqaylabiyah_2019", 1): "missed: 'Army units responded to the sources of the rocket fire ..., destroying a "
                                   "number of terrorists' positions' (Syrian state media's counter-battery idiom) is no "
                                   "trigger of shelling",
    ("n_so_bariire_2021", 0): "fatalities: 'Two soldiers were martyred in the fighting, the minister added' is read as the "
                              "minister's lower count of the same dead, not as two more beside the 13 attackers the army "
                              "claims (kept as a claim, as in the gap of n_ng_faskari_2020)",
    ("b_ke_keriovalley_2021", 0): "actors: 'bandits suspected to be from the neighbouring Pokot community' names the Pokot "
                                  "only as a community, which resolves to no militia; the raid stays unidentified",
    ("b_ke_keriovalley_2021", 1): "actors: 'police reservists and GSU officers repulsed the raiders' is coded police v. "
                                  "police (two units of one force taken as the two sides); 'the raiders' names no actor",
    ("o_sy_hasakah_2022", 0): "actors and fatalities: the prison attack 'setting off a car bomb at its gate' is coded a "
                              "bombing of civilians (the inmates it freed), not the fight with the SDF guards told next, "
                              "and its toll keeps the 23 guards without the 45 attackers killed 'along with' them",
    ("o_sy_hasakah_2022", 1): "actors: coalition aircraft striking buildings 'where militants were holed up' take the SDF, "
                              "the sentence's source and the report's most named group, as their target (leaving a "
                              "clause's source out of the other side cost the Libya even and both world dev halves)",
    ("o_bo_sacaba_2019", 0): "type and actors: police and soldiers firing on 'thousands of coca growers loyal to' Morales "
                             "'as they tried to cross a bridge' is an attack on civilians: the marchers are not read as "
                             "protesters",
    ("o_bo_sacaba_2019", 1): "type and actors: Morales supporters 'marching' beaten by a youth group the actor base lacks "
                             "(the Resistencia Juvenil Cochala) are coded a peaceful protest with no one intervening",
    ("o_bo_sacaba_2019", 2): "place, actors and date: the gazetteer knows only a Peruvian El Alto, so the Senkata "
                             "shooting's protesters are Peru's; 'On Tuesday' under 'UPDATE, 20 November:' is counted "
                             "from the post's date (the 12th), not the update's (the 19th)",
    ("o_tj_khorog_2022", 0): "type and actors: the interior ministry's version told next ('the crowd had attacked officers "
                             "with stones') makes the Khorog dispersal a violent demonstration by rioters",
    ("o_lb_tayouneh_2021", 1): "type and actors: the return fire 'with rifles and rocket-propelled grenades' is coded "
                               "shelling (RPGs are a shelling trigger after ACLED's codebook), and 'gunmen from the two "
                               "Shiite parties' names no party",
    ("o_lb_tayouneh_2021", 2): "modality: 'The army said it had arrested nine people' is kept as the army's own claim (a "
                               "party's claim reported as fact, as above), and 'a Syrian national' makes the army Syria's",
    ("o_sz_eswatini_2021", 0): "place: the gazetteer lacks Matsapha, so the police shooting there and the Manzini looting "
                               "told next are one riot at Manzini",
    ("o_sz_eswatini_2021", 1): "fatalities: the Matsapha riot's three dead, placed at Manzini (see above), join the Manzini "
                               "looting",
    ("o_uz_nukus_2022", 2): "place: the gazetteer lacks Chimbay, and the riot there is placed at 'Central Asia', the "
                            "page's section line",
    ("p_iq_roundup_2016", 4): "place: the gazetteer lacks Makhmour ('the Kurdish-held town of Makhmour'), so the mortar "
                              "fire is placed nowhere and dropped",
    ("p_so_roundup_2019", 2): "modality: AFRICOM's own word that it carried out the Jilib air strike is kept as its claim "
                              "(as the dev sets' army claims); the gold, as ACLED, codes the strike",
    ("p_sy_roundup_2013", 3): "place: the gazetteer lacks Ras al-Ain ('in villages east of Ras al-Ain'), so the YPG v. "
                              "ISIL clash is placed nowhere and dropped",
    ("p_lb_statements_2024", 2): "actors: 'It said its artillery then shelled ...' leaves 'its' unresolved (the Israeli "
                                 "military, the speaker of the sentence before): an unidentified armed group",
    ("p_lb_statements_2024", 3): "place and trigger: the gazetteer lacks Yaroun, and 'an Israeli shell had wounded one of its "
                                 "soldiers' is coded a clash on the Lebanese army with no attacker",
    ("p_ne_communique_2022", 0): "fatalities: the communique's '23 terrorists neutralised', quoted in the next sentence, "
                                 "is the ministry's claim of enemy dead (kept as a claim, as set n's ISPR tolls); the "
                                 "gold, as ACLED for a communique that is the report's only account, counts them",
    ("p_ss_unmiss_2020", 1): "actors: 'one of its patrols came under fire' leaves 'its' (the mission of the sentence "
                             "before) unresolved, so UNMISS is not the target",
    ("p_ly_gharghour_2013", 1): "actors: 'armed men from the Souq al-Juma district attacked the compound' names no side: "
                                "the district's men are no unidentified group and the compound's Misratan holders are "
                                "named only in the paragraph before",
    ("p_ly_brak_2017", 0): "fatalities: the toll sentence ('at least 75 people were killed, most of them LNA soldiers, "
                           "and ... some of the dead were civilians') is read as the LNA's attack on civilians, not as "
                           "the storming's toll",
}
# labelled non-events that still carry an event
TRAP_GAPS = {
    "o_iq_sinjar_2022": "'A ceasefire brokered by local elders is supposed to take effect tonight' is coded an agreement: "
                        "'is supposed to' after the trigger is no cue of the future",
    "o_tj_khorog_2022": "the interior ministry's version ('the crowd had attacked officers with stones') is coded an attack "
                        "by an unidentified group: 'the crowd' names no rioters and the ministry is not read as the side "
                        "that dispersed them",
    "o_uz_nukus_2022": "tolls over the unrest ('Eighteen people were killed ... on Friday and Saturday', '516 people were "
                       "detained during the unrest') are coded an attack and arrests: two days and 'during the unrest' "
                       "in the simple past are not read as spans",
    "j_ly_bugaighis_2014": "an UPDATE's detail of the killing ('a guard at the house was also shot and wounded') is "
                           "coded a clash on the update's day: the UPDATE's date line dates it, and 'also' is read as "
                           "another incident",
    "e_cd_sake_2024": "a dated continuation ('Fighting continued on Monday morning') is coded as that day's clash; "
                      "making 'continued' ongoing when dated cost a Libya dev half an event ('shelling continues')",
    "c_ml_bandiagara_2024": "a defence ministry's claim of enemy dead is told as fact when the ministry is not named by country",
    "g_pe_andahuaylas_2022": "two sides' accounts in the present tense ('The police say 'violent groups' attacked them "
                             "first; the protesters say officers fired live rounds at unarmed people') are coded an "
                             "attack (and, with the first set aside, excessive force): neither speaker is taken as a "
                             "party to the Andahuaylas clash told before",
    "d_ua_nikopol_2023": "a deputy defence minister telling a recapture is a government, whose word is not taken as a claim",
    "h_in_jiribam_2024": "a curfew imposed with reinforcements flown in is coded Strategic developments/Other (a curfew "
                         "is a trigger of its own); the gold, after the dev guidelines on deployments, leaves it out",
    "h_br_penha_2025": "a quoted detail of the same raid ('Gang members fired on officers from rooftops and used drones "
                       "...') is coded an attack on civilians by the gang: 'officers' is not read as the police told "
                       "before, and the raid's retelling is not recognised across the two quoted paragraphs",
    "m_ua_debaltseve_2015": "'his men had captured \"thousands\" of Ukrainian soldiers' (people taken) is coded a "
                            "capture of Kiev, named after it, and not the rebel leader's claim; 'Minsk II was dead the "
                            "moment it was signed' is coded an attack ('dead' said of an agreement)",
    "m_mx_apatzingan_2014": "'The army said its soldiers had been shot at first' (the army's version of the Antunez "
                            "shooting) is coded a clash of its own",
    "n_ph_lasnavas_2019": "'Troops recovered three high-powered firearms ... from the encounter site' is coded disrupted "
                          "weapons use: placed at the province of the dateline, it is not folded into the Las Navas "
                          "clash told two sentences before as what the clash left behind",
    "n_af_qarabagh_2020": "'Residents of Qarabagh said the fighting disrupted traffic on the Kabul-Kandahar highway' is "
                          "coded a clash at Kandahar: 'the fighting' as the subject of its consequence is not read as "
                          "the Qarabagh attack told before, and the highway's city is taken as its place",
    "h_ps_jenin_2023": "'pulled out ... after a two-day raid backed by drone strikes in which 12 Palestinians ... were "
                       "killed' is coded a drone strike on the day of the withdrawal: a raid spanning days is not read "
                       "as an aggregate",
    "p_et_roundup_2023": "a state of emergency declared 'earlier this month', background to the day's fighting, is "
                         "coded a strategic development (the trigger table codes declared states of emergency)",
    "p_ne_communique_2022": "a state of emergency extended for three more months, a policy in the wire's background, is "
                            "coded a strategic development",
    "p_lb_statements_2024": "a group's notice of its fighters' deaths ('announced the deaths of three of its fighters ..., "
                            "without saying where they were killed') is coded a clash; a 'without saying where' cue is "
                            "read as 'without fighting' is, which leaves the deed standing",
    "p_ly_brak_2017": "the toll sentence of the storming is coded the LNA's attack on civilians (see the gap on "
                      "p_ly_brak_2017 0), and the LNA spokesman's claim of executions an attack",
}


@lru_cache(maxsize=None)
def _document(doc_id: str) -> Document:
    record = RECORDS[doc_id]
    return Pipeline.default().process(document_from_text(record["text"], id=doc_id, format="jsonl",
                                                         published=parse_published(record["published"])))


@lru_cache(maxsize=1)
def _judge() -> ActorJudge:
    return ActorJudge(get_actor_kb())


def _strict() -> list[Any]:
    cases = []
    for doc_id, record in RECORDS.items():
        strict = [g for g in record["gold_events"] if not (g.get("optional") or g.get("background"))]
        for n, _ in enumerate(strict):
            gap = GAPS.get((doc_id, n))
            marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
            cases.append(pytest.param(doc_id, n, id=f"{doc_id}-{n}", marks=marks))
    return cases


@pytest.mark.parametrize(("doc_id", "number"), _strict())
def test_each_gold_event_is_found_whole(doc_id: str, number: int) -> None:
    record = RECORDS[doc_id]
    strict = [g for g in record["gold_events"] if not (g.get("optional") or g.get("background"))]
    gold = strict[number]
    judged = judge_document({**record, "gold_events": strict}, _document(doc_id), _judge())
    event = next((e for g, e in judged.matches if g is gold), None)
    assert event is not None, f"missed: {gold['evidence']}"
    kinds = [(gold["event_type"], gold["sub_event_type"]), *(tuple(a.split(": ", 1)) for a in gold.get("alt_sub_event_types", []))]
    assert (event.event_type, event.sub_event_type) in kinds
    assert _judge().pair(gold["actor1"], gold["actor2"], event), (event.actor1, event.actor2)
    assert get_actor_kb().country_code(event.country or "") == gold["location"]["country"], event.location
    assert (event.event_date or "")[:len(gold["date"])] == gold["date"]
    assert event.fatalities == (gold["fatalities"] or 0)


@pytest.mark.parametrize("doc_id", [pytest.param(d, marks=[pytest.mark.xfail(reason=TRAP_GAPS[d], strict=True)] if d in TRAP_GAPS else [])
                                    for d in sorted(RECORDS)])
def test_no_event_rests_on_a_labelled_non_event(doc_id: str) -> None:
    record = RECORDS[doc_id]
    judged = judge_document(record, _document(doc_id), _judge())
    hits = [trap["sentence"] for trap, events in judged.traps if events]
    assert hits == []
    assert all((e.modality or "asserted") in ASSERTED for _, e in judged.matches)
