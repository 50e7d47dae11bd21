"""Postings as text: non-negative integers in a variable number of base-64 digits, no separators.

A number is written as 5-bit groups, most significant first: every group but the last is a digit
from `MORE`, the last one from `LAST`. 0-31 take one character, up to 1,023 two, up to 32,767
three. The 64 characters need no escaping in a JavaScript string. search.js decodes the same way.

Encoding and decoding go through lookup tables, so that Python's C code does the work per number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_"
_TABLED = 32 * 32 * 32  # numbers below it are looked up, not computed
_NUMBER_RE = re.compile(f"[{re.escape(MORE)}]*[{LAST}]")


def _encode(number: int) -> str:
    text = LAST[number & 31]
    number >>= 5
    while number:
        text = MORE[number & 31] + text
        number >>= 5
    return text


_CODES = [_encode(number) for number in range(_TABLED)]
_VALUES = {code: number for number, code in enumerate(_CODES)}


def encode(numbers: Iterable[int]) -> str:
    """The numbers (each >= 0) as one string."""
    numbers = numbers if isinstance(numbers, list) else list(numbers)
    try:
        return "".join(map(_CODES.__getitem__, numbers))
    except IndexError:  # a number of 32,768 or more: rare, so computed only then
        return "".join(_CODES[number] if number < _TABLED else _encode(number) for number in numbers)


def _decode(code: str) -> int:
    number = 0
    for char in code[:-1]:
        number = number * 32 + MORE.index(char)
    return number * 32 + LAST.index(code[-1])


def decode(text: str) -> list[int]:
    """The numbers `encode` wrote."""
    codes = _NUMBER_RE.findall(text)
    try:
        return list(map(_VALUES.__getitem__, codes))
    except KeyError:
        return [_VALUES[code] if len(code) <= 3 else _decode(code) for code in codes]
