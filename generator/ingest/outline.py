"""The `--dry-run` outline: what ingest found and would write, for an editor to review."""

from __future__ import annotations

from generator.ingest.pipeline import Plan


def outline(plan: Plan, folder: str) -> str:
    source = plan.source
    style = "double-spaced" if source.double_spaced else "plain"
    cues = [name for name, on in (("trailing spaces", source.trailing_cue), ("indents", source.indent_cue)) if on]
    out = [
        f"{plan.source_path} -> {folder}/",
        f"  publication: {plan.publication or '(unknown)'}   date: {plan.issue_date}   "
        f"number: {plan.number if plan.number is not None else '-'}",
        f"  layout: {style}, {source.page_count} pages, paragraph cues: {', '.join(cues) or 'line widths'}",
        f"  {len(plan.segmented.sections)} sections, {len(plan.articles)} articles",
        "",
        f"Removed boilerplate ({len(plan.furniture)} lines):",
    ]
    out += [f"  line {item.line.number:>5}  {item.reason:<25} {item.line.text}" for item in plan.furniture]
    section = part = object()
    for planned in plan.articles:
        article = planned.article
        if article.section != section:
            section = article.section
            part = None
            out += ["", f"[{section or '(no section)'}]"]
        if article.part != part:
            part = article.part
            if part:
                out.append(f"  · {part} ·")
        paragraphs = len(article.paragraphs)
        out.append(f"  {planned.order:>2}. {article.title}   ({paragraphs} paragraph{'s' if paragraphs != 1 else ''}, "
                   f"lines {article.first_line}-{article.last_line})  -> {planned.file.name}")
        if article.subtitle:
            out.append(f"      {article.subtitle}")
        out += [f"      ## {item.text}" for item in article.subheadings]
        out.append(f"      tags: {', '.join(planned.tags) or '-'}")
    out += ["", f"Warnings ({len(plan.warnings)}):"] + [f"  {warning}" for warning in plan.warnings]
    return "\n".join(out) + "\n"
