"""Which file events matter (content, themes, site.yml; not editor temp files or the output) and watchdog."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.project import RAW_FOLDER, ProjectPaths, raw_bulletin_of

# Editors save through temporary names: vim's 4913 probe, .swp/.swx and backup~ files, emacs #autosave# and
# .#lock files, and the `.name.tmp` files of atomic writers (ingest's among them). Hidden names are never content.
_EDITOR_TEMP = re.compile(r"^\.|~$|^#.*#$|^4913$|\.(sw[a-px]|tmp|bak|part|crdownload)$", re.IGNORECASE)
_EVENTS = {"created", "modified", "deleted", "moved"}  # not opened/closed: the build's own reads would loop


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class Filter:
    """Sorts a changed path: 'raw' (a bulletin to ingest, or its hints file), 'source' (rebuild) or None (ignore)."""

    def __init__(self, paths: ProjectPaths):
        self.paths = paths

    def kind(self, path: Path) -> str | None:
        paths = self.paths
        if path == paths.config:
            return "source"
        if _inside(path, paths.out) or not (_inside(path, paths.content) or _inside(path, paths.themes)):
            return None
        base = paths.content if _inside(path, paths.content) else paths.themes
        parts = path.relative_to(base).parts
        if any(_EDITOR_TEMP.search(part) for part in parts):
            return None
        if base == paths.content and parts and parts[0] == RAW_FOLDER:
            return "raw" if len(parts) == 2 and raw_bulletin_of(path) else None
        return "source"


class Watcher:
    """watchdog observers on content/, themes/ and the folder of site.yml; calls `changed(path)` from its threads."""

    def __init__(self, paths: ProjectPaths, changed: Callable[[Path], None]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.filter = Filter(paths)
        self.paths = paths
        self.changed = changed
        self._watched: set[Path] = set()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                watcher._event(event)

        self._handler = Handler()
        self._observer = Observer()
        # site.yml's folder unrecursively: it holds output/ and .venv/, whose churn must not cost anything.
        self._observer.schedule(self._handler, str(paths.config.parent), recursive=False)
        for folder in (paths.content, paths.themes):
            self._watch_tree(folder)

    def _watch_tree(self, folder: Path) -> None:
        if folder.is_dir() and folder not in self._watched:
            self._watched.add(folder)
            self._observer.schedule(self._handler, str(folder), recursive=True)

    def _event(self, event) -> None:
        if event.event_type not in _EVENTS or (event.is_directory and event.event_type == "modified"):
            return
        for name in (event.src_path, getattr(event, "dest_path", "")):
            if not name:
                continue
            path = Path(name if isinstance(name, str) else name.decode())
            if event.is_directory and path in (self.paths.content, self.paths.themes):
                self._watch_tree(path)  # created after serve started (a first theme override, say)
            if self.filter.kind(path):
                self.changed(path)

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)
