"""Sign-in, My check-in, End Session and the idle-timeout warning in a real browser."""

import datetime

import pytest
import time_machine
from playwright.sync_api import Page, expect

from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, labels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [MOBILE, DESKTOP]
# Two shared cores run several suites at once: give page changes more than the 5 s default.
SLOW = 15_000

TEXT = {
    "en": {
        "sign_in": "Sign in",
        "card": "Check-in appointment",
        "subject_id": "Subject ID",
        "country": "Country of birth",
        "country_search": "Mexi",
        "country_name": "Mexico",
        "wrong_country_search": "Guate",
        "my_checkin": "My check-in",
        "end_session": "End Session",
        "ended": "Your session has ended",
        "no_match": "We could not sign you in",
        "problem": "There is a problem",
        "warning": "Are you still there?",
        "stay": "Stay signed in",
        "timed_out": "Your session ended because nothing happened for a while.",
    },
    "es": {
        "sign_in": "Entrar",
        "card": "Cita para presentarse",
        "subject_id": "Subject ID",
        "country": "País de nacimiento",
        "country_search": "Méxi",
        "country_name": "México",
        "wrong_country_search": "Guate",
        "my_checkin": "Mi cita",
        "end_session": "Terminar sesión",
        "ended": "Su sesión terminó",
        "no_match": "No pudimos abrir su sesión",
        "problem": "Hay un problema",
        "warning": "¿Sigue ahí?",
        "stay": "Seguir en mi sesión",
        "timed_out": "Su sesión terminó porque pasó un rato sin actividad.",
    },
}


def _text(language: str) -> dict[str, str]:
    """English and Spanish as written above; any other language from the .po catalogues,
    where the English text is the msgid (the rest are parts of longer messages)."""
    if language in TEXT:
        return TEXT[language]
    whole = {
        "no_match": (
            "We could not sign you in with that Subject ID and country of birth. "
            "Check both against your papers and try again."
        ),
        "timed_out": (
            "Your session ended because nothing happened for a while. "
            "This keeps your information safe. Please sign in again."
        ),
    }
    msgids = {key: whole.get(key, msgid) for key, msgid in TEXT["en"].items()}
    del msgids["country_search"], msgids["wrong_country_search"]
    text = labels(language, msgids)
    # Typed into the searchable list, as "Mexi" and "Guate" are: the start of the name.
    text["country_search"] = text["country_name"][:4]
    text["wrong_country_search"] = label(language, "Guatemala")[:4]
    return text


def _subject():
    return SubjectFactory(
        subject_id="AB123456",
        country_of_birth="MX",
        given_names="Valentina",
        with_paperwork_appointment=True,
        paperwork_appointment_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30),
    )


def _choose_country(page: Page, text: dict) -> None:
    """Type into the searchable list (USWDS combo box) and pick the country."""
    box = page.get_by_role("combobox", name=text["country"])
    box.fill(text["country_search"])
    page.get_by_role("option", name=text["country_name"], exact=True).click()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_sign_in_my_checkin_end_session_and_back_shows_nothing(
    page: Page, live_server, block_other_hosts, language
):
    text = _text(language)
    _subject()
    problems: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/{language}/")
    page.locator(".usa-card__footer").get_by_role("link", name=text["card"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["sign_in"], timeout=SLOW)
    check_at_widths(page, WIDTHS, context=f"sign-in ({language})")

    # Wrong country first: the error summary, then a clean retry.
    page.get_by_label(text["subject_id"]).fill("ab-123 456")
    box = page.get_by_role("combobox", name=text["country"])
    box.fill(text["wrong_country_search"])
    wrong_country = page.get_by_role("option").first.inner_text().strip()
    page.get_by_role("option").first.click()
    page.get_by_role("button", name=text["sign_in"], exact=True).click()
    expect(page.get_by_role("alert").filter(has_text=text["problem"])).to_contain_text(
        text["no_match"]
    )
    # The page comes back with the country the person chose, not an empty box.
    expect(page.get_by_role("combobox", name=text["country"])).to_have_value(wrong_country)
    check_at_widths(page, WIDTHS, context=f"sign-in error ({language})")

    _choose_country(page, text)
    page.get_by_role("button", name=text["sign_in"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["my_checkin"], timeout=SLOW)
    expect(page.get_by_text("Valentina")).to_be_visible()
    expect(page.get_by_text("Example Field Office")).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"my check-in ({language})")

    page.get_by_role("button", name=text["end_session"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["ended"], timeout=SLOW)
    check_at_widths(page, WIDTHS, context=f"session ended ({language})")

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["sign_in"], timeout=SLOW)
    assert "Valentina" not in page.content()
    assert "Example Field Office" not in page.content()
    assert "/sign-in/" in page.url
    assert not problems, problems  # no script error, no CSP violation (combo box included)


def test_sign_in_works_without_javascript(browser, live_server):
    _subject()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/sign-in/")
    page.get_by_label("Subject ID").fill("AB123456")
    page.get_by_label("Country of birth").select_option("MX")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My check-in")
    page.get_by_role("button", name="End Session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your session has ended")
    page.go_back()
    assert "Valentina" not in page.content()
    context.close()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_idle_warning_then_stay_signed_in_then_timeout(
    page: Page, live_server, block_other_hosts, language
):
    text = _text(language)
    _subject()
    page.clock.install()
    page.goto(f"{live_server.url}/{language}/sign-in/")
    page.get_by_label(text["subject_id"]).fill("AB123456")
    _choose_country(page, text)
    page.get_by_role("button", name=text["sign_in"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["my_checkin"], timeout=SLOW)
    warning = page.get_by_role("alert").filter(has_text=text["warning"])
    expect(warning).to_have_count(0)

    # The timers start once the deferred script has run (before "load").
    page.wait_for_load_state("load")
    # 13 minutes idle (the default timeout is 15, the warning comes 2 minutes before).
    page.clock.run_for("13:01")
    expect(warning).to_be_visible(timeout=SLOW)
    check_at_widths(page, WIDTHS, context=f"idle warning ({language})")
    page.get_by_role("button", name=text["stay"]).click()
    expect(warning).to_have_count(0, timeout=SLOW)
    expect(page.get_by_role("heading", level=1)).to_have_text(text["my_checkin"], timeout=SLOW)

    # Then nothing for over 15 minutes: the server has ended it, the page leaves.
    with time_machine.travel(datetime.timedelta(minutes=16)):
        page.clock.run_for("16:00")
        expect(page.get_by_role("heading", level=1)).to_have_text(text["sign_in"], timeout=SLOW)
        expect(page.get_by_text(text["timed_out"])).to_be_visible(timeout=SLOW)
    assert "Valentina" not in page.content()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_my_checkin_states_are_accessible(page: Page, live_server, block_other_hosts, language):
    """Book now (Parole/ATD, report-by passed) and completed: the other page states."""
    import io

    from subjects import demo_data

    demo_data.load(io.StringIO())
    text = _text(language)
    for typed_id, code, _country, shows in [
        row for row in demo_data.DEMO_SIGN_INS if row[0] in {"DEMO-1002", "DEMO-1004"}
    ]:
        page.goto(f"{live_server.url}/{language}/sign-in/")
        page.get_by_label(text["subject_id"]).fill(typed_id)
        page.locator("select[name=country_of_birth]").select_option(code, force=True)
        page.get_by_role("button", name=text["sign_in"], exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text["my_checkin"], timeout=SLOW)
        check_at_widths(page, WIDTHS, context=f"my check-in, {shows} ({language})")
        page.get_by_role("button", name=text["end_session"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text["ended"], timeout=SLOW)
