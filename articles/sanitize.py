"""Server-side cleaning of editor HTML with nh3: an allow-list fit for news.

Paragraphs, h2–h4, bold and italic, quotes, lists, links (http, https, mailto; with
rel="noopener noreferrer"), images from our own media, figures with captions and
simple tables. Nothing else survives: no script, style, event attribute, javascript:
URL, or the class/style/o:p litter of HTML pasted from Word or WPS.
"""

import re

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Whole elements (with their content) that never belong in an article.
DROPPED_WITH_CONTENT = {"script", "style", "title", "xml", "iframe", "object", "embed", "noscript", "template"}
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\u00a0|<br>)*</p>")
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\bsrc=)[^>]*>")
_NUMBER = re.compile(r"^\d{1,4}$")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        # Only pictures we host: uploads land under MEDIA_URL.
        media = "/" + settings.MEDIA_URL.lstrip("/")
        return value if value.startswith(media) and ".." not in value else None
    if attribute in {"width", "height", "colspan", "rowspan", "start"}:
        return value if _NUMBER.match(value) else None
    return value


def clean_html(html: str) -> str:
    """Return HTML with only the allowed tags, attributes and URL schemes."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _IMAGE_WITHOUT_SOURCE.sub("", _EMPTY_PARAGRAPH.sub("", cleaned)).strip()
