"""The package's shape: no import cycles, and every import goes from a later stage to an earlier one.

Imports are read from the source (`ast`), those inside functions and `if TYPE_CHECKING:` blocks too:
a cycle there is still a tangle a reader has to untie.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

# Lowest first: a module may import from its own layer and the layers before it, never from a later one.
LAYERS = [
    ["generator", "generator.errors", "generator.fsutil", "generator.project", "generator.resources", "generator.workers", "generator.text"],
    ["generator.taxonomy", "generator.tags"],
    ["generator.site.urls"],
    ["generator.site.content"],
    ["generator.site.markup"],
    ["generator.site.editions"],
    ["generator.site.model"],
    ["generator.site.render"],
    ["generator.site.incremental"],
    ["generator.site.batch", "generator.site.output", "generator.site.write"],
    ["generator.site.build", "generator.site"],
    ["generator.ingest"],
    ["generator.check", "generator.ghpages", "generator.newsite"],
    ["generator.serve"],
    ["generator.commands", "generator.cli", "generator.__main__"],
]
# Packages that never import each other, whatever the order above allows.
APART = [("generator.ingest", "generator.site")]


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _graph() -> dict[str, set[str]]:
    modules = _modules()

    def known(name: str) -> str:
        while name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {known(alias.name) for alias in node.names if alias.name.startswith("generator")}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("generator"):
                module = node.module or ""
                imported |= {f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else known(module) for alias in node.names}
        graph[name] = imported - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _layer(module: str) -> int:
    best, layer = "", -1
    for number, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
                best, layer = prefix, number
    assert layer >= 0, f"{module} is in no layer: add it to LAYERS"
    return layer


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_every_import_goes_to_an_earlier_stage():
    wrong = [f"{module} imports {imported}" for module, imports in sorted(_graph().items()) for imported in sorted(imports)
             if _layer(imported) > _layer(module)]
    assert wrong == []


def test_separate_packages_stay_apart():
    graph = _graph()
    wrong = [f"{module} imports {imported}" for first, second in APART for module, imports in graph.items() for imported in imports
             if (module.startswith(first) and imported.startswith(second)) or (module.startswith(second) and imported.startswith(first))]
    assert wrong == []
