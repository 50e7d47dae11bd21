"""What an editor should check in the `--dry-run` outline: decisions that may be wrong.

An ordered chain of small checks looks at every title-or-subheading decision; the first that has
a doubt raises it. Each warning says what was decided, what the alternative is, and the one line
to add to the bulletin's hints file to apply the alternative, so a wrong call costs the editor a
copy and a paste.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from generator.ingest.segment import Decision

# A weighed verdict this close to the line between title and subheading is a doubt: on the tune half,
# fitted leave-one-bulletin-out, wrong verdicts scored within ±2.5 and nine in ten within ±2.
UNSURE = 2.0
# A table cell's figure carries its unit (`2.63亿户`, `18.5%`, `9月全球减产约36万辆`) and the cell is short;
# a headline that sets numbers off with spaces (`超 8000 亿元`) prints them bare, and its clauses run longer.
FIGURE_CELL = re.compile(r"\d[\d.,]*\s*(?:%|％|[亿万千百]?[个家部台辆倍元户人项次套])")
CELL_CHARS = 12
ROW_FIGURES = 2  # cells with a figure in a row of a table


@dataclass(frozen=True)
class Doubt:
    why: str
    alternative: str  # "title", "subheading" or "body"


def doubt_unsure(decision: Decision) -> Doubt | None:
    if decision.reason == "evidence" and abs(decision.score) < UNSURE:
        return Doubt(f"the evidence is weak (score {decision.score:+.2f})",
                     "subheading" if decision.verdict == "title" else "title")
    return None


BRIEF_PARAGRAPHS = 2  # a brief runs one or two paragraphs
RESTATED = 0.6  # a lead that repeats this much of the heading's words restates a headline


def doubt_story_below(decision: Decision) -> Doubt | None:
    """A subheading over a short stretch of text that reads like a story of its own: a lead with a
    dateline (`8月14日，…`) or one that restates the heading, or a headline parallel with the
    article's title (a run of briefs)."""
    found = decision.evidence
    if (decision.verdict == "subheading" and found is not None and found.after <= BRIEF_PARAGRAPHS
            and (found.dateline or found.like_title > 0 or found.lead_echo >= RESTATED)):
        return Doubt("it reads like a brief of its own (a headline over a short news lead)", "title")
    return None


def doubt_under_heading(decision: Decision) -> Doubt | None:
    """A subheading right under another heading: a headline wrapped over two lines, or a table's
    header, as often as a title's first subheading."""
    if decision.verdict == "subheading" and decision.under_heading:
        return Doubt("it stands right under another heading (the rest of a wrapped headline, or a table's header?)",
                     "body")
    return None


def doubt_table_row(decision: Decision) -> Doubt | None:
    """Cells with figures apart by spaces (`丰田 9月全球减产约36万辆 减幅约40%`), taken as a heading for
    its place alone (under a banner, above a heading, unlisted by the contents): a table row."""
    cells = decision.heading.split()
    figures = [cell for cell in cells if len(cell) <= CELL_CHARS and FIGURE_CELL.search(cell)]
    if decision.reason != "evidence" and len(figures) >= ROW_FIGURES:
        return Doubt("it reads like a row of a table", "body")
    return None


def doubt_heading_below(decision: Decision) -> Doubt | None:
    """Two headings in a row are a title and its first subheading, or pieces of one thing."""
    if decision.reason == "a heading follows":
        return Doubt("another heading follows right under it", "body")
    return None


def doubt_merged_subtitle(decision: Decision) -> Doubt | None:
    if decision.verdict == "title" and re.search(r".——.", decision.heading):
        return Doubt("a subtitle (——…) may have been joined to it", "title")
    return None


Check = Callable[[Decision], Doubt | None]
CHECKS: list[Check] = [doubt_unsure, doubt_story_below, doubt_under_heading, doubt_table_row, doubt_heading_below, doubt_merged_subtitle]


def _hint(key: str, value) -> str:
    return f"{key}: " + yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10_000).strip()


def warning(decision: Decision, doubt: Doubt) -> str:
    taken = f"line {decision.line}: “{decision.heading}” taken as a {decision.verdict} ({decision.reason})"
    if doubt.alternative == "body":
        fix = f"if it is paragraph text, add to the hints file: {_hint('body', {'line': decision.line})}"
    elif doubt.alternative == "title" and decision.verdict == "subheading":
        fix = f"if it starts a new article, add to the hints file: {_hint('titles', decision.heading)}"
    elif doubt.alternative == "subheading":
        fix = f"if it belongs to the article before it, add to the hints file: {_hint('subheadings', decision.heading)}"
    else:
        fix = "if its subtitle is joined to it, split it in the article file"
    return f"{taken}, but {doubt.why}; {fix}"


def review(decisions: list[Decision], checks: list[Check] = CHECKS) -> list[str]:
    """One warning for every decision a check doubts, in the order of the bulletin."""
    warnings = []
    for decision in decisions:
        if decision.reason == "hint":
            continue
        doubt = next((found for check in checks if (found := check(decision)) is not None), None)
        if doubt is not None:
            warnings.append(warning(decision, doubt))
    return warnings
