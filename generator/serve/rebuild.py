"""One step from a batch of changed paths to a fresh site, or to a problem while the last good site stays.

The step is an incremental build by a `Builder` that lives as long as the server: the configuration,
the compiled templates, the prepared articles and the manifest of the output stay loaded between
saves, and only the pages an edit affects are rendered again (the others are not even rewritten).
`--variant` narrows every rebuild after the first to the editions an editor is looking at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.project import ProjectPaths, raw_bulletin_of
from generator.serve.problems import Problem, problem_from
from generator.serve.watch import Filter
from generator.site.build import Builder, BuildOptions, BuildResult


@dataclass
class Outcome:
    notes: list[str] = field(default_factory=list)  # what auto-ingest did
    result: BuildResult | None = None
    problem: Problem | None = None


class Rebuilder:
    def __init__(self, options: BuildOptions, paths: ProjectPaths):
        self.builder = Builder(options)
        self.paths = paths
        self.filter = Filter(paths)
        self._complete = False  # until a build of every edition succeeded, --variant must not narrow it

    def __call__(self, changes: Iterable[Path]) -> Outcome:
        """Ingest the raw bulletins among `changes`, then build. Never raises but for Ctrl-C."""
        outcome = Outcome()
        changes = list(changes)
        # a saved hints file ingests its bulletin again, as `bulletin ingest` would apply it
        bulletins = {raw_bulletin_of(path) for path in changes if self.filter.kind(path) == "raw"}
        raws = sorted(raw for raw in bulletins if raw and raw.is_file())
        try:
            if raws:
                from generator.serve.autoingest import ingest_raw  # the ingest pipeline only when needed

                for raw in raws:
                    outcome.notes += ingest_raw(raw, self.paths.content)
            outcome.result = self.builder.rebuild(changes, every_edition=not self._complete)
            self._complete = True
        except Exception as exc:  # bad input or a bug: either way the server must keep serving
            outcome.problem = problem_from(exc, self.paths)
        return outcome
