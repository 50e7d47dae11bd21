"""Run a build step on every core: forked worker processes that inherit the parent's state.

The workers are forked (Linux), so they start with everything the parent has loaded: the site model,
the compiled templates, the Markdown parser, the converters. A task is a function and its
arguments; only the arguments and results cross between processes, never the model. The parent
sets up what the workers need (`share`) before forking them.

Small jobs run in the calling process: forking costs more than it saves below `PARALLEL_MIN`
items. A worker ignores Ctrl-C (the parent stops the pool) and dies with its parent, so a killed
build leaves no process behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN = 400  # items (pages, articles): below this a single process is faster (see bench/RESULTS.md)
CHUNKS_PER_WORKER = 6  # enough to even out the work, few enough to keep each task's overhead small
_PR_SET_PDEATHSIG = 1

shared: dict[str, Any] = {}  # what the parent set up for the workers, inherited when they fork


def share(**values: Any) -> None:
    """Make `values` available to workers forked from now on (and to tasks run in this process)."""
    shared.clear()
    shared.update(values)


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
    in items), else here. Results come in the order of the parts."""
    if weight < PARALLEL_MIN or len(parts) < 2 or not can_fork():
        yield from map(task, parts)
        return
    yield from pool_map(task, parts, min(cores(), len(parts)))


class _Failed:
    """What a task raised in a worker, even an exception a pool does not pass on (KeyboardInterrupt)."""

    def __init__(self, error: BaseException):
        self.error = error


def _call(job: tuple[Callable[[Any], R], Any]) -> R | _Failed:
    task, argument = job
    try:
        return task(argument)
    except BaseException as error:  # noqa: BLE001 - raised again in the parent
        return _Failed(error)


def pool_map(task: Callable[[Any], R], arguments: Iterable[Any], workers: int) -> Iterator[R]:
    """`task(argument)` for each argument in `workers` forked processes, results in order."""
    gc.collect()
    gc.freeze()  # objects inherited from the parent stay untouched by the workers' collector: no copying
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # until a worker ignores Ctrl-C
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        gc.unfreeze()
    try:
        for result in pool.imap(_call, ((task, argument) for argument in arguments)):
            if isinstance(result, _Failed):
                raise result.error
            yield result
        pool.close()
    finally:
        pool.terminate()  # on an error or Ctrl-C: no worker outlives the step
        pool.join()
