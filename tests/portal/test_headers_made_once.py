"""Issue 17: the headers every page carries are the same as the libraries make them, but
not worked out anew for each response (checkin_portal/middleware.py): the
Content-Security-Policy from the settings, and a private page's cache headers."""

import pytest
from csp import utils as csp_utils
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from checkin_portal.middleware import KeptPolicyCSPMiddleware, PrivateResponseMiddleware

HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def _headers(middleware_class, view, path="/en/help/", touch_nonce=False):
    request = RequestFactory().get(path)

    def get_response(request):
        if touch_nonce:
            str(request.csp_nonce)
        return view(request)

    response = middleware_class(get_response)(request)
    return {name: response.get(name) for name in HEADERS}, request


def _plain(request):
    return HttpResponse("page")


@csp_update({"img-src": ["https://maps.example"]})
def _own_update(request):
    return HttpResponse("page")


@csp_exempt()
def _exempt(request):
    return HttpResponse("page")


REPORT_ONLY = {
    "EXCLUDE_URL_PREFIXES": ["/staff/"],
    "DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-report/"},
}


@pytest.mark.parametrize("view", [_plain, _own_update, _exempt])
@pytest.mark.parametrize("touch_nonce", [False, True])
def test_the_same_headers_as_django_csp_gives(view, touch_nonce):
    kept, _ = _headers(KeptPolicyCSPMiddleware, view, touch_nonce=touch_nonce)
    theirs, _ = _headers(CSPMiddleware, view, touch_nonce=touch_nonce)
    assert kept == theirs
    if view is _plain and not touch_nonce:
        assert kept["Content-Security-Policy"]


@csp_exempt(REPORT_ONLY=True)
def _exempt_from_report_only(request):
    return HttpResponse("page")


def _own_header(request):
    response = HttpResponse("page")
    response["content-security-policy"] = "default-src 'none'"
    return response


def _not_found(request):
    return HttpResponse("missing", status=404)


def _failed(request):
    return HttpResponse("failed", status=500)


EXCLUDING = {
    "EXCLUDE_URL_PREFIXES": ["/staff/"],
    "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]},
}


@pytest.mark.parametrize("path", ["/en/help/", "/staff/offices/"])
@pytest.mark.parametrize(
    "view", [_plain, _exempt, _exempt_from_report_only, _own_header, _not_found, _failed]
)
@pytest.mark.parametrize("debug", [False, True])
def test_the_settings_policy_as_django_csp_gives_it(path, view, debug):
    """Responses without a policy of their own, which this middleware answers itself."""
    with override_settings(
        CONTENT_SECURITY_POLICY=EXCLUDING,
        CONTENT_SECURITY_POLICY_REPORT_ONLY=REPORT_ONLY,
        DEBUG=debug,
    ):
        kept, _ = _headers(KeptPolicyCSPMiddleware, view, path)
        theirs, _ = _headers(CSPMiddleware, view, path)
    assert kept == theirs
    if path == "/en/help/" and view is _plain:
        directives = set(kept["Content-Security-Policy"].split("; "))
        assert directives == {"default-src 'self'", "img-src 'self' data:"}
        assert kept["Content-Security-Policy-Report-Only"]
    if path == "/staff/offices/" or (debug and view in (_not_found, _failed)):
        assert kept["Content-Security-Policy-Report-Only"] is None
        assert kept["Content-Security-Policy"] in (None, "default-src 'none'")


def test_a_changed_setting_gives_its_new_policy():
    before, _ = _headers(KeptPolicyCSPMiddleware, _plain)
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        changed, _ = _headers(KeptPolicyCSPMiddleware, _plain)
    after, _ = _headers(KeptPolicyCSPMiddleware, _plain)
    assert changed["Content-Security-Policy"] == "default-src 'none'"
    assert after == before != changed


def test_the_policy_is_built_once_not_for_each_response(monkeypatch):
    built = []
    real = csp_utils.build_policy

    def counting(*args, **kwargs):
        built.append(kwargs.get("report_only", False))
        return real(*args, **kwargs)

    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=REPORT_ONLY):
        monkeypatch.setattr(csp_utils, "build_policy", counting)
        for _ in range(3):
            _headers(KeptPolicyCSPMiddleware, _plain)
    assert sorted(built) == [False, True]


def test_a_nonce_asked_for_after_the_header_is_written_is_refused():
    """As django-csp: a nonce asked for once the header is out would not be in it."""
    from csp.exceptions import CSPNonceError

    _, request = _headers(KeptPolicyCSPMiddleware, _plain)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def _private(request):
    request.is_private = True
    return HttpResponse("page")


def test_a_private_page_has_the_cache_headers_django_gives(time_machine):
    time_machine.move_to("2026-12-06T10:00:00.6+00:00", tick=False)
    request = RequestFactory().get("/en/my-check-in/")
    ours = PrivateResponseMiddleware(_private)(request)
    theirs = HttpResponse("page")
    add_never_cache_headers(theirs)
    patch_cache_control(theirs, no_store=True, private=True)
    assert ours["Cache-Control"] == theirs["Cache-Control"]
    assert ours["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert ours["Expires"] == theirs["Expires"] == "Sun, 06 Dec 2026 10:00:00 GMT"
    time_machine.move_to("2026-12-06T10:00:01.7+00:00", tick=False)
    later = PrivateResponseMiddleware(_private)(request)
    assert later["Expires"] == "Sun, 06 Dec 2026 10:00:01 GMT"


def test_a_page_with_cache_headers_of_its_own_keeps_them_and_is_still_private():
    def own(request):
        request.is_private = True
        response = HttpResponse("page")
        response["Cache-Control"] = "max-age=600, public"
        response["Expires"] = "Sun, 06 Dec 2026 11:00:00 GMT"
        return response

    response = PrivateResponseMiddleware(own)(RequestFactory().get("/en/my-check-in/"))
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "must-revalidate", "private", "max-age=0"} <= control
    assert "public" not in control
    assert response["Expires"] == "Sun, 06 Dec 2026 11:00:00 GMT"


def test_a_public_page_gets_no_cache_headers_from_it():
    response = PrivateResponseMiddleware(_plain)(RequestFactory().get("/en/help/"))
    assert not response.has_header("Cache-Control") and not response.has_header("Expires")
