"""parse_page: one page of raw newspaper text -> ParsedPage.

The stages, each in its own module, each with its rules in ordered tables:

1. lines.py      what each line is, judged on its own (LINE_KINDS) and then among its
                 neighbours (kickers, verse, paragraph heads cut at a column break);
                 closings.py names the lines that close a story.
2. runs.py       what a run of heading lines is (HEADING_RUNS); inside an open story,
   boundaries.py whether a new story starts at the heading: the named clues are weighed
                 (BOUNDARY_RULES).
3. headlines.py  a headline's blocks: kicker, title, subtitle, rubric; lead and deck lines.
4. breaks.py     whether a line runs on the paragraph above (column breaks), what a break
                 repeated (PARAGRAPH_ENDS).
5. drafts.py     the article being read, and the ParsedArticle it becomes.
   pictures.py   pictures set between two stories.

This module walks the lines in order and hands each to the stage that knows it; it holds
the open story. Nothing is lost: every character lands in one output field or in a
repair's `dropped`. explain.py's explain_page() says which rule decided what.
"""

from __future__ import annotations

import dataclasses
import re

from . import breaks, bylines, pictures
from . import lines as L
from .decoding import decode, normalise_newlines
from .drafts import Draft
from .headlines import read_headline
from .model import ParsedArticle, ParsedPage, Repair, Warning
from .runs import Decision, HeadingRuns
from .sections import page_section
from .text import ends_sentence, ends_with_colon, squeeze

_WHOLE_NOTE = re.compile(r"[(（][^()（）]{2,60}[)）]")


