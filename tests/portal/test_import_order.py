"""Apps import only downward (docs/adr/0013-wiring.md): checkin_portal <- offices <-
appointments <- subjects <- addresses, hearings. An import that goes up, or sideways
between addresses and hearings, fails here; that is how a cycle would start. Migrations
are left out: Django writes other apps' models into them by name."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEVEL = {
    "checkin_portal": 0,
    "offices": 1,
    "appointments": 2,
    "subjects": 3,
    "addresses": 4,
    "hearings": 4,
}


def imported_apps(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def wrong_way_imports(app: str) -> list[str]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for lineno, target in imported_apps(ast.parse(path.read_text(), str(path))):
            if target in LEVEL and target != app and LEVEL[target] >= LEVEL[app]:
                found.append(f"{path.relative_to(ROOT)}:{lineno} imports {target}")
    return found


@pytest.mark.parametrize("app", LEVEL)
def test_app_imports_only_apps_below_it(app):
    assert wrong_way_imports(app) == []


def test_the_check_sees_an_upward_import(tmp_path):
    tree = ast.parse("def f():\n    from subjects.models import Subject\n")
    assert [target for _, target in imported_apps(tree)] == ["subjects"]


@pytest.mark.parametrize("app", LEVEL)
def test_app_docstring_names_what_it_may_import(app):
    """The map (README "Layout", each app's docstring) says the same as the rule above."""
    import importlib

    doc = importlib.import_module(app).__doc__ or ""
    assert doc.startswith(f"{app}:"), f"{app}/__init__.py needs a docstring: what it owns"
    line = next((part for part in doc.split("May import:")[1:]), "")
    allowed = [other for other in LEVEL if LEVEL[other] < LEVEL[app]]
    named = [other for other in LEVEL if other != app and other in line.split("not")[0]]
    assert named == allowed
