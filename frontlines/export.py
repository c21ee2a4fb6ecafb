"""Serialising events: ACLED-column CSV, GeoJSON and JSON lines, streamed (one shape everywhere).

Used by the CLI and the web exports; depends on ``model`` only.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from frontlines.model import EVENT_COLUMNS, Event

__all__ = ["short_actor", "csv_lines", "geojson_feature", "geojson_lines", "jsonl_lines", "point_geojson_lines"]


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return "" if value is None else value


Annotated = tuple[Event, dict[str, Any] | None]  # an event and its analyst's correction (None: uncorrected)


def _split(events: Iterable[Any], corrected: bool) -> Iterator[Annotated]:
    for item in events:
        yield item if corrected else (item, None)


def csv_lines(events: Iterable[Any], corrected: bool = False) -> Iterator[str]:
    """Header then one line per event, columns in ACLED order followed by ours. ``corrected``: the items are
    ``(event, correction)`` pairs (``Store.with_corrections``) and a last ``correction`` column says who corrected
    the event, when, why and what changed (JSON; empty when uncorrected)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*EVENT_COLUMNS, "correction"] if corrected else EVENT_COLUMNS)
    yield buffer.getvalue()
    for event, correction in _split(events, corrected):
        buffer.seek(0)
        buffer.truncate()
        row = event.to_row()
        values = [_csv_value(row[col]) for col in EVENT_COLUMNS]
        writer.writerow([*values, _csv_value(correction)] if corrected else values)
        yield buffer.getvalue()


def geojson_feature(event: Event, correction: dict[str, Any] | None = None, corrected: bool = False) -> dict[str, Any]:
    props = event.to_dict()
    if corrected:
        props["correction"] = correction
    lon, lat = props.pop("longitude"), props.pop("latitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


def geojson_lines(events: Iterable[Any], corrected: bool = False) -> Iterator[str]:
    """A FeatureCollection, streamed feature by feature (``corrected``: as in ``csv_lines``)."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for event, correction in _split(events, corrected):
        yield ("" if first else ",\n") + _dumps(geojson_feature(event, correction, corrected))
        first = False
    yield "]}\n"


def point_geojson_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Flat records with ``latitude`` and ``longitude`` (toponyms of ``frontlines geoparse``) as a FeatureCollection
    of points, streamed; every other key is a property (a record without coordinates has a null geometry)."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for record in records:
        props = dict(record)
        lon, lat = props.pop("longitude", None), props.pop("latitude", None)
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        yield ("" if first else ",\n") + _dumps({"type": "Feature", "geometry": geometry, "properties": props})
        first = False
    yield "]}\n"


def jsonl_lines(events: Iterable[Any], corrected: bool = False) -> Iterator[str]:
    for event, correction in _split(events, corrected):
        yield _dumps({**event.to_dict(), "correction": correction} if corrected else event.to_dict()) + "\n"


def _dumps(obj: dict[str, Any]) -> str:
    """Compact UTF-8 JSON; orjson is ~10x faster than json.dumps on 100k-event exports."""
    return orjson.dumps(obj).decode("utf-8")


def short_actor(name: str | None) -> str:
    """A short label for an ACLED actor name, for tables: "Military Forces of Libya (2014-) Libyan National Army"
    -> "Libyan National Army"; "PFG: Petroleum Facilities Guard" -> "PFG"; "-" for none."""
    if not name:
        return "-"
    unit = re.match(r".*\(\d{4}-(?:\d{4})?\)\s+(.+)$", name)
    if unit:
        return unit.group(1)
    acronym = re.match(r"([A-Z][\w/-]{1,15}):\s", name)
    return acronym.group(1) if acronym else name

