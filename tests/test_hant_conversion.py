"""Conversion for a converted edition: overrides over OpenCC, splits, protected text, memo, config errors."""

from __future__ import annotations

import pickle

import pytest
from build_helpers import run_bulletin

from generator.errors import BulletinError
from generator.site.content.config import EditionConfig
from generator.site.editions.convert import Conversion, Converter, digest, phrase_pattern
from generator.site.editions.edition import Edition, conversion, read_overrides, selected
from generator.site.editions.opencc_fixes import FIX_SPLITS, FIXES
from generator.site.markup.markdown import MarkdownRenderer
from generator.site.markup.protect import convert_marked


def converter(config: str = "s2twp", **overrides: str) -> Converter:
    return Converter(Conversion(config, tuple(sorted(overrides.items()))))


def test_overrides_win_over_opencc_longest_phrase_first():
    plain = converter("s2t")
    assert plain("新闻发布会正常运行") == "新聞發佈會正常運行"
    fixed = converter("s2t", 发布=" A ", 发布会="發布會", 运行="运作")
    assert fixed("新闻发布会正常运行，发布") == "新聞發布會正常运作， A "


def test_an_override_is_never_converted_again_and_cuts_opencc_phrases():
    # 發布 would become 釋出 in s2twp's second step if the override went through OpenCC
    assert converter(发布会="發布會")("发布会") == "發布會"
    # without the override OpenCC reads 美发 (hairdressing); the override's edge cuts that phrase
    assert converter("s2t")("欧美发达国家") == "歐美髮達國家"
    assert converter("s2t", 发达国家="發達國家")("欧美发达国家") == "歐美發達國家"


def test_a_split_converts_its_pieces_with_the_edition_own_rules():
    def split(config: str) -> Converter:
        return Converter(Conversion(config, tuple(sorted(FIXES[config].items())), FIX_SPLITS[config]))

    assert split("s2twp")("并发布公告，高并发") == "並發布公告，高併發"  # Taiwan: 發布
    assert split("s2hk")("并发布公告，高并发") == "並發佈公告，高併發"  # Hong Kong: 發佈
    assert split("s2t")("混合云为主") == "混合雲爲主"  # OpenCC's standard 爲, not a written-in 為


def test_the_gaps_between_overrides_keep_their_newlines():
    assert converter(发布="發布")("软件\n发布\n\n网络\n发布。\n") == "軟體\n發布\n\n網路\n發布。\n"


def test_results_known_from_an_earlier_build_are_not_converted_again():
    convert = Converter(Conversion("s2twp"), {digest("软件"): "（已知）"})
    assert convert("软件") == "（已知）" and convert("网络") == "網路"


def test_phrase_pattern_prefers_the_longest_phrase():
    pattern = phrase_pattern(["发布", "发布会", "会议"])
    assert [match.group() for match in pattern.finditer("发布会议发布")] == ["发布会", "发布"]
    assert phrase_pattern([]) is None


def test_each_text_is_converted_once_and_latin_text_not_at_all():
    convert = converter()
    first = convert("软件产业")
    assert convert("软件产业") is first
    assert convert.results == {"软件产业": "軟體產業"}
    assert convert("5G R16") == "5G R16" and "5G R16" in convert.results


def test_converter_is_picklable_for_worker_processes():
    convert = converter(发布会="發布會")
    convert("软件")
    again = pickle.loads(pickle.dumps(convert))
    assert again("发布会软件") == "發布會軟體"
    assert again.conversion == convert.conversion and again.results == {"发布会软件": "發布會軟體"}


def test_conversion_key_changes_with_config_and_overrides():
    keys = {Conversion("s2twp").key, Conversion("s2tw").key, Conversion("s2twp", (("发布", "發布"),)).key, Conversion("s2twp", (), ("并|发布",)).key}
    assert len(keys) == 4
    assert Conversion("s2twp").key == Conversion("s2twp").key


def test_protected_fields_keep_their_text_and_lose_their_marks():
    convert = converter()
    assert convert_marked("{{软件}}与软件", convert) == "软件與軟體"
    assert convert_marked("{{ 一 }}{{二}}三", convert) == " 一 二三"
    assert convert_marked("{单个}与{{未闭合", convert) == "{單個}與{{未閉合"
    assert Edition("zh-Hans").text("{{软件}}与软件") == "软件与软件"
    assert Edition("zh-Hant", "zh-hant/", convert).text("{{软件}}与软件") == "软件與軟體"


RENDERER = MarkdownRenderer()


def test_protected_text_in_markdown_is_never_converted():
    source = "## {{软件}}与软件\n\n{{软件}}、`软件`、[{{软件}}与软件](https://example.org/软件)与软件。\n\n```\n软件\n```\n"
    body = RENDERER.render(source, converter())
    assert body.html == (
        '<h2 id="ruanjianyuruanjian">软件與軟體</h2>\n'
        '<p>软件、<code>软件</code>、<a href="https://example.org/%E8%BD%AF%E4%BB%B6">软件與軟體</a>與軟體。</p>\n'
        "<pre><code>软件\n</code></pre>\n"
    )
    assert body.headings[0].text == "软件與軟體"
    assert body.text.splitlines()[1] == "软件、软件、软件與軟體與軟體。"
    default = RENDERER.render(source)
    assert "{{" not in default.html and default.headings[0].id == body.headings[0].id


