"""Each setting is assigned once in settings/base.py (issue 15: a second assignment further
down silently wins over the first one a reader finds)."""

import ast
from collections import Counter
from pathlib import Path

import checkin_portal.settings.base as base


def test_each_setting_is_assigned_once():
    tree = ast.parse(Path(base.__file__).read_text())
    names = Counter(
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.isupper()
    )
    assert [name for name, count in names.items() if count > 1] == []
