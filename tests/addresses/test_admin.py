"""The staff queue in admin: oldest first, filters, mark processed (who/when), CSV export,
read-only addresses, a fixed number of queries."""

import csv
import datetime
import io

import pytest

from addresses.models import AddressChange
from offices.models import Office

from .factories import AddressChangeFactory

pytestmark = pytest.mark.django_db

LIST = "/staff/addresses/addresschange/"


def _at(day):
    return datetime.datetime(2026, 3, day, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def queue(field_offices):
    return [
        AddressChangeFactory(
            submitted_at=_at(3),
            state="GA",
            zip_code="30303",
            office_area=field_offices["ATLANTA-FO"],
        ),
        AddressChangeFactory(
            submitted_at=_at(1),
            state="TX",
            zip_code="78701",
            office_area=field_offices["SAN-ANTONIO-FO"],
        ),
        AddressChangeFactory(
            submitted_at=_at(2),
            state="TX",
            zip_code="75201",
            office_area=field_offices["DALLAS-FO"],
        ),
    ]


def _rows(response):
    return [c.receipt_display for c in response.context["cl"].result_list]


def test_queue_lists_oldest_first(admin_client, queue):
    response = admin_client.get(LIST)
    assert response.status_code == 200
    assert _rows(response) == [
        queue[1].receipt_display,
        queue[2].receipt_display,
        queue[0].receipt_display,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?state__exact=TX", [1, 2]),
        ("?office_area__id__exact={DALLAS-FO}", [2]),
        ("?status__exact=received", [1, 2, 0]),
        ("?status__exact=processed", []),
    ],
)
def test_filters(admin_client, queue, field_offices, query, expected):
    query = query.replace("{DALLAS-FO}", str(field_offices["DALLAS-FO"].pk))
    response = admin_client.get(LIST + query)
    assert _rows(response) == [queue[i].receipt_display for i in expected]


def test_the_area_filter_lists_only_field_offices_in_use(admin_client, queue):
    page = admin_client.get(LIST).content.decode()
    assert "Dallas Field Office" in page and "Boston Field Office" not in page


def test_mark_processed_records_who_and_when(admin_client, admin_user, queue, frozen_now):
    response = admin_client.post(
        LIST,
        {"action": "mark_processed", "_selected_action": [queue[0].pk, queue[1].pk]},
        follow=True,
    )
    assert "2 changes marked as processed." in response.content.decode()
    processed = AddressChange.objects.filter(status="processed")
    assert {c.pk for c in processed} == {queue[0].pk, queue[1].pk}
    assert {(c.processed_by, c.processed_at) for c in processed} == {(admin_user, frozen_now)}
    # Again: nothing changes, nobody's name is overwritten.
    response = admin_client.post(
        LIST, {"action": "mark_processed", "_selected_action": [queue[0].pk]}, follow=True
    )
    assert "0 changes marked as processed." in response.content.decode()
    assert admin_client.get(LIST + "?status__exact=processed").context["cl"].result_count == 2


def test_csv_export(admin_client, queue):
    response = admin_client.post(
        "/staff/addresses/addresschange/export/",
        {
            "format": "0",
            "resource": "0",
            **{
                f"addresschangeresource_{f}": "on"
                for f in [
                    "receipt",
                    "subject_id",
                    "submitted_at",
                    "status",
                    "office_area",
                    "street",
                    "city",
                    "state",
                    "zip_code",
                    "move_date",
                    "processed_by",
                ]
            },
        },
    )
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert {row["receipt_number"] for row in rows} == {c.receipt_display for c in queue}
    assert {row["state"] for row in rows} == {"GA", "TX"}
    assert {row["office_area"] for row in rows} == {"ATLANTA-FO", "SAN-ANTONIO-FO", "DALLAS-FO"}
    assert all(row["subject_id"].startswith("TEST") for row in rows)


def test_addresses_are_read_only_and_rows_cannot_be_added_or_deleted(admin_client, queue):
    change = queue[0]
    url = f"{LIST}{change.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="street"' not in page
    assert 'name="office_area"' in page  # staff may correct the area
    boston = Office.objects.get(code="BOSTON-FO")
    response = admin_client.post(url, {"office_area": boston.pk, "street": "HACKED"})
    assert response.status_code == 302
    change.refresh_from_db()
    assert (change.office_area, change.street) == (boston, "123 MAIN ST")
    assert admin_client.get(f"{LIST}add/").status_code == 403
    assert admin_client.get(f"{LIST}{change.pk}/delete/").status_code == 403


def test_queue_runs_a_fixed_number_of_queries(admin_client, django_assert_max_num_queries):
    AddressChangeFactory.create_batch(3)
    admin_client.get(LIST)
    with django_assert_max_num_queries(12) as small:
        admin_client.get(LIST)
    AddressChangeFactory.create_batch(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        admin_client.get(LIST)
