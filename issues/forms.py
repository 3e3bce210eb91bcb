"""The admin's page upload form."""

from django import forms

from .models import Publication

MAX_PAGE_BYTES = 50 * 1024 * 1024  # a page of text is tens of kilobytes, a page PDF a few megabytes


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class PageUploadForm(forms.Form):
    publication = forms.ModelChoiceField(Publication.objects.all(), label="报纸")
    issue_date = forms.DateField(label="出版日期", widget=forms.DateInput(attrs={"type": "date"}))
    page_code = forms.CharField(
        label="版号", max_length=10, required=False, help_text="如 A01;上传多个文件时可留空,按文件名(A01-要闻.txt)识别"
    )
    page_name = forms.CharField(label="版名", max_length=50, required=False)
    files = MultipleFileField(label="版面文本文件", required=False, help_text="可多选 .txt 或 .pdf 文件(每版一个文件)")
    text = forms.CharField(label="或粘贴文本", widget=forms.Textarea(attrs={"rows": 12}), required=False)

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        for upload in files:
            if upload.size > MAX_PAGE_BYTES:
                raise forms.ValidationError(
                    f"{upload.name}:文件超过 {MAX_PAGE_BYTES // (1024 * 1024)} MB,不像是一版文本。"
                )
        return files

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("请上传文件或粘贴版面文本。")
        if (data.get("text") or "").strip() and not data.get("page_code"):
            self.add_error("page_code", "粘贴文本时请填写版号。")
        return data
