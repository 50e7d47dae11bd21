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
import weakref
from dataclasses import dataclass

from generator.site import urls
from generator.site.model import Site
from generator.site.text import fold

DOCS_PER_SHARD = 50
SHARD_TARGET_BYTES = 256 * 1024
FOLDER = urls.SEARCH_FOLDER
_CJK_RUN_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]{2,}")
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
    found = set(_WORD_RE.findall(text))
    for run in _CJK_RUN_RE.findall(text):
        found.update(map(operator.add, run, run[1:]))
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


def _postings(ids: list[int]) -> str:
    """Sorted doc ids as base-36 gaps: '0,3,1a'."""
    gaps = map(operator.sub, ids, [0, *ids])
    return ",".join(_SMALL_BASE36[gap] if gap < 1296 else _base36(gap) for gap in gaps)


def _script(name: str, value: object) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(window.BulletinSearchData=window.BulletinSearchData||{{}})[{json.dumps(name)}]={payload};\n".encode()


@dataclass(frozen=True)
class SearchIndex:
    files: dict[str, bytes]  # file name under search/ -> content

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.files.values())


def build_index(site: Site) -> SearchIndex:
    docs = site.articles
    sections = {section.slug: index for index, section in enumerate(site.sections)}
    texts = [f"{article.subtitle}\n{article.body.text}" if article.subtitle else article.body.text for article in docs]
    postings: dict[str, list[int]] = {}
    for doc_id, (article, text) in enumerate(zip(docs, texts)):
        for term in terms(fold(f"{article.title}\n{text}")):
            postings.setdefault(term, []).append(doc_id)
    encoded = {term: _postings(ids) for term, ids in postings.items()}
    estimated = sum(len(term.encode()) + len(value) + 6 for term, value in encoded.items())
    shard_count = 1
    while shard_count * SHARD_TARGET_BYTES < estimated:
        shard_count *= 2
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for term in sorted(encoded):
        shards[term_hash(term) % shard_count][term] = encoded[term]

    meta = {
        "version": 1,
        "termShards": shard_count,
        "docsPerShard": DOCS_PER_SHARD,
        "sections": [section.name for section in site.sections],
        "docs": [[a.path, a.title, sections[a.section.slug], a.date.isoformat()] for a in docs],
    }
    files = {"index.js": _script("meta", meta)}
    for number, shard in enumerate(shards):
        files[f"t{number}.js"] = _script(f"t{number}", shard)
    for start in range(0, len(texts), DOCS_PER_SHARD):
        number = start // DOCS_PER_SHARD
        files[f"d{number}.js"] = _script(f"d{number}", texts[start : start + DOCS_PER_SHARD])
    return SearchIndex(files)


_built: weakref.WeakKeyDictionary[Site, SearchIndex] = weakref.WeakKeyDictionary()


def index_for(site: Site) -> SearchIndex:
    """The search index of `site`, built once per model."""
    if site not in _built:
        _built[site] = build_index(site)
    return _built[site]


def files(site: Site) -> list[tuple[str, str]]:
    """(output path, file name) of every search index file."""
    return [(FOLDER + name, name) for name in index_for(site).files]

