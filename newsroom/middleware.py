"""Request guards for the whole project."""

from django.http import HttpResponseBadRequest, QueryDict


class RefuseNulBytesMiddleware:
    """A NUL character in a query or form (`?status__exact=%00`) is never meaningful, and
    PostgreSQL refuses it in any query: answer 400 instead of failing deep inside a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for data in (request.GET, request.POST if request.method == "POST" else QueryDict()):
            for key, values in data.lists():
                if "\x00" in key or any("\x00" in v for v in values):
                    return HttpResponseBadRequest("请求中含有非法字符(NUL)。", content_type="text/plain; charset=utf-8")
        return self.get_response(request)
