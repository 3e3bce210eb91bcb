"""The GIN index that serves full-text search; PostgreSQL only (SQLite searches with contains)."""

from django.db import migrations

INDEX = "articles_searchdocument_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_searchdocument USING gin (vector)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_search_documents")]
    operations = [migrations.RunPython(create, drop)]
