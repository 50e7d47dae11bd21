"""Run one command and measure its wall time and the peak memory of its process tree.

Peak memory is the larger of two figures: the tree's summed resident set sampled from /proc while it
runs (catches parallel workers alive at the same time), and the largest single process's max RSS as
the kernel reports it for this child alone through wait4 (catches short spikes between samples).
wait4 gives the figure for this one child, unlike getrusage(RUSAGE_CHILDREN), whose maximum is
cumulative over every child the harness has ever waited for.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_EVERY = 0.05  # seconds


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree
    peak_bytes: int
    returncode: int
    output_tail: str  # the last lines of stdout and stderr, for error messages

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class CommandFailed(Exception):
    def __init__(self, command: Sequence[str], run: Run):
        super().__init__(f"{' '.join(map(str, command))} exited {run.returncode}: {run.output_tail}")
        self.run = run


def _tree_rss(root: int) -> int:
    """Summed resident set of `root` and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except OSError:
            pass
    return total


def run(command: Sequence[str | Path], cwd: Path) -> Run:
    """Run `command` to completion in `cwd`; never raises for a non-zero exit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    done = threading.Event()
    sampled = [0]

    def sample() -> None:
        while not done.wait(SAMPLE_EVERY):
            sampled[0] = max(sampled[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.join()
    reader.join()
    process.stdout.close()
    tail = b"".join(output).decode("utf-8", "replace").strip().splitlines()[-5:]
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, max(sampled[0], usage.ru_maxrss * 1024), process.returncode, " | ".join(tail))


def checked(command: Sequence[str | Path], cwd: Path) -> Run:
    result = run(command, cwd)
    if not result.ok:
        raise CommandFailed(command, result)
    return result


def best_of(
    repeats: int,
    prepare: Callable[[], None],
    command: Sequence[str | Path],
    cwd: Path,
) -> Run:
    """Call `prepare` then run `command`, `repeats` times; the fastest run, with the highest peak memory
    of them all."""
    runs = []
    for _ in range(repeats):
        prepare()
        runs.append(checked(command, cwd))
    fastest = min(runs, key=lambda each: each.seconds)
    peak = max(each.peak_bytes for each in runs)
    return Run(fastest.seconds, fastest.cpu_seconds, peak, 0, fastest.output_tail)


def figure(run: Run, output: Path | None = None) -> dict:
    """A measurement as stored in the results: wall and CPU seconds, peak memory and how many files are
    in `output`."""
    result = {"seconds": run.seconds, "cpu_seconds": run.cpu_seconds, "peak_bytes": run.peak_bytes}
    if output is not None:
        result["files"] = sum(len(files) for _, _, files in os.walk(output))
    return result
