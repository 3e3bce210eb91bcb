"""From a ParsedArticle to the fields and HTML of an Article; no database access here."""

from html import escape

from issues.parsing import ParsedArticle

TITLE_FALLBACK_CHARS = 24


def article_body_html(parsed: ParsedArticle) -> str:
    """Paragraphs as <p>, subheads as <h2> (the editor's 小标题), in reading order."""
    tags = {"p": "p", "subhead": "h2"}
    return "\n".join(f"<{tags[kind]}>{escape(text, quote=False)}</{tags[kind]}>" for kind, text in parsed.body_blocks())


def article_fields(parsed: ParsedArticle) -> dict:
    """The Article fields an import writes."""
    title = parsed.title or _fallback_title(parsed)
    return {
        "kicker": parsed.kicker[:200],
        "title": title[:200],
        "subtitle": parsed.subtitle[:200],
        "rubric": parsed.rubric[:100],
        "dateline": parsed.dateline[:100],
        "byline": parsed.byline[:300],
        "body": article_body_html(parsed),
    }


def _fallback_title(parsed: ParsedArticle) -> str:
    text = (parsed.paragraphs or parsed.captions or ("无标题",))[0]
    return text[:TITLE_FALLBACK_CHARS] + ("…" if len(text) > TITLE_FALLBACK_CHARS else "")
