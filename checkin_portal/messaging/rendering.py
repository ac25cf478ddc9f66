"""Render a message from templates, in the recipient's language.

A message named ``"<app>/messages/<name>"`` has these templates:

* email: ``<name>.subject.txt`` (one line), ``<name>.txt`` (plain text) and
  ``<name>.html`` (usually ``{% extends "messaging/email_base.html" %}``);
* SMS: ``<name>.sms.txt`` (whitespace is collapsed to single spaces).

Everything renders inside ``translation.override(language)``, so ``{% translate %}``,
dates and numbers follow the recipient's language, not the request's. Text templates
render without HTML escaping; HTML templates escape as usual. Every context also gets
``portal_name``, ``help_line_phone``, ``base_url`` and ``language_code``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import get_language_info

from .exceptions import MessageTooLong
from .models import Channel
from .sms import sms_size


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str


def _base_context(language: str) -> dict:
    return {
        "portal_name": settings.PORTAL_NAME,
        "agency_short_name": settings.AGENCY_SHORT_NAME,
        "help_line_phone": settings.HELP_LINE_PHONE,
        "base_url": settings.MESSAGING_BASE_URL.rstrip("/"),
        "language_code": language,
        "language_bidi": get_language_info(language)["bidi"],
    }


def _render_plain(name: str, context: dict) -> str:
    template = get_template(name).template  # the engine's own Template
    return template.render(Context(context, autoescape=False))


def _tidy(text: str) -> str:
    """Template tags leave blank lines and indentation behind: keep one blank line
    between paragraphs and no spaces at the ends of lines."""
    lines = [line.strip() for line in text.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip() + "\n"


def render_message(*, channel: str, template: str, context: dict, language: str) -> RenderedMessage:
    full_context = {**_base_context(language), **context}
    with translation.override(language):
        if channel == Channel.SMS:
            text = " ".join(_render_plain(f"{template}.sms.txt", full_context).split())
            size = sms_size(text)
            if not size.fits:
                raise MessageTooLong(template, language, size.encoding, size.units, size.segments)
            return RenderedMessage(subject="", text=text, html="")
        subject = " ".join(_render_plain(f"{template}.subject.txt", full_context).split())
        text = _tidy(_render_plain(f"{template}.txt", full_context))
        html = get_template(f"{template}.html").render(full_context)
        return RenderedMessage(subject=subject[:200], text=text, html=html)
