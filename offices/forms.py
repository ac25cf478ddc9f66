from django import forms
from django.utils.translation import gettext_lazy as _

from checkin_portal.forms import PortalForm

from .geocoding import MAX_QUERY_LENGTH, clean_query


class PlaceField(forms.CharField):
    """Free text where a person says where they are. Control characters, emoji and
    other symbols are removed before the checks (see ``geocoding.clean_query``)."""

    def to_python(self, value):
        return clean_query(super().to_python(value) or "")


class OfficeSearchForm(PortalForm):
    """The finder's one input (GET; the booking flow reuses it)."""

    render_once_unbound = True  # empty until a place is typed (issue 17)
    render_once_when_valid = True  # then only the typed place differs

    q = PlaceField(
        label=_("Address, city, state or ZIP code"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "A ZIP code or a city and state is enough. For example: 30303, or Atlanta, GA."
        ),
        error_messages={
            "required": _("Type a ZIP code, a city and state, or an address."),
            "max_length": _(
                "That is too long. Type only a ZIP code, or a city and state "
                "(%(limit_value)d characters at most)."
            ),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "words"}),
    )


class ChooseOfficeForm(forms.Form):
    """The hidden office code behind each "Choose this office" button. Only an office
    that takes online bookings can be chosen: choosing one that does not would lead to a
    dead end in the booking flow."""

    office = forms.CharField(max_length=40)

    def clean_office(self):
        from .selectors import bookable_office_by_code

        office = bookable_office_by_code(self.cleaned_data["office"])
        if office is None:
            raise forms.ValidationError(
                _("That office cannot be chosen now. Please search again."), code="unavailable"
            )
        return office
