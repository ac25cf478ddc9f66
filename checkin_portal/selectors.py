"""Read queries for the shared pages."""

from dataclasses import dataclass

from .models import FaqEntry, FaqSection


@dataclass(frozen=True)
class FaqSectionView:
    key: str
    title: str
    entries: list[FaqEntry]


def faq_sections() -> list[FaqSectionView]:
    """Published FAQ entries grouped by section, sections in their fixed order (one query)."""
    by_section: dict[str, list[FaqEntry]] = {key: [] for key in FaqSection.values}
    for entry in FaqEntry.objects.filter(is_published=True).order_by("section", "position", "id"):
        by_section[entry.section].append(entry)
    return [
        FaqSectionView(key=key, title=FaqSection(key).label, entries=by_section[key])
        for key in FaqSection.values
    ]
