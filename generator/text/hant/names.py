"""Where the names are in a text: spans converted character by character, never as vocabulary.

Each rule is a small function from the text to the spans it finds; `find` runs them all and keeps,
where spans overlap, the one that starts first (the longest of those). Rules follow how names are
formed, not lists of the names seen: a body's name is a national or regional prefix, its field and
the kind of body (国家 + 数据 + 局, 江苏省 + 通信管理 + 局); a person is a surname and one or two
characters after a position or before what they said. Companies and products, which follow no such
form, are listed when their names hold an industry word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from generator.text.hant import lexicon, segmenter
from generator.text.trie import trie_regex

HAN = "\u4e00-\u9fff"
# Characters and words that cannot be inside a body's name: they make its field a clause.
_CLAUSE = "的了着过是在将已被把让使对向从于为并也都还又再就才更最很等或但而如若因要"
_CLAUSE_WORDS = "支持|鼓励|加快|推动|推进|加强|提升|打造|引导|要求|决定|宣布|发布|成立|设立|组建|依托|联合|携手"
_CLAUSE_OPENERS = frozenset("，。；：！？、“”「」（） \n")
COMMON_WORD = 400  # times in the dictionary
FIELD = 16  # the most characters between a body's prefix and its kind
_COMPANY_START = re.compile(f"[{_CLAUSE}与和及、]")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    person: bool = False  # a person's surname keeps its own character


def _alternation(words) -> str:
    return f"(?:{trie_regex(words)})"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = lexicon.names()
    regional = [region + suffix for region in data["regions"] for suffix in ["", *data["region_suffixes"]]]
    prefix = _alternation([*data["national_prefixes"], *regional])
    body_word = "|".join(
        f"{re.escape(body)}(?!{data['not_after_body'][body]})" if body in data["not_after_body"] else re.escape(body)
        for body in sorted(data["bodies"], key=len, reverse=True))
    field = f"[^{_CLAUSE}\\W\\d_A-Za-z]{{0,{FIELD}}}?"
    positions = _alternation(data["positions"])
    speech = _alternation(data["speech"])
    surnames = _alternation(data["surnames"])
    given = f"(?:(?!{speech})[{HAN}]){{1,2}}"
    own_surnames = _alternation(data["surname_characters"])
    return {
        "prefix": re.compile(prefix),
        "body_kind": re.compile(f"(?<!公)(?:{trie_regex(data['bodies'])})"),
        "field": re.compile(f"[^{_CLAUSE}\\W\\d_A-Za-z]*"),
        "university_body": re.compile(f"[{HAN}]{{2,8}}?大学{field}(?:{body_word})"),
        # A body inside the one before it: 工业和信息化部 + 信息通信管理局
        "sub_body": re.compile(f"(?!{positions}|副)[^{_CLAUSE}\\W\\d_A-Za-z]{{1,12}}?(?:{body_word})"),
        "clause_words": re.compile(_CLAUSE_WORDS),
        # A ministry named by its two fields (工业和信息化部, 住房和城乡建设部), from its 和 on
        "ministry": re.compile(f"和[{HAN}]{{2,6}}?(?:部(?![署分门件位队落属])|委员会|厅|局(?![面势部限域]))"),
        "ministry_field": re.compile(f"[^{_CLAUSE}\\W\\d_A-Za-z]{{2,6}}$"),
        "company": re.compile(f"[{HAN}A-Za-z0-9（）()]{{2,24}}?(?:{_alternation(data['company_suffixes'])})"),
        # A listed company's stock code (三维通信（002115）, 中芯国际(0981.HK)) and a company's short name:
        # an industry word and the kind of company before what companies do (用友网络科技发布,
        # 浪潮信息股份宣布), not a field followed by other words (信息科技的发展). Each is found by
        # what follows the name; the name is the characters before it (`_name_before`).
        "stock_code": re.compile("[（(](?:[0-9]{6}|[0-9]{4,5}\\.HK)(?:\\.(?:SH|SZ|BJ|HK))?[)）]"),
        "company_kind": re.compile(
            f"(?:{_alternation(data['industry_words'])})(?:{_alternation(data['company_kinds'])})(?={_alternation(data['company_acts'])})"),
        "name_before": re.compile(f"[{HAN}]{{2,4}}$"),
        "listed": re.compile(_alternation([*data["companies"], *data["titles"], *data["people"]])),
        "person_after_position": re.compile(f"(?:{positions})({surnames}){given}"),
        "speech": re.compile(speech),
        "person_before": re.compile(f"(?:{surnames}){given}"),
        # A surname of its own character opening a clause, then what its bearer did: 于东来在接受采访时
        "person_opening_clause": re.compile(
            f"({own_surnames})(?![是此今近日月年上下中前后内外一二三四五六七八九十本该其这那各每全])"
            f"[{HAN}]{{2}}(?=在|对|向|曾|也|则|还|就|已|将|和|与|说|称|此前|近日|日前|同时)"),
        "title": re.compile("《[^《》\n]{1,80}》"),
        "foreign_author": re.compile(f"(?:{_alternation(data['foreign_authors'])})(?:[^，。；《]{{0,6}})$"),
    }


def _body_matches(text: str) -> Iterator[tuple[int, int, int]]:
    """Bodies found from their kind back to their prefix: each kind word (局, 研究院) with the first
    prefix before it whose field, up to the kind word, is a run of name characters; a prefix names
    one body, the first after it (国家数据局, not 国家数据局局 in 国家数据局局长). Each as (start,
    where its field starts, end)."""
    patterns, not_after = _patterns(), lexicon.names()["not_after_body"]
    prefixes = [match.span() for match in patterns["prefix"].finditer(text)]
    used: set[int] = set()
    if prefixes:
        for kind in patterns["body_kind"].finditer(text):
            after = not_after.get(kind.group())
            if after and re.match(after, text[kind.end() : kind.end() + 1]):
                continue
            for start, end in prefixes:
                if end > kind.start():
                    break
                if start not in used and kind.start() - end <= FIELD and patterns["field"].fullmatch(text, end, kind.start()):
                    used.add(start)
                    yield start, end, kind.end()
                    break
    if "大学" in text:
        for match in patterns["university_body"].finditer(text):
            yield match.start(), match.start(), match.end()
    for match in patterns["ministry"].finditer(text):
        if field := patterns["ministry_field"].search(text, max(0, match.start() - 6), match.start()):
            yield field.start(), field.start(), match.end()


def _bodies(text: str) -> Iterator[Name]:
    vocabulary = lexicon.vocabulary()
    for start, field, end in _body_matches(text):
        name = text[start:end]
        # 中国 + 数据中心 is China's data centres, not a body: its field and kind are a word of the vocabulary
        if text[field:end] in vocabulary:
            continue
        if _patterns()["clause_words"].search(name):  # a verb makes it a clause: 国家支持…中心
            continue
        while (sub := _patterns()["sub_body"].match(text, end)) and not _patterns()["clause_words"].search(sub.group()):
            end = sub.end()
        yield Name(start, end)


def _companies(text: str) -> Iterator[Name]:
    if "公司" not in text:
        return
    yield from _after_function_words(_patterns()["company"].finditer(text))


def _after_function_words(matches: Iterable[re.Match[str]], end: int | None = None) -> Iterator[Name]:
    """Each match from after its last function word on (与浪潮信息 is the name 浪潮信息), to its end
    or to `end`."""
    for match in matches:
        starts = [found.end() for found in _COMPANY_START.finditer(match.group())]
        yield Name(match.start() + (starts[-1] if starts else 0), end or match.end())


def _short_companies(text: str) -> Iterator[Name]:
    """Companies named by their short name: the two to four characters before a stock code, or
    before an industry word and a company's kind (用友 + 网络科技)."""
    patterns = _patterns()
    for code in patterns["stock_code"].finditer(text):
        if name := patterns["name_before"].search(text, max(0, code.start() - 4), code.start()):
            yield from _after_function_words([name])
    for kind in patterns["company_kind"].finditer(text):
        if own := patterns["name_before"].search(text, max(0, kind.start() - 4), kind.start()):
            yield from _after_function_words([own], kind.end())


