"""The client-side search index, shipped as scripts so that it loads from file:// (no fetch).

Files, all under `search/`, each assigning into the global `BulletinSearchData`:

* `index.js` (`meta`): how many articles and term shards, the large terms with their sizes, the
  section and tag names with their pages, the character folding a query needs
  (`generator.text.scripts`), and where the editions' vocabularies are;
* `words.js` (`words`), in an edition that converts the text: the words it writes in its own way
  (数据 -> 資料), which a query is also tried as, in every edition;
* `t<N>.js`: the terms (`terms`) whose hash is N modulo the shard count, each with its postings
  (`postings`): `"docs"` for a character, `"docs positions"` for a pair or a word, or
  `[file, docs size, positions size]` when they are larger than `LARGE`;
* `x<hash>.js`, `x<hash>p.js`: the docs and the positions of one large term;
* `d<id>.js`: one article (path, title, section, date, text, and its issue's path, date and
  publication), loaded for the results shown.

A doc id is a position in the article list, newest first. search.js reads all this: keep
`term_hash`, `terms` and `postings` in step with it.

An edit changes only the postings of the terms whose occurrences in the edited articles changed:
the build reads them back from the last index (`_changed`) and links every other file as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from generator.site import urls
from generator.site.editions.convert import Converter
from generator.site.editions.edition import folder_prefix
from generator.site.model.objects import Article, Site
from generator.site.render.reads import Reads
from generator.site.render.search import gather, postings
from generator.site.render.search.terms import CJK, TITLE_ZONE, characters, parts
from generator.site.render.targets import Target
from generator.site.render.theme import Theme
from generator.text.scripts import search_fold, simplified_table, vocabulary

FOLDER = urls.SEARCH_FOLDER
INDEX = "search-index"  # the kind of the one target that makes every file under search/ (see `batch`)
VERSION = 3
LARGE = 2048  # bytes of postings above which a term gets files of its own
SHARD_TARGET = 12 * 1024  # bytes of postings a term shard holds at most, on average

_UNITS_RE = re.compile(f"[a-z0-9{CJK}]+")
Entry = str | list  # a term's entry in its shard: "docs[ positions]", or [file, docs size, positions size]


def term_hash(term: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (what JavaScript strings are made of)."""
    value = 0x811C9DC5
    data = term.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | (data[index + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def _script(name: str, value: object) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(window.BulletinSearchData=window.BulletinSearchData||{{}})[{json.dumps(name)}]={payload};\n".encode()


def _unscript(data: bytes) -> Any:
    """The value a file made by `_script` assigns."""
    text = data.decode("utf-8")
    return json.loads(text[text.index("]=") + 2 : text.rindex(";")])


@dataclass
class SearchState:
    """What the index in the output folder was made from: with its files, enough to update it."""

    text_key: str  # of the edition's text transform
    docs: tuple[str, ...]  # article keys: a doc id is a position in it
    sources: tuple[str, ...]  # a digest of each doc's source file
    sections: tuple[str, ...] = ()  # the section names, in order: a doc's file names its section by its place here
    shards: int = 0  # how many term shards
    inline: int = 0  # bytes of postings held in term shards (their count follows from it)
    large: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # large term -> its files' name, docs and positions sizes
    chars: set[str] = field(default_factory=set)  # the CJK characters some article holds
    words: set[str] = field(default_factory=set)  # of `_shown_words`, those all of whose terms the index holds
    token: str = ""  # names the build that wrote the files (see `batch`)

    @classmethod
    def from_plain(cls, plain: dict) -> SearchState:
        """The state as kept in the cache (`dataclasses.asdict`, sets as lists)."""
        return cls(plain["text_key"], tuple(plain["docs"]), tuple(plain["sources"]), tuple(plain["sections"]),
                   plain["shards"], plain["inline"], {term: tuple(sizes) for term, sizes in plain["large"].items()},
                   set(plain["chars"]), set(plain["words"]), plain["token"])


def _is_char(term: str) -> bool:
    """Whether a term is a CJK character (postings without positions), not a pair or a word."""
    return len(term) == 1 and _UNITS_RE.match(term) is not None and not term.isascii()


def _doc_text(article: Article) -> str:
    return f"{article.subtitle}\n{article.body.text}" if article.subtitle else article.body.text


def _indexed(article: Article) -> tuple[str, str]:
    """What is indexed of an article, as its file in the index holds it: title and text."""
    return article.title, _doc_text(article)


def _entry_size(docs: str, positions: str) -> int:
    """The length of a term's postings as its shard holds them inline."""
    return len(docs) + len(positions) + 1 if positions else len(docs)


def _shard_count(inline: int) -> int:
    count = 1
    while count * SHARD_TARGET < inline:
        count *= 2
    return count


class _Terms:
    """The term shards and large-term files of an index being made or edited, and what it tracks of them."""

    def __init__(self, state: SearchState, read: Callable[[str], bytes] | None = None):
        self.state = state
        self.read = read  # a file of the last index, for an edit
        self.shards: dict[int, dict[str, Entry]] = {}  # those read or made
        self.files: dict[str, bytes] = {}  # large-term files made
        self._taken = {name for name, _, _ in state.large.values()}

    def shard(self, term: str) -> dict[str, Entry]:
        number = term_hash(term) % self.state.shards
        if number not in self.shards:
            self.shards[number] = _unscript(self.read(f"t{number}.js")) if self.read else {}
        return self.shards[number]

    def current(self, term: str) -> list[int]:
        """The occurrences of `term` in the last index."""
        entry = self.shard(term).get(term, "")
        if isinstance(entry, list):
            name = entry[0]
            docs, positions = _unscript(self.read(f"{name}.js")), _unscript(self.read(f"{name}p.js")) if entry[2] else ""  # type: ignore[misc]
        else:
            docs, _, positions = entry.partition(" ")
        return postings.decode(docs, positions, with_positions=not _is_char(term)) if docs else []

    def store(self, term: str, occurring: list[int]) -> None:
        """Write the postings of `term` from its occurrences (none: the term is gone)."""
        self.store_encoded(term, *(postings.encode(occurring, with_positions=not _is_char(term)) if occurring else ("", "")))

    def store_encoded(self, term: str, docs: str, positions: str) -> None:
        """Write the postings of `term` (none: the term is gone), replacing what it had."""
        shard, state = self.shard(term), self.state
        if _is_char(term):
            (state.chars.add if docs else state.chars.discard)(term)
        old = shard.pop(term, "")
        if isinstance(old, list):
            del state.large[term]
            self._taken.discard(old[0])
            self.files.pop(f"{old[0]}.js", None)
            self.files.pop(f"{old[0]}p.js", None)
        else:
            state.inline -= len(old)
        if not docs:
            return
        if _entry_size(docs, positions) > LARGE:
            name = self._name(term)
            state.large[term] = (name, len(docs), len(positions))
            self.files[f"{name}.js"] = _script(name, docs)
            if positions:
                self.files[f"{name}p.js"] = _script(f"{name}p", positions)
            shard[term] = [name, len(docs), len(positions)]
        else:
            shard[term] = f"{docs} {positions}" if positions else docs
            state.inline += len(shard[term])

    def _name(self, term: str) -> str:
        """A name for a large term's files: from its hash, unique among the index's."""
        name, salt = f"x{term_hash(term):08x}", 0
        while name in self._taken:
            salt += 1
            name = f"x{term_hash(f'{term}#{salt}'):08x}"
        self._taken.add(name)
        return name

    def written(self, every_shard: bool) -> dict[str, bytes | None]:
        """The files of the terms: made, or None for those kept as they are in the last index."""
        files: dict[str, bytes | None] = {}
        for term, (name, _, _) in self.state.large.items():
            files.update(dict.fromkeys([f"{name}.js"] if _is_char(term) else [f"{name}.js", f"{name}p.js"]))
        files.update(self.files)
        numbers = range(self.state.shards) if every_shard else self.shards
        files.update((f"t{number}.js", _script(f"t{number}", dict(sorted(self.shards.get(number, {}).items())))) for number in numbers)
        files.update((f"t{number}.js", None) for number in range(self.state.shards) if f"t{number}.js" not in files)
        return files


# -- index.js and the article files


def _fold_table(chars: Iterable[str]) -> str:
    """The character folding a query needs: (Traditional, Simplified) characters, one after the
    other, for each Simplified one the index holds (any other folds to a character no article has)."""
    wanted = set(chars)
    return "".join(chr(source) + chr(target) for source, target in sorted(simplified_table().items()) if chr(target) in wanted)


def _vocabulary(site: Site) -> list[tuple[str, str]]:
    """The words this edition writes in its own way, as (source word, its word), folded: those its
    conversion may change (数据 -> 資料, 數據) and the override phrases that change words, not only characters. None for
    the edition that shows the source text. Only words of units count: a query part has no other
    characters (乔治·克鲁尼 is two parts)."""
    transform = site.edition.transform
    if not isinstance(transform, Converter):
        return []
    conversion = transform.conversion
    pairs = set(vocabulary(conversion.config))
    pairs.update((search_fold(phrase), search_fold(value)) for phrase, value in conversion.overrides)
    return sorted(pair for pair in pairs if pair[0] != pair[1] and all(map(_UNITS_RE.fullmatch, pair)))


def _shown_words(site: Site) -> dict[str, list[str]]:
    """The words this edition writes in its own way, each with the terms it is made of."""
    return {word: [pair for pair, _ in parts(word)[0].pairs()] or [word] for _, word in _vocabulary(site)}


def _words_files(site: Site) -> list[list[str | bool]]:
    """The vocabulary file (`_words`) of every edition that converts the text: its path from this
    edition's search folder, the name it assigns, and whether it is this edition's. A query is tried
    in every edition's words (a reader of zh-Hant who types 資料 in zh-Hans looks for 数据)."""
    up = "../" * (site.edition.prefix.count("/") + 1)
    files: list[list[str | bool]] = []
    for edition in site.config.editions:
        prefix = folder_prefix(edition)
        own = site.edition.prefix == prefix
        files.append(["words" if own else f"{up}{prefix}{FOLDER}words", _words_name(prefix), own])
    return files


def _words_name(prefix: str) -> str:
    return f"{prefix}words"


def _words(site: Site, state: SearchState) -> bytes:
    """words.js of an edition that converts the text: its vocabulary, as far as the index holds the words."""
    return _script(_words_name(site.edition.prefix), [pair for pair in _vocabulary(site) if pair[1] in state.words])


def _large_terms(state: SearchState) -> dict[str, list[int | str]]:
    """Each large term with the sizes of its docs and positions (and its files' name when it is not
    the one its hash gives): a query reads a large term's files at once, not after its shard."""
    return {term: [docs, positions] + ([] if name == f"x{term_hash(term):08x}" else [name])
            for term, (name, docs, positions) in sorted(state.large.items())}


def _meta(site: Site, state: SearchState) -> bytes:
    names = [search_fold(listing.name) for listing in (*site.sections, *site.tags)]
    return _script("meta", {
        "version": VERSION,
        "docs": len(site.articles),
        "termShards": state.shards,
        "titleZone": TITLE_ZONE,
        "largeBytes": LARGE,
        "large": _large_terms(state),
        "sections": [[section.name, section.path, len(section.articles)] for section in site.sections],
        "tags": [[tag.name, tag.path, len(tag.articles)] for tag in site.tags],
        "fold": _fold_table(state.chars.union(*map(characters, names))),
        "words": _words_files(site),
    })


def _own_files(site: Site, state: SearchState) -> dict[str, bytes]:
    """index.js, and words.js for an edition that converts the text."""
    files = {"index.js": _meta(site, state)}
    if isinstance(site.edition.transform, Converter):
        files["words.js"] = _words(site, state)
    return files


def _doc_files(site: Site, doc_ids: Iterable[int]) -> Iterator[tuple[str, bytes]]:
    sections = {section.slug: index for index, section in enumerate(site.sections)}
    for doc_id in doc_ids:
        article = site.articles[doc_id]
        issue = article.issue
        fields = [article.path, article.title, sections[article.section.slug], article.date.isoformat(), _doc_text(article),
                  issue.path, issue.date.isoformat(), issue.publication]
        yield f"d{doc_id}.js", _script(f"d{doc_id}", fields)


# -- the whole index, made anew or edited


def _anew(site: Site, state: SearchState) -> Iterator[tuple[str, bytes | None]]:
    """Every file of the index, made from the articles (the articles' own files as they are taken)."""
    terms, chars = gather.postings(map(_indexed, site.articles))
    encoded = terms | chars
    state.shards = _shard_count(sum(size for size in map(_entry_size, *zip(*encoded.values())) if size <= LARGE) if encoded else 0)
    index = _Terms(state)
    for term in sorted(encoded):
        index.store_encoded(term, *encoded[term])
    state.words = {word for word, word_terms in _shown_words(site).items() if all(map(encoded.__contains__, word_terms))}
    files = index.written(every_shard=True)
    files.update(_own_files(site, state))
    return chain(files.items(), _doc_files(site, range(len(site.articles))))


def _changed(site: Site, state: SearchState, changed: list[int], old: Callable[[str], bytes]) -> Iterator[tuple[str, bytes | None]] | None:
    """The files of the index with only the docs `changed` made again (None where a file stays the
    same), from the last index's files (`old(name)`); None if the index needs another shard count."""
    edits: dict[str, dict[int, list[int]]] = {}  # term -> doc id -> its new occurrences there
    for doc_id in changed:
        shown = _unscript(old(f"d{doc_id}.js"))  # path, title, section, date, text, issue…
        before = gather.postings([(shown[1], shown[4])])
        after = gather.postings([_indexed(site.articles[doc_id])])
        for was, now in zip(before, after):
            for term in was.keys() | now.keys():
                if was.get(term) != now.get(term):
                    occurring = postings.occurrences(*now[term], doc_id, not _is_char(term)) if term in now else []
                    edits.setdefault(term, {})[doc_id] = occurring
    index = _Terms(state, old)
    for term in sorted(edits):
        index.store(term, postings.replace_docs(index.current(term), edits[term].keys(), edits[term]))
    for word, word_terms in _shown_words(site).items():
        if not edits.keys().isdisjoint(word_terms):
            (state.words.add if all(term in index.shard(term) for term in word_terms) else state.words.discard)(word)
    if _shard_count(state.inline) != state.shards:
        return None
    files = index.written(every_shard=False)
    files.update((name, data if data != old(name) else None) for name, data in _own_files(site, state).items())
    files.update(dict.fromkeys(f"d{doc_id}.js" for doc_id in range(len(site.articles))))
    files.update(_doc_files(site, changed))
    return iter(files.items())


def update(site: Site, sources: Mapping[str, str], previous: SearchState | None,
           old: Callable[[str], bytes]) -> tuple[Iterator[tuple[str, bytes | None]], SearchState]:
    """Every file of the search index (name, data), data None for those as they are in the last index
    of the edition, and the state of this one (complete before the files are all taken). `previous` is the state of the last index and `old(name)` reads its
    files; `sources[key]` is a digest of each article's file.

    With the same articles and sections in the same order, only the changed articles are indexed
    again and only the files they touch are made; otherwise the index is made anew."""
    docs = site.articles
    state = SearchState(site.edition.text_key, tuple(a.key for a in docs), tuple(sources[a.key] for a in docs),
                        tuple(section.name for section in site.sections))
    if previous is not None and previous.shards and \
            (previous.text_key, previous.docs, previous.sections) == (state.text_key, state.docs, state.sections):
        changed = [i for i, (new, was) in enumerate(zip(state.sources, previous.sources)) if new != was]
        edited = SearchState(state.text_key, state.docs, state.sources, state.sections, previous.shards, previous.inline,
                             dict(previous.large), set(previous.chars), set(previous.words))
        files = _changed(site, edited, changed, old)
        if files is not None:
            return files, edited
    return _anew(site, state), state


def plan(site: Site, theme: Theme) -> list[Target]:
    return [Target(FOLDER, INDEX)]


def note_reads(site: Site, reads: Reads) -> None:
    """What a search index is made from: every article, and the names and pages of sections and tags."""
    reads.full.add(site)
    reads.full.update(site.articles)
    reads.card.update(site.sections)
    reads.card.update(site.tags)
