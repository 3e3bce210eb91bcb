"""The search page's filters (django-filter): section, date range, reporter."""

import django_filters
from django import forms

from articles.models import Reporter, SearchDocument, Section


class SearchFilter(django_filters.FilterSet):
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.all(), field_name="section", label="栏目", empty_label="全部栏目"
    )
    start = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__gte", label="起始日期",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    end = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__lte", label="截止日期",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    reporter = django_filters.ModelChoiceFilter(
        # Only people with published work are public.
        queryset=Reporter.objects.filter(bylines__article__status="published").distinct().order_by("name"),
        field_name="article__bylines__reporter",
        label="记者",
        empty_label="全部记者",
        to_field_name="slug",
    )

    class Meta:
        model = SearchDocument
        fields = ["section", "start", "end", "reporter"]
