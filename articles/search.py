"""Chinese text for PostgreSQL full-text search: segmented by jieba (rjieba), searched with `simple`."""

import re

import rjieba

_WORD = re.compile(r"\w", re.UNICODE)


def segment_for_index(text: str) -> str:
    """Words and their parts (search mode: 冬奥会 gives 冬奥 too), space separated, for to_tsvector('simple')."""
    return " ".join(w for w in rjieba.cut_for_search(text) if _WORD.search(w))


def query_terms(query: str) -> list[str]:
    """The words of a reader's query, segmented the way the index is."""
    return list(dict.fromkeys(w for w in rjieba.cut(query.strip()) if _WORD.search(w)))


def highlight_spans(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_match) for <mark>ing the query's words."""
    if not terms:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    pieces, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def excerpt_around(text: str, terms: list[str], width: int = 120) -> str:
    """A window of the text around the first match."""
    text = " ".join(text.split())
    first = min((i for i in (text.find(t) for t in terms) if i >= 0), default=0)
    start = max(0, first - width // 3)
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")
