"""Cross-document work: the same event across reports (every source kept) and situation reports."""

from __future__ import annotations

from frontlines.fusion.cluster import EventCluster, cluster_events
from frontlines.fusion.sitrep import SitRep, situation_report

__all__ = ["EventCluster", "SitRep", "cluster_events", "situation_report"]
