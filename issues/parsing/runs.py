"""Stage 2 of the page reader: what a run of heading lines inside the page is, read by the first
row of HEADING_RUNS that recognises it (the rest of a paragraph cut at a column break, a 简讯
column's name, furniture, a part's title, a lead or deck line, the first headline, or, inside a
story, whatever the weighed boundary rules say), and the Decision recorded for --explain.

HeadingRuns is a stage of page._Reader: it reads the open story (`current`), the lines and the
reader's ways to add to a story (`add_text`, `add_subhead`, `add_lead`, `open`, `orphan`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import boundaries, breaks
from . import lines as L
from .headlines import deck_lines_at, lead_lines_at
from .rules import Verdict
from .text import ends_sentence, ends_with_colon, squeeze

SUBHEAD_MAX_LINES = 2
PART_TITLE_MAX = 8  # a part's title (a poem's, a section's) under the byline is this short


@dataclass(frozen=True)
class Decision:
    """Where a story was opened, or a heading kept inside the story above, and why (for --explain)."""

    line: int
    text: str
    reading: str  # new-story or in-body-heading
    by: str  # first-headline, boundary-rules, dateline-opens-story, part-title
    verdict: Verdict | None = None

    def to_dict(self) -> dict:
        data = {"line": self.line, "text": self.text, "reading": self.reading, "by": self.by}
        if self.verdict is not None:
            data.update(self.verdict.to_dict())
        return data


class HeadingRuns:
    def heading_run(self, run: list[L.Line], j: int) -> None:
        """A run of heading lines: the first reading in HEADING_RUNS that recognises it says what it is."""
        following = self.lines[j] if j < len(self.lines) else None
        for reading in HEADING_RUNS:
            if reading.test(self, run, following):
                reading.act(self, run, j)
                return

    # -- the readings of a heading run (HEADING_RUNS) --------------------------------
    def as_text(self, run: list[L.Line], j: int) -> None:
        for line in run:
            self.add_text(line)

    def as_brief_column(self, run: list[L.Line], j: int) -> None:
        self.pending_rubric = " ".join(line.text for line in run)  # 简讯: the column's name

    def as_furniture(self, run: list[L.Line], j: int) -> None:
        if self.current is None:
            self.masthead.extend(line.text for line in run)
            return
        for line in run:
            self.orphan(line, "孤立的标题行,未能归入任何稿件")

    def as_part_title(self, run: list[L.Line], j: int) -> None:
        self.decisions.append(Decision(run[0].no, run[0].text, "in-body-heading", "part-title"))
        self.add_subhead(run)

    def with_lead(self, run: list[L.Line], j: int) -> None:
        lead = lead_lines_at(run)
        self.heading_run(run[:lead], j - len(run) + lead)
        for line in run[lead:]:
            self.add_lead(line)

    def with_deck(self, run: list[L.Line], j: int) -> None:
        deck = deck_lines_at(run)
        self.heading_run(run[:deck], j - len(run) + deck)
        for line in run[deck:]:
            self.add_subhead([line])

    def as_first_headline(self, run: list[L.Line], j: int) -> None:
        self.decisions.append(Decision(run[0].no, run[0].text, "new-story", "first-headline"))
        self.open(run, "first-headline")

    def by_boundary_rules(self, run: list[L.Line], j: int) -> None:
        verdict = boundaries.new_story(boundaries.candidate_at(self.lines, run, j, self.current))
        following = self.lines[j] if j < len(self.lines) else None
        if verdict.score <= 0 and following is not None and following.kind in {L.TEXT, L.CAPTION}:
            if len(run) == 1 and boundaries.is_quoted_sentence(run[0].text):
                # “今年的日子好过了！”: someone quoted in the story, a paragraph of its text
                self.decisions.append(Decision(run[0].no, run[0].text, "in-body-text", "boundary-rules", verdict))
                self.add_lead(run[0])
                return
            self.decisions.append(Decision(run[0].no, run[0].text, "in-body-heading", "boundary-rules", verdict))
            self.add_subhead(run)
            return
        self.decisions.append(Decision(run[0].no, run[0].text, "new-story", "boundary-rules", verdict))
        self.open(run, "boundary-rules")

    def heads_first_part(self, run: list[L.Line]) -> bool:
        """A short line straight under a headline and its byline, before any text: the title of
        the first part (诗二首 / ◎ 赵刚 / 山居 …), not a story of its own; and so are the
        short titles of the parts after it."""
        draft = self.current
        if len(run) != 1 or len(squeeze(run[0].text)) > PART_TITLE_MAX:
            return False
        if draft.dateline or draft.continues:
            return False  # a news story, or one that jumped to another page: what follows is another story
        if draft.in_parts or (draft.last == "byline" and not draft.paragraphs and draft.title):
            draft.in_parts = True  # the next part's title (听雨) is one too
            return True
        return False

    def continues_open_paragraph(self, line: L.Line) -> bool:
        draft = self.current
        if draft is None or draft.last != "text" or not draft.paragraphs:
            return False
        previous = draft.paragraphs[-1]
        if line.gap and not self.column_breaks:
            return False
        return not ends_with_colon(previous) and breaks.joins(previous, line.text)

    def is_subhead(self, run: list[L.Line]) -> bool:
        if len(run) > SUBHEAD_MAX_LINES or any(line.gap for line in run[1:]):
            return False
        return L.is_subhead_label(squeeze(run[0].text))


@dataclass(frozen=True)
class RunReading:
    """One reading of a run of heading lines: `test(reader, run, following)`, then `act(reader, run, j)`."""

    name: str
    recognises: str
    example: str
    test: Callable[[HeadingRuns, list[L.Line], L.Line | None], bool]
    act: Callable[[HeadingRuns, list[L.Line], int], None]


def _in_story(reader: HeadingRuns, following: L.Line | None) -> bool:
    return reader.current is not None and following is not None and following.kind in {L.TEXT, L.CAPTION}


# What a run of heading lines is, first match wins; the last row weighs the boundary rules.
HEADING_RUNS: tuple[RunReading, ...] = (
    RunReading(
        "rest-of-open-paragraph", "a short line after a paragraph cut mid-sentence: the rest of it",
        "……要准确理解和把握 / 高质量发展逻辑",
        lambda r, run, f: r.continues_open_paragraph(run[0]) and (f is None or f.kind in {L.TEXT, L.FURNITURE}),
        HeadingRuns.as_text,
    ),
    RunReading(
        "brief-column-name", "the name of a 简讯 column over its first 【item】", "本地简讯 / 【河畔步道开放】……",
        lambda r, run, f: f is not None and f.kind == L.BRIEF, HeadingRuns.as_brief_column,
    ),
    RunReading(
        "closing-quotation", "a short sentence closing the page: the last paragraph of the story above",
        "“过年好，家里都好！”",
        lambda r, run, f: f is None and r.current is not None and bool(r.current.paragraphs) and ends_sentence(run[-1].text),
        HeadingRuns.as_text,
    ),
    RunReading(
        "no-text-follows", "heading lines with no text under them: the masthead above the first story, else orphans",
        "青禾日报 / 第6版",
        lambda r, run, f: f is None or f.kind == L.FURNITURE, HeadingRuns.as_furniture,
    ),
    RunReading(
        "part-title", "a short title right under a byline, before any text: a poem's or a series' part",
        "诗二首 / ◎ 赵刚 / 山居", lambda r, run, f: _in_story(r, f) and r.heads_first_part(run), HeadingRuns.as_part_title,
    ),
    RunReading(
        "lead-line", "a commentary's lead line set off under its headline (headlines.lead_lines_at)",
        "让公园装满笑声（城事快评） / 一座城市的温度，藏在街角巷尾", lambda r, run, f: bool(lead_lines_at(run)), HeadingRuns.with_lead,
    ),
    RunReading(
        "deck-lines", "■ deck lines set off under the headline (headlines.deck_lines_at)",
        "全市造林进度过半 / ■今年计划造林两万亩，…", lambda r, run, f: bool(deck_lines_at(run)), HeadingRuns.with_deck,
    ),
    RunReading(
        "first-headline", "the first headline on the page", "城西新建两座口袋公园",
        lambda r, run, f: r.current is None, HeadingRuns.as_first_headline,
    ),
    RunReading(
        "boundary-rules", "inside a story: the boundary rules weigh whether a new story starts (boundaries.py)",
        "从排队到刷脸", lambda r, run, f: True, HeadingRuns.by_boundary_rules,
    ),
)  # fmt: skip
