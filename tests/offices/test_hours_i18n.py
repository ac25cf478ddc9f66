# ruff: noqa: RUF001, RUF003
"""Check-in hours written in every shipped language (offices/hours_i18n.py) and the
translated columns of the office data file."""

import re

import pytest
from django.conf import settings
from modeltranslation.translator import translator

from offices.hours_i18n import LANGUAGES, Hours, parse_hours, render_hours
from offices.importer import COLUMNS, DEFAULT_FILE, TRANSLATED_FIELDS, read_office_rows
from offices.models import Office

SHIPPED = [code for code, _name in settings.LANGUAGES]
SUFFIXES = [code.replace("-", "_") for code in SHIPPED]
WEEKDAY_HOURS = "Monday-Friday, 8 a.m.-3 p.m."


# --- Reading the English text -------------------------------------------------------------


def test_parse_hours_reads_each_shape():
    assert parse_hours(WEEKDAY_HOURS) == Hours("range", (0, 4), (8, 0), (15, 0))
    assert parse_hours("Tuesday and Thursday 8 a.m.-12 p.m.") == Hours(
        "list", (1, 3), (8, 0), (12, 0)
    )
    assert parse_hours("Tuesday, Thursday, Friday, 8 a.m.-3 p.m.") == Hours(
        "list", (1, 3, 4), (8, 0), (15, 0)
    )
    assert parse_hours("Last Tuesday of each month, 7:30 a.m.-11:30 a.m.") == Hours(
        "monthly", (1,), (7, 30), (11, 30), "Last"
    )
    assert parse_hours("1st Monday of each month, 8 a.m. -12 p.m.") == Hours(
        "monthly", (0,), (8, 0), (12, 0), "1st"
    )
    assert parse_hours("Monday\u2013Friday, 8 a.m.\u20133:30 p.m.") == Hours(
        "range", (0, 4), (8, 0), (15, 30)
    )
    assert parse_hours("8 a.m.-12 p.m.") == Hours("times_only", (), (8, 0), (12, 0))


@pytest.mark.parametrize(
    "text",
    ["By appointment only", "Friday-Monday, 8 a.m.-3 p.m.", "Someday, 8 a.m.-3 p.m.", ""],
)
def test_texts_that_fit_no_shape_give_nothing(text):
    assert parse_hours(text) is None
    assert render_hours(text, "fr") == ""


def test_english_is_kept_word_for_word_and_unknown_languages_give_nothing():
    assert render_hours("Monday-Friday, 8 a.m. -3 p.m.", "en") == "Monday-Friday, 8 a.m. -3 p.m."
    assert render_hours(WEEKDAY_HOURS, "xx") == ""


# --- Golden examples ---------------------------------------------------------------------------

