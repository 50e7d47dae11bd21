"""Ingest a raw bulletin dropped into content/raw/ the way `bulletin ingest RAW` does, never forcing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.commands.ingest import slugs_in_use
from generator.ingest.pipeline import Options, plan_ingest
from generator.ingest.writer import write_issue
from generator.taxonomy import load_taxonomy

TAGS_FILE = "tags.yml"


def ingest_raw(raw: Path, content: Path) -> list[str]:
    """Write the issue folder of `raw` under `content` and say what happened, one line each.

    The writer keeps every file an editor changed or deleted (no force here, ever), so dropping a
    corrected raw file again only replaces what ingest itself wrote.
    """
    data = raw.read_bytes()
    options = Options(taxonomy=load_taxonomy(content / TAGS_FILE))
    plan = plan_ingest(data, str(raw), options)
    taken = slugs_in_use(content, plan.folder_name)
    if taken:  # slugs of other issues, known only once the plan names its own folder
        plan = plan_ingest(data, str(raw), replace(options, taken_slugs=frozenset(taken)))
    folder = content / plan.folder_name
    report = write_issue(folder, [plan.issue, *(planned.file for planned in plan.articles)])
    summary = (f"ingested {raw.name} -> {folder.name}/: {len(plan.articles)} articles ({len(report.written)} written, "
               f"{len(report.unchanged)} unchanged, {len(report.kept)} kept)")
    return [summary, *report.lines(), *(f"warning: {warning}" for warning in plan.warnings)]
