"""Small helpers shared by tests of several apps."""

import re

_MANAGEMENT = re.compile(
    r'<input[^>]*name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d*)"'
)


def management_form_data(html: str) -> dict[str, str]:
    """The hidden management-form fields of every inline formset on an admin page, as sent,
    so a test can post the main form without knowing which inlines other apps add."""
    return dict(_MANAGEMENT.findall(html))
