"""The analysts' splits and merges of same-event clusters, obeyed by the incremental clustering (issue 12,
deliverable 4). ``constrain`` is read by ``clusters.assign_clusters`` each time it places a report that a split or
merge in force names (one query tells which reports of a document those are): a report an
analyst kept together with others (a merge) joins their cluster whatever the automatic rule says; a report kept
apart from others (a split) never joins a cluster holding one of them, nor do they join its. So a split or merge
outlives a re-ingest, a re-extraction and ``frontlines analyse --again``: the records live in the store
(``store.cluster_overrides``), not in the cluster rows the analysis rewrites.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from frontlines.model import Event
from frontlines.store.base import Store

__all__ = ["constrain"]


def constrain(store: Store, event: Event, matches: Sequence[Event]) -> tuple[list[Event], tuple[str, str] | None]:
    """The matches the overrides in force allow ``event`` (a report they name: ``Store.overridden``) to join, or
    the cluster a merge pins it to (its id and the reason kept on the row)."""
    links = store.cluster_links(event.event_id)
    if not links:
        return list(matches), None
    together = sorted(other for other, (link, _) in links.items() if link > 0)
    placed = store.clusters_of(together) if together else {}
    if placed:
        cluster = Counter(placed.values()).most_common(1)[0][0]
        partner = min(other for other, c in placed.items() if c == cluster)
        return [], (cluster, f"kept with {partner} by an analyst's merge (override {links[partner][1]})")
    apart = sorted(other for other, (link, _) in links.items() if link < 0)
    barred = set(store.clusters_of(apart).values()) if apart else set()
    if not barred:
        return list(matches), None
    where = store.clusters_of([m.event_id for m in matches]) if matches else {}
    return [m for m in matches if where.get(m.event_id) not in barred], None
