"""Template helpers for the reading site."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html_join

from articles.models import Section
from newsroom.cache import site_generation

register = template.Library()

_nav: dict = {"generation": None, "html": ""}


@register.simple_tag
def site_sections_nav():
    """The sections' links for the navigation, built once in the process until the site changes.

    Every reader page carries them; rendering them link by link cost a quarter of a page.
    """
    generation = site_generation()
    if _nav["generation"] != generation:
        sections = Section.objects.only("name", "slug")
        html = format_html_join(
            "", '<a href="{}">{}</a>', ((reverse("site:section", args=[s.slug]), s.name) for s in sections)
        )
        _nav.update(generation=generation, html=html)
    return _nav["html"]


@lru_cache(maxsize=16384)
def _reverse(prefix: str, name: str, args: tuple) -> str:
    return reverse(name, args=args)


@register.simple_tag
def site_url(name, *args):
    """{% url %} for the reading site's links, remembered in the process: a link never changes while it runs.

    The site's hottest pages carry a dozen links; reversing each on every request cost
    a third of the article page's rendering.
    """
    return _reverse(get_script_prefix(), name, tuple(str(a) for a in args))


@register.filter
def mm_percent(value, total):
    """A box's position or size as a percentage of the page (hot zones)."""
    try:
        return f"{100 * float(value) / float(total):.3f}%"
    except (TypeError, ValueError, ZeroDivisionError):
        return "0%"
