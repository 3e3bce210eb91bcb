"""Suggest a section from an article's text; the weights live in sections.json."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("sections.json")
BODY_HITS_CAP = 3
BODY_CHARS = 600  # a story's lead says what it is about; the rest only costs time
HEAD_FACTOR = 3


PAGE_PRIOR = 6  # what a page's name weighs: about two headline words
# 第A05版 体育, A06  城事, 第3版·经济: a page number, then the page's name.
_PAGE_NAME = re.compile(r"(?:第\s*)?[A-Za-z]{0,2}\d{1,3}\s*版?\s*[·:：\-—|｜\s]\s*(?P<name>[\u4e00-\u9fff]{2,4})\s*$")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def page_section(furniture: list[str]) -> str:
    """The section a page's name gives (体育, 文化 …), from its header lines; "" when none does."""
    for line in furniture:
        match = _PAGE_NAME.search(line.strip())
        if match:
            name = match.group("name")
            for key, section in _page_names():
                if key in name:  # 体育新闻, 文化周刊, 炎帝文化
                    return section
    return ""


@lru_cache(maxsize=1)
def _page_names() -> list[tuple[str, str]]:
    """(page name, section), longest name first."""
    return sorted(_data().get("pages", {}).items(), key=lambda item: len(item[0]), reverse=True)


@lru_cache(maxsize=1)
def _model() -> tuple[str, dict[str, list[tuple[str, float]]], re.Pattern]:
    data = _data()
    by_word: dict[str, list[tuple[str, float]]] = {}
    for section, keywords in data["sections"].items():
        for word, weight in keywords.items():
            by_word.setdefault(word, []).append((section, weight))
    return data["default"], by_word, re.compile(_trie(by_word))


def _trie(words) -> str:
    """One regex for all keywords with shared prefixes factored out (市(?:委|长|民)): the longest
    keyword at each place wins (a hit on 常务会议 is not also counted as 会议), and the regex
    engine branches on each character instead of trying every keyword in turn."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


def classify(*, headline: str, body: str, rubric: str = "", byline: str = "", page: str = "") -> str:
    """The section whose keywords weigh most in the text, the page's own section (`page`) counting
    for a little; the default when nothing is found."""
    default, by_word, pattern = _model()
    head_hits = Counter(pattern.findall(f"{headline} {rubric} {byline}"))
    body_hits = Counter(pattern.findall(body[:BODY_CHARS]))
    scores: Counter = Counter()
    for word in head_hits.keys() | body_hits.keys():
        hits = HEAD_FACTOR * head_hits[word] + min(body_hits[word], BODY_HITS_CAP)
        for section, weight in by_word[word]:
            scores[section] += weight * hits
    if page:
        scores[page] += PAGE_PRIOR
    if not scores:
        return default
    return max(scores.items(), key=lambda item: item[1])[0]
