import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from issues.models import ImportJob, Issue, Page, Publication
from tests.factories import PublicationFactory

from .test_import_services import FIXTURES

pytestmark = pytest.mark.django_db


def test_load_sample_is_safe_to_run_twice():
    call_command("load_sample")
    call_command("load_sample")
    publication = Publication.objects.get()
    assert publication.name == "株洲日报"
    assert publication.masthead_lines == ["中共株洲市委主管、主办", "株洲日报社出版"]
    issue = Issue.objects.get()
    assert str(issue.date) == "2025-06-04"
    assert list(Page.objects.values_list("code", "name")) == [("A01", "要闻")]
    assert Article.objects.count() == 8


def test_import_issue_with_date_and_page(capsys):
    PublicationFactory()
    call_command("import_issue", str(FIXTURES / "yunchuan-daily-page-a02.txt"), "--date", "2025-06-05", "--page", "a02")
    assert "第A02版 新建 8 篇" in capsys.readouterr().out
    assert Page.objects.get().code == "A02"


def test_import_issue_reads_an_issue_folder(tmp_path):
    PublicationFactory()
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A02-要闻.txt").write_bytes((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    call_command("import_issue", str(folder))
    assert list(Page.objects.values_list("code", "name")) == [("A02", "要闻")]


def test_import_issue_reports_a_bad_file(tmp_path):
    PublicationFactory()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(CommandError, match="1 个文件导入失败"):
        call_command("import_issue", str(bad), "--date", "2025-06-05", "--page", "A03")
    assert ImportJob.objects.get().status == ImportJob.Status.FAILED


def test_import_issue_needs_date_and_page_for_a_loose_file(tmp_path):
    PublicationFactory()
    loose = tmp_path / "page.txt"
    loose.write_text("标题\n")
    with pytest.raises(CommandError, match="--date"):
        call_command("import_issue", str(loose))
