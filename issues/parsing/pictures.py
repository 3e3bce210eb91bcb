"""Pictures set between two stories: whose are they?"""

from __future__ import annotations

import dataclasses

from . import bylines
from .boundaries import bigrams
from .model import ParsedArticle
from .text import squeeze

CAPTION_CLAIM_MIN = 2  # shared two-character words before a caption is given to the story below


def claim_captions(above: ParsedArticle, count: int, headline: str) -> tuple[ParsedArticle, list[str], bylines.Credits]:
    """Of the last `count` captions closing the story above, those that speak of the headline
    below more than of their own story's go to the story below: (the story above without them,
    the captions moved, their photographers)."""
    mine, theirs = bigrams(headline), bigrams(above.kicker + above.title + above.subtitle)
    keep = list(above.captions[: len(above.captions) - count])
    moved: list[str] = []
    for caption in above.captions[len(above.captions) - count :]:
        words = bigrams(caption)
        if len(words & mine) >= CAPTION_CLAIM_MIN and len(words & mine) > len(words & theirs):
            moved.append(caption)
        else:
            keep.append(caption)
    if not moved:
        return above, [], bylines.Credits()
    credited = bylines.Credits()
    for caption in moved:
        credited = credited + bylines.photo_credit_names(caption)
    # The picture's photographer goes with it, unless the story above credits them itself.
    photographers = tuple(
        n for n in above.photographers if n not in credited.photographers or n in squeeze(above.byline)
    )
    return dataclasses.replace(above, captions=tuple(keep), photographers=photographers), moved, credited
