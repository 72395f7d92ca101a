"""The code keeps its shape: no module imports another that (directly or not) imports it back."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import lasting_home_desktop

PACKAGE = Path(lasting_home_desktop.__file__).parent
NAME = PACKAGE.name


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module this one imports, at any level (inside functions too)."""
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            stem = ".".join(base + ([node.module] if node.module else []))
            names = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            # A package's __init__ only gathers names: importing through it is not a cycle.
            if name and name != module and modules[name].name != "__init__.py":
                out.add(name)
    return out


def test_no_module_imports_itself_round_a_cycle():
    """A cycle means a concept has no home of its own; the test names the modules in it."""
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"Import cycle: {' -> '.join(error.args[1])}") from None


MOST_LINES = 400
MOST_FUNCTION_LINES = 60


def test_every_module_and_function_stays_small_enough_to_read():
    """A module over 400 lines or a function over 60 is a sign it does two jobs."""
    too_long = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MOST_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MOST_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert not too_long, "Too long to read in one go: " + "; ".join(too_long)


SYSTEM_WINDOWS = {"QFileDialog", "QColorDialog", "QPrintDialog", "QFontDialog", "QPageSetupDialog"}


def test_nothing_the_child_sees_can_open_a_system_window():
    """Together mode and the drawing studio (what a child uses) name none of Qt's file, colour,
    print or font windows, so no control there can open one; the worker's side keeps them."""
    found = []
    for part in ("together", "drawing"):
        for path in sorted((PACKAGE / "ui" / part).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            names |= {
                a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
            }
            found += [f"{path.relative_to(PACKAGE)}: {name}" for name in names & SYSTEM_WINDOWS]
    assert found == []