GOLDEN = {
    WEEKDAY_HOURS: {
        "es": "De lunes a viernes, de 08:00 a 15:00",
        "pt-br": "De segunda-feira a sexta-feira, das 8h às 15h",
        "fr": "Du lundi au vendredi, de 8\u00a0h à 15\u00a0h",
        "ht": "Lendi rive vandredi, soti 8è nan maten rive 3è nan apremidi",
        "zh-hans": "星期一至星期五，上午8点至下午3点",
        "ru": "С понедельника по пятницу, с 8:00 до 15:00",
        "ar": "من الاثنين إلى الجمعة، من 8 صباحًا إلى 3 مساءً",
        "fa": "دوشنبه تا جمعه، از 8 صبح تا 3 بعدازظهر",
        "hi": "सोमवार से शुक्रवार, सुबह 8 बजे से दोपहर 3 बजे तक",
        "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, ਸਵੇਰੇ 8 ਵਜੇ ਤੋਂ ਦੁਪਹਿਰ 3 ਵਜੇ ਤੱਕ",
        "tr": "Pazartesi-cuma, saat 08.00-15.00 arası",
    },
    "Tuesday and Thursday 8 a.m.-12 p.m.": {
        "es": "Martes y jueves, de 08:00 a 12:00",
        "fr": "Mardi et jeudi, de 8\u00a0h à 12\u00a0h",
        "ht": "Madi ak jedi, soti 8è nan maten rive midi",
        "zh-hans": "星期二和星期四，上午8点至中午12点",
        "ru": "По вторникам и четвергам, с 8:00 до 12:00",
        "ar": "الثلاثاء والخميس، من 8 صباحًا إلى 12 ظهرًا",
        "fa": "سه\u200cشنبه و پنج\u200cشنبه، از 8 صبح تا 12 ظهر",
    },
    "1st Tuesday of each month, 7:30 a.m.-11:30 a.m.": {
        "es": "Primer martes de cada mes, de 07:30 a 11:30",
        "pt-br": "Primeira terça-feira de cada mês, das 7h30 às 11h30",
        "fr": "Le premier mardi de chaque mois, de 7\u00a0h\u00a030 à 11\u00a0h\u00a030",
        "zh-hans": "每月第一个星期二，上午7点半至上午11点半",
        "ru": "Первый вторник каждого месяца, с 7:30 до 11:30",
        "ar": "أول ثلاثاء من كل شهر، من 7:30 صباحًا إلى 11:30 صباحًا",
        "hi": "हर महीने का पहला मंगलवार, सुबह 7:30 बजे से सुबह 11:30 बजे तक",
        "tr": "Her ayın ilk salı günü, saat 07.30-11.30 arası",
    },
    "Last Tuesday of each month, 8 a.m.-3 p.m.": {
        "ht": "Dènye madi chak mwa, soti 8è nan maten rive 3è nan apremidi",
        "fa": "آخرین سه\u200cشنبه هر ماه، از 8 صبح تا 3 بعدازظهر",
        "pa": "ਹਰ ਮਹੀਨੇ ਦਾ ਆਖਰੀ ਮੰਗਲਵਾਰ, ਸਵੇਰੇ 8 ਵਜੇ ਤੋਂ ਦੁਪਹਿਰ 3 ਵਜੇ ਤੱਕ",
    },
    "Wednesday-Friday, 8 a.m.-2 p.m.": {
        # "со" before среды; Portuguese days stay feminine.
        "ru": "Со среды по пятницу, с 8:00 до 14:00",
        "pt-br": "De quarta-feira a sexta-feira, das 8h às 14h",
    },
    "Tuesday, Thursday, Friday, 8 a.m.-3 p.m.": {
        "es": "Martes, jueves y viernes, de 08:00 a 15:00",
        "ar": "الثلاثاء والخميس والجمعة، من 8 صباحًا إلى 3 مساءً",
        "zh-hans": "星期二、星期四和星期五，上午8点至下午3点",
    },
    "Monday-Saturday, 8 a.m.-4 p.m.": {
        "hi": "सोमवार से शनिवार, सुबह 8 बजे से शाम 4 बजे तक",
        "fr": "Du lundi au samedi, de 8\u00a0h à 16\u00a0h",
    },
    "8 a.m.-12 p.m.": {
        "es": "De 08:00 a 12:00",
        "fr": "De 8\u00a0h à 12\u00a0h",
        "ht": "Soti 8è nan maten rive midi",
        "ru": "С 8:00 до 12:00",
        "tr": "Saat 08.00-12.00 arası",
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


def test_every_shipped_language_but_english_has_words_for_hours():
    assert set(LANGUAGES) == set(SHIPPED) - {"en"}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_digits_stay_western_and_no_english_is_left(language):
    rows = read_office_rows(DEFAULT_FILE)
    for text in {row.get("hours_en") for row in rows if row.get("hours_en")}:
        rendered = render_hours(text, language)
        assert rendered, (language, text)
        # Western digits only (no Arabic-Indic, Persian or Devanagari digits).
        assert not re.search(r"[^\x00-\x7f]", "".join(re.findall(r"\d", rendered))), rendered
        assert not re.search(r"\b(a\.m\.|p\.m\.|Monday|Tuesday|month)\b", rendered), rendered


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
    assert (
        office.hours_fa
        == row.get("hours_fa")
        == "سه\u200cشنبه تا پنج\u200cشنبه، از 8 صبح تا 3 بعدازظهر"
    )
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


def test_spanish_hours_use_the_same_clock_as_the_booking_times():
    """Issue 14: the times page shows "13:30" (Django's Spanish TIME_FORMAT); the office
    hours beside it said "1:30 p. m.". Both now use the one 24-hour clock."""
    import datetime

    from django.utils import dateformat, translation
    from django.utils.formats import get_format

    from offices.hours_i18n import render_hours

    with translation.override("es"):
        booking_time = dateformat.time_format(datetime.time(13, 30), get_format("TIME_FORMAT"))
    assert booking_time == "13:30"
    assert render_hours("Monday-Friday, 8 a.m.-1:30 p.m.", "es").endswith(f"a {booking_time}")
