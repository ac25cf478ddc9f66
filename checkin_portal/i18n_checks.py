"""The rules every shipped catalogue must meet, shared by the test suite
(tests/portal/test_translations.py) and translators' script (scripts/check_translations.py):
every message translated, no fuzzy flag, placeholders (%(name)s, %s, {0}) kept exactly."""

import re
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "var", "node_modules", ".git"}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")


@dataclass(frozen=True)
class Problem:
    kind: str  # "missing", "fuzzy" or "broken" (a placeholder changed)
    path: Path
    msgid: str

    def __str__(self) -> str:
        return f"{self.kind:<8} {self.path.relative_to(ROOT)}: {self.msgid[:70]!r}"


def catalogues(locale: str) -> list[Path]:
    """Every django.po of ``locale`` (e.g. "pt_BR") in the project."""
    return sorted(
        path
        for path in ROOT.rglob(f"locale/{locale}/LC_MESSAGES/django.po")
        if not SKIP_DIRS & set(path.relative_to(ROOT).parts)
    )


def problems_for(locale: str) -> list[Problem]:
    found = []
    for path in catalogues(locale):
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(Problem("fuzzy", path, entry.msgid))
            strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            if not all(strings):
                found.append(Problem("missing", path, entry.msgid))
                continue
            expected = sorted(PLACEHOLDER.findall(entry.msgid))
            if any(sorted(PLACEHOLDER.findall(text)) != expected for text in strings):
                found.append(Problem("broken", path, entry.msgid))
    return found
