"""Reading the finder's results out of a page (the finder and the booking flow's office
step share them)."""

import re

import pytest

from offices.selectors import forget_office_points


def listed_offices(html: str) -> list[str]:
    """Codes of every office shown, in order: the ones to choose, then the ones apart."""
    return re.findall(r'<h3 class="portal-office__name" id="office-([A-Z0-9-]+)"', html)


def chooseable_offices(html: str) -> list[str]:
    """Codes behind the "Choose this office" / "See times" buttons, in order."""
    return re.findall(r'name="office" value="([A-Z0-9-]+)"', html)


@pytest.fixture
def fresh_office_points():
    """Each test ranks against the offices it made, not a copy from another test."""
    forget_office_points()
    yield
    forget_office_points()
