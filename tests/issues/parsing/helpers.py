"""What the parser's tests share: the scorer's own character count, and a one-article parse."""

from issues.parsing import ParsedArticle, parse_page
from tests.tools.score_parse import char_counts, output_strings


def lost_and_invented(raw: str, parsed: dict) -> tuple[int, int]:
    raw_chars, out_chars = char_counts([raw]), char_counts(output_strings(parsed))
    return sum((raw_chars - out_chars).values()), sum((out_chars - raw_chars).values())


def only_article(text: str) -> ParsedArticle:
    page = parse_page(text)
    assert len(page.articles) == 1, [a.headline for a in page.articles]
    return page.articles[0]
