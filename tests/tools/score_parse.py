# Copied from ../shared/tools/score_parse.py (this line added): the scorer the parser is measured with.
#!/usr/bin/env python3
"""Score a parsed newspaper page against a hand-annotated reading of it.

Usage:
    score_parse.py RAW.txt EXPECTED.json ACTUAL.json [--details]

ACTUAL.json is what `python manage.py parse_issue RAW.txt --json` prints
(the format is described in parse-format.md beside this file).
Prints one line per measure and, last, `score: X` (0..1, the mean of the
measures).  Exit status 0 whatever the score; 2 if a file can't be read.
Standard library only.

Measures: segmentation_f1 (articles found with the right headline and first
words); per expected article, the share right of: headline, byline, reporters
(photographers count as reporters), correspondents, section, body_start,
body_end, joins (column breaks repaired: each `contains` text inside one
paragraph), splits (real paragraph ends kept: no `splits` pair run together in
one paragraph), captions, subheads, continues; and nothing_lost (every
non-whitespace character of the input kept once; each one lost or invented
costs 0.05).  A field that is null in the expected file is not scored.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter

WS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """NFKC, no whitespace: how two renderings of the same words compare."""
    return WS.sub("", unicodedata.normalize("NFKC", text or ""))


def headline(article: dict) -> str:
    return norm("".join(article.get(k) or "" for k in ("kicker", "title", "subtitle")))


def body(article: dict) -> str:
    return norm("".join(article.get("paragraphs") or []))


def text(article: dict) -> str:
    """Body, or, for a photo item with no paragraphs, its captions."""
    return body(article) or norm("".join(article.get("captions") or []))


def names(article: dict, key: str) -> set[str]:
    return {norm(n) for n in article.get(key) or []}


def output_strings(parsed: dict):
    yield from parsed.get("masthead") or []
    yield from parsed.get("unassigned") or []
    for repair in parsed.get("repairs") or []:
        yield repair.get("dropped") or ""
    for a in parsed.get("articles") or []:
        for key in ("kicker", "title", "subtitle", "rubric", "byline"):
            yield a.get(key) or ""
        for key in ("paragraphs", "subheads", "captions"):
            yield from a.get(key) or []


def char_counts(strings) -> Counter:
    c: Counter = Counter()
    for s in strings:
        c.update(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())
    return c


# The expected field that each check reads; a check whose field is null in the
# expected file is not scored (a source that does not say it).
EXPECTED_KEY = {"joins": "contains"}


def match(expected: dict, actual_articles: list[dict]) -> dict | None:
    """The parsed article whose text holds the expected article's first words,
    preferring one whose headline is right too; None if no text holds them."""
    start = norm(expected["body_start"])
    want = norm(expected["headline"])
    holders = [a for a in actual_articles if start and start in text(a)]
    return next((a for a in holders if headline(a) == want), holders[0] if holders else None)


def score(raw: str, expected: dict, parsed: dict, details: bool = False) -> dict[str, float]:
    actual = parsed.get("articles") or []
    checks: dict[str, list[bool]] = {
        k: []
        for k in (
            "headline",
            "byline",
            "reporters",
            "correspondents",
            "section",
            "body_start",
            "body_end",
            "joins",
            "splits",
            "captions",
            "subheads",
            "continues",
        )
    }
    found = 0
    for e in expected["articles"]:
        a = match(e, actual)
        if a is None:
            for k in checks:
                if e.get(EXPECTED_KEY.get(k, k)) is not None:
                    checks[k].append(False)
            if details:
                print(f"  missed: {e['headline']}")
            continue
        b = text(a)
        paragraphs = [norm(p) for p in a.get("paragraphs") or []]
        ok = {
            "headline": headline(a) == norm(e["headline"]),
            "byline": norm(a.get("byline")) == norm(e.get("byline")),
            # photographers count as reporters: sources do not tell them apart
            "reporters": names(a, "reporters") | names(a, "photographers")
            == {norm(n) for n in e.get("reporters") or []},
            "correspondents": names(a, "correspondents") == {norm(n) for n in e.get("correspondents") or []},
            "section": norm(a.get("section")) == norm(e.get("section")),
            "body_start": b.startswith(norm(e["body_start"])),
            "body_end": b.endswith(norm(e.get("body_end"))),
            "joins": all(any(norm(c) in p for p in paragraphs) for c in e.get("contains") or []),
            "splits": not any(norm(left + right) in p for left, right in e.get("splits") or [] for p in paragraphs),
            "captions": {norm(c) for c in a.get("captions") or []} == {norm(c) for c in e.get("captions") or []},
            "subheads": {norm(c) for c in a.get("subheads") or []} == {norm(c) for c in e.get("subheads") or []},
            "continues": bool(a.get("continues")) == bool(e.get("continues")),
        }
        if ok["headline"] and ok["body_start"]:
            found += 1
        for k, v in ok.items():
            if e.get(EXPECTED_KEY.get(k, k)) is not None:
                checks[k].append(v)
        bad = [k for k, v in ok.items() if not v and e.get(EXPECTED_KEY.get(k, k)) is not None]
        if details and bad:
            print(f"  {e['headline'][:24]}: wrong {', '.join(bad)}")
    precision = found / len(actual) if actual else 0.0
    recall = found / len(expected["articles"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    raw_chars = char_counts([raw])
    out_chars = char_counts(output_strings(parsed))
    lost = sum((raw_chars - out_chars).values())
    invented = sum((out_chars - raw_chars).values())
    total = sum(raw_chars.values())
    # Every character counts: one lost or invented costs 0.05, twenty cost everything.
    coverage = max(0.0, 1 - (lost + invented) / 20)

    measures = {"segmentation_f1": f1}
    measures.update({k: sum(v) / len(v) for k, v in checks.items() if v})
    measures["nothing_lost"] = coverage
    if details:
        print(
            f"  articles: expected {len(expected['articles'])}, parsed {len(actual)}, "
            f"right {found}; characters lost {lost}, invented {invented} of {total}"
        )
    return measures


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        raw = open(args[0], encoding="utf-8").read()
        expected = json.load(open(args[1], encoding="utf-8"))
        parsed = json.load(open(args[2], encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read input: {exc}", file=sys.stderr)
        return 2
    measures = score(raw, expected, parsed, details="--details" in argv)
    for k, v in measures.items():
        print(f"{k}: {v:.3f}")
    print(f"score: {sum(measures.values()) / len(measures):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
