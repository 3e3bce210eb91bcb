"""敏感词与规范表述: every article's text checked against the paper's lists (articles.Term) with one
Aho–Corasick pass (pyahocorasick), whatever the number of entries.

- 禁用词 (block): must never print; 终审 and 签版 are refused while one remains, unless a chief
  editor overrides it with a note.
- 规范表述 (correct): a wrong form, with the standard form shown to the reviewer.
- 领导人姓名 (title): a leader's name must stand with its title nearby (within TITLE_WINDOW characters before it).
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick
from django.db.models import Count, Max

from .models import Term
from .text import plain_text

TITLE_WINDOW = 12  # 国务院总理李强: the title stands just before the name
CONTEXT = 8


@dataclass(frozen=True)
class Hit:
    kind: str  # Term.Kind value
    text: str
    at: int  # character offset in the checked text
    context: str
    message: str

    @property
    def blocking(self) -> bool:
        return self.kind == "block"


@dataclass(frozen=True)
class Lists:
    """The lists compiled into one automaton: word -> [(kind, standard, note)]."""

    automaton: ahocorasick.Automaton | None

    @classmethod
    def of(cls, terms: list[tuple[str, str, str, str]]) -> Lists:
        """terms: (kind, text, standard, note)."""
        if not terms:
            return cls(None)
        automaton = ahocorasick.Automaton()
        entries: dict[str, list] = {}
        for kind, text, standard, note in terms:
            entries.setdefault(text, []).append((kind, standard, note))
        for text, found in entries.items():
            automaton.add_word(text, (text, found))
        automaton.make_automaton()
        return cls(automaton)

    def scan(self, text: str) -> list[Hit]:
        if self.automaton is None or not text:
            return []
        hits = []
        for end, (word, found) in self.automaton.iter(text):
            start = end - len(word) + 1
            context = text[max(0, start - CONTEXT) : end + 1 + CONTEXT]
            for kind, standard, note in found:
                if kind == "block":
                    hits.append(Hit(kind, word, start, context, f"禁用词“{word}”{f'({note})' if note else ''}"))
                elif kind == "correct":
                    hits.append(Hit(kind, word, start, context, f"“{word}”应为“{standard}”"))
                elif kind == "title" and standard and standard not in text[max(0, start - TITLE_WINDOW) : start]:
                    hits.append(Hit(kind, word, start, context, f"“{word}”前须有职务“{standard}”"))
        return hits


_cache: dict = {"stamp": None, "lists": Lists(None)}


def current_lists() -> Lists:
    """The lists as editors keep them, compiled again only when one changed (one query for the stamp)."""
    changed = Term.objects.aggregate(last=Max("updated_at"), count=Count("id"))
    stamp = changed["last"], changed["count"]
    if _cache["stamp"] != stamp:
        rows = list(Term.objects.values_list("kind", "text", "standard", "note"))
        _cache.update(stamp=stamp, lists=Lists.of(rows))
    return _cache["lists"]


def article_text(article) -> str:
    """What of an article prints: its headlines, summary and body, as one text."""
    return "\n".join([article.kicker, article.title, article.subtitle, article.summary, plain_text(article.body)])


def check_article(article, lists: Lists | None = None) -> list[Hit]:
    """The article's hits; pass `lists` when checking many articles at once."""
    return (lists or current_lists()).scan(article_text(article))
