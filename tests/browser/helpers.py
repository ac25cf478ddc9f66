"""Steps several browser tests share."""

from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect


def sign_in_via_form(
    page: Page, live_server, *, language: str, subject, next_path: str | None = None
) -> None:
    """Sign ``subject`` in through the real sign-in page (CAPTCHA is off in tests).

    With ``next_path`` the person first asks for that signed-in page, is sent to sign in,
    and comes back to it; without it they land on My check-in. The country is chosen in
    the underlying <select> so this works with and without JavaScript (tests/browser/
    test_subjects.py drives the searchable list itself)."""
    if next_path:
        page.goto(f"{live_server.url}{next_path}")
    else:
        page.goto(f"{live_server.url}/{language}/sign-in/")
    page.locator("input[name=subject_id]").fill(subject.subject_id)
    page.locator("select[name=country_of_birth]").select_option(
        str(subject.country_of_birth), force=True
    )
    page.locator("form.portal-sign-in button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{next_path or f'/{language}/my-check-in/'}")


def label(language: str, msgid: str, context: str | None = None, **params) -> str:
    """What the page shows for ``msgid`` in ``language``, read from the .po catalogues
    (so that a language needs no hand-written copy of its labels), with ``params``
    filled in as the code or {% blocktranslate %} does. Fails when the catalogues have
    no such msgid: gettext would quietly give the English back, and the test would pass
    for the wrong reason. English, the source language, has no catalogue: the msgid is
    the text."""
    with translation.override(language):
        if language != settings.LANGUAGE_CODE:
            key = f"{context}\x04{msgid}" if context else msgid
            catalogue = translation.trans_real.translation(language)._catalog
            assert key in catalogue, f"no msgid {msgid!r} (context {context!r}) for {language}"
        text = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
    return text % params if params else text


def labels(language: str, msgids: dict[str, str]) -> dict[str, str]:
    """``label`` for every value of ``msgids`` (key -> English msgid)."""
    return {key: label(language, msgid) for key, msgid in msgids.items()}
