"""The reporters' desk (their own articles, drafts, photos, submission, review notes) and the
reading site's content pages: sections, reporters, search."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from newsroom.cache import cached_page

from . import search, selectors, services, workflow
from .filters import SearchFilter
from .forms import DeskArticleForm, PhotoForm
from .models import Article, Reporter, SearchDocument, Section

PER_PAGE = 20


@dataclass
class ResultPage:
    """One page of search results, without counting every match: a common word in a big
    archive would otherwise cost a scan of all its matches on every search."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @classmethod
    def of(cls, queryset, number: str | None, per_page: int) -> "ResultPage":
        try:
            page = max(1, int(number or 1))
        except ValueError:
            page = 1
        start = (page - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        return cls(rows[:per_page], page, len(rows) > per_page)


def _own_article(request, pk: int) -> Article:
    """The article if this user wrote it; anyone else's is a 404, never a peek."""
    return get_object_or_404(selectors.desk_articles(user=request.user), pk=pk)


@login_required
def desk_home(request):
    articles = list(selectors.desk_articles(user=request.user))
    groups = [
        (state, label, [a for a in articles if a.status == state]) for state, label in workflow.STATE_LABELS.items()
    ]
    return render(request, "articles/desk/home.html", {"groups": [g for g in groups if g[2]], "total": len(articles)})


@login_required
def desk_new(request):
    form = DeskArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article = services.desk_article_create(article=form.save(commit=False), by=request.user)
        messages.success(request, "草稿已保存。")
        return redirect("desk:detail", pk=article.pk)
    return render(request, "articles/desk/edit.html", {"form": form, "article": None})


@login_required
def desk_edit(request, pk: int):
    article = _own_article(request, pk)
    if article.status not in workflow.AUTHOR_EDITABLE:
        messages.error(request, f"稿件处于“{article.get_status_display()}”状态,退回前不能修改。")
        return redirect("desk:detail", pk=pk)
    form = DeskArticleForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_save(
                article=form.save(commit=False), by=request.user, based_on=form.cleaned_data["based_on_version"]
            )
        except services.EditConflict as conflict:
            form.add_error(None, f"保存失败:这篇稿件已被他人修改(现为第 {conflict.article.version} 版)。")
            return render(request, "articles/desk/edit.html", {"form": form, "article": article, "conflict": conflict})
        messages.success(request, "已保存。")
        return redirect("desk:detail", pk=pk)
    return render(request, "articles/desk/edit.html", {"form": form, "article": article})


@login_required
def desk_detail(request, pk: int):
    article = _own_article(request, pk)
    context = {
        "article": article,
        "moves": services.available_moves(article=article, user=request.user),
        "editable": article.status in workflow.AUTHOR_EDITABLE,
        "photo_form": PhotoForm(),
        **selectors.article_history(article=article),
    }
    return render(request, "articles/desk/detail.html", context)


@login_required
@require_POST
def desk_photo(request, pk: int):
    article = _own_article(request, pk)
    if article.status not in workflow.AUTHOR_EDITABLE:
        raise Http404
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        services.photo_add(photo=form.save(commit=False), article=article)
        messages.success(request, "图片已上传。")
    else:
        messages.error(request, "图片未上传:" + " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("desk:detail", pk=pk)


@login_required
@require_POST
def desk_submit(request, pk: int):
    article = _own_article(request, pk)
    try:
        services.article_transition(article=article, move="submit", by=request.user, note=request.POST.get("note", ""))
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已提交审核。")
    return redirect("desk:detail", pk=pk)


# -- the reading site: sections, reporters, search --------------------------------------


@cached_page
def section_detail(request, slug: str):
    section = get_object_or_404(Section, slug=slug)
    page = Paginator(selectors.reader_list(Article.objects.filter(section=section)), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/section.html", {"section": section, "page_obj": page}, using="jinja2")


@cached_page
def reporter_detail(request, slug: str):
    reporter = get_object_or_404(Reporter, slug=slug)
    articles = selectors.reader_list(Article.objects.filter(bylines__reporter=reporter).distinct())
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/reporter.html", {"reporter": reporter, "page_obj": page}, using="jinja2")


@cached_page
def search_view(request):
    query = request.GET.get("q", "").strip()[:100]
    filters = SearchFilter(request.GET, queryset=SearchDocument.objects.all())
    ranked = request.GET.get("sort") == "rank"
    documents, terms = selectors.search_documents(query=query, documents=filters.qs, ranked=ranked)
    page = ResultPage.of(documents, request.GET.get("page"), PER_PAGE)
    results = [
        {
            "article": doc.article,
            "title": search.highlight_spans(doc.article.title, terms),
            "excerpt": search.highlight_spans(search.excerpt(search.plain_text(doc.article.body), terms), terms),
        }
        for doc in page.object_list
    ]
    keep = request.GET.copy()
    keep.pop("page", None)
    context = {
        "query": query,
        "filters": filters,
        "page_obj": page,
        "results": results,
        "querystring": keep.urlencode(),
        "ranked": ranked,
    }
    return render(request, "articles/search.html", context, using="jinja2")
