"""The client-side search index, shipped as scripts so that it loads from file:// (no fetch).

Files, all under `search/`, each assigning into the global `BulletinSearchData`:

* `index.js`: the article list (path, title, section, date), newest first: a doc id is a position in it;
* `t<N>.js`: term postings, sharded by a hash of the term: CJK bigrams (`半导`, `导体`) and Latin or
  digit words (`5g`, `eda`), each mapped to delta-coded base-36 doc ids;
* `d<N>.js`: the plain text of `DOCS_PER_SHARD` consecutive docs, for exact matching and snippets.

A query loads the term shards it needs, intersects postings, then loads text only for the best
candidates. The number of term shards grows with the archive, so no single file gets large.
`themes/default/static/js/search.js` reads these files: keep `term_hash` and tokenising in step with it.
"""

from __future__ import annotations

import json
import operator
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat
from typing import Any

from generator.site import urls
from generator.site.model.objects import Article, Site
from generator.site.render.reads import Reads
from generator.site.render.targets import Target
from generator.site.render.theme import Theme
from generator.text.cjk import SEARCH_LETTERS, char_class
from generator.text.normalize import fold

DOCS_PER_SHARD = 50
SHARD_TARGET_BYTES = 256 * 1024
FOLDER = urls.SEARCH_FOLDER
INDEX = "search-index"  # the kind of the one target that makes every file under search/ (see `batch`)
_CJK = f"[{char_class(SEARCH_LETTERS)}]"  # search.js has the same class
_BIGRAM_RE = re.compile(f"(?=({_CJK}{_CJK}))")  # every overlapping pair of CJK characters
_WORD_RE = re.compile("[a-z0-9]+")


