"""Same-event clusters kept in the store (issue 13, deliverable 1): every event joins a cluster when its document
is analysed, so counts, maps and reports can use distinct events without regrouping on every page view.

For each new event, the stored reports that could tell the same incident are read with one indexed query (same
event type, dates within the precision's tolerance, within about 25 km or at the same place name): the
``PER_CLUSTER`` nearest reports of each stored cluster, at most ``CANDIDATES`` in all. A new report is compared with
the distinct incidents around it, not with every report of them: a much-reported incident (or a store holding many
reports of one place and week) does not make the next report dearer. Those of other documents that
``fusion.cluster.same_event`` accepts (coded fields and sentences) are matches, and the event joins the cluster ``fusion.cluster.choose_cluster`` picks: the closest match's when they
all belong to one cluster; when they belong to several (distinct incidents of one day and place), the one its sentence
supports, else none, and it starts its own. The work per event is bounded, so a store's clusters grow in time linear
in the documents added. Every report stays in its cluster with its own toll, date and source; why it joined and what
it disagrees on with the report it joined (tolls 3 vs 1, dates a day apart) are kept in the row's reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from frontlines.analysis.overrides import constrain
from frontlines.fusion.cluster import Match, choose_cluster, disagreements, match
from frontlines.model import Event
from frontlines.store.base import Store

__all__ = ["CANDIDATES", "PER_CLUSTER", "assign_clusters", "cluster_id_for"]

CANDIDATES = 40  # stored reports a new one is compared with, at most
PER_CLUSTER = 2  # of them from any one stored cluster (its nearest)
_TOLERANCE = {1: 1, 2: 7, 3: 31}
_BOX_DEG = 0.25  # about 25 km of latitude
_CLUSTERED = frozenset({"asserted", "claimed", "uncertain"})


def cluster_id_for(event_id: str) -> str:
    return "cl-" + hashlib.sha1(event_id.encode()).hexdigest()[:12]


def assign_clusters(store: Store, events: Sequence[Event]) -> list[tuple[str, str, str | None, str | None, str]]:
    """Assign and store a cluster for each dated event of ``events`` (already stored); the rows written."""
    rows: list[tuple[str, str, str | None, str | None, str]] = []
    overridden = store.overridden([e.event_id for e in events])  # named by analysts' splits and merges
    for event in events:
        if not event.event_date or event.modality not in _CLUSTERED:
            continue
        judged = {c.event_id: (c, match(event, c)) for c in _candidates(store, event) if c.event_id != event.event_id
                  and c.document_id != event.document_id and c.modality in _CLUSTERED}
        matches = [c for c, verdict in judged.values() if verdict.same]
        pinned = None
        if event.event_id in overridden:
            matches, pinned = constrain(store, event, matches)
        if pinned:
            rows.append((event.event_id, pinned[0], event.document_id, event.event_date, pinned[1]))
            continue
        known = store.clusters_of([m.event_id for m in matches]) if matches else {}
        chosen = choose_cluster(event, [(m, known[m.event_id]) for m in matches if m.event_id in known])
        if chosen:
            rows.append((event.event_id, chosen[1], event.document_id, event.event_date,
                         _joined(event, chosen[0], judged[chosen[0].event_id][1])))
        else:
            clusters = len({known[m.event_id] for m in matches if m.event_id in known})
            why = (f"a report of its own: it could be {clusters} distinct incidents and its sentence supports none"
                   if clusters > 1 else "first report")
            rows.append((event.event_id, cluster_id_for(event.event_id), event.document_id, event.event_date, why))
    if rows:
        store.save_clusters(rows)
    return rows


def _candidates(store: Store, event: Event) -> list[Event]:
    day = date.fromisoformat(event.event_date or "")
    tolerance = timedelta(days=_TOLERANCE.get(event.time_precision or 1, 366))
    box = None
    if event.latitude is not None and event.longitude is not None:
        box = (max(-180.0, event.longitude - _BOX_DEG), max(-90.0, event.latitude - _BOX_DEG),
               min(180.0, event.longitude + _BOX_DEG), min(90.0, event.latitude + _BOX_DEG))
    return store.cluster_candidates(event.event_type, day - tolerance, day + tolerance, box, event.location, CANDIDATES,
                                    per_cluster=PER_CLUSTER)


def _joined(event: Event, other: Event, verdict: Match) -> str:
    """Why ``event`` joined ``other``'s cluster (``verdict``: their ``match``) and what the two reports disagree on."""
    why = f"same event as {other.event_id} ({other.document_id}): {verdict.reason}"
    differ = disagreements(event, other)
    return f"{why}; disagree on {', '.join(differ)}" if differ else why
