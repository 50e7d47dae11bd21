"""`bulletin ingest`: raw bulletins -> issue folders of Markdown articles."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from generator.errors import BulletinError


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="split raw bulletins into Markdown articles",
                                   description="Split raw PDF-extracted bulletins into one Markdown file per article.")
    parser.add_argument("raw", nargs="+", metavar="RAW", help="raw bulletin text file(s)")
    parser.add_argument("--out", default="content", help="content folder (default: content)")
    parser.add_argument("--date", help="issue date YYYY-MM-DD when the bulletin does not print it")
    parser.add_argument("--publication", help="publication name when the bulletin does not print it")
    parser.add_argument("--hints", help="YAML file of corrections (default: RAW's own <name>.hints.yml "
                                        "beside it, if there is one; see docs/guides/ingest-and-hints.md)")
    parser.add_argument("--dry-run", action="store_true", help="print the outline, write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite files edited since they were generated")
    parser.add_argument("--reslug", action="store_true",
                        help="give articles already in the issue folder the current slug rule's slug; the old "
                             "one stays as a page that redirects to the new (default: published slugs never change)")
    parser.set_defaults(handler=run)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BulletinError(f"--date must be YYYY-MM-DD, not “{value}”") from None


def run(args: argparse.Namespace) -> int:
    # Heavy imports (pypinyin's dictionaries) only when ingesting, not for every command.
    from generator.ingest.batch import plan_all, write_plan
    from generator.ingest.outline import outline

    started = time.perf_counter()
    content = Path(args.out)
    planned = plan_all([Path(raw) for raw in args.raw], content, issue_date=_parse_date(args.date),
                       publication=args.publication, hints_file=Path(args.hints) if args.hints else None,
                       reslug=args.reslug)
    for item in planned:
        plan = item.plan
        folder = content / plan.folder_name
        if item.hints_file:
            print(f"{plan.source_path}: using hints from {item.hints_file}")
        if args.dry_run:
            sys.stdout.write(outline(plan, str(folder)))
            continue
        report = write_plan(plan, content, force=args.force)
        print(f"{plan.source_path} -> {folder}/: {len(plan.segmented.sections)} sections, "
              f"{len(plan.articles)} articles ({len(report.written)} written, {len(report.unchanged)} unchanged, "
              f"{len(report.kept)} kept)")
        for line in report.lines():
            print(f"  {line}")
        for warning in plan.warnings:
            print(f"{plan.source_path}: warning: {warning}", file=sys.stderr)
    print(f"ingest finished in {time.perf_counter() - started:.2f} s")
    return 0
