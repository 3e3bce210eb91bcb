"""The reporters' desk: their own articles, drafts, photos, submission and review notes.
Nobody else's draft is ever shown here: another's article is a 404, never a peek."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services, workflow
from .forms import DeskArticleForm, PhotoForm
from .models import Article


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
        "moves": selectors.available_moves(article=article, user=request.user),
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
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已提交审核。")
    return redirect("desk:detail", pk=pk)
