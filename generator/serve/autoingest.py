"""Ingest a raw bulletin dropped into content/raw/ the way `bulletin ingest RAW` does, never forcing."""

from __future__ import annotations

from pathlib import Path

from generator.ingest.batch import plan_all, write_plan


def ingest_raw(raw: Path, content: Path) -> list[str]:
    """Write the issue folder of `raw` under `content` and say what happened, one line each.

    The writer keeps every file an editor changed or deleted (no force here, ever), so dropping a
    corrected raw file again only replaces what ingest itself wrote. The raw file's own
    `<name>.hints.yml` applies, as it does for `bulletin ingest`.
    """
    [planned] = plan_all([raw], content)
    plan = planned.plan
    report = write_plan(plan, content)
    summary = (f"ingested {raw.name} -> {plan.folder_name}/: {len(plan.articles)} articles "
               f"({len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.kept)} kept)")
    return [summary, *report.lines(), *(f"warning: {warning}" for warning in plan.warnings)]
