"""Line breaking as a word processor does it for Chinese text set in a fixed column.

Widths are in ems: an ideograph or full-width mark takes one em, Latin letters and digits about half
(proportional fonts), so a line with Latin in it holds more characters and prints wider in the
extracted text, as real extractions do. Latin words and numbers are never broken (unless longer
than a line), a line never starts with a closing mark and never ends with an opening one
(kinsoku): the closing mark hangs at the end of the line instead.
"""

from __future__ import annotations

import re
import unicodedata

NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·%,.;:?!)]")
NO_LINE_END = set("（《「『【〔“‘([")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%+\-/_'&]*|\s+|.", re.S)


def em_width(text: str) -> float:
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif ch == " ":
            width += 0.3
        elif ch.isupper() or ch in "mwMW%":
            width += 0.65
        else:
            width += 0.52
    return width


def wrap(text: str, line_em: float, indent_em: float = 0.0) -> list[str]:
    """Break `text` into lines of at most `line_em` ems (a hanging closing mark may exceed it); the
    first line is indented by `indent_em`, which the extraction does not keep."""
    lines: list[str] = []
    line = ""
    used = indent_em
    for token in _TOKEN.findall(text):
        width = em_width(token)
        if token.isspace():
            if line:
                line += " "
                used += width
            continue
        if used + width > line_em and line.strip():
            if token[0] in NO_LINE_START and len(token) == 1:
                line += token  # hangs in the margin
                used += width
                continue
            if len(token) > 1 and width > line_em:  # a Latin run longer than a line: break inside it
                for ch in token:
                    if used + em_width(ch) > line_em:
                        lines.append(line.rstrip())
                        line, used = "", 0.0
                    line += ch
                    used += em_width(ch)
                continue
            carried = ""
            while line and line[-1] in NO_LINE_END:  # an opening mark moves down with its word
                carried = line[-1] + carried
                line = line[:-1]
            lines.append(line.rstrip())
            line, used = carried, em_width(carried)
        line += token
        used += width
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/&]*(?: [A-Za-z0-9][A-Za-z0-9.%+\-/&]*)*")


def space_latin(headline: str) -> str:
    """Headline typography of some publications: Latin words and numbers set off by spaces from
    the Chinese around them (`湖北建成 3.6 万个 5G 基站`)."""
    def spaced(match: re.Match[str]) -> str:
        before = headline[match.start() - 1] if match.start() else ""
        after = headline[match.end()] if match.end() < len(headline) else ""
        left = " " if before and unicodedata.east_asian_width(before) in ("W",) and before not in "“《（：" else ""
        right = " " if after and unicodedata.east_asian_width(after) in ("W",) and after not in "”》），：、？！" else ""
        return left + match.group(0) + right

    return _LATIN_RUN.sub(spaced, headline)
