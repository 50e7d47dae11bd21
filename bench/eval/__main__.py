"""Run the corpus scorers: `python -m bench.eval [NAME ...] [--split tune|heldout|all]`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import bench.eval  # noqa: E402

SCORERS = sorted(info.name for info in pkgutil.iter_modules(bench.eval.__path__) if not info.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"scorers to run (default: all of {', '.join(SCORERS)})")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all",
                        help="which half of the corpus to score (default: both, each reported apart)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(SCORERS))
    if unknown:
        parser.error(f"unknown scorer {', '.join(unknown)}; known: {', '.join(SCORERS)}")
    status = 0
    for name in args.names or SCORERS:
        status |= importlib.import_module(f"bench.eval.{name}").main(args.split)
    return status


if __name__ == "__main__":
    sys.exit(main())
