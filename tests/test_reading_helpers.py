"""The pure helpers behind reading and sharing: headline phrases and JSON-LD that is safe inside <script>."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from generator.site.render.share import script_json
from generator.site.render.theme import headline
from generator.text.cjk import phrases


def test_a_space_between_chinese_characters_separates_phrases_and_spacing_around_latin_does_not():
    assert phrases("工信部：加强数据信息分析 抓好区域协查任务落实") == ["工信部：加强数据信息分析", "抓好区域协查任务落实"]
    assert phrases("政策密集发布 网络安全行业加速“织就”新图景") == ["政策密集发布", "网络安全行业加速“织就”新图景"]
    assert phrases("让 5G 标准制定发布成为产业健康发展支撑") == ["让 5G 标准制定发布成为产业健康发展支撑"]
    assert phrases("发布 2021 年上半年经营业绩 华为：“有质量地活下来”") == ["发布 2021 年上半年经营业绩", "华为：“有质量地活下来”"]
    assert phrases("上半年互联网和相关服务业投资增长超五成") == ["上半年互联网和相关服务业投资增长超五成"]


def test_headline_marks_phrases_and_escapes_the_text():
    assert headline("数据安全") == "数据安全"
    assert headline("芯片“<b>热</b>”产能 扩产") == '<span class="phrase">芯片“&lt;b&gt;热&lt;/b&gt;”产能</span> <span class="phrase">扩产</span>'
    assert headline("<script>alert(1)</script> 标题") == "&lt;script&gt;alert(1)&lt;/script&gt; 标题"


@given(st.text())
def test_phrases_keep_every_character_but_the_separating_spaces(text):
    parts = phrases(text)
    assert "".join("".join(part.split()) for part in parts) == "".join(text.split())


@given(st.recursive(st.text() | st.integers() | st.none(), lambda children: st.lists(children) | st.dictionaries(st.text(), children)))
def test_script_json_round_trips_and_cannot_end_its_script_element(value):
    text = script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text
