"""Cross-cutting response rules."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


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
        if getattr(request, "is_private", False):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
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
