"""Every test runs on a clean clone (issue 15): no test reads a file by an absolute path
outside the repository."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_test_names_a_path_outside_the_repository():
    outside = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path == Path(__file__).resolve():
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith(("/work/", "/home/", "../shared"))
            ):
                outside.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    assert outside == []
