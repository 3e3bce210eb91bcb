"""The read API (/api/v1/): the published paper for programs (the paper's app, its WeChat account,
partner platforms). Read-only, published content only, read through the reading site's selectors
and rows, so every value has the site's one source. django-ninja: the schemas (schemas.py) give
the OpenAPI document (/api/v1/openapi.json) and the browsable docs (/api/v1/docs).

- Lists page by keyset: a cursor names the last item given, so articles published meanwhile never
  shift a page; `limit` is at most MAX_LIMIT.
- Every answer carries an ETag and Last-Modified and answers 304. Answers are cached under the
  site's generation (cache.py), as the site's pages are: the change that refreshes a web reader's
  page refreshes the API's answer in the same second.
- Anonymous clients get API_ANON_RATE requests per address (then a 429 with Retry-After); a
  partner's key (admin: API 密钥) in the X-API-Key header lifts the limit.
"""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import Throttled

from . import articles, paper
from .access import AnonymousRate, PartnerKey, anonymous, too_many_requests

api = NinjaAPI(
    title="Newsroom 读者 API",
    version="1",
    description=__doc__,
    urls_namespace="api",
    auth=[PartnerKey(), anonymous],
    throttle=[AnonymousRate()],
)
api.add_router("", articles.router)
api.add_router("", paper.router)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return api.create_response(request, {"detail": too_many_requests()}, status=429)
