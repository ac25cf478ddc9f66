"""The shared USWDS form layer (checkin_portal/forms.py, templates/components/)."""

import re

from django import forms

from checkin_portal.forms import PortalForm


class SampleForm(PortalForm):
    name = forms.CharField(label="Your name", help_text="As on your papers", max_length=5)
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")
    colour = forms.ChoiceField(label="Colour", choices=[("r", "Red")])
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def _squash(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_unbound_form_renders_uswds_fields_without_errors():
    html = _squash(str(SampleForm()))
    assert 'class="usa-label" for="id_name"' in html
    assert 'class="usa-input"' in html
    assert 'id="id_name_helptext"' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert 'class="usa-select"' in html
    assert 'class="usa-textarea"' in html
    assert '<legend class="usa-legend"> Kind </legend>' in html
    assert 'class="usa-radio__input"' in html
    assert 'class="usa-radio__label"' in html
    assert 'class="usa-checkbox__input"' in html
    assert "There is a problem" not in html
    assert '<input type="hidden" name="token" id="id_token">' in html


def test_invalid_form_shows_summary_and_links_errors_to_fields():
    form = SampleForm(data={"name": "toolongname"})
    assert not form.is_valid()
    html = _squash(str(form))
    assert "There is a problem" in html
    assert 'href="#id_name"' in html
    assert "usa-form-group--error" in html
    assert 'class="usa-input usa-input--error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_error"' in html
    # A choice group's fieldset points at its error too.
    assert 'aria-describedby="id_kind_error"' in html


def test_help_text_is_escaped():
    class Evil(PortalForm):
        x = forms.CharField(help_text="<b>bold</b>")

    assert "&lt;b&gt;bold&lt;/b&gt;" in str(Evil())


def test_no_suffix_after_labels_in_any_language():
    """PortalForm says "no suffix after labels": Django's form would otherwise set its
    translated ":" on each instance, over the class's "" (and look it up every time)."""
    from django.utils import translation

    for language in ("en", "fr", "ar"):
        with translation.override(language):
            form = SampleForm()
            assert form.label_suffix == ""
            assert form["name"].label_tag() == '<label for="id_name">Your name</label>'
    assert SampleForm(label_suffix=" -").label_suffix == " -"  # still the caller's choice
