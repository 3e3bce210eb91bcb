"""Every admin page of ours renders for a superuser, and the article list costs a fixed number of queries."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Section, Term
from issues.models import ApiKey
from tests import factories

pytestmark = pytest.mark.django_db

OUR_APPS = {"articles", "issues"}


def _one_of_each():
    placement = factories.PlacementFactory(article__status="submitted")  # a draft is its author's alone
    factories.BylineFactory(article=placement.article)
    factories.PhotoFactory(article=placement.article)
    return {
        "section": Section.objects.first(),
        "reporter": placement.article.bylines.get().reporter,
        "article": placement.article,
        "byline": placement.article.bylines.get(),
        "photo": placement.article.photos.get(),
        "publication": placement.page.issue.publication,
        "issue": placement.page.issue,
        "page": placement.page,
        "placement": placement,
        "importjob": factories.ImportJobFactory(),
        "apikey": ApiKey.objects.create(partner="某合作平台", prefix="nr_example", digest="0" * 64),
        "term": Term.objects.create(kind=Term.Kind.CORRECT, text="一代一路", standard="一带一路"),
    }


def _our_models():
    return sorted((m for m in admin.site._registry if m._meta.app_label in OUR_APPS), key=lambda m: m._meta.label)


def test_every_model_of_ours_is_registered():
    names = {m._meta.model_name for m in _our_models()}
    assert {"section", "reporter", "article", "publication", "issue", "page", "placement"} <= names


def test_admin_list_add_and_change_pages_render(admin_client_logged):
    objects = _one_of_each()
    for model in _our_models():
        opts = model._meta
        for view, args in (("changelist", []), ("add", []), ("change", [objects[opts.model_name].pk])):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
            response = admin_client_logged.get(url)
            assert response.status_code == 200, f"{url} -> {response.status_code}"


def test_admin_speaks_chinese(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:articles_article_changelist"))
    assert "稿件" in response.text
    assert "选择 稿件 来修改" in response.text or "增加 稿件" in response.text


def _changelist_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_article_changelist_queries_are_fixed_and_skip_the_full_count(admin_client_logged):
    section = Section.objects.get(name="时政")
    factories.ArticleFactory.create_batch(10, section=section)
    few = _changelist_queries(admin_client_logged)

    Article.objects.bulk_create(Article(title=f"稿件{i}", section=section) for i in range(990))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    many = _changelist_queries(admin_client_logged)

    assert len(many) == len(few)
    assert len(many) <= 8
    # Django's own count query is never run; the planner's estimate stands in for it.
    assert not [q for q in many if '"__count"' in q]
    assert any("reltuples" in q for q in many)
