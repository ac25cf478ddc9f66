"""Write the shipped FAQ (``content/faq.py`` + the catalogues) into ``FaqEntry`` rows.

Idempotent, and it never overwrites what staff wrote: each translated field
(``question_fr``, ``answer_ar``, ...) is written only while it is empty, already holds the
new text, or still holds exactly the text this loader wrote last time (a SHA-256
fingerprint per field in ``FaqEntry.loaded_fingerprints``). Anything else is a staff edit
and is kept (counted in the result). A language whose catalogue has no translation of a
text yet leaves that field empty, so the page shows English until one arrives.

Entries are matched by slug. Section, position and published flag are set when an entry
is created and then belong to staff; an entry removed from ``faq.py`` is left in place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from checkin_portal.models import FaqEntry

from .faq import FAQ, Question

TRANSLATED = ("question", "answer")


@dataclass
class FaqLoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (slug, field) pairs whose text staff changed: kept as staff wrote it.
    kept: list[tuple[str, str]] = field(default_factory=list)


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shipped_texts(item: Question) -> dict[str, str]:
    """Field name -> text for every language whose catalogue translates it (English:
    always)."""
    with translation.override("en"):
        english = {name: str(getattr(item, name)) for name in TRANSLATED}
    texts = {build_localized_fieldname(name, "en"): english[name] for name in TRANSLATED}
    for code, _name in settings.LANGUAGES:
        if code == "en":
            continue
        with translation.override(code):
            for name in TRANSLATED:
                text = str(getattr(item, name))
                if text != english[name]:
                    texts[build_localized_fieldname(name, code)] = text
    return texts


def _merge(entry: FaqEntry, texts: dict[str, str], result: FaqLoadResult) -> list[str]:
    """Set the fields that may change; the names of those changed."""
    changed = []
    fingerprints = dict(entry.loaded_fingerprints or {})
    for name, text in texts.items():
        current = getattr(entry, name) or ""
        if current == text:
            if fingerprints.get(name) != fingerprint(text):
                fingerprints[name] = fingerprint(text)
                changed.append("loaded_fingerprints")
            continue
        if current.strip() and fingerprints.get(name) != fingerprint(current):
            result.kept.append((entry.slug, name))
            continue
        setattr(entry, name, text)
        fingerprints[name] = fingerprint(text)
        changed += [name, "loaded_fingerprints"]
    entry.loaded_fingerprints = fingerprints
    return sorted(set(changed))


@transaction.atomic
def faq_load() -> FaqLoadResult:
    result = FaqLoadResult()
    existing = {entry.slug: entry for entry in FaqEntry.objects.select_for_update()}
    for position, item in enumerate(FAQ):
        texts = shipped_texts(item)
        entry = existing.get(item.slug)
        if entry is None:
            FaqEntry.objects.create(
                slug=item.slug,
                section=item.section,
                position=position,
                **texts,
                loaded_fingerprints={name: fingerprint(text) for name, text in texts.items()},
            )
            result.created.append(item.slug)
            continue
        changed = _merge(entry, texts, result)
        if changed:
            entry.save(update_fields=[*changed, "updated_at"])
            result.updated.append(item.slug)
        else:
            result.unchanged.append(item.slug)
    return result