def term_hash(term: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (what JavaScript strings are made of)."""
    value = 0x811C9DC5
    data = term.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | (data[index + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def terms(text: str) -> set[str]:
    """Index terms of already folded text: CJK bigrams and Latin/digit words."""
    found = set(_BIGRAM_RE.findall(text))
    found.update(_WORD_RE.findall(text))
    return found


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
        if number == 0:
            return text


_SMALL_BASE36 = [_base36(number) for number in range(36 * 36)]


def _postings(ids: Sequence[int]) -> str:
    """Sorted doc ids as base-36 gaps: '0,3,1a'."""
    gaps = map(operator.sub, ids, [0, *ids])
    return ",".join(_SMALL_BASE36[gap] if gap < 1296 else _base36(gap) for gap in gaps)


def _script(name: str, value: object) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(window.BulletinSearchData=window.BulletinSearchData||{{}})[{json.dumps(name)}]={payload};\n".encode()


@dataclass
class SearchState:
    """What the index in the output folder was made from: with its files, enough to update it."""

    text_key: str  # of the edition's text transform
    docs: tuple[str, ...]  # article keys: a doc id is a position in it
    sources: tuple[str, ...]  # a digest of each doc's source file
    estimated: int  # size of all postings (see `_shard_count`)
    token: str = ""  # names the build that wrote the files (see `batch`)

    @classmethod
    def from_plain(cls, plain: dict) -> SearchState:
        """The state as kept in the cache (`dataclasses.asdict`)."""
        return cls(plain["text_key"], tuple(plain["docs"]), tuple(plain["sources"]), plain["estimated"], plain["token"])


def _unscript(data: bytes) -> Any:
    """The value a file made by `_script` assigns."""
    text = data.decode("utf-8")
    return json.loads(text[text.index("]=") + 2 : text.rindex(";")])


def _decode(postings: str) -> list[int]:
    return list(accumulate(int(gap, 36) for gap in postings.split(","))) if postings else []


def _doc_text(article: Article) -> str:
    return f"{article.subtitle}\n{article.body.text}" if article.subtitle else article.body.text


def _doc_terms(title: str, text: str) -> set[str]:
    return terms(fold(f"{title}\n{text}"))


def _size(term: str, postings: str) -> int:
    return len(term.encode()) + len(postings) + 6


def _shard_count(estimated: int) -> int:
    count = 1
    while count * SHARD_TARGET_BYTES < estimated:
        count *= 2
    return count


def _meta(site: Site, count: int) -> bytes:
    sections = {section.slug: index for index, section in enumerate(site.sections)}
    return _script("meta", {
        "version": 1,
        "termShards": count,
        "docsPerShard": DOCS_PER_SHARD,
        "sections": [section.name for section in site.sections],
        "docs": [[a.path, a.title, sections[a.section.slug], a.date.isoformat()] for a in site.articles],
    })


def _doc_shard(docs: list[Article], number: int) -> bytes:
    return _script(f"d{number}", [_doc_text(a) for a in docs[number * DOCS_PER_SHARD : (number + 1) * DOCS_PER_SHARD]])


def _anew(site: Site, state: SearchState) -> dict[str, bytes | None]:
    """Every file of the index, made from the articles."""
    docs = site.articles
    postings: defaultdict[str, array[int]] = defaultdict(lambda: array("i"))  # 4 bytes a posting, millions of them
    for doc_id, article in enumerate(docs):
        # postings[term].append(doc_id) for every term, looped in C
        deque(map(array.append, map(postings.__getitem__, _doc_terms(article.title, _doc_text(article))), repeat(doc_id)), maxlen=0)
    encoded = {term: _postings(ids) for term, ids in postings.items()}
    state.estimated = sum(_size(term, value) for term, value in encoded.items())
    count = _shard_count(state.estimated)
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for term in sorted(encoded):
        shards[term_hash(term) % count][term] = encoded[term]
    files: dict[str, bytes | None] = {"index.js": _meta(site, count)}
    files.update((f"t{number}.js", _script(f"t{number}", shard)) for number, shard in enumerate(shards))
    files.update((f"d{number}.js", _doc_shard(docs, number)) for number in range(-(-len(docs) // DOCS_PER_SHARD)))
    return files


def _changed(site: Site, state: SearchState, changed: list[int], old: Callable[[str], bytes]) -> dict[str, bytes | None] | None:
    """The files of the index with only the docs `changed` made again (None where a file stays the
    same), from the last index's files (`old(name)`); None if the index needs more shards."""
    docs = site.articles
    meta = _unscript(old("index.js"))
    count = meta["termShards"]
    old_texts: dict[int, str] = {}
    for number in sorted({doc_id // DOCS_PER_SHARD for doc_id in changed}):
        old_texts.update(enumerate(_unscript(old(f"d{number}.js")), number * DOCS_PER_SHARD))
    edits: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))  # term -> (docs out, docs in)
    for doc_id in changed:
        before, after = _doc_terms(meta["docs"][doc_id][1], old_texts[doc_id]), _doc_terms(docs[doc_id].title, _doc_text(docs[doc_id]))
        for term in before - after:
            edits[term][0].add(doc_id)
        for term in after - before:
            edits[term][1].add(doc_id)
    shards: dict[int, dict[str, str]] = {}
    for term, (out, into) in edits.items():
        number = term_hash(term) % count
        if number not in shards:
            shards[number] = _unscript(old(f"t{number}.js"))
        postings = shards[number]
        ids = sorted((set(_decode(postings.get(term, ""))) - out) | into)
        state.estimated -= _size(term, postings[term]) if term in postings else 0
        if ids:
            postings[term] = _postings(ids)
            state.estimated += _size(term, postings[term])
        else:
            del postings[term]
    if _shard_count(state.estimated) != count:
        return None
    files: dict[str, bytes | None] = dict.fromkeys([f"t{number}.js" for number in range(count)])
    files.update((f"t{number}.js", _script(f"t{number}", dict(sorted(shard.items())))) for number, shard in shards.items())
    index = _meta(site, count)
    files["index.js"] = index if index != old("index.js") else None
    dirty = {doc_id // DOCS_PER_SHARD for doc_id in changed}
    files.update((f"d{number}.js", _doc_shard(docs, number) if number in dirty else None) for number in range(-(-len(docs) // DOCS_PER_SHARD)))
    return files


def update(site: Site, sources: Mapping[str, str], previous: SearchState | None,
           old: Callable[[str], bytes]) -> tuple[dict[str, bytes | None], SearchState]:
    """Every file of the search index, None for those as they are in the last index of the edition,
    and the state of this one. `previous` is the state of the last index and `old(name)` reads its
    files; `sources[key]` is a digest of each article's file.

    With the same articles in the same order, only the changed articles are indexed again and only
    the files they touch are made; otherwise the index is made anew."""
    docs = site.articles
    state = SearchState(site.edition.text_key, tuple(a.key for a in docs), tuple(sources[a.key] for a in docs), 0)
    if previous is not None and previous.text_key == state.text_key and previous.docs == state.docs:
        state.estimated = previous.estimated
        files = _changed(site, state, [i for i, (new, was) in enumerate(zip(state.sources, previous.sources)) if new != was], old)
        if files is not None:
            return files, state
    return _anew(site, state), state


def plan(site: Site, theme: Theme) -> list[Target]:
    return [Target(FOLDER, INDEX)]


def note_reads(site: Site, reads: Reads) -> None:
    """What a search index is made from: every article, and the names of the sections."""
    reads.full.add(site)
    reads.full.update(site.articles)
    reads.card.update(site.sections)