def _listed(text: str) -> Iterator[Name]:
    for match in _patterns()["listed"].finditer(text):
        yield Name(match.start(), match.end(), person=match.group() in lexicon.names()["people"])


def _people(text: str) -> Iterator[Name]:
    for name in _person_candidates(text):
        # a surname of its own character that makes a common word with the next one is that word
        # (范围, 于是), a rarer one is the name (范文仲, 于洋)
        if text[name.start] in lexicon.names()["surname_characters"] and segmenter.is_word(text[name.start : name.start + 2], COMMON_WORD):
            continue
        yield name


def _person_candidates(text: str) -> Iterator[Name]:
    patterns = _patterns()
    for match in patterns["person_after_position"].finditer(text):
        yield Name(match.start(1), match.end(), person=True)
    for match in patterns["person_opening_clause"].finditer(text):
        if match.start() == 0 or text[match.start() - 1] in _CLAUSE_OPENERS:
            yield Name(match.start(), match.end(), person=True)
    for said in patterns["speech"].finditer(text):  # a name just before what was said: 周鸿祎认为
        for length in (3, 2, 4):
            if said.start() >= length and patterns["person_before"].fullmatch(text, said.start() - length, said.start()):
                yield Name(said.start() - length, said.start(), person=True)
                break


def _titles(text: str) -> Iterator[Name]:
    if "《" not in text:
        return
    for match in _patterns()["title"].finditer(text):
        if not _patterns()["foreign_author"].search(text, max(0, match.start() - 12), match.start()):
            yield Name(match.start(), match.end())


RULES: tuple[Callable[[str], Iterator[Name]], ...] = (_titles, _listed, _bodies, _companies, _short_companies, _people)


def find(text: str) -> list[Name]:
    """The names in `text`, in order and not overlapping."""
    found = sorted((name for rule in RULES for name in rule(text)), key=lambda name: (name.start, -name.end))
    kept: list[Name] = []
    for name in found:
        if not kept or name.start >= kept[-1].end:
            kept.append(name)
    return kept
