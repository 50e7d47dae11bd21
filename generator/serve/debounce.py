"""Turn a burst of file events (an editor's save is often several) into one batch of changed paths."""

from __future__ import annotations

import threading
import time
from pathlib import Path

QUIET = 0.25  # seconds without a new event before the batch is handed over
LONGEST = 2.0  # seconds after the first event of a batch at most, so a steady stream still rebuilds


class Debouncer:
    """Watcher threads `add()` paths; the main thread's `wait()` returns them as one batch."""

    def __init__(self, quiet: float = QUIET, longest: float = LONGEST):
        self.quiet = quiet
        self.longest = longest
        self._paths: set[Path] = set()
        self._first = self._last = 0.0
        self._added = threading.Condition()

    def add(self, path: Path) -> None:
        with self._added:
            now = time.monotonic()
            if not self._paths:
                self._first = now
            self._paths.add(path)
            self._last = now
            self._added.notify_all()

    def _due(self) -> float:
        """Seconds until the pending batch is due (it must be non-empty)."""
        return min(self._last + self.quiet, self._first + self.longest) - time.monotonic()

    def wait(self) -> set[Path]:
        """Block until a batch is due and return it."""
        with self._added:
            while True:
                if not self._paths:
                    self._added.wait(timeout=1.0)  # a timeout keeps Ctrl-C responsive on every platform
                    continue
                due = self._due()
                if due <= 0:
                    batch, self._paths = self._paths, set()
                    return batch
                self._added.wait(timeout=due)
