"""Reading the Dockerfile without a Docker engine (used by test_dockerfile.py and the
session fixture that runs its collectstatic line, tests/deploy/conftest.py)."""

import shlex
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    result, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = pending + line
        pending = ""
        keyword, _, args = full.partition(" ")
        result.append((keyword.upper(), args.strip()))
    return result


DOCKERFILE = instructions((ROOT / "Dockerfile").read_text())


def stages() -> list[list[tuple[str, str]]]:
    found = []
    for keyword, args in DOCKERFILE:
        if keyword == "FROM":
            found.append([])
        if found:
            found[-1].append((keyword, args))
    return found


def runtime_stage():
    return stages()[-1]


def collectstatic_line() -> tuple[dict[str, str], list[str]]:
    [line] = [args for keyword, args in stages()[0] if keyword == "RUN" and "collectstatic" in args]
    words = shlex.split(line)
    env = {}
    while "=" in words[0] and not words[0].startswith("/"):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    return env, words
