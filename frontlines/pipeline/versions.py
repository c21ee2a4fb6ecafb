"""A stage's version from its content: a short hash of the code it runs and the curated data it reads.

``content_version("frontlines.pipeline.events.events")`` hashes, in a fixed order,

- the stage's own module and every ``frontlines.pipeline.*`` / ``frontlines.knowledge.*`` module it imports,
  followed transitively (imports inside functions count; package ``__init__`` files and the stage machinery,
  ``base.py`` and this module, do not), and ``frontlines/fastre.py``, through which the rules' patterns match;
- every file of ``frontlines/knowledge/data`` that one of those modules names in a string literal
  (``"events.yaml"``, ``DATA.glob("actors*.yaml")``).

So ``name@version`` on a document or a fact changes when a rule, a helper or a word list changes, and only
then. The hash covers bytes, not meaning: reformatting a module gives a new version too. It leaves out
the spaCy model and the compiled gazetteer cache, which are pinned by ``requirements.lock``.

Computed once per process per module (stage modules call it when they are imported): imports and file
names are found by regular expressions over about 300 KB of source, a few milliseconds; no model or
knowledge base is loaded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from frontlines import fastre

__all__ = ["PACKAGE", "content_version", "hash_sources", "stage_files"]

PACKAGE = Path(__file__).resolve().parent.parent  # the frontlines package folder
_FOLLOWED = ("pipeline", "knowledge")  # sub-packages whose modules count as a stage's code
_MACHINERY = frozenset({("pipeline", "base"), ("pipeline", "versions")})  # not rules: never part of a version
_SHARED = frozenset({"fastre"})  # modules outside those sub-packages that the rules run through
_FROM_IMPORT = fastre.compile(r"^[ \t]*from[ \t]+(frontlines(?:\.[\w.]+)?)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.MULTILINE)
_IMPORT = fastre.compile(r"^[ \t]*import[ \t]+([^\n]*)", re.MULTILINE)
_DATA_NAME = fastre.compile(r"""["']([\w*.-]+\.(?:ya?ml|jsonl?|csv|tsv|txt))["']""")
_DIGITS = 10  # hex digits kept: 40 bits, plenty to tell versions of one stage apart


def content_version(module: str) -> str:
    """The version of the stage in ``module`` (a dotted name under ``frontlines``), once per process."""
    return _cached_version(module)


@lru_cache(maxsize=None)
def _cached_version(module: str) -> str:
    return hash_sources(module, PACKAGE)


def hash_sources(module: str, package: Path) -> str:
    """The short hash of ``module``'s code and data, read from the ``frontlines`` folder ``package``
    (a copy of it in tests). No caching."""
    digest = hashlib.blake2b(digest_size=16)
    for path in stage_files(module, package):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:_DIGITS]


def stage_files(module: str, package: Path) -> list[Path]:
    """The source files and data files that make up ``module``'s version, sorted."""
    sources = _closure(module, package)
    data = {hit for path in sources for pattern in _scan(path)[1] for hit in _data_hits(package, pattern)}
    return sorted(sources) + sorted(data)


def _closure(module: str, package: Path) -> set[Path]:
    start = _module_path(module, package)
    if start is None:
        raise ValueError(f"{module!r} is not a module under {package}: "
                         "pass a dotted name like 'frontlines.pipeline.events.events'.")
    seen, todo = {start}, [start]
    while todo:
        for name in _scan(todo.pop())[0]:
            path = _module_path(name, package)
            if path is not None and path not in seen:
                seen.add(path)
                todo.append(path)
    return seen


def _module_path(module: str, package: Path) -> Path | None:
    """The file of a followed module ('frontlines.pipeline.events.events' -> pipeline/events/events.py, at any
    depth; 'frontlines.fastre' -> fastre.py); None for anything else, packages included."""
    parts = module.split(".")
    if len(parts) == 2 and parts[0] == "frontlines" and parts[1] in _SHARED:
        path = package / f"{parts[1]}.py"
        return path if path.is_file() else None
    if len(parts) < 3 or parts[0] != "frontlines" or parts[1] not in _FOLLOWED or tuple(parts[1:]) in _MACHINERY:
        return None
    path = package.joinpath(*parts[1:]).with_suffix(".py")
    return path if path.is_file() else None


def _imported(source: str) -> Iterator[str]:
    """Dotted names a module imports ('from frontlines.pipeline import nlp as x' gives frontlines.pipeline.nlp
    and frontlines.pipeline). A match inside a string is harmless: at worst one more file is hashed."""
    for m in _FROM_IMPORT.finditer(source):
        yield m.group(1)
        names = fastre.sub(r"#[^\n]*", "", m.group(2)).strip("()\\ \t\n")
        yield from (f"{m.group(1)}.{name.split()[0]}" for name in names.split(",") if name.strip())
    for m in _IMPORT.finditer(source):
        yield from (name.split()[0] for name in m.group(1).split(",") if name.strip())


def _data_hits(package: Path, pattern: str) -> list[Path]:
    return [p for p in (package / "knowledge" / "data").glob(pattern) if p.is_file()]


def _scan(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names ``path`` imports and the data file names it quotes (read once per file state)."""
    stat = path.stat()
    return _scan_cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _scan_cached(path: Path, mtime_ns: int, size: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    source = path.read_text(encoding="utf-8")
    return tuple(_imported(source)), tuple(m.group(1) for m in _DATA_NAME.finditer(source))
