"""The URLs of the benchmark settings (checkin_portal/settings/bench.py only): the portal's
own, plus the two ceiling views under /bench/."""

from django.http import HttpResponse
from django.template import Context, Engine
from django.urls import path

from checkin_portal.urls import handler400, handler403, handler404, handler500  # noqa: F401
from checkin_portal.urls import urlpatterns as portal_urlpatterns

BENCH_ITEMS = [f"Item {n}" for n in range(1, 19)]

_TEMPLATE = Engine().from_string(
    '<!doctype html><html lang="en"><head><title>Bench</title></head><body><ul>'
    '{% for item in items %}<li><a href="?item={{ forloop.counter }}">{{ item }}</a></li>'
    "{% endfor %}</ul></body></html>"
)


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


def bare_template(request):
    return HttpResponse(_TEMPLATE.render(Context({"items": BENCH_ITEMS})))


class CeilingViewsMiddleware:
    """Answers for the two ceiling views before the sign-in gate (settings/bench.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func in (bare, bare_template):
            return view_func(request, *view_args, **view_kwargs)
        return None


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/template/", bare_template, name="bench_template"),
    *portal_urlpatterns,
]
