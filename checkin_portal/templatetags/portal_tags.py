"""Template helpers shared by every page."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from checkin_portal.phones import phone_href, phone_text

register = template.Library()


@register.filter
def plain_text(value: str) -> str:
    """Render staff-written plain text safely: blank line → new paragraph,
    lines starting with "- " → a bulleted list. Everything is escaped first."""
    blocks = [b.strip() for b in str(value).replace("\r\n", "\n").split("\n\n") if b.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines))
            html.append(f'<ul class="usa-list">{items}</ul>')
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - every piece was escaped above


@register.simple_tag(takes_context=True)
def language_options(context):
    """Each shipped language with its own name, its direction and the current page's
    address in that language (so choosing keeps the person on the same page)."""
    request = context["request"]
    current_path = request.get_full_path()
    options = []
    for code, own_name in settings.LANGUAGES:
        info = get_language_info(code)
        options.append(
            {
                "code": code,
                "name": own_name,
                "bidi": info["bidi"],
                "next": translate_url(current_path, code),
            }
        )
    return options


# The language chooser (and "/", which shows it) is opened *for* another page: its own
# language link keeps that page rather than pointing at the chooser.
_CHOOSER_VIEWS = frozenset({"language_choice", "root"})


@register.simple_tag(takes_context=True)
def language_link_next(context) -> str:
    """The ``next`` of the header's language link, URL-encoded as ``urlencode`` does: the
    page to come back to. Worked out here, not in template tags: it is rendered for every
    request of every page, around pages otherwise kept whole (issue 17)."""
    request = context.get("request")
    if request is None:  # rendered without a request (as the template's tags allowed)
        return ""
    match = request.resolver_match
    if match is not None and match.url_name in _CHOOSER_VIEWS:
        target = context.get("next", "")
    else:
        target = request.get_full_path()
    return quote(str(target), safe="/")


@register.filter(needs_autoescape=True)
def phone_display(phone, autoescape=True) -> str:
    """The one way to show a phone number to a person: the national form (``phone_text``),
    isolated left to right in HTML (in Arabic or Persian text an unisolated
    "(404) 893-1290" reads "893-1290 (404)"); the bare text in a plain-text message
    (a template rendered without autoescaping)."""
    text = phone_text(phone)
    if not text or not autoescape:
        return text
    return format_html('<bdi class="portal-phone" dir="ltr">{}</bdi>', text)


@register.filter
def phone_link(phone) -> str:
    """The ``href`` of a phone link: 'tel:+14048931290', "" when it is not a number."""
    return phone_href(phone)