@pytest.mark.parametrize(
    "source, shown",
    [
        ("\\{{软件}}", "{{軟體}}"),  # escaped: the braces are text
        ("{{}}软件", "{{}}軟體"),  # empty: not a mark
        ("{{软\n件}}", "{{軟件}}"),  # a mark does not span lines
        ("{软件}", "{軟體}"),
        ("`{{软件}}`", "{{软件}}"),  # inside a code span it is code
    ],
)
def test_what_is_not_protected_text(source, shown):
    body = RENDERER.render(source, converter())
    assert body.text == shown


def test_image_alt_text_is_converted_and_links_made_absolute_for_feeds():
    parsed = RENDERER.parse("![软件截图](img/a.png) [软件](b.html)")
    html = RENDERER.render_parsed(parsed, converter(), "https://site.example/zh-hant/articles/x.html").html
    assert html == '<p><img src="https://site.example/zh-hant/articles/img/a.png" alt="軟體截圖" /> <a href="https://site.example/zh-hant/articles/b.html">軟體</a></p>\n'
    assert RENDERER.render_parsed(parsed).html == '<p><img src="img/a.png" alt="软件截图" /> <a href="b.html">软件</a></p>\n'


def test_override_file_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "hant-overrides.yml"
    path.write_text("发布会: 發布會\n运行:\n", encoding="utf-8")
    with pytest.raises(BulletinError) as error:
        read_overrides(path)
    assert str(error.value) == f"{path}:2: override '运行' must map to text on one line, got None"
    path.write_text("- 发布会\n", encoding="utf-8")
    with pytest.raises(BulletinError, match="must be a mapping"):
        read_overrides(path)


def test_site_overrides_win_over_the_built_in_fixes(tmp_path):
    (tmp_path / "hant-overrides.yml").write_text("表示: 表明\n", encoding="utf-8")
    edition = EditionConfig("zh-Hant", "zh-hant", "s2tw")
    phrases = dict(conversion(edition, tmp_path, tmp_path).overrides)
    assert phrases["表示"] == "表明" and phrases["新签"] == "新簽"
    assert dict(conversion(edition, tmp_path, tmp_path / "elsewhere").overrides)["表示"] == "表示"  # no file: fixes only


def test_taiwan_vocabulary_is_built_in_and_a_site_only_adds(tmp_path):
    """s2twp needs no override file: the Taiwan conversion carries its vocabulary and names."""
    edition = EditionConfig("zh-Hant", "zh-hant", "s2twp")
    assert conversion(edition, tmp_path, tmp_path).overrides == ()
    convert = Converter(conversion(edition, tmp_path, tmp_path))
    assert convert("国家数据局发布新闻，软件和芯片") == "國家數據局發布新聞，軟體和晶片"
    (tmp_path / "hant-overrides.yml").write_text("芯片: 芯片\n", encoding="utf-8")  # a site's own choice
    assert Converter(conversion(edition, tmp_path, tmp_path))("软件和芯片") == "軟體和芯片"


def test_a_named_override_file_must_exist(tmp_path):
    with pytest.raises(BulletinError, match="override file not found"):
        conversion(EditionConfig("zh-Hant", "zh-hant", "s2twp", "words.yml"), tmp_path, tmp_path)


def test_variants_are_chosen_by_language_or_folder(make_project):
    from generator.site.content.config import SiteConfig

    config = SiteConfig(editions=(EditionConfig("zh-Hant", "zh-hant", "s2twp"), EditionConfig("zh-HK", "hk", "s2hk")))
    hant, hk = config.editions
    assert selected(config, ()) == [None, hant, hk]
    assert selected(config, ["ZH-hant", "hk", "zh-hans"]) == [hant, hk, None]
    with pytest.raises(BulletinError, match="unknown variant 'zh-TW': this site's editions are zh-Hans, zh-Hant, zh-HK"):
        selected(config, ["zh-TW"])


EDITION = "editions:\n  - {language: zh-Hant, opencc: s2twp}\n"


@pytest.mark.parametrize(
    "editions, message",
    [
        ("editions: {language: zh-Hant}\n", "editions must be a list"),
        ("editions:\n  - zh-Hant\n", "each edition needs a 'language' and an 'opencc'"),
        ("editions:\n  - {language: zh-Hant, opencc: s2x}\n", "opencc must be one of s2t, s2tw, s2twp, s2hk, t2s, got 's2x'"),
        ("editions:\n  - {language: zh-Hant, opencc: t2s}\n", "opencc t2s does not convert the site's language zh-Hans into zh-Hant"),
        ("editions:\n  - {language: zh-Hans, opencc: s2t}\n", "does not convert the site's language zh-Hans into zh-Hans"),
        ("editions:\n  - {language: zh-Hant, opencc: s2twp, folder: tags}\n", "folder must be a plain name"),
        ("editions:\n  - {language: zh-Hant, opencc: s2twp, folder: ../x}\n", "folder must be a plain name"),
        ("editions:\n  - {language: zh-Hant, opencc: s2twp}\n  - {language: zh-TW, opencc: s2tw, folder: zh-hant}\n", "two editions have the folder"),
        ("editions:\n  - {language: zh-Hant, opencc: s2twp, font: x}\n", "unknown edition field 'font'"),
        ("custom_domain: https://digest.example.org/\n", "custom_domain must be a domain name"),
    ],
)
def test_bad_editions_in_site_yml(make_project, editions, message):
    project = make_project()
    (project / "site.yml").write_text((project / "site.yml").read_text(encoding="utf-8") + editions, encoding="utf-8")
    result = run_bulletin("build", cwd=project)
    assert result.returncode == 1 and message in result.stderr and "site.yml:" in result.stderr, result.stderr
    assert not (project / "output").exists()
