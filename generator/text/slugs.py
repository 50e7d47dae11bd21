"""Slugs: URL-safe, readable, deterministic names for Chinese titles, tags, sections and headings.

One transliteration serves ingest and build: Han runs become toneless pinyin, anything else is
transliterated to ASCII (`café` -> `cafe`, full-width `ＥＤＡ` -> `eda`). A slug only ever contains
`a-z`, `0-9` and single inner hyphens, so it can never climb out of the output folder (`../x`, `a/b`,
`/etc/passwd` all become plain names) and is a valid file name on every system (Windows device names
such as `con` get a suffix).

`slugify` names tags, sections, issues and headings: one word per Han run (`数据安全` -> `shujuanquan`),
at most `MAX_LENGTH` characters. `title_slug` names an article when ingest writes it: the title cut
into words by the segmenter (`工信部等三部门召开` -> `gongxinbu-deng-sanbumen-zhaokai`), the leading
ones that fit `TITLE_LENGTH`; what it gives is a slug `slugify` keeps as it is. The segmenter knows
the taxonomy's keywords once a tagger is made (ingest makes one first), so they come out whole.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping

from generator.text.cjk import HAN_RUN_RE

MAX_LENGTH = 100
TITLE_LENGTH = 40
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_WORD_BREAK_RE = re.compile(r"[\W_]+")  # any punctuation or space, full-width ones too
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def _ascii_part(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM_RE.sub("-", ascii_text).strip("-")


def is_slug(text: str) -> bool:
    """Whether `text` is a slug as it is: what `slugify` leaves unchanged."""
    return len(text) <= MAX_LENGTH and _SLUG_RE.fullmatch(text) is not None and text not in _WINDOWS_DEVICES


def load_pinyin() -> Callable[[str], list[str]]:
    """pypinyin's transliteration: a quarter of a second to load, so only when a new name needs it
    (or before worker processes fork, so that they do not each load it)."""
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _pieces(text: str) -> Iterator[tuple[bool, str]]:
    """`(is Han, text)` for the Han runs of `text` (NFKC-normalised) and the stretches between them."""
    text = unicodedata.normalize("NFKC", text)
    position = 0
    for match in HAN_RUN_RE.finditer(text):
        yield False, text[position : match.start()]
        yield True, match.group()
        position = match.end()
    yield False, text[position:]


_NUMERALS = frozenset("零一二两三四五六七八九十百千万亿")


def _words(run: str) -> list[str]:
    """A Han run cut into words by the segmenter taught the taxonomy's keywords (`generator.text.words`), long ones into the words
    they are made of, a lone numeral joined to the word after it: `工信部等三部门` -> 工信部, 等, 三部门;
    `人工智能` -> 人工, 智能."""
    from generator.text.words import keyword_tokens, parts

    found: list[str] = []
    numeral = ""
    for word in (part for token in keyword_tokens(run) for part in parts(token)):
        if len(word) == 1 and word in _NUMERALS:
            numeral += word
            continue
        found.append(numeral + word)
        numeral = ""
    return found + ([numeral] if numeral else [])


class Slugger:
    """Makes slugs, remembering the pinyin of every Han run it met: a build hands on what it learned
    (`known`) to the next, so that a build meeting no new name never loads pypinyin."""

    def __init__(self, known: Mapping[str, str] | None = None):
        self.pinyin: dict[str, str] = dict(known or {})  # Han run -> its pinyin, one word
        # the same tags, sections and headings come back on many pages
        self.slugify: Callable[[str], str] = functools.lru_cache(maxsize=1 << 16)(self._slugify)

    def _pinyin(self, han: str) -> str:
        known = self.pinyin.get(han)
        if known is None:
            known = self.pinyin[han] = "".join(load_pinyin()(han)).lower()
        return known

    def _slugify(self, text: str) -> str:
        """`半导体` -> `bandaoti`, `5G应用` -> `5g-yingyong`, `Wi-Fi 6` -> `wi-fi-6`.

        Text with nothing transliterable (emoji, say) gets a short hash, so the result is never empty.
        """
        if is_slug(text):
            return text  # already a slug (an article's front matter slug): what the steps below would give
        parts = [self._pinyin(piece) if is_han else _ascii_part(piece) for is_han, piece in _pieces(text)]
        slug = "-".join(part for part in parts if part)
        slug = _NON_ALNUM_RE.sub("-", slug).strip("-")
        if len(slug) > MAX_LENGTH:  # shortened, with a hash of the whole so long names stay distinct
            cut = slug[: MAX_LENGTH - 7]
            slug = (cut[: cut.rfind("-")] if "-" in cut else cut) + "-" + short_hash(slug)
        if not slug:
            slug = "x-" + short_hash(unicodedata.normalize("NFKC", text))
        if slug in _WINDOWS_DEVICES:
            slug += "-x"
        return slug

    def title_slug(self, title: str, max_length: int = TITLE_LENGTH) -> str:
        """An article's slug: the pinyin of its title's words, as many leading ones as fit `max_length`.

        `工信部加强数据信息分析` -> `gongxinbu-jiaqiang-shuju-xinxi-fenxi`; 'article' when nothing is left.
        """
        words: list[str] = []
        for is_han, piece in _pieces(title):
            if is_han:
                words += (_NON_ALNUM_RE.sub("", "".join(load_pinyin()(word))) for word in _words(piece))
            else:
                words += (part for word in _WORD_BREAK_RE.split(piece) for part in _ascii_part(word).split("-"))
        slug = ""
        for word in filter(None, words):
            candidate = f"{slug}-{word}" if slug else word
            if len(candidate) > max_length:
                slug = slug or word[:max_length]
                break
            slug = candidate
        return self.slugify(slug) if slug else "article"


_default = Slugger()
slugify = _default.slugify  # for one-off names; the build keeps a `Slugger` of its own
title_slug = _default.title_slug


def allocate(names: Iterable[str], slug_of: Callable[[str], str] = slugify, reserved: frozenset[str] = frozenset()) -> dict[str, str]:
    """Unique slugs for distinct names, none of them `reserved`, stable as names are added.

    Names sharing a slug (homophones such as 实验/试验, or `AI`/`ai`) keep it in code point order of
    the name for the first one; the others get a short hash of the name appended, which does not
    depend on what other names exist. A name's own slug wins over another's slug with a hash (`A-86f7e4`
    keeps its slug, `a` after `A` gets a longer hash), so every slug is distinct whatever the names.
    """
    result: dict[str, str] = {}
    taken: set[str] = set(reserved)
    later = []
    for name in sorted(set(names)):
        slug = slug_of(name)
        if slug in taken:
            later.append((name, slug))
        else:
            taken.add(slug)
            result[name] = slug
    for name, slug in later:
        result[name] = _suffixed(name, slug, taken)
        taken.add(result[name])
    return dict(sorted(result.items()))


def _suffixed(name: str, slug: str, taken: set[str]) -> str:
    """`slug` with the shortest prefix (six digits at least) of the name's hash that makes it free."""
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(6, len(digest), 2):
        candidate = f"{slug}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    return numbered(f"{slug}-{digest}", taken)


def numbered(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… the first not in `taken`: ingest's file names, readable in a folder
    listing (the build's `allocate` appends a hash instead, which other names never change)."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
