"""The shared form-rendering layer.

Every Django form in the project renders the USWDS way without per-form code:

* ``UswdsFormRenderer`` (``FORM_RENDERER``) picks our templates for a whole form
  (``components/form.html``: error summary, then each field) and for one field
  (``components/field.html``: label, hint, error message, widget);
* ``UswdsBoundField`` gives every widget the USWDS class for its kind, marks invalid
  widgets, and points ``aria-describedby`` at the hint and the error message so screen
  readers announce both.

Templates render a field with ``{{ form.field_name.as_field_group }}`` or the whole form
with ``{{ form }}``; see templates/components/README.md.
"""

import copy
import re
import secrets

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .digits import fold_digits
from .per_language import PerLanguage

# Which USWDS class each kind of widget gets (checked in order; first match wins).
_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, "usa-checkbox__input"),
    (forms.RadioSelect, "usa-radio__input"),
    (forms.CheckboxInput, "usa-checkbox__input"),
    (forms.Select, "usa-select"),
    (forms.Textarea, "usa-textarea"),
    (forms.FileInput, "usa-file-input"),
    (forms.widgets.Input, "usa-input"),
)


def widget_css_class(widget: forms.Widget) -> str:
    for widget_type, css_class in _WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return css_class
    return ""


class UswdsBoundField(forms.BoundField):
    """Adds the USWDS class to each widget. Django 5.2 already sets ``aria-invalid`` and
    points ``aria-describedby`` at ``<id>_helptext`` and ``<id>_error``; our field template
    uses those same ids."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}_helptext" if self.auto_id else ""

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}_error" if self.auto_id else ""

    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.field.widget, forms.CheckboxInput)

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        if widget.is_hidden:
            return attrs
        css_class = widget_css_class(widget)
        if self.errors and css_class in {"usa-input", "usa-select", "usa-textarea"}:
            css_class += f" {css_class}--error"
        attrs["class"] = f"{css_class} {attrs.get('class', '')}".strip()
        return attrs


class UswdsFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = UswdsBoundField


# Visible fields of forms as rendered, per process and language (issue 17).
_RENDERED_FORMS = PerLanguage(max_entries=512)
# Where a valid form's typed values go in its kept rendering (letters and digits only:
# autoescaping leaves them as they are).
_VALUE_MARK = f"portalvalue{secrets.token_hex(8)}n"
_VALUE_MARKS = re.compile(rf"{_VALUE_MARK}\d+x")
_TEXT_WIDGETS = (forms.TextInput, forms.EmailInput)


def hidden_input_html(bound: forms.BoundField) -> str:
    """A hidden field in the very markup Django's widget templates give it (input.html
    with attrs.html), written out directly: a kept form puts its hidden values in on every
    request, and rendering them through the templates cost more than the rest of the form
    (issue 17). Anything but a plain hidden input (attributes of its own, disabled, shown
    twice, localized) is rendered by Django."""
    field, widget = bound.field, bound.field.widget
    if (
        type(widget) is not forms.HiddenInput
        or widget.attrs
        or field.disabled
        or field.show_hidden_initial
        or field.localize
    ):
        return str(bound)
    value = widget.format_value(bound.value())
    html = f'<input type="hidden" name="{escape(bound.html_name)}"'
    if value is not None:
        html += f' value="{escape(value)}"'
    if bound.auto_id:
        html += f' id="{escape(bound.auto_id)}"'
    return html + ">"


class PortalForm(forms.Form):
    """Base for public forms: errors render through our templates with no suffix after labels."""

    label_suffix = ""

    def __init__(self, *args, label_suffix=None, **kwargs):
        # Django's form sets its own translated ":" on each instance unless given one,
        # over the class's "" above.
        super().__init__(
            *args,
            label_suffix=self.label_suffix if label_suffix is None else label_suffix,
            **kwargs,
        )

    # A form whose fields, labels, choices and initial values are the same for everyone
    # (nothing set per request but the initial values of hidden fields) may set this: its
    # visible fields are then rendered once per process and language while it is unbound
    # (the error-free form every GET shows); hidden fields are rendered each time.
    render_once_unbound = False
    # Such a form whose visible fields are all text boxes may also set this: bound and
    # valid, it differs from the unbound one only by the values in its boxes, so it is
    # rendered once with a mark in each box and each request's values (escaped, as the
    # template escapes them) are put in the marks' place. Never what was typed as a key.
    render_once_when_valid = False

    def render(self, template_name=None, context=None, renderer=None):
        if template_name or context or renderer or not self.render_once_unbound:
            return super().render(template_name, context, renderer)
        if self.is_bound and not self._renders_once_when_valid():
            return super().render(template_name, context, renderer)
        visible = [
            (name, field) for name, field in self.fields.items() if not field.widget.is_hidden
        ]
        key = (
            type(self),
            self.prefix,
            self.auto_id,
            tuple(self.fields),
            self.is_bound,
            tuple((name, str(self.get_initial_for_field(field, name))) for name, field in visible),
        )
        marks = {f"{_VALUE_MARK}{number}x": name for number, (name, _f) in enumerate(visible)}

        def visible_fields() -> str:
            form = self
            if self.is_bound:
                form = copy.copy(self)
                form.data = {name: mark for mark, name in marks.items()}
                form._bound_fields_cache = {}
                form._errors = ErrorDict()  # shown as valid: its marks are never checked
            return super(PortalForm, form).render(
                context={**form.get_context(), "hidden_fields": []}
            )

        hidden = "".join(hidden_input_html(field) for field in self.hidden_fields())
        visible_html = _RENDERED_FORMS.get(key, visible_fields)
        if self.is_bound:
            values = {mark: escape(self[name].value()) for mark, name in marks.items()}
            visible_html = _VALUE_MARKS.sub(lambda found: values[found.group(0)], visible_html)
        return mark_safe(f"{visible_html}\n{hidden}" if hidden else visible_html)  # noqa: S308 - our templates, autoescaped

    def _renders_once_when_valid(self) -> bool:
        if not self.render_once_when_valid or self.errors:
            return False
        for name, field in self.fields.items():
            if field.widget.is_hidden:
                continue
            value = self[name].value()
            if type(field.widget) not in _TEXT_WIDGETS or not isinstance(value, str) or not value:
                return False
        return True

    # Django binds these to RenderableMixin.render itself: "{{ form }}" must come here.
    __str__ = render
    __html__ = render


class FoldDigitsMixin:
    """For a field where people type numbers: digits of any script (Arabic-Indic, Persian,
    Devanagari, full-width...) become ASCII before the field reads the value, so its
    checks, the database and everything after see only 0-9 (see ``checkin_portal.digits``)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = fold_digits(value)
        return super().to_python(value)


class DigitsCharField(FoldDigitsMixin, forms.CharField):
    """Text with numbers in it: ZIP, phone, an identifier."""


class DigitsDateField(FoldDigitsMixin, forms.DateField):
    """A date typed as text (browsers without a date picker, or typed over it)."""
