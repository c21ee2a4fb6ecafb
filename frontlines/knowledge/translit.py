"""Transliteration-aware keys for names written in Latin script from Arabic (and similar).

``skeleton("Khalifa Hifter") == skeleton("Khalifa Haftar")``: lower case, no diacritics or articles,
q->k, kh->k, gh->g, dh->d, th->t, ou->u, doubled letters collapsed, then the consonant skeleton with
the first letter kept. Two names match when their skeletons are equal, or nearly equal (one edit)
with the same first letter and similar length - and never on very short names.
"""

from __future__ import annotations

import unicodedata

from frontlines import fastre

__all__ = ["ascii_fold", "close_skeletons", "skeleton"]

_ARTICLE = fastre.compile(r"\b(?:al|el| al-|el-|ad|ar|as|ash|an|az)[- ]")
_DIGRAPHS = [("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
             ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"),
             ("w", "u"), ("y", "i"), ("p", "b"), ("v", "f"), ("g", "k")]


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def skeleton(name: str) -> str:
    """The transliteration key of a name (empty for names too short to compare safely)."""
    text = ascii_fold(name)
    text = fastre.sub(r"[’'`ʿʾ]", "", text)
    text = _ARTICLE.sub(" ", f" {text}").strip()
    words = fastre.findall(r"[a-z]+", text)
    keys = []
    for word in words:
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        word = fastre.sub(r"(.)\1+", r"\1", word)
        if len(word) > 1:
            word = word[0] + fastre.sub(r"[aeiouh]", "", word[1:])
        keys.append(word)
    return " ".join(keys)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def close_skeletons(a: str, b: str) -> bool:
    """Equal skeletons, or one edit apart on names long enough that one edit is not a new name."""
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if x[0] != y[0] or min(len(x), len(y)) < 5 or not _one_edit(x, y):
            return False
    return True
