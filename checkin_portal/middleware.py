"""Cross-cutting response rules."""

import functools
import time

from csp import utils as csp_utils
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date

# What add_never_cache_headers and then patch_cache_control(no_store=True, private=True)
# give a response that had no cache headers (tests/portal/test_headers_made_once.py).
_PRIVATE_CACHE_CONTROL = "max-age=0, no-cache, no-store, must-revalidate, private"


@functools.lru_cache(maxsize=1)
def _http_date_of(second: int) -> str:
    return http_date(second)


class PrivateResponseMiddleware:
    """Keep personal pages out of every cache and out of the back button after End Session.

    A view marks its response private by setting ``request.is_private = True`` (the
    ``signed_in_gate`` does). Any response that sets a session-bound cookie or
    varies on it is treated the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "is_private", False):
            return response
        if response.has_header("Cache-Control") or response.has_header("Expires"):
            # The view's own headers are merged with these by Django's rules.
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        else:
            # The same headers, written as they come out: parsing and rebuilding them
            # for each page was 2-3 % of a booking's CPU (docs/adr/0017, sixteenth pass).
            response.headers["Expires"] = _http_date_of(int(time.time()))
            response.headers["Cache-Control"] = _PRIVATE_CACHE_CONTROL
        return response


# The policy of a response that has none of its own: django-csp builds it from the
# settings for every response (about 35 µs a page); here once, until a setting changes.
@functools.cache
def _settings_policy(report_only: bool) -> str:
    return csp_utils.build_policy(report_only=report_only)


@receiver(setting_changed, dispatch_uid="kept_csp_policy_setting_changed")
def _forget_settings_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _settings_policy.cache_clear()


_OWN_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


class KeptPolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware (4.0), its headers the same (tests: side by side with it),
    but the settings' policy built once per process. A response with a policy of its own
    (a view's csp, csp_update or csp_replace decorator) or a request that used a nonce
    goes to django-csp's own code."""

    def process_response(self, request, response):
        has_own = getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _OWN_POLICY
        )
        if has_own:
            return super().process_response(request, response)
        if response.status_code in (404, 500) and settings.DEBUG:
            return response  # Django's debug pages, as django-csp leaves them
        for header, report_only, exempt, setting in (
            (HEADER, False, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, True, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy = _settings_policy(report_only)
            if not policy or header in response or getattr(response, exempt, False) is not False:
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
            if not request.path_info.startswith(tuple(prefixes or ())):
                response[header] = policy
        # As django-csp: a nonce asked for after this would not be in the header.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class PermissionsPolicyMiddleware:
    """Switch off the browser features the portal never uses (``PERMISSIONS_POLICY``), on
    every response: a script injected into a page, or a framed third party, cannot then ask
    for the camera, the microphone, the person's location or a payment. Django has no
    setting for this header (5.2), nor has django-csp."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
