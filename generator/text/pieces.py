"""Several pieces of text converted in one call: a call to OpenCC costs more than its text.

OpenCC keeps newlines and never matches a phrase across one, so the pieces are joined by newlines,
converted together and cut apart again at the same newlines: each converts as if alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice


def convert_apart(convert: Callable[[str], str], pieces: Sequence[str]) -> list[str]:
    """Each of `pieces` converted on its own, with one call of `convert`."""
    lines = iter(convert("\n".join(pieces)).split("\n"))
    return ["\n".join(islice(lines, piece.count("\n") + 1)) for piece in pieces]
