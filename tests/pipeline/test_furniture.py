"""Page furniture, rule by rule, on pages of our own: headlines and link lines, captions and credits, widgets."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.pipeline.reading.blog import parse_blog
from frontlines.pipeline.reading.furniture import furniture_reason

PAGE = """Home | World | Africa

Rebels seize border crossing in the north

SOUTHTOWN, May 3 (Reuters) - Rebels seized a border crossing on Friday after a night of clashes, officials said.
Fighters stand guard at the crossing on Friday. REUTERS/Jane Smith
The army said it would send reinforcements.

Read more: Army chief sacked after defeat
Twelve killed in market blast in capital
Government announces curfew in three provinces

Share this article
Residents said the fighting had stopped by noon and that shops were open again in the afternoon"""


def _furniture(text: str) -> list[str]:
    return [text[b.start:b.end] for b in parse_blog(text).blocks if b.kind == "furniture"]


def test_related_headlines_captions_and_widgets_are_furniture_each_with_a_reason() -> None:
    blocks = [b for b in parse_blog(PAGE).blocks if b.kind == "furniture"]
    texts = [PAGE[b.start:b.end] for b in blocks]
    assert "Twelve killed in market blast in capital" in texts
    assert "Government announces curfew in three provinces" in texts
    assert "Read more: Army chief sacked after defeat" in texts
    assert "Share this article" in texts
    assert any(t.startswith("Fighters stand guard") for t in texts)
    assert all(b.reason for b in blocks)


def test_the_article_is_kept_whole() -> None:
    texts = _furniture(PAGE)
    assert not any("Rebels seized a border crossing" in t for t in texts)
    assert not any("send reinforcements" in t for t in texts)
    # the last line is cut mid-sentence by the excerpt, not a headline
    assert not any(t.startswith("Residents said") for t in texts)


def test_furniture_yields_no_event() -> None:
    from frontlines.pipeline import extract_text

    doc = extract_text(PAGE, published=date(2021, 5, 3))
    noted = " ".join(e.notes for e in doc.events)
    assert "market blast" not in noted and "curfew" not in noted
    assert any("seized a border crossing" in e.notes for e in doc.events)


@pytest.mark.parametrize(("line", "following", "last", "kind"), [
    ("Militants storm police station in the east", "The attack began at dawn.", False, "headline"),
    ("Four aid workers kidnapped in the south, official says", "May 3, 2021", False, "headline"),
    ("Fighters fire on a position near the port. /Reuters", None, False, "caption"),
    ("Photo: smoke rises over the old city", "More text.", False, "caption"),
    ("Subscribe to our newsletter", "More text.", False, "widget"),
    ("© 2024 The Daily Example", None, False, "widget"),
])
def test_each_kind_of_furniture_line(line: str, following: str | None, last: bool, kind: str) -> None:
    reason = furniture_reason(line, following, last=last)
    assert reason and kind.split()[0][:5] in reason


@pytest.mark.parametrize(("line", "following", "last"), [
    ("Militants stormed a police station in the east on Monday.", "More.", False),  # a sentence
    ("Militants stormed a police station in the east and", "killed two officers.", False),  # a wrapped line
    ("Militants stormed a police station in the east", "and killed two officers on Monday.", False),
    ("Militants stormed a police station in the east", None, True),  # the excerpt's cut last line
])
def test_running_text_is_not_furniture(line: str, following: str | None, last: bool) -> None:
    assert furniture_reason(line, following, last=last) is None


def test_a_credit_closing_a_long_line_marks_only_its_last_sentence() -> None:
    text = ("Two gunmen opened fire on a police checkpoint at the northern entrance of the town on Monday, killing "
            "three policemen and wounding two, officials said. Residents walk past the checkpoint. Pic/AFP")
    furniture = _furniture(text + "\n\nMore text follows here.")
    assert furniture == ["Pic/AFP"]


def test_a_picture_desk_caption_is_furniture_whole() -> None:
    from frontlines.pipeline.reading.furniture import furniture_lines

    text = ("A truck carries fighters near Gao on June 9. Rebels won aid on Thursday. REUTERS/Jane Doe "
            "(MALI - Tags: CONFLICT)")
    assert [(s, e) for s, e, _ in furniture_lines(text, 0, len(text))] == [(0, len(text))]
    credit = "Rebels won aid on Thursday. A truck near Gao. REUTERS/Jane Doe"
    assert [s for s, _, _ in furniture_lines(credit, 0, len(credit))] == [credit.index("A truck")]  # the last sentence only


@pytest.mark.parametrize("line", ["Protesters in Kathmandu on Monday. (Photo: Staff)",
                                  "Mourners at a funeral in Mpondwe on Sunday. (Photograph: J. Okello)",
                                  "Smoke over the camp. (File photo: AFP)"])
def test_a_short_line_closed_by_a_bracketed_credit_is_a_caption_whole(line: str) -> None:
    from frontlines.pipeline.reading.furniture import furniture_lines

    assert [(s, e) for s, e, _ in furniture_lines(line, 0, len(line))] == [(0, len(line))]


@pytest.mark.parametrize("line", ["Relatives search a collapsed house in Zinjibar, June 11, 2020. (AFP)",
                                  "Police guard the market in Maiduguri after the blast. (Reuters)"])
def test_a_short_line_closed_by_an_agency_in_brackets_is_a_caption_whole(line: str) -> None:
    from frontlines.pipeline.reading.furniture import furniture_lines

    assert [(s, e) for s, e, _ in furniture_lines(line, 0, len(line))] == [(0, len(line))]


def test_a_paragraph_of_news_closed_by_an_agency_in_brackets_is_no_caption() -> None:
    from frontlines.pipeline.reading.furniture import furniture_lines

    line = ("Gunmen killed five soldiers near Gao on Monday, officials said, and the army sent reinforcements to the "
            "town in the evening while residents fled to the river. (AFP)")
    assert list(furniture_lines(line, 0, len(line))) == []


# a page copied line by line, with no blank line anywhere (issue 10, set e): each line is a paragraph of its own
LINE_PAGE = """Riverside Notes
Tuesday, March 4, 2025
Posted by J. Doe | 3 comments
TOWNSVILLE, March 4 - Gunmen attacked a police post in the town of Hilltop on Monday, killing two officers, police said.
Photo: Police officers at a checkpoint in Hilltop, 2023. File photo
UPDATE (Wednesday): Gunmen abducted two teachers in the village of Lowfield on Tuesday, residents said.
3 comments:
Anonymous said...
They attack every week and nobody does anything."""


def test_a_page_without_blank_lines_is_read_line_by_line() -> None:
    parsed = parse_blog(LINE_PAGE)
    kinds = {LINE_PAGE[b.start:b.end].strip()[:20]: b.kind for b in parsed.blocks}
    assert parsed.published == date(2025, 3, 4)
    assert parsed.wire_dateline is not None and LINE_PAGE[slice(*parsed.wire_dateline)].startswith("TOWNSVILLE")
    assert kinds["Photo: Police office"] == "furniture"
    assert kinds["They attack every we"] == "comments"
    assert kinds["Gunmen abducted two "] == "update"


def test_a_posted_by_byline_does_not_open_the_comments() -> None:
    parsed = parse_blog(LINE_PAGE)
    article = next(b for b in parsed.blocks if LINE_PAGE[b.start:b.end].startswith("TOWNSVILLE"))
    assert article.kind != "comments"


@pytest.mark.parametrize("label", ["UPDATE (Wednesday):", "UPDATE, 6 March:", "UPDATE 6/3:"])
def test_the_day_in_an_update_s_label_dates_the_update_not_what_it_tells(label: str) -> None:
    from frontlines.pipeline import extract_text

    text = f"Notes\n\nGunmen killed two officers in Hilltop on Monday, police said.\n\n{label} Gunmen abducted two " \
           "teachers in the town of Lowfield on Tuesday, residents said."
    doc = extract_text(text, published=date(2025, 3, 5))
    abduction = next(e for e in doc.events if "abducted" in e.notes)
    assert abduction.event_date == "2025-03-04"


@pytest.mark.parametrize("page", [
    "Rebels shelled the town on Monday, officials said.\nRelated headlines\nArmy retakes border post\nDrone strike hits fuel depot",
    "Rebels shelled the town on Monday, officials said.\n\nRead more:\nDrone strike hits fuel depot",
    "Rebels shelled the town on Monday, officials said.\n\nRelated headlines\n\nArmy retakes border post\n\nDrone strike hits fuel depot",
])
def test_the_last_line_of_a_list_of_links_is_a_headline_too(page: str) -> None:
    assert "Drone strike hits fuel depot" in _furniture(page)


def test_a_truncated_last_line_after_the_article_is_still_text() -> None:
    page = "Rebels shelled the town on Monday, officials said.\nResidents said the fighting had stopped by noon and"
    assert _furniture(page) == []


@pytest.mark.parametrize("header", ["Gebre W. - 18 April 2024 at 9:12 pm", "Moussa B. | June 14, 2024 at 6:02 pm",
                                    "Jane on March 3, 2015 at 5:12 pm said:"])
def test_a_comment_header_with_its_time_stamp_opens_the_readers_comments(header: str) -> None:
    page = f"Notes\n\nGunmen killed two officers in Hilltop on Monday, police said.\n\n{header}\n\n" \
           "The drones kill farmers, not the rebels. Shameful."
    parsed = parse_blog(page)
    comment = next(b for b in parsed.blocks if page[b.start:b.end].startswith("The drones"))
    assert comment.kind == "comments"


def test_a_byline_with_a_time_stamp_above_the_article_is_no_comment() -> None:
    page = "Notes\n\nJane Doe - 18 April 2024 at 9:12 pm\n\nGunmen killed two officers in Hilltop on Monday, police said."
    parsed = parse_blog(page)
    assert all(b.kind != "comments" for b in parsed.blocks)
