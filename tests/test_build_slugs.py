"""Names in URLs: readable pinyin, safe file names, unique and stable."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.text.slugs import MAX_LENGTH, allocate, slugify

SAFE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.mark.parametrize(
    "name, slug",
    [
        ("半导体", "bandaoti"),
        ("数据安全", "shujuanquan"),
        ("5G应用", "5g-yingyong"),
        ("Wi-Fi 6", "wi-fi-6"),
        ("ＥＤＡ芯片", "eda-xinpian"),
        ("行业", "hangye"),
        ("../x", "x"),
        ("a/b", "a-b"),
        ("/etc/passwd", "etc-passwd"),
        ("CON", "con-x"),
        ("lpt1", "lpt1-x"),
        ("café crème", "cafe-creme"),
    ],
)
def test_slugify_examples(name, slug):
    assert slugify(name) == slug


def test_text_without_letters_gets_a_stable_hashed_name():
    assert re.fullmatch(r"x-[0-9a-f]{6}", slugify("😀"))
    assert slugify("😀") == slugify("😀") != slugify("🙂")


def test_long_names_are_shortened_but_stay_distinct():
    first = "-".join(["hanguo-kexue-jishu-xinxi-tongxinbu-kaizhan-pingtai-jingji-zhuanxiang-zhengzhi", "fabu-kaiyuan-caozuo-xitong"])
    second = "-".join(["hanguo-kexue-jishu-xinxi-tongxinbu-kaizhan-pingtai-jingji-zhuanxiang-zhengzhi", "kuoda-shuju-zhongxin-guimo"])
    assert slugify(first) != slugify(second)
    assert len(slugify(first)) <= MAX_LENGTH and len(slugify("数" * 200)) <= MAX_LENGTH


def test_allocate_keeps_homophones_apart_and_is_stable_as_names_are_added():
    two = allocate(["实验", "试验"])
    assert two["实验"] == "shiyan"
    assert re.fullmatch(r"shiyan-[0-9a-f]{6}", two["试验"])
    three = allocate(["实验", "试验", "半导体"])
    assert {name: three[name] for name in two} == two
    cased = allocate(["AI", "ai"])
    assert cased["AI"] == "ai" and re.fullmatch(r"ai-[0-9a-f]{6}", cased["ai"])


@given(st.text(max_size=300))
def test_any_name_gives_a_safe_file_name(name):
    slug = slugify(name)
    assert SAFE.fullmatch(slug) and len(slug) <= MAX_LENGTH
    assert slug not in {"con", "prn", "aux", "nul"}
