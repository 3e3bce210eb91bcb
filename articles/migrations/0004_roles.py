"""The newsroom's roles as groups: 记者, 编辑 (初审), 部门主任 (复审), 总编辑 (终审), 管理员."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITING = [
    "articles.view_article", "articles.add_article", "articles.change_article",
    "articles.view_byline", "articles.add_byline", "articles.change_byline", "articles.delete_byline",
    "articles.view_photo", "articles.add_photo", "articles.change_photo", "articles.delete_photo",
    "articles.view_reporter", "articles.add_reporter", "articles.change_reporter",
    "articles.view_section", "articles.view_transition", "articles.view_historicalarticle",
    "issues.view_publication", "issues.view_issue", "issues.add_issue", "issues.change_issue",
    "issues.view_page", "issues.add_page", "issues.change_page",
    "issues.view_placement", "issues.add_placement", "issues.change_placement", "issues.delete_placement",
    "issues.view_importjob", "issues.add_importjob",
]  # fmt: skip
ROLES = {
    "记者": ["articles.add_article", "articles.add_photo"],
    "编辑": EDITING,
    "部门主任": [*EDITING, "articles.delete_article", "articles.change_section"],
    "总编辑": ["articles.*", "issues.*", "django_celery_beat.*"],
    "管理员": ["*"],
}


def make_groups(apps, schema_editor):
    # Permissions are made after migrations on a fresh database; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    everything = list(Permission.objects.select_related("content_type"))
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        chosen = [
            p
            for p in everything
            if any(
                w == "*" or w == f"{p.content_type.app_label}.*" or w == f"{p.content_type.app_label}.{p.codename}"
                for w in wanted
            )
        ]
        group.permissions.set(chosen)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow_and_revisions"),
        ("issues", "0003_inbox_schedule"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(make_groups, remove_groups)]
