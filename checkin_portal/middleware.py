"""Cross-cutting response rules."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


class PrivateResponseMiddleware:
    """Keep personal pages out of every cache and out of the back button after End Session.

    A view marks its response private by setting ``request.is_private = True`` (the
    ``subject_required`` decorator does). Any response that sets a session-bound cookie or
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
