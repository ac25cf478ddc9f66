"""Steps several browser tests share."""

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
