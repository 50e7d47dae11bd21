"""Layout: hard-wrapped lines become paragraphs; cues as the raw styles carry them."""

from generator.ingest.layout import build_blocks
from generator.ingest.lines import split_lines

from ingest_helpers import double_spaced

FULL = "这是一行排满的正文文字用来测试段落的连接是否正确处理了换行问题好的"  # 34 CJK characters


def blocks_of(text: str) -> list[str]:
    source = split_lines(text)
    return [block.text for block in build_blocks(source, source.lines)]


def test_cjk_lines_join_without_a_space_and_a_trailing_space_ends_the_paragraph():
    text = double_spaced(FULL, FULL, "最后一行。 ", FULL, "第二段完。 ")
    assert blocks_of(text) == [FULL + FULL + "最后一行。", FULL + "第二段完。"]


def test_latin_words_split_across_lines_keep_one_space():
    line = FULL[:-6] + "以及Mini "
    text = double_spaced(line, "LED发光芯片已经量产。 ")
    assert blocks_of(text) == [FULL[:-6] + "以及Mini LED发光芯片已经量产。"]


def test_a_short_line_with_a_trailing_space_after_latin_still_ends_a_heading():
    text = double_spaced(FULL, FULL + "。 ", "巨头垄断EDA ", "EDA之所以重要，是因为不同于传统软件。 ")
    assert blocks_of(text)[1:] == ["巨头垄断EDA", "EDA之所以重要，是因为不同于传统软件。"]


def test_a_page_break_inside_a_paragraph_is_joined_across_the_leading_space():
    # No blank line between the two lines = a page break; the new page's line starts with a space.
    text = FULL + "\n " + "善应急预案，重点提升应急处置能力。 \n\n" + FULL + "。 \n"
    assert blocks_of(text)[0] == FULL + "善应急预案，重点提升应急处置能力。"


def test_a_page_break_at_a_paragraph_boundary_starts_a_new_block():
    text = "上一段到此结束。 \n 总的来看，这是新的一段。 \n\n" + FULL + "。 \n"
    assert blocks_of(text)[:2] == ["上一段到此结束。", "总的来看，这是新的一段。"]


def test_a_wrapped_title_becomes_one_block():
    first = "工信部等三部门召开油气管道行业“工业互联网+安全生产”试点"
    text = double_spaced(first, "启动会 ", "8月6日，工业和信息化部召开会议。 ")
    assert blocks_of(text)[0] == first + "启动会"


def test_the_short_last_line_of_a_paragraph_stays_in_its_paragraph():
    text = double_spaced("如果说数据安全问题是大众对人工智能的担忧，那商业变现问题就是行业自身的难", "题。 ", FULL + "。 ")
    assert blocks_of(text)[0].endswith("难题。")


# --- plain pdftotext style: no blank lines, no trailing spaces -------------------------------

def plain(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_plain_style_paragraphs_end_at_short_sentence_final_lines():
    text = plain(FULL, "完了。", FULL, "又完了。")
    assert blocks_of(text) == [FULL + "完了。", FULL + "又完了。"]


def test_plain_style_heading_lines_stand_alone():
    text = plain(FULL, "上一段结束。", "产业环境", "工信部：加强数据信息分析 抓好区域协查任务落实", FULL, FULL, "完了。")
    assert blocks_of(text) == [FULL + "上一段结束。", "产业环境", "工信部：加强数据信息分析 抓好区域协查任务落实",
                               FULL + FULL + "完了。"]


def test_plain_style_heading_after_a_full_final_line():
    text = plain(FULL, FULL[:-1] + "。", "政策密集发布 网络安全行业加速新图景", FULL, "完。")
    assert blocks_of(text)[1] == "政策密集发布 网络安全行业加速新图景"


def test_plain_style_blank_lines_separate_paragraphs():
    text = plain(FULL, FULL, "", FULL, "结束。")
    assert blocks_of(text) == [FULL + FULL, FULL + "结束。"]


def test_full_width_and_no_break_spaces_at_line_edges_are_not_text():
    text = double_spaced("\u3000\u3000" + FULL, FULL + "\u00a0", "结束。 ")
    assert blocks_of(text) == [FULL + FULL + "结束。"]
