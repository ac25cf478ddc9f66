"""Forms that are the same for everyone render their visible fields once per process and
language while unbound (checkin_portal.forms.PortalForm.render_once_unbound, issue 17):
the same HTML as rendering them anew, hidden values per request, never a bound form."""

import pytest
from django import forms
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
    portal_forms._RENDERED_FORMS.clear()
    yield
    portal_forms._RENDERED_FORMS.clear()


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
    assert len(portal_forms._RENDERED_FORMS) == 1


def test_hidden_values_are_each_requests_own():
    first = str(ConfirmForm(initial={"slot": 42}))
    second = str(ConfirmForm(initial={"slot": 43}))
    assert 'value="42"' in first and 'value="42"' not in second
    assert 'value="43"' in second
    assert len(portal_forms._RENDERED_FORMS) == 1  # the visible fields, once


def test_a_field_taken_out_is_a_different_form():
    today = SendDetailsForm()
    today.fields.pop("remind")  # no reminder for an appointment today
    assert "remind" not in str(today)
    assert 'name="remind"' in str(SendDetailsForm())


def _fresh_bound_render(data, monkeypatch) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(OfficeSearchForm, "render_once_unbound", False)
        return str(OfficeSearchForm(data))


TYPED = [
    "100 Main Street, Dallas, TX",
    "Houston, TX <script>alert(\"x\")</script> & 'quotes'",
    "Yuma, AZ ١٢٣ 東京",
    "30303",
]


@pytest.mark.parametrize("typed", TYPED)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_valid_search_is_the_same_html_as_a_fresh_render(typed, language, monkeypatch):
    """Issue 17: the box with what was typed is rendered once with a mark in it; each
    request's own value goes in its place, escaped as the template escapes it."""
    with translation.override(language):
        expected = _fresh_bound_render({"q": typed}, monkeypatch)
        form = OfficeSearchForm({"q": typed})
        assert form.is_valid()
        assert str(form) == expected
        assert str(OfficeSearchForm({"q": "Atlanta, GA"})) == _fresh_bound_render(
            {"q": "Atlanta, GA"}, monkeypatch
        )
    assert len(portal_forms._RENDERED_FORMS) == 1
    assert "<script>" not in expected


def test_what_was_typed_is_never_a_key():
    str(OfficeSearchForm({"q": "100 Main Street, Dallas, TX"}))
    assert "Main Street" not in repr(portal_forms._RENDERED_FORMS._entries)
    assert "Main Street" not in str(OfficeSearchForm({"q": "Atlanta, GA"}))


@pytest.mark.parametrize("data", [{"q": ""}, {"q": "x" * 1000}, {}])
def test_a_form_with_errors_is_rendered_anew_and_never_kept(data, monkeypatch):
    form = OfficeSearchForm(data)
    assert not form.is_valid()
    html = str(form)
    assert html == _fresh_bound_render(data, monkeypatch)
    assert "usa-error-message" in html or "usa-input--error" in html
    assert len(portal_forms._RENDERED_FORMS) == 0


def test_forms_that_do_not_ask_are_rendered_anew_when_bound():
    form = ConfirmForm({"slot": "42"})
    str(form)
    assert len(portal_forms._RENDERED_FORMS) == 0


class _HiddenFields(portal_forms.PortalForm):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(widget=forms.HiddenInput, required=False)
    styled = forms.CharField(widget=forms.HiddenInput(attrs={"class": "x"}), required=False)
    fixed = forms.CharField(widget=forms.HiddenInput, required=False, disabled=True)
    twice = forms.CharField(widget=forms.HiddenInput, required=False, show_hidden_initial=True)
    local = forms.DecimalField(widget=forms.HiddenInput, required=False, localize=True)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"initial": {"slot": 42, "note": "a&b", "local": "1234.5"}},
        {"initial": {}},
        {"data": {"slot": "7", "note": '"><script>x</script>', "local": "1.5"}},
        {"data": {"slot": "", "note": ""}},
        {"data": {"slot": "not a number"}, "prefix": "p"},
        {"initial": {"slot": 3}, "auto_id": False},
        {"initial": {"slot": 3}, "auto_id": "f-%s"},
    ],
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_hidden_fields_are_the_markup_django_renders(kwargs, language):
    """Hidden inputs are written out directly (their widget templates cost more than the
    rest of a kept form): the very markup Django's templates give, for every kind of
    value, and Django's own rendering for anything but a plain hidden input."""
    with translation.override(language):
        form = _HiddenFields(**kwargs)
        form.is_valid() if form.is_bound else None
        for bound in form.hidden_fields():
            assert portal_forms.hidden_input_html(bound) == str(bound), bound.name
