# ruff: noqa: RUF001
"""Check-in hours written in every shipped language (offices/hours_i18n.py) and the
translated columns of the office data file.

The golden texts need the catalogues' "office hours" messages; the clock tests do not:
the times always come from the language's TIME_FORMAT, as on the time buttons."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import formats, translation
from modeltranslation.translator import translator

from offices.hours import parse_hours
from offices.hours_i18n import has_phrases, render, render_hours
from offices.importer import COLUMNS, DEFAULT_FILE, TRANSLATED_FIELDS, read_office_rows
from offices.models import Office

SHIPPED = [code for code, _name in settings.LANGUAGES]
OTHER = [code for code in SHIPPED if code != "en"]
SUFFIXES = [code.replace("-", "_") for code in SHIPPED]
WEEKDAY_HOURS = "Monday-Friday, 8 a.m.-3 p.m."


def test_texts_that_fit_no_shape_or_languages_without_phrases_give_nothing():
    for text in ["By appointment only", "Friday-Monday, 8 a.m.-3 p.m.", "Someday, 8 a.m.", ""]:
        assert render_hours(text, "fr") == ""
    assert not has_phrases("xx")
    assert render_hours(WEEKDAY_HOURS, "xx") == ""


def test_english_is_kept_word_for_word():
    assert render_hours("Monday-Friday, 8 a.m. -3 p.m.", "en") == "Monday-Friday, 8 a.m. -3 p.m."


# --- Issue 14: office hours on the clock of the time buttons --------------------------------


def _button(language: str, hour: int, minute: int) -> str:
    """What a time button on the times page shows (``slot.local.starts|time:"TIME_FORMAT"``)."""
    with translation.override(language):
        return formats.time_format(datetime.time(hour, minute), "TIME_FORMAT")


@pytest.mark.parametrize("language", SHIPPED)
def test_office_hours_use_the_clock_of_the_time_buttons(language: str):
    """Persian and Chinese hours said "3 بعدازظهر" / "下午3点" beside "15:00" buttons (and
    Hindi and Haitian Creole likewise): every language now writes both with one clock."""
    text = "Monday-Friday, 8 a.m.-1:30 p.m."
    shown = render_hours(text, "en") if language == "en" else render(parse_hours(text), language)
    assert _button(language, 13, 30) in shown
    assert _button(language, 8, 0) in shown


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_office_data_file_uses_the_clock_of_the_time_buttons(suffix: str):
    language = SHIPPED[SUFFIXES.index(suffix)]
    rows = [r for r in read_office_rows(DEFAULT_FILE) if r.get("hours_en")]
    row = next(r for r in rows if r.get("hours_en") == "Monday-Friday, 8 a.m.-3:30 p.m.")
    assert _button(language, 15, 30) in row.get(f"hours_{suffix}"), row.get(f"hours_{suffix}")
    if language == "en":
        return  # the published English text, word for word ("12 p.m.", the button: "noon")
    for row in rows:
        assert _button(language, *_closing(row)) in row.get(f"hours_{suffix}"), row.get("code")


def _closing(row: dict) -> tuple[int, int]:
    closes = parse_hours(row.get("hours_en"), days_optional=True).closes
    return closes.hour, closes.minute


# --- Golden examples (need the catalogues' "office hours" messages) ------------------------

GOLDEN = {
    WEEKDAY_HOURS: {
        "es": "De lunes a viernes, de 08:00 a 15:00",
        "pt-br": "De segunda-feira a sexta-feira, das 08:00 às 15:00",
        "fr": "Du lundi au vendredi, de 08:00 à 15:00",
        "ht": "Lendi rive vandredi, soti 08:00 rive 15:00",
        "zh-hans": "星期一至星期五，08:00至15:00",
        "ru": "Понедельник — пятница, с 8:00 до 15:00",
        "ar": "من الاثنين إلى الجمعة، من 8:00 ص إلى 3:00 م",
        "fa": "دوشنبه تا جمعه، از 8:00 تا 15:00",
        "hi": "सोमवार से शुक्रवार, 08:00 से 15:00 तक",
        "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, 08:00 ਤੋਂ 15:00 ਤੱਕ",
        "tr": "Pazartesi-Cuma, saat 08:00-15:00 arası",
    },
    "Tuesday and Thursday 8 a.m.-12 p.m.": {
        "es": "Martes y jueves, de 08:00 a 12:00",
        "zh-hans": "星期二和星期四，08:00至12:00",
        "ar": "الثلاثاء والخميس، من 8:00 ص إلى 12:00 م",
        "fa": "سه\u200cشنبه و پنجشنبه، از 8:00 تا 12:00",
    },
    "Tuesday, Thursday, Friday, 8 a.m.-3 p.m.": {
        "es": "Martes, jueves y viernes, de 08:00 a 15:00",
        "ar": "الثلاثاء والخميس والجمعة، من 8:00 ص إلى 3:00 م",
        "zh-hans": "星期二、星期四和星期五，08:00至15:00",
    },
    "1st Tuesday of each month, 7:30 a.m.-11:30 a.m.": {
        "es": "Primer martes de cada mes, de 07:30 a 11:30",
        "pt-br": "Primeira terça-feira de cada mês, das 07:30 às 11:30",
        "fr": "Le premier mardi de chaque mois, de 07:30 à 11:30",
        "ru": "Каждый месяц: вторник первой недели, с 7:30 до 11:30",
        "ar": "الثلاثاء الأول من كل شهر، من 7:30 ص إلى 11:30 ص",
        "tr": "Her ayın ilk Salı günü, saat 07:30-11:30 arası",
    },
    "Last Tuesday of each month, 8 a.m.-3 p.m.": {
        "ht": "Dènye madi chak mwa, soti 08:00 rive 15:00",
        "fa": "آخرین سه\u200cشنبه هر ماه، از 8:00 تا 15:00",
    },
    "8 a.m.-12 p.m.": {
        "es": "De 08:00 a 12:00",
        "ru": "С 8:00 до 12:00",
        "tr": "Saat 08:00-12:00 arası",
    },
}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (text, language, expected)
        for text, by_language in GOLDEN.items()
        for language, expected in by_language.items()
    ],
)
def test_golden_renderings(text, language, expected):
    assert render_hours(text, language) == expected


@pytest.mark.parametrize("language", OTHER)
def test_every_language_has_the_phrases_digits_stay_western_and_no_english_is_left(language):
    assert has_phrases(language)
    rows = read_office_rows(DEFAULT_FILE)
    for text in {row.get("hours_en") for row in rows if row.get("hours_en")}:
        rendered = render_hours(text, language)
        assert rendered, (language, text)
        # Western digits only (no Arabic-Indic, Persian or Devanagari digits).
        assert not re.search(r"[^\x00-\x7f]", "".join(re.findall(r"\d", rendered))), rendered
        assert not re.search(r"\b(a\.m\.|p\.m\.|Monday|Tuesday|month|to|and)\b", rendered), rendered


# --- The data file's translated columns ----------------------------------------------------


def test_columns_follow_the_shipped_languages_and_the_translated_fields():
    registered = translator.get_options_for_model(Office).fields
    assert set(TRANSLATED_FIELDS) == set(registered)
    for field in TRANSLATED_FIELDS:
        assert [c for c in COLUMNS if c.startswith(f"{field}_")] == [
            f"{field}_{suffix}" for suffix in SUFFIXES
        ]
    header = DEFAULT_FILE.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == COLUMNS


def test_every_active_office_with_hours_has_them_in_every_language():
    rows = read_office_rows(DEFAULT_FILE)
    active = [row for row in rows if row.get("is_active") == "yes" and row.get("hours_en")]
    assert len(active) == 110
    for row in active:
        for suffix in SUFFIXES:
            assert row.get(f"hours_{suffix}"), (row.get("code"), suffix)


def test_instructions_and_field_office_names_are_in_every_language():
    rows = read_office_rows(DEFAULT_FILE)
    with_instructions = [row for row in rows if row.get("instructions_en")]
    assert len(with_instructions) == 7
    for row in with_instructions:
        for suffix in SUFFIXES:
            assert row.get(f"instructions_{suffix}"), (row.get("code"), suffix)
    field_offices = [row for row in rows if row.get("kind") == "field_office"]
    for row in field_offices:
        for suffix in SUFFIXES:
            assert row.get(f"name_{suffix}"), (row.get("code"), suffix)
    chicago = next(row for row in rows if row.get("code") == "CHICAGO-FO")
    assert chicago.get("name_fr") == "Bureau régional de Chicago"
    atlanta = next(row for row in rows if row.get("code") == "ATLANTA-FO")
    assert atlanta.get("name_fr") == "Bureau régional d'Atlanta"


def test_a_sub_office_name_is_a_place_name_left_to_english():
    atlanta = next(row for row in read_office_rows(DEFAULT_FILE) if row.get("code") == "ATLANTA-GA")
    assert atlanta.get("name_en") == "Atlanta, GA"
    assert all(not atlanta.get(f"name_{suffix}") for suffix in SUFFIXES[1:])


# --- Import ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_writes_every_language_and_a_second_run_changes_nothing():
    from django.utils import translation

    from offices.services import offices_import

    rows = read_office_rows(DEFAULT_FILE)
    first = offices_import(rows=rows)
    assert len(first.created) == 146 and not first.skipped
    row = next(row for row in rows if row.get("code") == "ATLANTA-GA")
    office = Office.objects.get(code="ATLANTA-GA")
    assert office.hours_fa == row.get("hours_fa") == "سه\u200cشنبه تا پنجشنبه، از 8:00 تا 15:00"
    assert office.hours_zh_hans == row.get("hours_zh_hans")
    with translation.override("fa"):
        assert office.hours == row.get("hours_fa")
        # No Persian name for a place name: English is shown.
        assert office.name == "Atlanta, GA"
    with_note = next(row for row in rows if row.get("instructions_en"))
    noted = Office.objects.get(code=with_note.get("code"))
    assert noted.instructions_pa == with_note.get("instructions_pa")
    second = offices_import(rows=read_office_rows(DEFAULT_FILE))
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 146)


@pytest.mark.django_db
def test_import_offices_command_twice_leaves_everything_unchanged():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("import_offices", stdout=out)
    assert "146 created, 0 updated, 0 unchanged, 0 skipped" in out.getvalue()
    out = io.StringIO()
    call_command("import_offices", stdout=out)
    assert "0 created, 0 updated, 146 unchanged, 0 skipped" in out.getvalue()
    assert Office.objects.exclude(hours_en="").filter(hours_tr__isnull=True).count() == 0
