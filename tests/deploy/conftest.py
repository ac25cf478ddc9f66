"""Static files collected once per test session by the Dockerfile's own collectstatic
line (production settings, placeholder values, no database): test_dockerfile.py checks
the result; tests that boot the production settings serve pages from it (the manifest
storage needs it to render any page)."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .dockerfile import ROOT, collectstatic_line


@dataclass
class CollectedStatic:
    root: Path
    env: dict
    argv: list
    result: subprocess.CompletedProcess


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> CollectedStatic:
    env, argv = collectstatic_line()
    command = [sys.executable, *argv[1:]]  # the venv's Python for the image's /venv/bin/python
    root = tmp_path_factory.mktemp("collected") / "static"
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    result = subprocess.run(
        command,
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k in keep},
            **env,
            "STATIC_ROOT": str(root),
        },
        capture_output=True,
        text=True,
        timeout=240,
    )
    return CollectedStatic(root, env, argv, result)
