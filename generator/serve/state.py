"""What open tabs need to know about the site: the id of the build being served and the last problem.

Request threads wait on it (long-polling) while the main thread reports builds.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from generator.serve.problems import Problem


@dataclass(frozen=True)
class Snapshot:
    generation: int  # counts every rebuild attempt, good or bad: what a tab waits past
    build: str  # id of the site being served; a tab whose page came from another build reloads
    problem: Problem | None  # why the last attempt failed (the last good site is still served)

    def as_json(self) -> dict:
        return {"generation": self.generation, "build": self.build,
                "problem": self.problem.as_json() if self.problem else None}


class SiteState:
    def __init__(self) -> None:
        # Unique per process, so a tab left open across a restart of `bulletin serve` reloads too.
        self._session = os.urandom(4).hex()
        self._builds = 0
        self._snapshot = Snapshot(0, self._build_id(), None)
        self._changed = threading.Condition()
        self._closed = False

    def _build_id(self) -> str:
        return f"{self._session}.{self._builds}"

    def _publish(self, snapshot: Snapshot) -> None:
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()

    def built(self) -> None:
        self._builds += 1
        self._publish(Snapshot(self._snapshot.generation + 1, self._build_id(), None))

    def failed(self, problem: Problem) -> None:
        self._publish(Snapshot(self._snapshot.generation + 1, self._snapshot.build, problem))

    def current(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def wait(self, since: int | None, timeout: float) -> Snapshot:
        """The state once its generation differs from `since` (None: at once), or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._snapshot.generation != since, timeout)
            return self._snapshot

    def close(self) -> None:
        """Release every waiting request (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
