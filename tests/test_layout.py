"""The package layout: stages read in data-flow order, no import circles, no stage importing a
later one, and the README's module table naming every module there is."""

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "assistant"
# data flows down this list; a module may import its own stage and earlier ones only
STAGES = ["settings", "contract", "ingest", "index", "question", "answer", "register", "pipeline",
          "assistant", "brief", "web", "evaluate", "cli"]


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules `name` imports, at run time (type-checking-only imports aside)."""
    tree = ast.parse(path.read_text())
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
            and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{name}: relative import (the layout uses absolute imports)"
            target = node.module or ""
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known}
            if target in known:
                found.add(target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
    return found - {name}


def stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1] if len(parts) > 1 else "assistant")


def test_no_import_circles_and_no_stage_imports_a_later_one():
    mods = modules()
    graph = {m: imports(m, p, set(mods)) for m, p in mods.items()}
    later = [f"{m} -> {d}" for m, deps in graph.items() for d in deps if stage(d) > stage(m)]
    assert not later, "a stage imports a later one:\n" + "\n".join(sorted(later))
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in graph[m]:
            assert state.get(d) != 1, "import circle: " + " -> ".join(path + [m, d])
            if d not in state:
                visit(d, path + [m])
        state[m] = 2

    for m in graph:
        if m not in state:
            visit(m, [])


def test_top_level_holds_only_the_shared_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "contract.py", "pipeline.py", "settings.py"]
    for pkg in (p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        assert ast.get_docstring(ast.parse((pkg / "__init__.py").read_text())), f"{pkg.name}/ says what it owns"


def test_readme_module_table_matches_the_tree():
    readme = (ROOT / "README.md").read_text()
    named = set(re.findall(r"`(assistant/[\w/]+\.py)`", readme))
    named |= {f"{folder}{f}.py" for folder, files in re.findall(r"`(assistant/[\w/]+/)` *\| *([^|]+)\|", readme)
              for f in re.findall(r"`(\w+)`", files)}
    actual = {str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if not p.name.startswith("__")}
    assert not named - actual, f"the README names modules that don't exist: {sorted(named - actual)}"
    assert not actual - named, f"modules missing from the README's table: {sorted(actual - named)}"
