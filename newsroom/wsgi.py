import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()

# Load jieba's dictionary now, in the server process, not on a reader's first search.
from articles.search import query_terms  # noqa: E402

query_terms("预热")
