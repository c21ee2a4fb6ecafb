"""``nlp.tokenize_sections``: a long text tokenised section by section gives exactly the tokens of tokenising
it whole (the actor dictionary's scan relies on it), and sections are cut only at a line break after a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.pipeline import nlp

PIECES = ["Rebels", "attacked", "U.S.", "forces", "(ISIS)", "don't", "5km", "Gen.", "al-Qaeda", "—", "\"", ",",
          "e.g.", ":)", " ", "  ", "\n", "\n\n", " \n", "\n ", "\t", "\xa0", "\r\n", ".", "’s"]


def _tokens(doc, offset: int = 0) -> list[tuple[int, str, bool]]:  # noqa: ANN001
    return [(offset + t.idx, t.text, bool(t.whitespace_)) for t in doc]


def _by_sections(text: str, size: int) -> list[tuple[int, str, bool]]:
    return [tok for at, doc in nlp.tokenize_sections(text, size) for tok in _tokens(doc, at)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(min_value=1, max_value=40))
def test_sections_give_the_tokens_of_the_whole_text(pieces: list[str], size: int) -> None:
    text = "".join(pieces)
    assert _by_sections(text, size) == _tokens(nlp.fast().make_doc(text))


def test_sections_cover_the_text_and_cut_after_a_word() -> None:
    text = "Clashes in Sirte.\n\nTwo soldiers died.  \nAn update:\nnone.\n" * 50
    bounds = nlp.sections(text, 100)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text) and len(bounds) > 5
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(text[end] == "\n" and not text[end - 1].isspace() for _, end in bounds[:-1])
    assert all(end - start >= 100 for start, end in bounds[:-1])
    assert nlp.sections("", 100) == [] and nlp.sections("one line", 3) == [(0, 8)]


def test_a_long_report_is_tokenised_alike() -> None:
    text = "\n\n".join(f"Update {i}: U.S. forces and al-Qaeda fighters clashed near Sirte, don't ask.\n - "
                       f"Gen. Haftar's men :) \t{i}km away." for i in range(400))
    assert len(nlp.sections(text)) > 1
    assert _by_sections(text, nlp.SECTION) == _tokens(nlp.fast().make_doc(text))
