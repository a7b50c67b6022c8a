"""The import graph of the generator: one-way layers, no circle (docs/architecture.md).

Imports are read from the source with ``ast`` — every ``import`` statement, also those inside
functions (a lazy import is still a dependency); only ``if TYPE_CHECKING:`` blocks are left
out, since they never run. A module is a file; ``from . import x`` names the submodule ``x``
when there is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT

PACKAGE = PROJECT / "generator"


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PROJECT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()


def _imports(name: str, path: Path, is_package: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # what only a type checker reads is not imported at run time
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                child.body = []
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "generator"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == "generator":
                prefix = node.module
            else:
                continue
            for alias in node.names:
                submodule = f"{prefix}.{alias.name}"
                out.add(submodule if submodule in MODULES else prefix)
    return {m for m in out if m in MODULES and m != name}


GRAPH = {name: _imports(name, path, is_package) for name, (path, is_package) in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _importers_of(target: str, among: str) -> list[tuple[str, str]]:
    return sorted((m, d) for m, deps in GRAPH.items() if _under(m, among) for d in deps if _under(d, target))


def test_the_graph_is_read():
    """The reader sees the imports it is meant to see (a test that cannot fail is a defect)."""
    assert "generator.history.diff" in GRAPH["generator.review.report"]
    assert "generator.outputs.pages.render" in GRAPH["generator.outputs.pages"]
    assert "generator.checks" in GRAPH["generator.commands.check"]  # imported inside ``run``


def test_no_module_imports_itself_through_others():
    assert _cycles() == []


def test_nothing_the_site_is_built_from_imports_the_review_report():
    """The review report reads the history; the site's outputs, the published view and the
    history never read the review (rendering once loaded git and the checks through it)."""
    for layer in ("generator.outputs", "generator.view", "generator.history"):
        assert _importers_of("generator.review", layer) == [], layer


def test_the_history_and_the_view_load_content_but_never_check_it():
    """What the site publishes does not depend on the checks having run in the same process
    (``build.publish`` builds content the check refused, to prove the output guards)."""
    for layer in ("generator.history", "generator.view", "generator.outputs"):
        assert _importers_of("generator.checks", layer) == [], layer


def test_the_lower_layers_never_import_the_upper_ones():
    """The one-way flow: sources → load → model → checks / history → view → outputs → build →
    commands. A module of a lower layer importing an upper one would turn it around."""
    upper = {
        "generator.model": ("generator.load", "generator.checks", "generator.history", "generator.view",
                            "generator.outputs", "generator.build", "generator.commands", "generator.review"),
        "generator.load": ("generator.checks", "generator.history", "generator.view", "generator.outputs",
                           "generator.build", "generator.commands", "generator.review"),
        "generator.checks": ("generator.view", "generator.outputs", "generator.build", "generator.commands",
                             "generator.review", "generator.history"),
        "generator.view": ("generator.outputs", "generator.build", "generator.commands"),
        "generator.outputs": ("generator.build", "generator.commands"),
        "generator.build": ("generator.commands",),
    }
    for layer, above in upper.items():
        for target in above:
            assert _importers_of(target, layer) == [], (layer, target)
