"""The admin's front page dashboard: how many articles wait in each review queue."""

from django import template

from articles import selectors

register = template.Library()


@register.simple_tag
def review_queues():
    return selectors.queue_counts()
