"""`bulletin ingest`: raw bulletins -> issue folders of Markdown articles."""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

from generator.errors import BulletinError

_ARTICLE_NAME = re.compile(r"^\d+-(.+)\.md$")
MAX_RAW_BYTES = 20 * 2**20  # a bulletin is a few hundred KB; anything this big is a mistake


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="split raw bulletins into Markdown articles",
                                   description="Split raw PDF-extracted bulletins into one Markdown file per article.")
    parser.add_argument("raw", nargs="+", metavar="RAW", help="raw bulletin text file(s)")
    parser.add_argument("--out", default="content", help="content folder (default: content)")
    parser.add_argument("--date", help="issue date YYYY-MM-DD when the bulletin does not print it")
    parser.add_argument("--publication", help="publication name when the bulletin does not print it")
    parser.add_argument("--hints", help="YAML file of corrections (see README, Hints)")
    parser.add_argument("--dry-run", action="store_true", help="print the outline, write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite files edited since they were generated")
    parser.set_defaults(handler=run)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BulletinError(f"--date must be YYYY-MM-DD, not “{value}”") from None


def _read(path: str) -> bytes:
    try:
        size = Path(path).stat().st_size
        if size > MAX_RAW_BYTES:
            raise BulletinError(f"is {size / 2**20:.1f} MB, more than one bulletin can be (limit "
                                f"{MAX_RAW_BYTES // 2**20} MB): split it into one file per issue", path)
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BulletinError("no such file", path) from None
    except IsADirectoryError:
        raise BulletinError("is a folder, not a raw bulletin file", path) from None
    except OSError as exc:
        raise BulletinError(f"cannot read: {exc.strerror or exc}", path) from None


def slugs_in_use(content: Path, except_folder: str) -> set[str]:
    """Slugs of articles in other issue folders (taken from their file names)."""
    taken: set[str] = set()
    if not content.is_dir():
        return taken
    for folder in content.iterdir():
        if folder.is_dir() and folder.name not in (except_folder, "raw") and not folder.name.startswith("."):
            for file in folder.glob("*.md"):
                match = _ARTICLE_NAME.match(file.name)
                if match:
                    taken.add(match.group(1))
    return taken


def run(args: argparse.Namespace) -> int:
    # Heavy imports (pypinyin's dictionaries) only when ingesting, not for every command.
    from generator.ingest.hints import Hints, load_hints
    from generator.ingest.outline import outline
    from generator.ingest.pipeline import Options, plan_ingest
    from generator.ingest.writer import write_issue
    from generator.taxonomy import load_taxonomy

    started = time.perf_counter()
    issue_date = _parse_date(args.date)
    if issue_date and len(args.raw) > 1:
        raise BulletinError("--date names one issue: ingest one raw file at a time with it")
    content = Path(args.out)
    taxonomy = load_taxonomy(content / "tags.yml")
    hints = load_hints(args.hints) if args.hints else Hints()

    plans = []
    for path in args.raw:
        guess = plan_ingest(_read(path), path, Options(issue_date, args.publication, hints, taxonomy))
        taken = slugs_in_use(content, guess.folder_name)
        for other in plans:
            if other.folder_name == guess.folder_name:
                raise BulletinError(f"same issue date {guess.issue_date} as {other.source_path}", path)
            taken |= {planned.slug for planned in other.articles}
        plans.append(plan_ingest(_read(path), path, Options(issue_date, args.publication, hints, taxonomy,
                                                             frozenset(taken))) if taken else guess)

    for plan in plans:
        folder = content / plan.folder_name
        if args.dry_run:
            sys.stdout.write(outline(plan, str(folder)))
            continue
        report = write_issue(folder, [plan.issue] + [planned.file for planned in plan.articles], force=args.force)
        print(f"{plan.source_path} -> {folder}/: {len(plan.segmented.sections)} sections, "
              f"{len(plan.articles)} articles ({len(report.written)} written, {len(report.unchanged)} unchanged, "
              f"{len(report.kept)} kept)")
        for line in report.lines():
            print(f"  {line}")
        for warning in plan.warnings:
            print(f"{plan.source_path}: warning: {warning}", file=sys.stderr)
    print(f"ingest finished in {time.perf_counter() - started:.2f} s")
    return 0
