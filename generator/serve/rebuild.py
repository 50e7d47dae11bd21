"""One step from a batch of changed paths to a fresh site, or to a problem while the last good site stays.

Today the step is a full build in this process (imports, the Markdown renderer's setup and the page
cache of the OS are warm after the first one). It is the single place to switch to the engine's
incremental rebuild once the engine has one: `changes` already says what was edited. Until then,
`--variant` narrows every rebuild after the first to the editions an editor is looking at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.project import ProjectPaths
from generator.serve.problems import Problem, problem_from
from generator.serve.watch import Filter
from generator.site.build import BuildOptions, BuildResult, build


@dataclass
class Outcome:
    notes: list[str] = field(default_factory=list)  # what auto-ingest did
    result: BuildResult | None = None
    problem: Problem | None = None


class Rebuilder:
    def __init__(self, options: BuildOptions, paths: ProjectPaths):
        self.options = options
        self.paths = paths
        self.filter = Filter(paths)
        self._complete = False  # until a build of every edition succeeded, --variant must not narrow it

    def __call__(self, changes: Iterable[Path]) -> Outcome:
        """Ingest the raw bulletins among `changes`, then build. Never raises but for Ctrl-C."""
        outcome = Outcome()
        raws = sorted(path for path in changes if self.filter.kind(path) == "raw" and path.is_file())
        try:
            if raws:
                from generator.serve.autoingest import ingest_raw  # the ingest pipeline only when needed

                for raw in raws:
                    outcome.notes += ingest_raw(raw, self.paths.content)
            outcome.result = build(self.options if self._complete else replace(self.options, variants=()))
            self._complete = True
        except Exception as exc:  # bad input or a bug: either way the server must keep serving
            outcome.problem = problem_from(exc, self.paths)
        return outcome
