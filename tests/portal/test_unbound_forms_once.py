"""Forms that are the same for everyone render their visible fields once per process and
language while unbound (checkin_portal.forms.PortalForm.render_once_unbound, issue 17):
the same HTML as rendering them anew, hidden values per request, never a bound form."""

import pytest
from django.utils import translation

from appointments.forms import ConfirmForm, SendDetailsForm
from checkin_portal import forms as portal_forms
from offices.forms import OfficeSearchForm

FORMS = [
    (ConfirmForm, {"initial": {"slot": 42}}),
    (SendDetailsForm, {}),
    (OfficeSearchForm, {}),
]


@pytest.fixture(autouse=True)
def _fresh():
    portal_forms._UNBOUND_FORMS.clear()
    yield
    portal_forms._UNBOUND_FORMS.clear()


def _fresh_render(form_class, kwargs, monkeypatch) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(form_class, "render_once_unbound", False)
        return str(form_class(**kwargs))


@pytest.mark.parametrize(("form_class", "kwargs"), FORMS, ids=lambda f: getattr(f, "__name__", ""))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_same_html_as_a_fresh_render(form_class, kwargs, language, monkeypatch):
    with translation.override(language):
        expected = _fresh_render(form_class, kwargs, monkeypatch)
        first, second = str(form_class(**kwargs)), str(form_class(**kwargs))
    assert " ".join(first.split()) == " ".join(expected.split())
    assert second == first
    assert len(portal_forms._UNBOUND_FORMS) == 1


def test_hidden_values_are_each_requests_own():
    first = str(ConfirmForm(initial={"slot": 42}))
    second = str(ConfirmForm(initial={"slot": 43}))
    assert 'value="42"' in first and 'value="42"' not in second
    assert 'value="43"' in second
    assert len(portal_forms._UNBOUND_FORMS) == 1  # the visible fields, once


def test_a_field_taken_out_is_a_different_form():
    today = SendDetailsForm()
    today.fields.pop("remind")  # no reminder for an appointment today
    assert "remind" not in str(today)
    assert 'name="remind"' in str(SendDetailsForm())


def test_bound_forms_are_never_kept():
    form = OfficeSearchForm({"q": "100 Main Street, Dallas, TX"})
    form.is_valid()
    assert "100 Main Street" in str(form)
    assert len(portal_forms._UNBOUND_FORMS) == 0
