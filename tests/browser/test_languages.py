"""Each shipped language, end to end in a real browser: choose it by its own name, then
home → sign-in → My check-in → End Session → the language page again. Every page is
accessible (axe), says its language and direction on <html>, and shows no English left:
no visible text is identical to the same page in English unless it is data or a code."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLOW = 15_000
RTL = set(settings.LANGUAGES_BIDI)
LETTER = re.compile(r"[^\W\d_]")
# Codes and numbers stay as printed: anything with a digit (AB123456, 62701, +1-833-…),
# capitals (time zones, states, agency acronyms) and web addresses.
CODES = re.compile(r"(?<!\w)(?:[\w/.+-]*\d[\w/.+-]*|[A-Z]{2,5})(?!\w)|https?://\S+")

# Visible text nodes (what a sighted reader sees, screen-reader-only text included) and the
# attributes people see or hear: title, alt, placeholder, aria-label, submit values.
VISIBLE_TEXT_JS = """() => {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!node.nodeValue.trim() || !parent || parent.closest("script, style, template"))
        return NodeFilter.FILTER_REJECT;
      return parent.checkVisibility() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  while (walker.nextNode()) texts.push(walker.currentNode.nodeValue);
  for (const el of document.body.querySelectorAll(
      "[title], [alt], [placeholder], [aria-label], input[type=submit]")) {
    if (!el.checkVisibility()) continue;
    for (const name of ["title", "alt", "placeholder", "aria-label"])
      if (el.getAttribute(name)) texts.push(el.getAttribute(name));
    if (el.type === "submit" && el.value) texts.push(el.value);
  }
  return texts.map((t) => t.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""

# The same page in English, read once per address for the whole run.
_ENGLISH: dict[str, set[str]] = {}


def _subject():
    return SubjectFactory(
        subject_id="AB123456",
        country_of_birth="MX",
        given_names="Valentina",
        family_names="Reyes",
        with_paperwork_appointment=True,
        paperwork_appointment_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30),
    )


def _allowed(language: str, subject) -> set[str]:
    """Data, settings and the language names, plus whatever the language's catalogues keep
    identical on purpose (e.g. "Subject ID", or "Canada" in French)."""
    allowed = {
        settings.PORTAL_NAME,
        settings.AGENCY_NAME,
        settings.AGENCY_SHORT_NAME,
        *dict(settings.LANGUAGES).values(),
        subject.given_names,
        subject.family_names,
        subject.paperwork_office_name,
        *subject.paperwork_office_address.splitlines(),
    }
    with translation.override(language):
        catalogue = translation.trans_real.translation(language)._catalog
        allowed.update(
            msgid
            for msgid, msgstr in catalogue.items()
            if isinstance(msgid, str) and msgid == msgstr
        )
    return allowed


def english_left(page: Page, english: set[str], allowed: set[str]) -> list[str]:
    """Visible texts of ``page`` that are word for word in the English page too, with at
    least 4 letters once allowed texts (whole or as parts) and codes are taken out."""
    known = sorted((text for text in allowed if text), key=len, reverse=True)
    allowed_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, known)) + r")(?!\w)")
    found = []
    for text in page.evaluate(VISIBLE_TEXT_JS):
        if text not in english or text in allowed or text in found:
            continue
        rest = CODES.sub(" ", allowed_re.sub(" ", text))
        if len(LETTER.findall(rest)) >= 4:
            found.append(text)
    return found


def open_country_list(page: Page) -> None:
    """Open the sign-in page's searchable country list, as a person choosing would."""
    page.wait_for_load_state("load")
    page.locator(".usa-combo-box__toggle-list").click()
    expect(page.locator(".usa-combo-box__list")).to_be_visible(timeout=SLOW)


def _english_texts(page: Page, base: str, path: str, *, country_list=False) -> set[str]:
    """The English page at ``path``, read in a second tab (same session, same cookies)."""
    key = f"{path} (country list open)" if country_list else path
    if key not in _ENGLISH:
        tab = page.context.new_page()
        tab.goto(base + path)
        tab.wait_for_load_state("load")
        if country_list:
            open_country_list(tab)
        _ENGLISH[key] = set(tab.evaluate(VISIBLE_TEXT_JS))
        tab.close()
    return _ENGLISH[key]


def check_page(
    page: Page, language: str, *, english: set[str], allowed: set[str], what: str, axe=True
) -> list[str]:
    """Language and direction on <html> and axe at the widths (asserted), and the English
    left on the page (returned, so that one run lists it for every page of the walk)."""
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language, timeout=SLOW)
    expect(html).to_have_attribute("dir", "rtl" if language in RTL else "ltr")
    if axe:
        widths = [MOBILE, DESKTOP] if language in RTL else [DESKTOP]
        check_at_widths(page, widths, context=f"{what} ({language})")
    if language == settings.LANGUAGE_CODE:
        return []
    return [f"{what}: {text!r}" for text in english_left(page, english, allowed)]


@pytest.mark.parametrize(("language", "own_name"), settings.LANGUAGES)
def test_language_walk(page: Page, live_server, block_other_hosts, language, own_name):
    subject = _subject()
    base = live_server.url
    english_left_on: list[str] = []

    def check(what: str, english_path: str = "", english: set[str] | None = None):
        if english is None:
            english = _english_texts(page, base, english_path)
        english_left_on.extend(
            check_page(page, language, english=english, allowed=allowed, what=what)
        )

    allowed = _allowed(language, subject)

    # The chooser, before any choice: in English, every language by its own name. It is
    # the same page for every language: axe judges it once (in the English walk).
    page.goto(f"{base}/")
    first = language == settings.LANGUAGE_CODE
    check_page(page, "en", english=set(), allowed=allowed, what="language choice", axe=first)
    english_chooser = set(page.evaluate(VISIBLE_TEXT_JS))
    page.get_by_role("button", name=own_name, exact=True).click()

    expect(page).to_have_url(f"{base}/{language}/", timeout=SLOW)
    check("home", "/en/")

    page.locator(f".usa-card__footer a[href='/{language}/sign-in/']").first.click()
    expect(page).to_have_url(f"{base}/{language}/sign-in/", timeout=SLOW)
    check("sign-in", "/en/sign-in/")
    if not first:  # about 250 country names, each in the reader's language
        open_country_list(page)
        english = _english_texts(page, base, "/en/sign-in/", country_list=True)
        english_left_on.extend(
            f"sign-in, country list: {text!r}" for text in english_left(page, english, allowed)
        )

    sign_in_via_form(page, live_server, language=language, subject=subject)
    expect(page.get_by_text(subject.given_names, exact=False).first).to_be_visible()
    check("my check-in", "/en/my-check-in/")

    page.locator("form.portal-header__end-session button[type=submit]").click()
    expect(page).to_have_url(f"{base}/{language}/session-ended/", timeout=SLOW)
    check("session ended", "/en/session-ended/")
    assert subject.given_names not in page.content()

    # The choice outlives the session: the root and the chooser are in it too.
    page.goto(f"{base}/")
    expect(page).to_have_url(f"{base}/{language}/", timeout=SLOW)
    page.locator("a.portal-header__language").click()
    expect(page.get_by_role("button", name=own_name, exact=True)).to_be_visible(timeout=SLOW)
    check("language choice", english=english_chooser)

    shown = english_left_on[:30] + [f"... and {len(english_left_on) - 30} more"] * (
        len(english_left_on) > 30
    )
    assert not english_left_on, f"English left in {language}:\n" + "\n".join(shown)
