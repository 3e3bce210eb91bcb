"""explain_page: a page parsed, and why: each line's kind and the rule that gave it, each place
where a story was opened or a heading kept inside one with the weighed clues, each article's lines."""

from __future__ import annotations

from .model import ParsedPage
from .page import _page, _read


def explain_page(text: str) -> tuple[ParsedPage, dict]:
    """Parse a page and say why: each line's kind and the rule that gave it, each place where a
    story was opened or a heading kept inside one with the weighed clues, and each article's lines."""
    reader, repairs = _read(text)
    page = _page(reader, repairs)
    starts = [(a.first_line, n) for n, a in enumerate(page.articles, start=1) if a.first_line]

    def article_of(no: int) -> int | None:
        """The article whose lines the line stands among: the last one opened at or above it."""
        found = None
        for first, n in starts:
            if first <= no:
                found = n
        return found

    decisions = [decision.to_dict() for decision in reader.decisions]
    opening = {d["line"]: d for d in decisions if d["reading"] == "new-story"}
    explanation = {
        "lines": [
            {
                "line": line.no,
                "kind": line.kind,
                "rule": line.rule,
                "article": article_of(line.no),
                "text": line.text[:24],
            }
            for line in reader.lines
        ],
        "decisions": decisions,
        "articles": [
            {
                "article": n,
                "headline": a.headline,
                "first_line": a.first_line,
                "last_line": a.last_line,
                "opened_by": why,
                # the weighed decision that opened it, and the in-body headings kept inside it
                "opening": opening.get(a.first_line),
                "kept_inside": [d for d in decisions if d["reading"] != "new-story" and article_of(d["line"]) == n],
            }
            for n, (a, why) in enumerate(zip(page.articles, reader.opened_by, strict=True), start=1)
        ],
    }
    return page, explanation
