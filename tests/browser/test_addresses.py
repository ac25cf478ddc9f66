"""Browser tests of the address pages: the public guidance (JavaScript off and on) and the
signed-in change → "is this right?" → receipt flow, in English, Spanish and Arabic (right
to left), with axe at 320 px and 1280 px."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from addresses.models import AddressChange
from checkin_portal import clock
from subjects.release_forms import ReleaseForm
from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY
from subjects.sessions import SessionStore  # SESSION_ENGINE
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths as _check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, labels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [MOBILE, DESKTOP]
TEXT = {
    "en": {
        "guidance_h1": "Who needs your new address",
        "show": "Show what to do",
        "results": "What to do",
        "problem": "There is a problem",
        "eoir": "Executive Office for Immigration Review",
        "change_h1": "Send your new address",
        "continue": "Continue",
        "confirm_h1": "Is this right?",
        "yes": "Yes, send it",
        "receipt_h1": "We received your new address",
        "left": "What is left to do",
        "print": "Print this page",
        "street_error": "Write the street address or the PO box.",
        "zip_error": "The ZIP code 78701 is in Texas, not in Georgia.",
    },
    "es": {
        "guidance_h1": "Quién necesita su nueva dirección",
        "show": "Ver qué hacer",
        "results": "Qué hacer",
        "problem": "Hay un problema",
        "eoir": "Oficina Ejecutiva de Revisión de Inmigración",
        "change_h1": "Enviar su nueva dirección",
        "continue": "Continuar",
        "confirm_h1": "¿Está bien así?",
        "yes": "Sí, enviarla",
        "receipt_h1": "Recibimos su nueva dirección",
        "left": "Lo que falta por hacer",
        "print": "Imprimir esta página",
        "street_error": "Escriba la calle y el número, o el apartado postal.",
        "zip_error": "El código postal 78701 es de Texas, no de Georgia.",
    },
}

# Other languages read their labels from the .po catalogues: the English text is the msgid,
# except where the test looks for a part of a longer message.
WHOLE_MSGIDS = {
    "eoir": "Executive Office for Immigration Review (EOIR), the immigration court",
    "zip_error": (
        "The ZIP code %(zip)s is in %(zip_state)s, not in %(state)s. "
        "Check the state and the ZIP code."
    ),
}


def _text(language: str) -> dict[str, str]:
    if language in TEXT:
        return TEXT[language]
    msgids = {key: WHOLE_MSGIDS.get(key, msgid) for key, msgid in TEXT["en"].items()}
    text = labels(language, {key: msgid for key, msgid in msgids.items() if key != "zip_error"})
    # Names of places are not translated (checkin_portal/places/states.py).
    text["zip_error"] = label(
        language, msgids["zip_error"], zip="78701", zip_state="Texas", state="Georgia"
    )
    return text


def _today() -> datetime.date:
    return clock.today_in(ZoneInfo(settings.TIME_ZONE))


def _fits_a_small_phone(page: Page, context: str) -> None:
    """At 320 px nothing makes the page scroll sideways (long web addresses wrap)."""
    page.set_viewport_size(MOBILE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], f"{context}: the page is {width}px wide at 320px"


def _answer_guidance(page: Page, move_date: datetime.date) -> None:
    page.locator('label[for="id_release_form_0"]').click()  # Notice to Appear
    page.locator('label[for="id_credible_fear_0"]').click()  # yes
    page.locator('label[for="id_work_permit_1"]').click()  # no
    page.locator("#id_move_date").fill(move_date.isoformat())


def _guidance_flow(page: Page, base_url: str, language: str, *, axe: bool = True) -> None:
    """axe needs JavaScript in the page, so it runs in the JavaScript-on tests; the same
    pages without JavaScript differ only by the error summary's focus."""
    text = _text(language)

    def check_at_widths(page, widths, *, context):
        if axe:
            _check_at_widths(page, widths, context=context)

    page.goto(f"{base_url}/{language}/new-address/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["guidance_h1"])
    check_at_widths(page, WIDTHS, context=f"guidance ({language})")

    # Nothing chosen: a clear error, no results.
    page.get_by_role("button", name=text["show"]).click()
    expect(page.get_by_text(text["problem"])).to_be_visible()
    expect(page.locator("#results")).to_have_count(0)
    check_at_widths(page, WIDTHS, context=f"guidance errors ({language})")

    _answer_guidance(page, _today() - datetime.timedelta(days=1))
    page.get_by_role("button", name=text["show"]).click()
    results = page.locator("#results")
    expect(results.get_by_role("heading", name=text["results"])).to_be_visible()
    expect(results.locator(".portal-agency")).to_have_count(3)  # ICE, EOIR, USCIS
    expect(results.get_by_text(text["eoir"])).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"guidance results ({language})")
    _fits_a_small_phone(page, f"guidance results ({language})")


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_guidance_with_javascript(page: Page, live_server, block_other_hosts, language):
    _guidance_flow(page, live_server.url, language)
    # With JavaScript the error summary takes the focus on an invalid answer.
    page.locator("#id_move_date").fill("")
    page.goto(f"{live_server.url}/{language}/new-address/?release_form=nta")
    expect(page.locator(".js-error-summary")).to_be_focused()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_guidance_without_javascript(browser, live_server, language):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _guidance_flow(page, live_server.url, language, axe=False)
    finally:
        context.close()


