"""URL-safe, readable, deterministic names for Chinese titles, tags, sections and headings.

A slug only ever contains `a-z`, `0-9` and single inner hyphens, so it can never climb out of the
output folder (`../x`, `a/b`, `/etc/passwd` all become plain names) and is a valid file name on every
system (Windows device names such as `con` get a suffix).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

from generator.text.cjk import HAN_RUN_RE

MAX_LENGTH = 100
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def _ascii_part(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM_RE.sub("-", ascii_text).strip("-")


PINYIN: dict[str, str] = {}  # Han runs already transliterated; the build keeps it between runs (`sources`)


def load_pinyin() -> Callable[[str], list[str]]:
    """pypinyin's transliteration: a quarter of a second to load, so only when a new name needs it
    (or before worker processes fork, so that they do not each load it)."""
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def _pinyin(han: str) -> str:
    known = PINYIN.get(han)
    if known is None:
        known = PINYIN[han] = "".join(load_pinyin()(han)).lower()
    return known


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


@functools.lru_cache(maxsize=1 << 16)  # the same tags, sections and headings come back on many pages
def slugify(text: str) -> str:
    """`半导体` -> `bandaoti`, `5G应用` -> `5g-yingyong`, `Wi-Fi 6` -> `wi-fi-6`.

    Han runs become toneless pinyin (one word per run); everything else is transliterated to ASCII.
    Text with nothing transliterable (emoji, say) gets a short hash, so the result is never empty.
    """
    if len(text) <= MAX_LENGTH and _SLUG_RE.fullmatch(text) and text not in _WINDOWS_DEVICES:
        return text  # already a slug (an article's front matter slug): what the steps below would give
    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    position = 0
    for match in HAN_RUN_RE.finditer(text):
        parts.append(_ascii_part(text[position : match.start()]))
        parts.append(_pinyin(match.group()))
        position = match.end()
    parts.append(_ascii_part(text[position:]))
    slug = "-".join(part for part in parts if part)
    slug = _NON_ALNUM_RE.sub("-", slug).strip("-")
    if len(slug) > MAX_LENGTH:  # shortened, with a hash of the whole so long names stay distinct
        cut = slug[: MAX_LENGTH - 7]
        slug = (cut[: cut.rfind("-")] if "-" in cut else cut) + "-" + short_hash(slug)
    if not slug:
        slug = "x-" + short_hash(text)
    if slug in _WINDOWS_DEVICES:
        slug += "-x"
    return slug


def allocate(names: Iterable[str], slug_of: Callable[[str], str] = slugify) -> dict[str, str]:
    """Unique slugs for distinct names, stable as names are added.

    Names sharing a slug (homophones such as 实验/试验, or `AI`/`ai`) keep it in code point order of
    the name for the first one; the others get a short hash of the name appended, which does not
    depend on what other names exist.
    """
    result: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        slug = slug_of(name)
        if slug in taken:
            slug = f"{slug}-{short_hash(name)}"
        taken.add(slug)
        result[name] = slug
    return result
