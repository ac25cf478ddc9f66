import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext
from playwright.sync_api import Page, expect

from checkin_portal import howto

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded_content"),
]

WIDTHS = [MOBILE, DESKTOP]
RTL = set(settings.LANGUAGES_BIDI)
# The help page's questions are the catalogues' "faq" messages, loaded by load_faq.
FIRST_QUESTION = "Do I need to book a check-in appointment?"


def _faq_question(language: str) -> str:
    with translation.override(language):
        return pgettext("faq", FIRST_QUESTION)


def _row(language: str) -> tuple[str, str, str, str, str, str]:
    """A language other than English and Spanish: its own name on the button, its labels
    from the .po catalogues and the question as loaded."""
    return (
        dict(settings.LANGUAGES)[language],
        language,
        label(language, "Meet the conditions of your release"),
        label(language, "Questions and answers"),
        label(language, "Questions and answers"),
        _faq_question(language),
    )


@pytest.mark.parametrize(
    ("button", "language", "home_heading", "help_link", "help_heading", "question"),
    [
        (
            "English",
            "en",
            "Meet the conditions of your release",
            "Questions and answers",
            "Questions and answers",
            "Do I need to book a check-in appointment?",
        ),
        (
            "Español",
            "es",
            "Cumpla las condiciones de su salida",
            "Preguntas y respuestas",
            "Preguntas y respuestas",
            "¿Tengo que hacer una cita para presentarme?",
        ),
        pytest.param(*_row("ar"), id="ar"),
    ],
)
def test_first_visit_language_home_and_faq(
    page: Page,
    live_server,
    block_other_hosts,
    button,
    language,
    home_heading,
    help_link,
    help_heading,
    question,
):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your language")
    check_at_widths(page, WIDTHS, context="language choice")

    page.get_by_role("button", name=button).click()
    expect(page).to_have_url(f"{live_server.url}/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language in RTL else "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text(home_heading)
    check_at_widths(page, WIDTHS, context=f"home ({language})")

    page.get_by_role("contentinfo").get_by_role("link", name=help_link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(help_heading)
    page.get_by_text(question).click()  # opens the <details>
    expect(page.locator("#faq-do-i-need-to-book .portal-faq__answer")).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"help ({language})")

    # The choice is remembered: the root goes straight to the chosen language.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(f"{live_server.url}/{language}/")


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_tutorial_and_error_pages_are_accessible(
    page: Page, live_server, block_other_hosts, language
):
    page.goto(f"{live_server.url}/{language}/help/how-to-book/")
    # "Get your papers ready", then the booking steps of the illustrated how-to.
    booking = [step for step in howto.STEPS if step.group == "book"]
    expect(page.locator("ol.usa-process-list > li")).to_have_count(1 + len(booking))
    check_at_widths(page, WIDTHS, context=f"tutorial ({language})")
    response = page.goto(f"{live_server.url}/{language}/no-such-page/")
    assert response.status == 404
    check_at_widths(page, WIDTHS, context=f"404 ({language})")


def test_pages_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Español").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cumpla las condiciones de su salida")
    page.get_by_role("link", name="Idioma").click()
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()
