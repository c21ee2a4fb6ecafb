"""One event per incident within a document: the same (sub-type, date, place, actors, modality) told twice is
one event, and of two triggers of one sentence telling one incident the event that names the actors is kept."""

from __future__ import annotations

from frontlines.model import Event

__all__ = ["one_per_incident"]

def one_per_incident(events: list[Event]) -> list[Event]:
    """One event per (sub-type, date, place, actors) within a document; keep the best-evidenced."""
    out: dict[tuple[str | None, ...], Event] = {}
    for ev in events:
        key = (ev.sub_event_type, ev.event_date, ev.location, ev.actor1_id, ev.actor2_id, ev.modality)
        kept = out.get(key)
        if kept is None:
            out[key] = ev
        elif ev.fatalities_aggregate:
            continue  # a running total ("35 killed since Thursday") is no toll of the incident kept
        elif kept.fatalities_aggregate:
            kept.fatalities, kept.fatalities_aggregate = ev.fatalities, False
        else:
            kept.fatalities = max(kept.fatalities, ev.fatalities)
    return _fill_partial(list(out.values()))


def _fill_partial(events: list[Event]) -> list[Event]:
    """Two triggers of one sentence telling one incident ("students protested ...; police dispersed them with tear
    gas"): the event that leaves an actor open gives way to the one that names it, all else equal; a battle told
    from each side ("fighters attacked the base; troops killed 20 of the insurgents") is one battle."""
    def same_but_actors(a: Event, b: Event) -> bool:
        return (a.sub_event_type, a.event_date, a.location, a.modality) == (b.sub_event_type, b.event_date, b.location,
                                                                             b.modality) \
            and a.evidence.get("start", 0) < b.evidence.get("end", 0) and b.evidence.get("start", 0) < a.evidence.get("end", 0)

    def covers(full: Event, part: Event) -> bool:
        if full is part or not same_but_actors(full, part) or full.fatalities_aggregate:
            return False
        if part.event_type == "Battles" and {part.actor1_id, part.actor2_id} == {full.actor1_id, full.actor2_id}:
            return events.index(full) < events.index(part)  # a battle told from each side: the first telling
        return all(p is None or p == f for p, f in ((part.actor1_id, full.actor1_id), (part.actor2_id, full.actor2_id))) \
            and (part.actor1_id, part.actor2_id) != (full.actor1_id, full.actor2_id)

    out: list[Event] = []
    for ev in events:
        full = next((other for other in events if covers(other, ev)), None)
        if full is None:
            out.append(ev)
        elif not ev.fatalities_aggregate:
            full.fatalities = max(full.fatalities, ev.fatalities)
    return out
