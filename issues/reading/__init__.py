"""The public reading site (数字报), in one place: its views (the e-paper, article pages,
sections, reporters, search, feeds, sitemaps), the rows it reads (rows.py), its page cache
(cache.py), its Jinja2 environment (jinja2.py; templates in templates/jinja2/) and the
receivers that keep all of it current when content changes (receivers.py)."""
