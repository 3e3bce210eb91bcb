"""What changed between two revisions of an article, shown character by character (Chinese
text has no spaces to split words on): the edit conflict, the revision list, the restore page."""

import difflib
from html import escape

from .models import Article


def revision_diff_html(*, article: Article, since_version: int) -> str:
    """What changed in the article since a version, field by field, character by character."""
    old = article.history.filter(version=since_version).order_by("-history_date").first()
    if old is None:
        return ""
    parts = []
    for field in ("kicker", "title", "subtitle", "byline", "summary", "body"):
        before, after = getattr(old, field), getattr(article, field)
        if before != after:
            label = Article._meta.get_field(field).verbose_name
            parts.append(f"<dt>{escape(str(label))}</dt><dd>{char_diff_html(before, after)}</dd>")
    return f"<dl class='revision-diff'>{''.join(parts)}</dl>" if parts else ""


def char_diff_html(before: str, after: str) -> str:
    """A character-level diff, as Chinese text needs (no spaces to split words on)."""
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(before[a0:a1]))
            continue
        if a1 > a0:
            out.append(f"<del>{escape(before[a0:a1])}</del>")
        if b1 > b0:
            out.append(f"<ins>{escape(after[b0:b1])}</ins>")
    return "".join(out)
