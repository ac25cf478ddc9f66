"""Private by default (docs/adr/0013-wiring.md): every page of the portal needs a live
subject session unless its URL name is on the short public list below. A new signed-in
page is therefore private without anyone remembering a decorator; a new public page must
be added here on purpose (tests/portal/test_private_by_default.py walks every URL and
keeps this list short)."""

from django.http import HttpRequest

from .decorators import signed_in_gate

# URL names (with namespace) a signed-out visitor may open.
PUBLIC_VIEWS = frozenset(
    {
        "root",
        "language_choice",
        "set_language",
        "healthz",
        "healthz_ready",
        "healthz_live",
        "home",
        "help",
        "tutorial",
        "subjects:sign_in",
        "subjects:sign_out",
        "subjects:session_ended",
        "offices:finder",
        "offices:choose",
        "addresses:guidance",
        "appointments:link",
    }
)
# Namespaces with their own sign-in: the staff admin (django.contrib.admin, two-step).
OWN_SIGN_IN_NAMESPACES = frozenset({"admin"})


def is_public(request: HttpRequest) -> bool:
    match = request.resolver_match
    return (
        match is None
        or match.view_name in PUBLIC_VIEWS
        or bool(OWN_SIGN_IN_NAMESPACES.intersection(match.namespaces))
    )


class SignedInMiddleware:
    """Runs ``signed_in_gate`` before every view that is not public."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if is_public(request):
            return None
        return signed_in_gate(request)