class _Reader(HeadingRuns):
    def __init__(self, lines: list[L.Line]):
        self.lines = lines
        self.masthead: list[str] = []
        self.unassigned: list[str] = []
        self.repairs: list[Repair] = []
        self.warnings: list[Warning] = []
        self.articles: list[ParsedArticle] = []
        self.current: Draft | None = None
        self.pending_continued_from = False
        self.pending_bylines: list[L.Line] = []  # credit lines read above the next headline
        self.pending_rubric = ""  # a 简讯 column's name, for its first item
        self.pending_captions: list[L.Line] = []  # captions read before the page's first story
        # An article above that stopped mid-sentence with no jump: (its index, its warning) — the
        # rest of its text may come later on the page, after a story set into its columns.
        self.open_tail: tuple[int, Warning] | None = None
        # The article above whose last lines were captions, and how many: a picture standing
        # between two stories may belong to the one below.
        self.trailing_captions: tuple[int, int] | None = None
        self.blankless = L.has_no_blank_lines(lines)
        # Only where the page shows column breaks may a paragraph run on past a blank line.
        self.column_breaks = self.blankless or breaks.page_has_column_breaks(lines)
        self.decisions: list[Decision] = []  # every place where a story was opened, or a heading kept inside one
        self.opened_by: list[str] = []  # per article, what opened it

    # -- the walk ---------------------------------------------------------
    def read(self) -> None:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if line.kind == L.HEADING:
                j = i
                while j < len(self.lines) and self.lines[j].kind == L.HEADING:
                    j += 1
                self.heading_run(self.lines[i:j], j)
                self.give_pending_bylines()  # the headline did not open an article after all
                i = j
                continue
            if line.kind == L.TEXT and self.current is None and self.credits_a_picture(i + 1):
                self.pending_captions.append(line)  # a picture's caption above the page's first story
                i += 1
                continue
            if (line.kind == L.CREDIT and self.byline_of_next(i)) or (line.kind == L.SOURCE and self.source_of_next(i)):
                self.pending_bylines.append(line)
                i += 1
                continue
            getattr(self, f"on_{line.kind}")(line)
            i += 1
        self.close()
        for line in self.pending_captions:  # no story on the page to give them to
            self.orphan(line, "图片说明前没有稿件")

    def credits_a_picture(self, i: int) -> bool:
        return i < len(self.lines) and self.lines[i].kind == L.CREDIT and self.lines[i].photo

    def source_of_next(self, i: int) -> bool:
        """A source line (综合新华社报道) after a story that its end marker (完) closed, above a
        headline: it heads the story below."""
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return self.current is not None and self.current.ended and following is not None and following.kind == L.HEADING

    def byline_of_next(self, i: int) -> bool:
        """A credit line standing above a headline (commentaries print 本报评论员 X first), not closing the article above.

        Only when the article above has its byline already, the line is no picture credit,
        and a headline follows with its text.
        """
        line, draft = self.lines[i], self.current
        if line.photo or draft is None or not draft.byline or not draft.paragraphs or not line.gap:
            return False
        if line.text[:1] in "(（" or not draft.credits:
            return False  # (记者 张三) in brackets, or names for a dateline that had none: the story above
        j = i + 1
        while j < len(self.lines) and self.lines[j].kind == L.HEADING:
            j += 1
        return (
            i + 1 < j < len(self.lines) and self.lines[j].kind == L.TEXT and not self.is_subhead(self.lines[i + 1 : j])
        )

    def on_furniture(self, line: L.Line) -> None:
        self.masthead.append(line.text)

    def on_jump(self, line: L.Line) -> None:
        self.repairs.append(Repair("jump-marker", line.no, line.text))
        backward = L.JUMP_LINE.fullmatch(squeeze(line.text)).group("dir") not in L.FORWARD_JUMPS
        if self.current is None or (backward and self.current.paragraphs):
            self.pending_continued_from = backward or self.pending_continued_from
            if not backward:
                self.warnings.append(Warning(line.no, f"转版标记 {line.text} 前没有稿件"))
            return
        if backward:
            self.current.continued_from = True
        else:
            self.current.continues = True

    def on_dateline(self, line: L.Line) -> None:
        lead = line.found
        if self.current is not None and not self.current.byline and self.current.has_deck_only():
            self.current.make_deck()  # ■ 提要 / two short lines between a headline and its dateline
        if self.current is None or self.current.byline or self.current.paragraphs:
            self.decisions.append(Decision(line.no, line.text[:20], "new-story", "dateline-opens-story"))
            self.open([], "dateline-opens-story")
        draft = self.current
        draft.byline, draft.dateline = lead.byline, lead.dateline
        draft.credits = lead.credits + draft.credits  # the byline's names first, then any caption's
        draft.last, draft.last_line = "byline", line.no
        if squeeze(lead.rest):
            self.add_text(L.Line(no=line.no, text=lead.rest.strip(), gap=0))

    def on_credit(self, line: L.Line) -> None:
        draft = self.current
        if draft is None and line.photo and self.pending_captions:
            caption = self.pending_captions[-1]  # the credit of a picture above the first story
            self.pending_captions[-1] = L.Line(no=caption.no, text=f"{caption.text} {line.text}", gap=caption.gap)
            return
        if draft is None:
            self.orphan(line, "署名行前没有稿件")
            return
        draft.add_credit(line.no, line.text, line.found, line.photo)

    def on_brief(self, line: L.Line) -> None:
        """One item of a 简讯 column: its 【title】 opens a story, the rest is its text and byline."""
        title, text = line.found
        self.open([], "brief-item")
        self.current.title, self.current.rubric = title, self.pending_rubric
        self.pending_rubric = ""
        self.add_text(L.Line(no=line.no, text=text, gap=0))

    def on_end(self, line: L.Line) -> None:
        """(完) on a line of its own: the story above is complete."""
        self.repairs.append(Repair("end-marker", line.no, line.text))
        if self.current is not None:
            self.current.last, self.current.ended = "end", True

    def on_source(self, line: L.Line) -> None:
        """（新华社北京6月3日电）or （据新华社） closing a story: part of its byline."""
        if self.current is None:
            self.orphan(line, "来源行前没有稿件")
            return
        self.current.add_source(line.no, line.text, line.found)

    def on_closing(self, line: L.Line) -> None:
        """A closing dateline, note or series credit: the last paragraph of the story above."""
        if self.current is None:
            self.orphan(line, "结尾说明前没有稿件")
            return
        self.current.add_closing(line.no, line.text, line.gap, line.found)

    def on_caption(self, line: L.Line) -> None:
        if self.current is None:
            # A picture above the page's first story (the front page's lead photo): it goes with that story.
            self.pending_captions.append(line)
            return
        self.current.add_caption(line.no, line.text)

    def on_text(self, line: L.Line) -> None:
        if self.current is None:
            self.orphan(line, "版面开头的文字未能归入任何稿件(可能接自其他版面)")
            return
        self.add_text(line)

    # -- building articles -----------------------------------------------------
    def open(self, run: list[L.Line], why: str) -> None:
        self.close()
        draft = Draft(first_line=run[0].no if run else 0, opened_by=why)
        self.current = draft
        texts = [(self.strip_jumps(line), line.gap) for line in run]  # 标题（上接第1版）: the jump beside it
        draft.kicker, draft.title, draft.subtitle, draft.rubric = read_headline(texts, self.blankless)
        draft.continued_from = draft.continued_from or self.pending_continued_from
        self.pending_continued_from = False
        draft.last = "heading"
        draft.last_line = run[-1].no if run else 0
        draft.captions.extend(line.text for line in self.pending_captions)
        for line in self.pending_captions:
            draft.credits = draft.credits + bylines.photo_credit_names(line.text)
        self.pending_captions.clear()
        self.claim_captions_from_above(draft)
        self.give_pending_bylines()

    def give_pending_bylines(self) -> None:
        """Credit lines held back from the article above go to the article now open."""
        for line in self.pending_bylines:
            self.on_source(line) if line.kind == L.SOURCE else self.on_credit(line)
        self.pending_bylines.clear()

    def add_subhead(self, run: list[L.Line]) -> None:
        self.current.add_subhead([line.text for line in run], run[-1].no)

    def add_lead(self, line: L.Line) -> None:
        """A lead or deck line: a paragraph of its own, which the next text does not run into."""
        self.current.add_lead(line.no, line.text, line.gap)

    def add_text(self, line: L.Line) -> None:
        draft = self.current
        text = self.strip_jumps(line)
        trailing = bylines.trailing_credit(text)
        if trailing:
            text, byline, credits = trailing
            draft.byline = f"{draft.byline} {byline}".strip()
            draft.credits = draft.credits + credits
        if not squeeze(text):
            return
        if not draft.first_line:
            draft.first_line = line.no
        previous = draft.paragraphs[-1] if draft.paragraphs and draft.last in {"text", "caption"} else None
        if previous is not None and ends_sentence(previous) and self.resume_open_tail(line, text):
            return
        # Past a blank line only where columns break, or under a label alone on its line (【编者按】).
        runs_on = self.column_breaks or not line.gap or (previous is not None and L.is_note_label(previous))
        if previous is not None and runs_on and line.rule != "verse-line" and breaks.joins(previous, text):
            at_break = line.gap or self.blankless
            if at_break and breaks.repeated_at_break(previous, text):
                self.repairs.append(Repair("duplicate-at-break", line.no, text[0]))
                text = text[1:]
            draft.paragraphs[-1] = previous + text
        else:
            draft.paragraphs.append(text)
            draft.paragraph_gaps.append(line.gap)
        draft.last, draft.last_line = "verse" if line.rule == "verse-line" else "text", line.no
        draft.captions_since_text = 0

    def strip_jumps(self, line: L.Line) -> str:
        """Take (下转第X版) / (上接第X版) out of a paragraph, noting them on the article; and a closing (完)."""
        text = line.text
        end = L.END_MARK.search(text)
        if end and not text[end.end() :].strip():
            self.repairs.append(Repair("end-marker", line.no, end.group(0)))
            text = text[: end.start()]
            self.current.ended = True
        for match in reversed(list(L.JUMP_MARK.finditer(text))):
            self.repairs.append(Repair("jump-marker", line.no, match.group(0)))
            if match.group("dir") in L.FORWARD_JUMPS:
                self.current.continues = True
            else:
                self.current.continued_from = True
            text = text[: match.start()] + text[match.end() :]
        return text.strip()

    def claim_captions_from_above(self, draft: Draft) -> None:
        """Captions closing the story above that speak of this story's headline are this story's picture."""
        if self.trailing_captions is None:
            return
        index, count = self.trailing_captions
        self.trailing_captions = None
        above, moved, credited = pictures.claim_captions(
            self.articles[index], count, draft.kicker + draft.title + draft.subtitle
        )
        if moved:
            self.articles[index] = above
            draft.captions[:0] = moved
            draft.credits = draft.credits + credited

    def resume_open_tail(self, line: L.Line, text: str) -> bool:
        """Text that cannot open a paragraph (实办好。同时…, 的好少年…) after a finished one: the rest of
        the story above that stopped mid-sentence, its columns set around the story between."""
        if self.open_tail is None or not breaks.continues_a_sentence(text):
            return False
        index, warning = self.open_tail
        article = self.articles[index]
        if not article.paragraphs:
            return False
        last = article.paragraphs[-1]
        if breaks.repeated_at_break(last, text):
            self.repairs.append(Repair("duplicate-at-break", line.no, text[0]))
            text = text[1:]
        self.repairs.append(Repair("resumed-after-story", line.no, ""))
        joined = last + text
        complete = ends_sentence(joined)
        self.articles[index] = dataclasses.replace(
            article, paragraphs=(*article.paragraphs[:-1], joined), continues=not complete, last_line=line.no
        )
        if complete:
            self.warnings.remove(warning)
            self.open_tail = None
        return True

    def orphan(self, line: L.Line, message: str) -> None:
        self.unassigned.append(line.text)
        self.warnings.append(Warning(line.no, message))

    def close(self) -> None:
        draft = self.current
        if draft is None:
            return
        self.current = None
        last = draft.paragraphs[-1] if draft.paragraphs else ""
        if (draft.closed_by or _WHOLE_NOTE.fullmatch(last)) and len(draft.paragraphs) > 1:
            last = draft.paragraphs[-2]  # (作者系…): a note closing the text; the text ends above it
        self.open_tail = None
        if last and not ends_sentence(last) and not ends_with_colon(last) and draft.last != "verse":
            if not draft.continues:  # a (下转…) marker already said so
                warning = Warning(draft.last_line, "稿件在句中结束,应转至其他版面")
                self.warnings.append(warning)
                self.open_tail = (len(self.articles), warning)
            draft.continues = True
        self.trailing_captions = None
        if draft.is_photo_item():
            # A picture with its credit above a line or two of text: the text is its caption.
            draft.make_photo_item()
        elif draft.paragraphs and draft.last == "caption" and draft.captions_since_text:
            self.trailing_captions = (len(self.articles), draft.captions_since_text)
        self.opened_by.append(draft.opened_by)
        self.articles.append(draft.freeze(page_section(self.masthead)))


def _read(text: str) -> tuple[_Reader, list[Repair]]:
    text = normalise_newlines(text)
    repairs: list[Repair] = []
    if text.startswith("\ufeff"):
        repairs.append(Repair("byte-order-mark", 1, "\ufeff"))
        text = text[1:]
    reader = _Reader(L.split_lines(text))
    reader.read()
    return reader, repairs


def _page(reader: _Reader, repairs: list[Repair]) -> ParsedPage:
    return ParsedPage(
        masthead=tuple(reader.masthead),
        articles=tuple(reader.articles),
        unassigned=tuple(reader.unassigned),
        repairs=tuple(repairs + reader.repairs),
        warnings=tuple(sorted(reader.warnings, key=lambda w: w.line)),
    )


def parse_page(text: str) -> ParsedPage:
    """Read one page of raw newspaper text into articles, furniture, repairs and warnings."""
    return _page(*_read(text))


def parse_bytes(data: bytes) -> ParsedPage:
    """Decode a page file (UTF-8, GB18030/GBK or UTF-16) and parse it; ParseError if undecodable."""
    return parse_page(decode(data))
