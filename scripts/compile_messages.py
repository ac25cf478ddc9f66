"""Compile every .po file of the project into .mo, in pure Python (polib), so that a
newcomer needs no GNU gettext to run or test the portal. Fuzzy and untranslated entries
are left out of the .mo (Django then shows the English source)."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "var", ".git"}


def po_files() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("locale/*/LC_MESSAGES/*.po")
        if not SKIP & set(p.relative_to(ROOT).parts)
    )


def main() -> int:
    files = po_files()
    for po_path in files:
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    print(f"compile_messages: {len(files)} catalogue(s) up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
