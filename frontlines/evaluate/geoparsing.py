"""Geoparsing XML (LGL, GeoVirus): toponym detection and resolution within 161 km, end to end."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from frontlines.evaluate.report import EvalReport, ratio
from frontlines.knowledge.geo import haversine_km

__all__ = ["score_geoparsing"]


def _gold(article: ET.Element) -> list[tuple[int, int, float, float]]:
    spans = []
    for node in article.iter():
        if node.tag not in ("toponym", "location"):
            continue
        start, end = node.findtext("start"), node.findtext("end")
        lat = node.findtext("gaztag/lat") or node.findtext("lat")
        lon = node.findtext("gaztag/lon") or node.findtext("lon")
        if start and end and lat and lon:
            spans.append((int(start), int(end), float(lat), float(lon)))
    return spans


def score_geoparsing(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalReport:
    from frontlines.pipeline.reading.ingest import document_from_text

    articles = ET.parse(path).getroot().findall("article")
    articles = articles[:limit] if limit else articles
    texts = [a.findtext("text") or "" for a in articles]
    docs = [document_from_text(t, id=f"geo-{i}") for i, t in enumerate(texts)]
    gold_total = predicted_total = detected = correct = correct_of_detected = 0
    for article, doc in zip(articles, pipeline.pipe(docs, batch_size=16), strict=True):
        gold = _gold(article)
        places = [m for m in doc.mentions if m.kind == "place" and m.latitude is not None]
        gold_total += len(gold)
        predicted_total += len(places)
        for start, end, lat, lon in gold:
            match = next((m for m in places if m.start < end and start < m.end), None)
            if match is None:
                continue
            detected += 1
            if haversine_km(lat, lon, match.latitude, match.longitude) <= 161:
                correct += 1
                correct_of_detected += 1
    precision = ratio(detected, predicted_total)
    recall = ratio(detected, gold_total)
    metrics = {
        "toponym precision": precision,
        "toponym recall": recall,
        "toponym F1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "resolved within 161 km (end to end)": ratio(correct, gold_total),
        "within 161 km of detected toponyms": ratio(correct_of_detected, detected),
    }
    return EvalReport("geoparsing", path.name, len(articles), metrics)
