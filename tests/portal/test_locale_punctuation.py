"""Punctuation follows the language (issue 14): the weekday and the date are joined with the
language's own comma ("الأربعاء، 4 نوفمبر، 2026", not "الأربعاء, 4 نوفمبر، 2026"), and the
calendar file's ".ics" is isolated outside the translated words. Needs the lead's merge of
var/i18n-pending/h_rtl.json (msgid ", " with context "list separator")."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.parametrize(("language", "comma"), [("ar", "، "), ("fa", "، "), ("en", ", ")])
def test_times_day_heading_uses_the_languages_comma(language, comma):
    with translation.override(language):
        joined = render_to_string(
            "appointments/_when.html",
            {
                "local": type(
                    "Local",
                    (),
                    {
                        "day_label": "D",
                        "date_words": "W",
                        "starts": datetime.time(13, 30),
                        "zone_abbreviation": "EST",
                    },
                )()
            },
        )
    assert f"D{comma}W{comma}" in joined
    if language != "en":
        assert ", " not in joined.replace(comma, "")


def test_ics_is_isolated_outside_the_translated_words():
    from pathlib import Path

    template = Path("hearings/templates/hearings/detail.html").read_text()
    assert '{% translate "Add to my calendar" %} <bdi dir="ltr">(.ics)</bdi>' in template
    assert ".ics file" not in template
