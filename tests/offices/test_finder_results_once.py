"""The finder's results are rendered once per process and language for the same offices,
distances, soonest times and days (offices/_office_results.html, ``{% same_for %}``,
issue 17): the same page as rendering them anew, true at once after a booking, a closure
or an office edit, with each request's own CSRF token, and never keyed by what was typed."""

import pytest
from django.test import Client

from appointments import lifecycle
from appointments.models import Slot
from checkin_portal.templatetags import once_tags
from offices.models import Office
from tests.appointments.factories import SlotFactory, days_from_now
from tests.page_parts import (  # noqa: F401 - fixture
    CSRF_TOKEN,
    fresh_page_parts,
    kept_keys_and_html,
    never_kept,
    template_renders,
    without_csrf_tokens,
)
from tests.subjects.factories import SubjectFactory

from .pages import FINDER, fresh_office_points, texas_offices  # noqa: F401 - fixtures
from .test_finder_soonest import HOUSTON, _soonest_paragraphs, _text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]


def _results(client: Client, query: str = HOUSTON) -> str:
    html = client.get(FINDER, {"q": query}).content.decode()
    section = html[html.index('<section class="portal-office-results') :]
    return section[: section.index("</section>")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_same_results_as_a_fresh_render(client: Client, texas, language, monkeypatch):
    for office in ("downtown", "north", "west"):
        SlotFactory(office=texas[office], starts_at=days_from_now(60, hour=15))
    SlotFactory(office=texas["bay_city"], starts_at=days_from_now(1, hour=15))
    client.cookies["django_language"] = language
    url = FINDER.replace("/en/", f"/{language}/")
    kept = [client.get(url, {"q": HOUSTON}).content.decode()]
    parts = len(once_tags._PARTS)
    kept.append(client.get(url, {"q": HOUSTON}).content.decode())
    assert len(once_tags._PARTS) == parts  # nothing rendered anew
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = client.get(url, {"q": HOUSTON}).content.decode()
    tokens = [CSRF_TOKEN.findall(page) for page in (*kept, fresh)]
    assert all(len(found) == 4 for found in tokens)  # 3 nearest + 1 farther
    assert (
        without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1]) == without_csrf_tokens(fresh)
    )


def test_a_booked_soonest_time_is_not_shown_again(client: Client, texas):
    first = SlotFactory(office=texas["downtown"], starts_at=days_from_now(3, hour=15), capacity=1)
    SlotFactory(office=texas["downtown"], starts_at=days_from_now(9, hour=15))
    before = [_text(p) for p in _soonest_paragraphs(_results(client))]
    lifecycle.appointment_book(subject=SubjectFactory(), slot_id=first.pk, language="en")
    after = [_text(p) for p in _soonest_paragraphs(_results(client))]
    assert before[0] != after[0]
    local_day = str(days_from_now(9, hour=15).day)
    assert local_day in after[0]


def test_a_changed_time_renders_only_its_own_office_again(client: Client, texas):
    """A booking that takes an office's soonest time changes that office's line: the other
    offices of the same results are not rendered again (a booking's search, right after
    the booking before it, used to render every card anew: issue 17)."""
    first = SlotFactory(office=texas["downtown"], starts_at=days_from_now(3, hour=15), capacity=1)
    SlotFactory(office=texas["downtown"], starts_at=days_from_now(9, hour=15))
    for office in ("north", "west"):
        SlotFactory(office=texas[office], starts_at=days_from_now(40, hour=15))
    with template_renders(
        "offices/_office_card.html", lambda context: context["nearby"].office.code
    ) as rendered:
        before = _results(client)
        assert sorted(rendered) == ["HOU-DOWNTOWN", "HOU-NORTH", "HOU-WEST"]
        rendered.clear()
        lifecycle.appointment_book(subject=SubjectFactory(), slot_id=first.pk, language="en")
        after = _results(client)
        assert rendered == ["HOU-DOWNTOWN"]  # only the office whose time changed
    assert _soonest_paragraphs(before)[0] != _soonest_paragraphs(after)[0]
    assert str(days_from_now(9, hour=15).day) in _text(_soonest_paragraphs(after)[0])
    assert _soonest_paragraphs(before)[1:] == _soonest_paragraphs(after)[1:]


def test_a_closed_time_is_not_shown_again(client: Client, texas):
    first = SlotFactory(office=texas["downtown"], starts_at=days_from_now(3, hour=15))
    assert "No times open online" not in _soonest_paragraphs(_results(client))[0]
    Slot.objects.filter(pk=first.pk).update(is_blocked=True)
    assert "No times open online" in _soonest_paragraphs(_results(client))[0]


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Houston Central"), ("street", "9 New Street"), ("hours", "Sundays only")],
)
def test_an_office_edit_shows_at_once(client: Client, texas, field, value):
    assert value not in _results(client)
    office = texas["downtown"]
    setattr(office, field, value)
    office.save()
    assert value in _results(client)


