"""Suggest a section from an article's text; the weights live in sections.json."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("sections.json")
BODY_HITS_CAP = 3
HEAD_FACTOR = 3


@lru_cache(maxsize=1)
def _weights() -> tuple[str, dict[str, dict[str, float]]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return data["default"], data["sections"]


def classify(*, headline: str, body: str, rubric: str = "", byline: str = "") -> str:
    """The section whose keywords weigh most in the text; the default when none is found."""
    default, sections = _weights()
    head = f"{headline} {rubric} {byline}"
    best, best_score = default, 0.0
    for section, keywords in sections.items():
        score = 0.0
        for word, weight in keywords.items():
            score += weight * (HEAD_FACTOR * head.count(word) + min(body.count(word), BODY_HITS_CAP))
        if score > best_score:
            best, best_score = section, score
    return best
