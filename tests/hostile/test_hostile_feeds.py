"""Issue 18, class 1: text that XML forbids, from any field, never breaks a feed.

PDF extraction leaves control characters; YAML escapes (`"\\f"`) and HTML entities (`&#12;`) bring them
back after the reader drops raw ones. Every feed of every edition must stay well-formed XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from build_helpers import ROOT
from hostile_helpers import article, assert_clean, make_project, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FORBIDDEN = ["\x01", "\x0c", "\x1b", "\ufffe", "\uffff", "\x00", "\x08", "\x1f"]
SITE = "title: {title}\ndescription: {title}\neditions:\n  - {{language: zh-Hant, opencc: s2twp}}\n"


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: what YAML may not hold as it is, escaped (`\\x01`, `\\uFFFE`)."""
    def escape(char: str) -> str:
        code = ord(char)
        if char in '"\\':
            return "\\" + char
        if code < 0x20 or 0x7F <= code <= 0xA0 or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
            return f"\\u{code:04X}"
        return char

    return '"' + "".join(map(escape, text)) + '"'


def hostile_article(text: str) -> str:
    body = (f"第一段{text}。\n\n![图{text}](a.png \"{text}\") [链接](https://example.com/ \"{text}\")\n\n"
            f"## 小标题{text}\n\n实体&#12;&#x1b;&#xFFFE;&#0;&#xD800;结束。")
    return article(quoted(f"标题{text}"), body, subtitle=quoted(f"副标题{text}"), section=quoted(f"栏目{text}"),
                   tags=f"[{quoted('标签' + text)}, {quoted(text + '数据')}]", summary=quoted(f"摘要{text}"))


def xml_files(out: Path) -> list[Path]:
    return sorted(path for path in out.rglob("*.xml"))


def assert_feeds_well_formed(out: Path) -> None:
    files = xml_files(out)
    assert any(path.name == "atom.xml" for path in files) and any(path.parent.name == "zh-hant" for path in files)
    for path in files:
        ET.fromstring(path.read_bytes())  # raises on anything not well-formed
        if path.name in ("feed.xml", "atom.xml"):
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(char):04X}" for char in FORBIDDEN])
def test_a_forbidden_character_in_every_field_leaves_every_feed_well_formed(tmp_path, char):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": hostile_article(char), "2021-08-12/02-b.md": hostile_article("正常")},
                           site=SITE.format(title=quoted(f"站点{char}")))
    assert_clean(run("build", cwd=project))
    assert_feeds_well_formed(project / "output")
    feed = (project / "output" / "feed.xml").read_text(encoding="utf-8")
    assert "标题" in feed and "正常" in feed and char not in feed  # the entries are all there: only the character went


def test_a_control_character_in_a_raw_title_line_reaches_no_feed(tmp_path):
    lines = (ROOT / "content" / "raw" / "2021-08-12.txt").read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3][:3] + "\x01" + lines[3][3:]  # the first article's title: 工信部\x01：加强数据信息分析…
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text("\n".join(lines), encoding="utf-8")
    assert_clean(run("ingest", str(raw), "--out", str(tmp_path / "content"), cwd=tmp_path))
    assert_clean(run("build", cwd=tmp_path))
    for path in xml_files(tmp_path / "output"):
        ET.fromstring(path.read_bytes())
    assert "加强数据信息分析" in (tmp_path / "output" / "feed.xml").read_text(encoding="utf-8")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x10FFFF), min_size=1, max_size=12))
def test_any_text_in_any_field_leaves_every_feed_well_formed(tmp_path_factory, text):
    project = make_project(tmp_path_factory.mktemp("feeds"), {"2021-08-12/01-a.md": hostile_article(text)},
                           site=SITE.format(title=quoted(f"站点{text}")))
    result = run("build", cwd=project)
    assert_clean(result)
    assert_feeds_well_formed(project / "output")
