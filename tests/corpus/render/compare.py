"""How close an emulated layout comes to a real extraction: line and page statistics side by side."""

from __future__ import annotations

from collections import Counter
from statistics import median

from .wrap import display_width


def _percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0


def statistics(text: str) -> dict[str, float]:
    """Content lines, pages (a page ends where a blank line is missing or a blank run begins, as
    in the double-spaced style), widths, and the share of lines with edge spaces."""
    lines = text.split("\n")
    content = [line for line in lines if line.strip()]
    gaps: Counter[int] = Counter()
    pages = [0]
    empty = 0
    seen = False
    for line in lines:
        if not line.strip():
            empty += line == ""
            continue
        if seen:
            gaps[empty] += 1
            if empty == 0 or empty >= 2:
                pages.append(0)
        pages[-1] += 1
        seen = True
        empty = 0
    widths = [display_width(line.strip()) for line in content]
    full_pages = [count for count in pages if count > 5]
    return {
        "content lines": len(content),
        "pages": len(full_pages),
        "lines per page (median)": median(full_pages) if full_pages else 0,
        "line width p10": _percentile(widths, 0.10),
        "line width p50": _percentile(widths, 0.50),
        "line width p85": _percentile(widths, 0.85),
        "line width max": max(widths, default=0),
        "share ending in a space": round(sum(line.endswith(" ") for line in content) / max(1, len(content)), 3),
        "share starting with a space": round(sum(line.startswith(" ") for line in content) / max(1, len(content)), 3),
        "share after one blank line": round(gaps[1] / max(1, sum(gaps.values())), 3),
        "share directly after a line": round(gaps[0] / max(1, sum(gaps.values())), 3),
        "space-only lines": sum(1 for line in lines if line and not line.strip()),
    }


def compare(real: str, rendered: str) -> str:
    left, right = statistics(real), statistics(rendered)
    rows = [f"{'':<30} {'real':>10} {'rendered':>10}"]
    rows += [f"{key:<30} {left[key]:>10} {right[key]:>10}" for key in left]
    return "\n".join(rows)