def _sign_in(context, live_server, subject) -> None:
    session = SessionStore()
    session[SESSION_SUBJECT_KEY] = subject.pk
    session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
    session.create()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def _change_flow(page: Page, base_url: str, language: str, *, axe: bool = True) -> str:
    text = _text(language)

    def check_at_widths(page, widths, *, context):
        if axe:
            _check_at_widths(page, widths, context=context)

    page.goto(f"{base_url}/{language}/new-address/send/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["change_h1"])
    check_at_widths(page, WIDTHS, context=f"address form ({language})")

    # Bad input: a clear message per field, nothing saved.
    page.locator("#id_street").fill("   ")
    page.locator("#id_city").fill("Atlanta")
    page.locator("#id_state").select_option("GA")
    page.locator("#id_zip_code").fill("78701")
    page.locator("#id_move_date").fill((_today() - datetime.timedelta(days=2)).isoformat())
    page.get_by_role("button", name=text["continue"]).click()
    expect(page.locator("#id_street_error")).to_contain_text(text["street_error"])
    expect(page.locator("#id_zip_code_error")).to_contain_text(text["zip_error"])
    check_at_widths(page, WIDTHS, context=f"address form errors ({language})")
    assert AddressChange.objects.count() == 0

    page.locator("#id_street").fill("180 Ted Turner Drive Southwest")
    page.locator("#id_unit").fill("Suite 522")
    page.locator("#id_zip_code").fill("30303")
    page.locator("#id_in_care_of").fill("Ayuda Legal")
    page.get_by_role("button", name=text["continue"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(text["confirm_h1"])
    expect(page.locator(".portal-address")).to_contain_text("180 TED TURNER DR SW STE 522")
    check_at_widths(page, WIDTHS, context=f"is this right ({language})")
    page.get_by_role("button", name=text["yes"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(text["receipt_h1"])
    receipt = page.locator(".portal-receipt__number").inner_text()
    expect(page.get_by_role("heading", name=text["left"])).to_be_visible()
    expect(page.locator(".portal-agency")).to_have_count(1)  # the immigration court
    check_at_widths(page, WIDTHS, context=f"receipt ({language})")
    _fits_a_small_phone(page, f"receipt ({language})")
    return receipt


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_change_and_receipt(browser, live_server, block_other_hosts, page, language):
    subject = SubjectFactory(
        release_form=ReleaseForm.NOTICE_TO_APPEAR,
        release_date=_today() - datetime.timedelta(days=60),
    )
    _sign_in(page.context, live_server, subject)
    receipt = _change_flow(page, live_server.url, language)
    change = AddressChange.objects.get()
    assert receipt == change.receipt_display
    assert change.language == language
    # JavaScript shows the print button.
    expect(page.get_by_role("button", name=_text(language)["print"])).to_be_visible()


def test_change_and_receipt_without_javascript(browser, live_server):
    subject = SubjectFactory(release_date=_today() - datetime.timedelta(days=60))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _sign_in(context, live_server, subject)
        _change_flow(page, live_server.url, "en", axe=False)
        # Without JavaScript the print button stays hidden; the words say what to do.
        expect(page.locator(".js-print")).to_be_hidden()
        expect(page.get_by_text("write down the receipt number")).to_be_visible()
    finally:
        context.close()
