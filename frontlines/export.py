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

__all__ = ["short_actor", "csv_lines", "geojson_feature", "geojson_lines", "jsonl_lines"]


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return "" if value is None else value


def csv_lines(events: Iterable[Event]) -> Iterator[str]:
    """Header then one line per event, columns in ACLED order followed by ours."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    yield buffer.getvalue()
    for event in events:
        buffer.seek(0)
        buffer.truncate()
        row = event.to_row()
        writer.writerow([_csv_value(row[col]) for col in EVENT_COLUMNS])
        yield buffer.getvalue()


def geojson_feature(event: Event) -> dict[str, Any]:
    props = event.to_dict()
    lon, lat = props.pop("longitude"), props.pop("latitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


def geojson_lines(events: Iterable[Event]) -> Iterator[str]:
    """A FeatureCollection, streamed feature by feature."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for event in events:
        yield ("" if first else ",\n") + _dumps(geojson_feature(event))
        first = False
    yield "]}\n"


def jsonl_lines(events: Iterable[Event]) -> Iterator[str]:
    for event in events:
        yield _dumps(event.to_dict()) + "\n"


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