def test_an_office_closed_to_online_booking_gets_no_button(client: Client, texas):
    assert 'value="HOU-DOWNTOWN"' in _results(client)
    Office.objects.filter(pk=texas["downtown"].pk).update(accepts_online_booking=False)
    office = Office.objects.get(pk=texas["downtown"].pk)
    office.save()  # moves the offices' change token, as the admin does
    assert 'value="HOU-DOWNTOWN"' not in _results(client)


def test_what_was_typed_is_never_a_key(client: Client, texas):
    typed = "1200 Travis Street, Houston, TX"
    for _ in range(2):  # the second search is the one whose page is kept whole
        html = client.get(FINDER, {"q": typed}).content.decode()
        assert "HOU-DOWNTOWN" in html and "Travis" in html
    assert once_tags._PARTS._entries and once_tags._PAGES._entries
    assert "Travis" not in kept_keys_and_html()


def test_an_office_found_is_keyed_once_per_search(texas):
    """The results and their soonest times both key on each office found: its values
    are worked out once per search, and they are its own (a new search reads them anew
    after an edit)."""
    from django.utils import translation

    from offices.selectors import office_search

    with translation.override("en"):
        found = office_search(query=HOUSTON).results[0]
        assert found.shown is found.shown
        assert found.shown[0] == found.office.shown()
        Office.objects.filter(pk=found.office.pk).update(name="Renamed office")
        assert office_search(query=HOUSTON).results[0].shown[0][2] == "Renamed office"


def _search_made_anew(monkeypatch) -> list:
    """A record of each search worked out of its query's rows (not found made)."""
    from appointments import selectors

    made = []
    original = selectors._made_of_rows

    def counted(*args):
        made.append(args)
        return original(*args)

    monkeypatch.setattr(selectors, "_made_of_rows", counted)
    return made


def test_a_search_of_the_same_rows_is_made_once(client: Client, texas, monkeypatch):
    first = SlotFactory(office=texas["downtown"], starts_at=days_from_now(3, hour=15), capacity=1)
    SlotFactory(office=texas["downtown"], starts_at=days_from_now(9, hour=15))
    made = _search_made_anew(monkeypatch)
    pages = [without_csrf_tokens(_results(client)) for _ in range(2)]  # the first reads whole
    before = len(made)
    pages.append(without_csrf_tokens(_results(client)))
    assert pages[1] == pages[2] and len(made) == before  # the same rows: made once
    lifecycle.appointment_book(subject=SubjectFactory(), slot_id=first.pk, language="en")
    after = without_csrf_tokens(_results(client))
    assert len(made) == before + 1  # its query read other rows: made anew, and true
    assert str(days_from_now(9, hour=15).day) in _text(_soonest_paragraphs(after)[0])


def test_the_days_shown_follow_the_clock_past_midnight(client: Client, texas, monkeypatch):
    """The same rows, read after the offices' midnight: "Tomorrow" is now "Today"."""
    import datetime

    from appointments.availability import office_zone
    from checkin_portal import clock

    zone = office_zone(texas["downtown"])
    tomorrow = clock.today_in(zone) + datetime.timedelta(days=1)
    starts_at = datetime.datetime.combine(tomorrow, datetime.time(15), tzinfo=zone)
    for office in ("downtown", "north", "west"):
        SlotFactory(office=texas[office], starts_at=starts_at)
    for _ in range(2):
        assert "Tomorrow" in _text(_soonest_paragraphs(_results(client))[0])
    just_after_midnight = datetime.datetime.combine(
        starts_at.astimezone(zone).date(), datetime.time(0, 1), tzinfo=zone
    )
    monkeypatch.setattr(clock, "now", lambda: just_after_midnight)
    assert "Today" in _text(_soonest_paragraphs(_results(client))[0])
    # A clock set back across midnight again (a test's travel, a corrected clock).
    monkeypatch.setattr(clock, "now", lambda: just_after_midnight - datetime.timedelta(hours=1))
    assert "Tomorrow" in _text(_soonest_paragraphs(_results(client))[0])


def test_a_place_read_online_is_never_a_key(client: Client, texas, monkeypatch):
    """An online geocoder reads a street address to its own point: a person's home is
    never kept as the key of a search."""
    import dataclasses

    from appointments import selectors

    SlotFactory(office=texas["downtown"], starts_at=days_from_now(3, hour=15))
    offline = selectors.geocode
    monkeypatch.setattr(
        selectors, "geocode", lambda text: dataclasses.replace(offline(text), source="online")
    )
    made = _search_made_anew(monkeypatch)
    for _ in range(3):
        assert "HOU-DOWNTOWN" in _results(client)
    assert len(selectors._MADE_OF_ROWS) == 0 and len(made) >= 2
