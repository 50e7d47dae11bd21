"""Run the authoring loop: first build, then serve while watching, rebuilding and telling open tabs."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BulletinError
from generator.project import ProjectPaths
from generator.serve.debounce import Debouncer
from generator.serve.rebuild import Outcome, Rebuilder
from generator.serve.server import SiteServer
from generator.serve.state import SiteState
from generator.serve.watch import Watcher
from generator.site import output
from generator.site.build import BuildOptions


def say(line: str) -> None:
    print(line, flush=True)  # flushed: the terminal (or a test reading the pipe) sees each line as it happens


def warn(line: str) -> None:
    print(f"bulletin serve: {line}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class ServeOptions:
    build: BuildOptions
    host: str = "127.0.0.1"
    port: int = 8000
    reload: bool = True


def _open_server(options: ServeOptions, out: Path, state: SiteState) -> SiteServer:
    try:
        return SiteServer(options.host, options.port, out, state, options.reload)
    except OSError as exc:
        raise BulletinError(f"cannot listen on {options.host}:{options.port}: {exc.strerror or exc} "
                            "(another server there? --port 0 picks a free port)") from None


def _describe(changes: set[Path], paths: ProjectPaths) -> str:
    names = sorted(paths.show(path) for path in changes)
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _report(outcome: Outcome, state: SiteState) -> None:
    for note in outcome.notes:
        say(note)
    if outcome.problem:
        if outcome.problem.details:
            warn(outcome.problem.details.rstrip())
        warn(f"error: {outcome.problem} (still serving the last good site)")
        state.failed(outcome.problem)
        return
    assert outcome.result is not None  # a rebuild gives a result or a problem
    for warning in outcome.result.warnings:
        warn(f"warning: {warning}")
    say(outcome.result.summary())
    state.built()


def serve(options: ServeOptions) -> int:
    """Serve until Ctrl-C; build errors are reported and survived. Returns the exit status."""
    build = options.build
    paths = ProjectPaths.find(build.config, build.content, build.out)
    out = output.guard(paths)  # never serve a folder a build may not make (`--out /` would serve the machine)
    state = SiteState()
    server = _open_server(options, out, state)
    if not server.local_only:
        warn(f"warning: listening on {options.host}: anyone who can reach this machine can read the site")
    debouncer = Debouncer()
    watcher = Watcher(paths, debouncer.add)
    rebuild = Rebuilder(build, paths)
    serving = threading.Thread(target=server.serve_forever, name="bulletin-serve-http", daemon=True)
    try:
        watcher.start()  # before the first build, so a save during it is not missed
        _report(rebuild(()), state)
        serving.start()
        say(f"serving {paths.show(paths.out)} at {server.url} (Ctrl-C to stop)")
        while True:
            changes = debouncer.wait()
            say(f"changed: {_describe(changes, paths)}")
            _report(rebuild(changes), state)
    except KeyboardInterrupt:
        say("stopped")
        return 0
    finally:
        state.close()
        if serving.is_alive():
            server.shutdown()
        server.server_close()
        watcher.stop()
        output.remove_left_behind(out, wait=False)  # Ctrl-C in the middle of a rebuild's last step
