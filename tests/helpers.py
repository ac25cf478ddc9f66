"""Small helpers shared by tests of several apps."""

import re

_MANAGEMENT = re.compile(
    r'<input[^>]*name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d*)"'
)


def management_form_data(html: str) -> dict[str, str]:
    """The hidden management-form fields of every inline formset on an admin page, as sent,
    so a test can post the main form without knowing which inlines other apps add."""
    return dict(_MANAGEMENT.findall(html))


def subject_sign_in(client, subject) -> None:
    """Put a live session of ``subject`` in the test client, as the sign-in page leaves it
    (the sign-in form itself is tested in tests/subjects)."""
    from checkin_portal import clock
    from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY

    session = client.session
    session[SESSION_SUBJECT_KEY] = subject.pk
    session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
    session.save()


def staff_login(client, user) -> None:
    """``force_login`` for the staff admin, as after a full sign-in: when the account has a
    two-step device (django-otp), the session also holds it, as if its code had been given
    (a password-only session of such an account is sent back to the login)."""
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

    client.force_login(user)
    device = next(devices_for_user(user), None)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def superuser_client():
    """A test client signed in to the staff admin as a new superuser "root"."""
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    staff_login(client, User.objects.create_superuser(username="root", password="x" * 16))
    return client


def _route(pattern) -> str:
    from django.urls.resolvers import LocalePrefixPattern

    if isinstance(pattern, LocalePrefixPattern):
        return "en/"
    text = str(pattern)
    # Regex routes (admin): fill each group with a dummy value and drop the anchors.
    text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text)
    text = re.sub(r"<(?:\w+:)?\w+>", "1", text)
    return text.lstrip("^").rstrip("$").replace("\\", "")


def url_pages(patterns, prefix="", namespaces=()):
    """(name, namespaces, path) of every page of the URL patterns, with a dummy value in
    each captured part and "en/" for the language prefix."""
    from django.urls import URLPattern, URLResolver

    for entry in patterns:
        route = prefix + _route(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from url_pages(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else route
            yield name, namespaces, "/" + route
