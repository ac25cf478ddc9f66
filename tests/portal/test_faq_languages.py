"""The help page's questions and answers exist in every shipped language.

0002 seeds English and Spanish; 0004 fills the other ten languages (only empty fields)."""

import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from checkin_portal.models import FaqEntry

pytestmark = pytest.mark.django_db

SEED = importlib.import_module("checkin_portal.migrations.0002_seed_faq")
MORE = importlib.import_module("checkin_portal.migrations.0004_seed_faq_more_languages")

ENGLISH = {row[1]: (row[2], row[3]) for row in SEED.FAQ}
SPANISH_QUESTIONS = {row[1]: row[4] for row in SEED.FAQ}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
NOT_ENGLISH = [code for code in LANGUAGES if code != "en"]
FILLED_BY_0004 = [code for code in LANGUAGES if code not in ("en", "es")]

# Form numbers (I-220A, G-56, EOIR-33, ...) and the help line number stay as printed.
CODES = re.compile(r"\b(?:[A-Z]{1,4}-\d+[A-Z]?(?:/[A-Z]+)?|\d-\d{3}-\d{3}-\d{4})\b")
# Agency names and the sign-in field stay in English, as on the papers.
KEPT_AS_PRINTED = re.compile(r"\b(?:ICE|USCIS|EOIR|OPLA|Subject ID)\b")


def field(name: str, code: str) -> str:
    return build_localized_fieldname(name, code)


def shape(answer: str) -> list[list[str]]:
    """Paragraphs (blank-line separated) and, in each, which lines are "- " list items."""
    return [
        ["item" if line.startswith("- ") else "text" for line in block.split("\n")]
        for block in answer.split("\n\n")
    ]


def list_lines(answer: str) -> int:
    return sum(line.startswith("- ") for line in answer.split("\n"))


def test_0004_has_every_seeded_entry_in_every_other_language():
    suffixes = {field("question", code).removeprefix("question_") for code in FILLED_BY_0004}
    assert set(MORE.TRANSLATIONS) == suffixes
    for suffix, texts in MORE.TRANSLATIONS.items():
        assert set(texts) == set(ENGLISH), suffix


def test_every_seeded_entry_has_question_and_answer_in_every_language():
    entries = list(FaqEntry.objects.filter(slug__in=ENGLISH))
    assert len(entries) == len(ENGLISH)
    for entry in entries:
        for code in LANGUAGES:
            assert (getattr(entry, field("question", code)) or "").strip(), (entry.slug, code)
            assert (getattr(entry, field("answer", code)) or "").strip(), (entry.slug, code)


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_question_shown_is_not_the_english_fallback(code: str):
    for slug, (question_en, answer_en) in ENGLISH.items():
        with translation.override(code):
            entry = FaqEntry.objects.get(slug=slug)
            assert entry.question != question_en, slug
            assert entry.answer != answer_en, slug


@pytest.mark.parametrize("code", FILLED_BY_0004)
def test_answers_keep_the_english_format_numbers_and_names(code: str):
    for entry in FaqEntry.objects.filter(slug__in=ENGLISH):
        question_en, answer_en = ENGLISH[entry.slug]
        answer = getattr(entry, field("answer", code))
        question = getattr(entry, field("question", code))
        assert shape(answer) == shape(answer_en), entry.slug
        assert list_lines(answer) == list_lines(answer_en), entry.slug
        assert set(CODES.findall(answer_en)) <= set(CODES.findall(answer)), entry.slug
        assert set(KEPT_AS_PRINTED.findall(answer_en)) <= set(KEPT_AS_PRINTED.findall(answer)), (
            entry.slug
        )
        assert set(KEPT_AS_PRINTED.findall(question_en)) <= set(
            KEPT_AS_PRINTED.findall(question)
        ), entry.slug
        assert len(question) <= FaqEntry._meta.get_field(field("question", code)).max_length


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_answers_name_buttons_and_titles_as_the_site_shows_them(code: str):
    with translation.override(code):
        confirm, end_session = gettext("Confirm"), gettext("End Session")
        changing_address = gettext("Changing your address")
    how_to_book = FaqEntry.objects.get(slug="how-to-book")
    do_i_need_to_book = FaqEntry.objects.get(slug="do-i-need-to-book")
    assert confirm in getattr(how_to_book, field("answer", code))
    assert end_session in getattr(how_to_book, field("answer", code))
    assert changing_address in getattr(do_i_need_to_book, field("answer", code))


@pytest.mark.parametrize("code", ["fa", "ht"])
def test_help_page_shows_the_translated_questions(client: Client, code: str):
    with translation.override(code):
        url = reverse("help")
    html = client.get(url).content.decode()
    for entry in FaqEntry.objects.filter(slug__in=ENGLISH):
        assert escape(getattr(entry, field("question", code))) in html, entry.slug
        assert escape(ENGLISH[entry.slug][0]) not in html, entry.slug


def test_fill_never_overwrites_staff_edits():
    entry = FaqEntry.objects.get(slug="walk-in")
    entry.question_fr = "Texte du personnel"
    entry.answer_fr = ""
    entry.save()

    MORE.fill(apps, None)

    entry.refresh_from_db()
    assert entry.question_fr == "Texte du personnel"
    assert entry.answer_fr == MORE.FR["walk-in"][1]


def test_reverse_clears_only_what_it_wrote():
    entry = FaqEntry.objects.get(slug="walk-in")
    entry.question_tr = "Personelin metni"
    entry.save()

    MORE.unfill(apps, None)

    entry.refresh_from_db()
    assert entry.question_tr == "Personelin metni"
    assert entry.answer_tr is None
    assert entry.question_es == SPANISH_QUESTIONS["walk-in"]  # 0002 is not touched
    assert FaqEntry.objects.get(slug="how-to-book").answer_fa is None

    MORE.fill(apps, None)

    entry.refresh_from_db()
    assert entry.question_tr == "Personelin metni"
    assert entry.answer_tr == MORE.TR["walk-in"][1]
