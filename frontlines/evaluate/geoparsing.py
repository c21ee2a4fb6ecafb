"""Geoparsing XML (LGL, GeoVirus): toponym detection and resolution within 161 km, end to end.

``half`` keeps the odd- or even-numbered articles (1-based, in file order): tune on one half, check on the other.
``verbose`` lists each gold toponym placed more than 161 km off (with the place chosen, its candidates and the
reason it won) and each one not found.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from frontlines.errors import InvalidParameterError
from frontlines.evaluate.report import EvalReport, ratio
from frontlines.knowledge.geo import haversine_km

__all__ = ["render_details", "score_geoparsing"]

_WITHIN_KM = 161  # 100 miles, the field's usual tolerance


def _gold(article: ET.Element) -> list[tuple[int, int, float, float, str]]:
    spans = []
    for node in article.iter():
        if node.tag not in ("toponym", "location"):
            continue
        start, end = node.findtext("start"), node.findtext("end")
        lat = node.findtext("gaztag/lat") or node.findtext("lat")
        lon = node.findtext("gaztag/lon") or node.findtext("lon")
        name = node.findtext("phrase") or node.findtext("gaztag/name") or node.findtext("name") or ""
        if start and end and lat and lon:
            spans.append((int(start), int(end), float(lat), float(lon), name))
    return spans


def _articles(path: Path, half: str | None, limit: int | None) -> list[tuple[int, ET.Element]]:
    if half not in (None, "odd", "even"):
        raise InvalidParameterError(f"--half {half!r}: use odd or even.")
    try:
        articles = ET.parse(path).getroot().findall("article")
    except ET.ParseError as exc:
        raise InvalidParameterError(f"{path.name} is not geoparsing XML ({exc}); pass another --corpus.") from exc
    numbered = [(n, a) for n, a in enumerate(articles, start=1) if half is None or (n % 2 == 1) == (half == "odd")]
    return numbered[:limit] if limit else numbered


def score_geoparsing(path: Path, pipeline: Any, *, limit: int | None = None, half: str | None = None,
                     verbose: bool = False, geoparse_mode: bool = True) -> EvalReport:
    """Toponyms as the corpora tag them (``geoparse_mode``: demonyms and names inside other names too); the "our
    spec" figure scores the extractor's own places against the gold's place names (demonyms left out)."""
    from frontlines.knowledge.actors import get_actor_kb
    from frontlines.knowledge.gazetteer import get_gazetteer
    from frontlines.pipeline.reading.ingest import document_from_text
    from frontlines.pipeline.resolution.geoparse import geoparse_toponyms

    gaz, kb = get_gazetteer(), get_actor_kb()
    articles = _articles(path, half, limit)
    docs = [document_from_text(a.findtext("text") or "", id=f"geo-{n}") for n, a in articles]
    gold_total = predicted_total = detected = correct = 0
    demonyms = spec_correct = 0  # gold toponyms that are demonyms ("Russian troops"), which our spec leaves out
    spec_total = spec_detected = 0  # the extractor's own places, and the gold place names (not demonyms) they find
    details: list[dict[str, Any]] = []
    for (number, article), doc in zip(articles, pipeline.pipe(docs, batch_size=16), strict=True):
        gold = _gold(article)
        # exactly what `frontlines geoparse` prints for the article's text
        toponyms = geoparse_toponyms(doc, gaz, kb, demonyms=geoparse_mode, inner_names=geoparse_mode)
        places = [t.mention for t in toponyms]
        spec = [t.mention for t in toponyms if t.kind == "place"]  # the extractor's own places
        gold_total += len(gold)
        predicted_total += len(places)
        spec_total += len(spec)
        for start, end, lat, lon, name in gold:
            match = next((m for m in places if m.start < end and start < m.end), None)
            demonym = _is_demonym(doc.text[start:end])
            demonyms += demonym
            own = next((m for m in spec if m.start < end and start < m.end), None)
            spec_detected += not demonym and own is not None
            spec_correct += not demonym and own is not None \
                and haversine_km(lat, lon, own.latitude or 0.0, own.longitude or 0.0) <= _WITHIN_KM
            if match is None:
                if verbose:
                    details.append({"kind": "miss", "article": number, "toponym": name or doc.text[start:end],
                                    "gold": [lat, lon], "context": doc.text[max(0, start - 60):end + 60]})
                continue
            detected += 1
            km = haversine_km(lat, lon, match.latitude or 0.0, match.longitude or 0.0)
            if km <= _WITHIN_KM:
                correct += 1
            elif verbose:
                details.append({"kind": "wrong place", "article": number, "toponym": name or match.text,
                                "gold": [lat, lon], "placed": match.canonical, "id": match.id,
                                "country": match.country, "km": round(km), "reason": match.reason})
    precision = ratio(detected, predicted_total)
    recall = ratio(detected, gold_total)
    metrics = {
        "toponym precision": precision,
        "toponym recall": recall,
        "toponym F1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "resolved within 161 km (end to end)": ratio(correct, gold_total),
        "within 161 km of detected toponyms": ratio(correct, detected),
        "resolved within 161 km, demonyms left out (our spec)": ratio(spec_correct, gold_total - demonyms),
    }
    # the extractor's own place names against the gold's (demonyms left out): the detection figures before the
    # geoparse reading, comparable across corpora that tag demonyms (LGL) and corpora that do not (GeoVirus)
    spec_p, spec_r = ratio(spec_detected, spec_total), ratio(spec_detected, gold_total - demonyms)
    metrics |= {"place names: toponym precision (our spec)": spec_p, "place names: toponym recall (our spec)": spec_r,
                "place names: toponym F1 (our spec)": round(2 * spec_p * spec_r / (spec_p + spec_r), 4)
                if spec_p + spec_r else 0.0}
    name = f"{path.name} ({half} half)" if half else path.name
    return EvalReport("geoparsing", name, len(articles), metrics, details=details)


def _is_demonym(text: str) -> bool:
    """A gold toponym written as a demonym or a country's adjective ("Russian", "Sri Lankans", "South Ossetian",
    "European"), which our spec does not count as a place name: the geoparse mode's rule
    (``pipeline/resolution/geoparse.py``)."""
    from frontlines.knowledge.actors import get_actor_kb
    from frontlines.knowledge.gazetteer import get_gazetteer
    from frontlines.pipeline.resolution.geoparse import demonym_place

    return demonym_place(text, get_gazetteer(), get_actor_kb()) is not None


def render_details(details: list[dict[str, Any]]) -> str:
    """One entry per toponym placed too far off or not found, for ``evaluate --verbose``."""
    lines = []
    for row in details:
        where = f"gold {row['gold'][0]:.2f}, {row['gold'][1]:.2f}"
        if row["kind"] == "miss":
            context = " ".join(row["context"].split())
            lines.append(f"  MISS   article {row['article']}: {row['toponym']} ({where})\n         context: {context}")
        else:
            lines.append(f"  WRONG  article {row['article']}: {row['toponym']} ({where}) placed at {row['placed']}, "
                         f"{row['country'] or '-'} [{row['id']}], {row['km']:,} km off\n         why: {row['reason']}")
    return "\n".join(lines)
