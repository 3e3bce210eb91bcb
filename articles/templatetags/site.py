"""Template helpers for the reading site."""

from django import template
from django.urls import reverse

from articles.models import Section
from newsroom.cache import site_generation

register = template.Library()

_nav: dict = {"generation": None, "sections": []}


@register.simple_tag
def site_sections():
    """The sections for the navigation, (name, url), kept in the process until the site changes."""
    generation = site_generation()
    if _nav["generation"] != generation:
        sections = [(s.name, reverse("site:section", args=[s.slug])) for s in Section.objects.only("name", "slug")]
        _nav.update(generation=generation, sections=sections)
    return _nav["sections"]


@register.filter
def mm_percent(value, total):
    """A box's position or size as a percentage of the page (hot zones)."""
    try:
        return f"{100 * float(value) / float(total):.3f}%"
    except (TypeError, ValueError, ZeroDivisionError):
        return "0%"
