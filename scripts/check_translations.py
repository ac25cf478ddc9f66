"""Report what is missing, fuzzy or broken in one language's catalogues.

    .venv/bin/python scripts/check_translations.py fr [ht ...]

Same rules as tests/portal/test_translations.py: every message translated, no fuzzy flag,
placeholders (%(name)s, %s, {0}) kept exactly. Exit status 1 when anything is wrong."""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "node_modules", ".git"}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")


def problems_for(locale: str) -> list[str]:
    found = []
    files = sorted(
        p
        for p in ROOT.rglob(f"locale/{locale}/LC_MESSAGES/django.po")
        if not SKIP & set(p.relative_to(ROOT).parts)
    )
    if not files:
        return [f"no catalogue for {locale}"]
    for path in files:
        for entry in polib.pofile(str(path)):
            where = f"{path.relative_to(ROOT)}: {entry.msgid[:70]!r}"
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(f"fuzzy    {where}")
            strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            if not all(strings):
                found.append(f"missing  {where}")
                continue
            expected = sorted(PLACEHOLDER.findall(entry.msgid))
            if any(sorted(PLACEHOLDER.findall(s)) != expected for s in strings):
                found.append(f"broken   {where}")
    return found


def main() -> int:
    failed = False
    for locale in sys.argv[1:]:
        found = problems_for(locale)
        print(f"{locale}: {len(found)} problem(s)")
        for line in found[:50]:
            print("  " + line)
        failed |= bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
