"""Writes a geoparsing gold file in the GeoVirus/LGL XML layout from articles of our own."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

Toponym = tuple[str, float, float]  # (name as written in the text, lat, lon)


def write_geoparsing_xml(path: Path, articles: Sequence[tuple[str, Sequence[Toponym]]]) -> Path:
    """One <article docid=N> per (text, toponyms); each toponym's offsets are its first occurrence in the text."""
    root = ET.Element("articles")
    for number, (text, toponyms) in enumerate(articles, 1):
        article = ET.SubElement(root, "article", docid=str(number))
        ET.SubElement(article, "text").text = text
        nodes = ET.SubElement(article, "toponyms")
        for name, lat, lon in toponyms:
            node = ET.SubElement(nodes, "toponym")
            start = text.index(name)
            for tag, value in (("start", start), ("end", start + len(name)), ("phrase", name)):
                ET.SubElement(node, tag).text = str(value)
            gaztag = ET.SubElement(node, "gaztag")
            ET.SubElement(gaztag, "lat").text = str(lat)
            ET.SubElement(gaztag, "lon").text = str(lon)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path
