"""Run a build step on every core: forked worker processes that inherit the parent's state.

The workers are forked (Linux), so they start with everything the parent has loaded: the site model,
the compiled templates, the Markdown parser, the converters. A step is a task and its parts; only
the parts and the results cross between processes, never the model: a task may be any callable, a
`functools.partial` holding what it works with (forking copies it, nothing is pickled). The parent
works on the parts too: one process per core.

Small jobs run in the calling process: forking costs more than it saves below `PARALLEL_MIN`
items. A worker ignores Ctrl-C (the parent stops it) and dies with its parent, so a killed build
leaves no process behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN = 400  # items (pages, articles): below this a single process is faster (see bench/RESULTS.md)
CHUNKS_PER_WORKER = 6  # enough to even out the work, few enough to keep each task's overhead small
_PR_SET_PDEATHSIG = 1

def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and cores() > 1


def _worker_start() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers so (`bulletin serve` maps it to Ctrl-C)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        ctypes.CDLL(libc_name).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the parent, even on kill -9


def chunks(items: Sequence[T]) -> list[Sequence[T]]:
    """`items` cut into consecutive runs, a few per core (neighbours share cached fragments)."""
    size = max(1, -(-len(items) // (cores() * CHUNKS_PER_WORKER)))
    return [items[start : start + size] for start in range(0, len(items), size)]


def run(task: Callable[[Sequence[T]], R], parts: list[Sequence[T]], weight: int) -> Iterator[R]:
    """`task(part)` for each of `parts`, in worker processes when there is enough work (`weight`,
    in items), else here. Results come in no particular order."""
    if weight < PARALLEL_MIN or len(parts) < 2 or not can_fork():
        yield from map(task, parts)
        return
    yield from pool_map(task, parts, min(cores(), len(parts)))


class _Failed:
    """What a task raised in a worker, to be raised again in the parent."""

    def __init__(self, error: BaseException):
        self.error = error


def _call(task: Callable[[Any], R], argument: Any) -> R | _Failed:
    try:
        return task(argument)
    except BaseException as error:  # noqa: BLE001 - raised again in the parent
        return _Failed(error)


class _Counter:
    """The next part to take, shared by the processes of one step."""

    def __init__(self, parts: int):
        self.parts = parts
        self._next = multiprocessing.get_context("fork").Value("i", 0)

    def __iter__(self) -> Iterator[int]:
        while True:
            with self._next.get_lock():
                index = self._next.value
                self._next.value += 1
            if index >= self.parts:
                return
            yield index


class _Child:
    """A forked worker: takes parts until none is left, then sends back its results."""

    def __init__(self, task: Callable[[Any], R], parts: Sequence[Any], counter: _Counter):
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the worker: never returns
            status = 1
            try:
                os.close(read)
                _worker_start()
                results = [(index, _call(task, parts[index])) for index in counter]
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(results, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.pipe = os.fdopen(read, "rb")

    def results(self) -> list[tuple[int, Any]]:
        try:
            results = pickle.load(self.pipe)
        except (EOFError, pickle.UnpicklingError):
            raise RuntimeError("a build worker process died (out of memory?)") from None
        self.stop()
        return results

    def stop(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)  # gone already when it sent its results: harmless
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = 0
        self.pipe.close()


def pool_map(task: Callable[[Any], R], parts: Sequence[Any], processes: int) -> Iterator[R]:
    """`task(part)` for every part, by this process and `processes - 1` forked ones, each taking the
    next part as soon as it is free. Results in no particular order: this process's first.

    This process works too (it would only wait): one process fewer holding a copy of the model,
    which counts in memory use."""
    counter = _Counter(len(parts))
    gc.collect()
    gc.freeze()  # objects inherited from the parent stay untouched by the workers' collector: no copying
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # until a worker ignores Ctrl-C
    children: list[_Child] = []
    try:
        children = [_Child(task, parts, counter) for _ in range(processes - 1)]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        gc.unfreeze()
    try:
        for index in counter:
            yield task(parts[index])
        for child in children:
            for _, result in child.results():
                if isinstance(result, _Failed):
                    raise result.error
                yield result
    finally:
        for child in children:  # on an error or Ctrl-C: no worker outlives the step
            child.stop()
