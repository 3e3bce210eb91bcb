"""ASCII punctuation inside Chinese text becomes full-width, as Chinese text is printed.

PDF extraction hands `6月3日,市委…` for `6月3日，市委…`. Each ASCII mark that stands next to
Chinese text is replaced by its full-width form; marks inside numbers (1,000  1.3MW  3:2),
times (10:30), Latin words and URLs stay. Each change is reported (its line, the mark it
replaced): the characters are the same ones read in NFKC, so nothing is lost.

The import service applies `full_width_lines` to a page's text before parsing it and lists
each change with the job's repairs (kind "full-width-punctuation"; nothing dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rule, first_match
from .text import CJK

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = re.compile(f"[{CJK}“”‘’「」『』《》（）、。]")
_URL_TAIL = r"[A-Za-z0-9./?=&%#:~+_,-]*"
_URL = re.compile(
    rf"(?i)(?:https?://|www\.){_URL_TAIL}|[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z.]+"
    rf"|[A-Za-z0-9-]+\.(?:com|cn|net|org|gov)\b{_URL_TAIL}"
)
_MARKS = re.compile(r"[,:;?!()]")


@dataclass(frozen=True)
class Mark:
    """One ASCII mark in its text: what stands before and after it."""

    text: str
    at: int

    @property
    def char(self) -> str:
        return self.text[self.at]

    @property
    def before(self) -> str:
        return self.text[self.at - 1] if self.at else ""

    @property
    def after(self) -> str:
        return self.text[self.at + 1] if self.at + 1 < len(self.text) else ""


def _between_digits(m: Mark) -> bool:
    return m.before.isdigit() and m.after.isdigit()


def _between_latin(m: Mark) -> bool:
    near = (m.before + m.after).strip()
    return bool(near) and all(ch.isascii() and (ch.isalnum() or ch in " .-'") for ch in near)


def _bracket_holds_chinese(m: Mark) -> bool:
    """A bracket whose pair encloses Chinese text: (记者 张三), (2019—2025年)."""
    if m.char == "(":
        end = m.text.find(")", m.at)
        inside = m.text[m.at + 1 : end] if end > 0 else m.text[m.at + 1 :]
    else:
        start = m.text.rfind("(", 0, m.at)
        inside = m.text[start + 1 : m.at] if start >= 0 else m.text[: m.at]
    return bool(_CJK.search(inside))


def _next_to_chinese(m: Mark) -> bool:
    if m.char in "?!":  # a question or an exclamation ends the words before it
        return bool(_CJK.match(m.before))
    return bool(_CJK.match(m.before) or _CJK.match(m.after))


# Read in order: the first rule that matches says whether the mark stays ASCII (keep) or turns full-width.
KEEP, CHANGE = "keep", "change"
MARK_RULES: tuple[tuple[Rule[Mark], str], ...] = (
    (Rule("inside-a-number", "a mark between two digits: 1,000  3:2  10:30", "比分3:2", _between_digits), KEEP),
    (Rule("bracket-around-chinese", "a bracket pair around Chinese text", "(记者 王立)",
          lambda m: m.char in "()" and _bracket_holds_chinese(m)), CHANGE),
    (Rule("bracket-around-latin", "a bracket pair around Latin text only", "(GDP)", lambda m: m.char in "()"), KEEP),
    (Rule("inside-latin-text", "a mark between Latin letters, digits or spaces", "Hello, world", _between_latin), KEEP),
    (Rule("next-to-chinese", "a mark with a Chinese character beside it", "6月3日,市委", _next_to_chinese), CHANGE),
)  # fmt: skip


@dataclass(frozen=True)
class Change:
    at: int
    old: str
    new: str
    rule: str


def full_width(text: str) -> tuple[str, list[Change]]:
    """The text with its ASCII marks inside Chinese text made full-width, and the changes made."""
    if not _MARKS.search(text):
        return text, []
    protected = [(m.start(), m.end()) for m in _URL.finditer(text)]
    chars = list(text)
    changes: list[Change] = []
    for match in _MARKS.finditer(text):
        at = match.start()
        if any(start <= at < end for start, end in protected):
            continue
        mark = Mark(text, at)
        for rule, verdict in MARK_RULES:
            if rule.test(mark):
                if verdict == CHANGE:
                    chars[at] = FULL_WIDTH[mark.char]
                    changes.append(Change(at, mark.char, chars[at], rule.name))
                break
    return "".join(chars), changes


def rule_for(text: str, at: int) -> str | None:
    """The name of the rule that decides the mark at `at` (for tests and --explain)."""
    found = first_match([rule for rule, _ in MARK_RULES], Mark(text, at))
    return found.name if found else None


def full_width_lines(text: str) -> tuple[str, list[tuple[int, Change]]]:
    """A page's text with `full_width` applied line by line, and each change with its 1-based line number."""
    lines = text.split("\n")
    changes: list[tuple[int, Change]] = []
    for no, line in enumerate(lines, start=1):
        lines[no - 1], found = full_width(line)
        changes.extend((no, change) for change in found)
    return "\n".join(lines), changes
