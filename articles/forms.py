"""The reporters' desk forms."""

from django import forms
from django_ckeditor_5.widgets import CKEditor5Widget

from .models import Article, Photo
from .uploads import check_image


class DeskArticleForm(forms.ModelForm):
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["kicker", "title", "subtitle", "section", "summary", "body"]
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].initial = self.instance.version


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["image", "caption", "credit"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].required = True

    def clean_image(self):
        image = self.cleaned_data["image"]
        check_image(image)
        return image
