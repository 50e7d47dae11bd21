"""The search index: its terms and postings against a plain reading of the rules, edits against a
rebuild, the script folding, and the files a built site ships. search.js reads these files; the
browser tests (tests/browser/test_search_browser.py) hold its answers to a scan of every article."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

from build_helpers import Built, build_project
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.render.search import _unscript, codec, gather, postings
from generator.site.render.search.terms import CJK, MAX_POSITION, TITLE_ZONE, body_offset, parts, scan
from generator.text.scripts import fold_script, search_fold, simplified_table, vocabulary

HANT = "zh-hant/"
_UNIT = re.compile(f"[a-z0-9]+|[{CJK}]")


def _reference_terms(title: str, text: str) -> tuple[dict[str, list[int]], dict[str, bool]]:
    """Every term of an article with its positions, and every character with whether it is in the
    title zone, found one unit at a time as terms.py describes them."""
    title, text = search_fold(title), search_fold(text)
    offset = body_offset(title)
    found: defaultdict[str, list[int]] = defaultdict(list)
    chars: dict[str, bool] = {}
    for part, base in ((title, 0), (text[: MAX_POSITION - offset], offset)):
        previous = None
        for unit in _UNIT.finditer(part):
            if unit.group()[0].isascii():
                found[unit.group()].append(base + unit.start())
            else:
                chars[unit.group()] = chars.get(unit.group(), False) or base + unit.start() < TITLE_ZONE
            if previous and (previous.end() == unit.start() or (previous.end() + 1 == unit.start() and part[previous.end()] == " ")):
                found[part[previous.start() : unit.end()]].append(base + previous.start())
            previous = unit
    return found, chars


def _reference_postings(articles: list[tuple[str, str]]) -> tuple[dict, dict]:
    terms: defaultdict[str, list[int]] = defaultdict(list)
    chars: defaultdict[str, list[int]] = defaultdict(list)
    for doc_id, (title, text) in enumerate(articles):
        found, in_title = _reference_terms(title, text)
        for term, positions in found.items():
            terms[term] += [doc_id << postings.SHIFT | position for position in sorted(positions)]
        for char, titled in in_title.items():
            chars[char].append(doc_id << postings.SHIFT | (0 if titled else TITLE_ZONE))
    return ({term: postings.encode(values) for term, values in terms.items()},
            {char: postings.encode(values, with_positions=False) for char, values in chars.items()})


_TEXT = st.text(st.sampled_from(list("半导体數據资料华為5GgEDA ，。\n　ＡＢ１ab12") + ["数", "据", "乾", "麼", "𠀀"]), max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=6))
def test_gathered_postings_are_those_of_every_term_found_one_by_one(articles):
    assert gather.postings(articles) == _reference_postings(articles)


def test_postings_join_across_chunks(monkeypatch):
    articles = [(f"标题{n}", f"半导体 {n}，5G网络与EDA。" * (n % 3 + 1)) for n in range(11)]
    whole = gather.postings(articles)
    monkeypatch.setattr(gather, "CHUNK", 4)
    assert gather.postings(articles) == whole == _reference_postings(articles)


@settings(deadline=None)
@given(st.lists(st.integers(0, 2**40)))
def test_numbers_are_written_and_read_back(numbers):
    assert codec.decode(codec.encode(numbers)) == numbers
    assert not set(codec.encode(numbers)) - set(codec.LAST + codec.MORE)


@settings(deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, MAX_POSITION - 1)), unique=True))
def test_postings_are_read_back(pairs):
    occurring = sorted(doc << postings.SHIFT | position for doc, position in pairs)
    assert postings.decode(*postings.encode(occurring)) == occurring


def test_scripts_fold_one_character_for_one_and_only_once():
    assert search_fold("華為ＥＤＡ數據安全資料") == "华为eda数据安全资料"
    assert fold_script("什麼") == fold_script("什么")
    table = simplified_table()
    assert all(target not in table for target in table.values())  # folding twice changes nothing
    assert len(fold_script("乾隆爲𠀀")) == 4


def test_taiwan_vocabulary_is_what_the_taiwan_conversion_may_write():
    pairs = set(vocabulary("s2twp"))
    assert {("数据", "资料"), ("软件", "软体"), ("内存", "记忆体"), ("视频", "影片"), ("视频", "视讯")} <= pairs
    assert ("数据", "数据") not in pairs  # 數據 folds to 数据: nothing to try
    assert vocabulary("s2t") == () and vocabulary("s2hk") == ()


def test_a_query_is_read_as_parts():
    assert [part.text for part in parts("数据安全 5g网络 “allied  market” eda-2021")] == ["数据安全", "5g网络", "allied market", "eda", "2021"]
    assert parts("allied market")[0].pairs() == [] and [p for p, _ in parts('"allied market"')[0].pairs()] == ["allied market"]
    assert parts("半导体")[0].pairs() == [("半导", 0), ("导体", 1)]


def test_scan_finds_words_whole_and_phrases_in_any_of_an_articles_texts():
    articles = [["5g网络建设", "数据安全"], ["25g网络"], ["資料".lower(), "数据"]]
    assert scan(articles, "5g网络") == [0]
    assert scan(articles, "数据 网络") == [0]  # each part in one of its texts
    assert scan(articles, "数据") == [0, 2]


# -- the files of a built site


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_an_edit_rewrites_only_what_it_touches_and_matches_a_rebuild(make_project, tmp_path):
    project = make_project()
    built = build_project(project)
    article = next((project / "content").rglob("*shuju-anquan-fa.md"))
    before = _files(built.out / "search")
    article.write_text(article.read_text(encoding="utf-8") + "\n量子计算与半导体工艺的新进展，第2次修订。\n", encoding="utf-8")
    edited = build_project(project)
    after = _files(edited.out / "search")
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed and len(changed) < len(after) / 2, changed
    assert any(name.startswith("d") for name in changed)
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    assert _files(build_project(fresh).out / "search") == after


def test_index_files_hold_what_search_js_reads(sample_site: Built):
    search = sample_site.out / "search"
    meta = _unscript((search / "index.js").read_bytes())
    assert meta["docs"] == len(list(search.glob("d*.js"))) == 45
    assert ["半导体", "tags/bandaoti/index.html"] == meta["tags"][[tag[0] for tag in meta["tags"]].index("半导体")][:2]
    assert "數数" in meta["fold"] and "據据" in meta["fold"]
    path, title, section, date, text, issue, issue_date, publication = _unscript((search / "d0.js").read_bytes())
    assert (sample_site.out / path).is_file() and date == issue_date == "2021-08-12" and title and text
    assert (sample_site.out / issue).is_file() and publication == "信息产业监测"
    # the words zh-Hant writes its own way, from OpenCC (数据) and from the override phrases (数字 -> 數位)
    assert meta["words"] == [["../zh-hant/search/words", "zh-hant/words", False]] and not (search / "words.js").exists()
    hant = _unscript((sample_site.out / HANT / "search/index.js").read_bytes())
    assert hant["words"] == [["words", "zh-hant/words", True]]
    words = _unscript((sample_site.out / HANT / "search/words.js").read_bytes())
    assert ["数据", "资料"] in words and ["数字", "数位"] in words and ["内存", "记忆体"] in words
    assert ["鼠标", "滑鼠"] not in words  # no article has 滑鼠


def test_reordered_sections_make_the_index_anew(make_project, tmp_path):
    project = make_project()
    build_project(project)
    config = project / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("[产业环境, 运营竞争, 技术情报, 企业情报]", "[企业情报, 技术情报, 运营竞争, 产业环境]"),
                      encoding="utf-8")
    rebuilt = _files(build_project(project).out / "search")
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    assert _files(build_project(fresh).out / "search") == rebuilt  # each article names its section by its place
