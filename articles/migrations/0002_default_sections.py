"""Create the standard sections of a Chinese daily."""

from django.db import migrations

from articles.text import pinyin_slug

SECTIONS = ["时政", "产业", "社会", "文化", "教育", "体育", "评论", "副刊"]


def create_sections(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    for order, name in enumerate(SECTIONS, start=1):
        Section.objects.get_or_create(name=name, defaults={"slug": pinyin_slug(name), "order": order})


def remove_sections(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    Section.objects.filter(name__in=SECTIONS, articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_content_model")]
    operations = [migrations.RunPython(create_sections, remove_sections)]
