"""The help page's questions and answers exist in every shipped language.

The English text is ``checkin_portal/content/faq.py``, the translations are the catalogues'
``faq`` messages, and ``load_faq`` writes them (never over a staff edit; the test database
is loaded once by ``tests/conftest.py``)."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from checkin_portal.content.faq import FAQ
from checkin_portal.content.loading import faq_load, shipped_texts
from checkin_portal.models import FaqEntry

pytestmark = pytest.mark.django_db

with translation.override("en"):
    ENGLISH = {item.slug: (str(item.question), str(item.answer)) for item in FAQ}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
NOT_ENGLISH = [code for code in LANGUAGES if code != "en"]

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


def test_the_catalogues_translate_every_shipped_entry_in_every_language():
    for item in FAQ:
        texts = shipped_texts(item)
        for code in LANGUAGES:
            for name in ("question", "answer"):
                assert field(name, code) in texts, (item.slug, name, code)


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


@pytest.mark.parametrize("code", NOT_ENGLISH)
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


def _walk_in() -> FaqEntry:
    return FaqEntry.objects.get(slug="walk-in")


def test_loading_again_changes_nothing():
    result = faq_load()
    assert (result.created, result.updated, result.kept) == ([], [], [])
    assert len(result.unchanged) == len(FAQ)


def test_load_never_overwrites_staff_edits_and_fills_what_is_empty():
    entry = _walk_in()
    shipped = shipped_texts(next(item for item in FAQ if item.slug == "walk-in"))
    entry.question_fr = "Texte du personnel"
    entry.answer_fr = ""
    entry.save()

    result = faq_load()

    entry.refresh_from_db()
    assert entry.question_fr == "Texte du personnel"
    assert entry.answer_fr == shipped["answer_fr"]
    assert result.kept == [("walk-in", "question_fr")]
    assert result.updated == ["walk-in"]


def test_a_new_shipped_text_replaces_only_what_the_loader_wrote(monkeypatch):
    entry = _walk_in()
    entry.question_tr = "Personelin metni"
    entry.save()
    spanish_before = entry.question_es
    item = next(item for item in FAQ if item.slug == "walk-in")
    new_item = item._replace(question="Can I walk in without an appointment?")
    monkeypatch.setattr("checkin_portal.content.loading.FAQ", [new_item])

    faq_load()

    entry.refresh_from_db()
    assert entry.question_en == "Can I walk in without an appointment?"  # loader's own text
    assert entry.question_tr == "Personelin metni"  # staff's text
    # The catalogues have no translation of the new English yet: the other languages keep
    # their text (never replaced by English) until a translator sends the new one.
    assert entry.question_es == spanish_before


def test_a_deleted_entry_comes_back_and_a_new_database_gets_the_faq_from_the_command():
    _walk_in().delete()
    out = io.StringIO()
    call_command("load_faq", stdout=out)
    assert "FAQ: 1 created, 0 updated" in out.getvalue()
    assert _walk_in().question_en == ENGLISH["walk-in"][0]


def test_a_database_seeded_by_the_old_migrations_keeps_its_texts_and_gets_fingerprints():
    """Rows written by the former seed migrations carry no fingerprints: their texts equal
    the catalogues' (moved unchanged), so loading only records fingerprints; a text that
    differs was changed by staff since, and is kept."""
    FaqEntry.objects.update(loaded_fingerprints={})
    entry = _walk_in()
    entry.question_es = "Texto del personal"
    entry.save()

    result = faq_load()

    assert result.kept == [("walk-in", "question_es")]
    assert result.created == []
    assert _walk_in().question_es == "Texto del personal"
    assert all(entry.loaded_fingerprints for entry in FaqEntry.objects.all())
    assert faq_load().updated == []
