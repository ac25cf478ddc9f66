"""Report what is missing, fuzzy or broken in one language's catalogues.

    .venv/bin/python scripts/check_translations.py fr [ht ...]

The rules are checkin_portal/i18n_checks.py, the same the test suite applies to every
shipped language. Exit status 1 when anything is wrong."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkin_portal.i18n_checks import catalogues, problems_for


def main() -> int:
    failed = False
    for locale in sys.argv[1:]:
        if not catalogues(locale):
            print(f"{locale}: no catalogue")
            failed = True
            continue
        found = problems_for(locale)
        print(f"{locale}: {len(found)} problem(s)")
        for problem in found[:50]:
            print(f"  {problem}")
        failed |= bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
