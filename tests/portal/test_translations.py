"""Every shipped language is complete: no missing or fuzzy message, placeholders intact,
and the catalogues match the strings in the source (when GNU gettext is available)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "var", "node_modules", ".git"}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _catalogues(language: str) -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob(f"locale/{language}/LC_MESSAGES/django.po")
        if not SKIP_DIRS & set(p.relative_to(ROOT).parts)
    )


def _to_locale(code: str) -> str:
    from django.utils.translation import to_locale

    return to_locale(code)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(language: str):
    files = _catalogues(_to_locale(language))
    assert files, f"no catalogue for {language}"
    problems = []
    for path in files:
        for entry in polib.pofile(str(path)):
            where = f"{path.relative_to(ROOT)}: {entry.msgid[:60]!r}"
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"fuzzy {where}")
            elif entry.msgid_plural:
                if not all(entry.msgstr_plural.values()):
                    problems.append(f"missing plural {where}")
            elif not entry.msgstr:
                problems.append(f"missing {where}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language: str):
    problems = []
    for path in _catalogues(_to_locale(language)):
        for entry in polib.pofile(str(path)):
            expected = sorted(PLACEHOLDER.findall(entry.msgid))
            strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            for translated in strings:
                if translated and sorted(PLACEHOLDER.findall(translated)) != expected:
                    problems.append(f"{path.relative_to(ROOT)}: {entry.msgid[:60]!r}")
    assert not problems, "\n".join(problems)


def test_catalogues_match_source_strings(tmp_path: Path):
    """Re-extract the messages into a copy of the tree and compare the msgids."""
    if not shutil.which("xgettext"):
        if os.environ.get("REQUIRE_BROWSER_TESTS") or os.environ.get("CI"):
            pytest.fail("GNU gettext (xgettext) is needed in CI to check the catalogues")
        pytest.skip("GNU gettext is not installed: cannot re-extract messages")
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*.mo", "static"),
    )
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else "python",
            "manage.py",
            "makemessages",
            "--all",
            "--no-location",
            "--ignore=tests",
            "--ignore=var",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.test"},
    )
    stale = []
    for language in TRANSLATED:
        for original in _catalogues(_to_locale(language)):
            fresh = copy / original.relative_to(ROOT)
            want = {e.msgid for e in polib.pofile(str(fresh)) if not e.obsolete}
            have = {e.msgid for e in polib.pofile(str(original)) if not e.obsolete}
            if want - have:
                stale.append(f"{original.relative_to(ROOT)} lacks {sorted(want - have)[:5]}")
            if have - want:
                stale.append(f"{original.relative_to(ROOT)} has unused {sorted(have - want)[:5]}")
    assert not stale, "run `make makemessages` and translate:\n" + "\n".join(stale)
