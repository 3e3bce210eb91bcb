"""Template helpers for the reading site."""

from django import template
from django.core.cache import cache

from articles.models import Section
from newsroom.cache import site_generation

register = template.Library()


@register.simple_tag
def site_sections():
    """The sections for the navigation, cached until the site changes."""
    key = f"site:sections:{site_generation()}"
    return cache.get_or_set(key, lambda: list(Section.objects.values("name", "slug")), 3600)


@register.filter
def mm_percent(value, total):
    """A box's position or size as a percentage of the page (hot zones)."""
    try:
        return f"{100 * float(value) / float(total):.3f}%"
    except (TypeError, ValueError, ZeroDivisionError):
        return "0%"
