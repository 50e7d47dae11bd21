"""`bulletin check`: validate content/ and print every problem with its file and line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate content for editors and CI",
                                   description="Check content/ and print every problem with file and line.")
    parser.add_argument("--config", type=Path, help="site configuration (default: site.yml)")
    parser.add_argument("--content", type=Path, help="content folder (default: content/ beside site.yml)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from generator.check import check_project  # heavy imports only when checking

    report = check_project(args.config, args.content)
    if args.format == "json":
        print(json.dumps({"articles": report.articles, "problems": [p.as_dict() for p in report.problems]},
                         ensure_ascii=False, indent=1))
    else:
        for problem in report.problems:
            print(problem)
        files = len({p.path for p in report.problems})
        print(f"{report.articles} articles checked: " + (
            f"{len(report.problems)} problems in {files} files" if report.problems else "no problems"))
    return 0 if report.ok else 1
