"""The shipped office list (offices/data/offices.csv) has no copy-paste addresses."""

import csv
from collections import defaultdict

from offices.importer import DEFAULT_FILE


def _rows():
    with DEFAULT_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_two_check_in_offices_share_an_address():
    # A field office may share its building with its own city's check-in office;
    # two check-in offices at one address means one of them was given the other's.
    by_address = defaultdict(list)
    for row in _rows():
        by_address[(row["street"], row["city"], row["zip"])].append(row)
    shared = [
        [row["code"] for row in rows]
        for rows in by_address.values()
        if sum(row["kind"] != "field_office" for row in rows) > 1
    ]
    assert shared == []


def test_wenatchee_is_listed_at_its_own_address():
    row = next(row for row in _rows() if row["code"] == "WENATCHEE-WA")
    assert (row["street"], row["city"], row["state"], row["zip"]) == (
        "301 Yakima Street",
        "Wenatchee",
        "WA",
        "98801",
    )
    assert row["time_zone"] == "America/Los_Angeles"
