"""Page furniture is found by repetition and shape, and tells the issue's metadata."""

from datetime import date

from generator.ingest.boilerplate import detect_furniture, issue_metadata
from generator.ingest.lines import split_lines

BODY = "这是一行排满的正文文字用来测试页眉页脚能否被正确识别并且去除掉好的"


def page(number: int, header: str, footer: str, lines: int = 6) -> str:
    body = "\n".join(f"{BODY}{number}{i}" for i in range(lines))
    return f"{header}\n{body}\n{footer.format(n=number)}\n"


def furniture_of(text: str):
    return detect_furniture(split_lines(text))


def test_running_header_and_page_numbers_of_any_publication_are_found():
    text = "\f".join(page(n, "《数字产业周报》 2023年第7期", "第 {n} 页") for n in range(1, 5))
    found = furniture_of(text)
    assert sorted({item.line.text for item in found if item.reason == "running header or footer"}) == [
        "《数字产业周报》 2023年第7期"]
    assert [item.line.text for item in found if item.reason == "page number"] == [f"第 {n} 页" for n in range(1, 5)]
    metadata = issue_metadata(found)
    assert metadata.publication == "数字产业周报"
    assert metadata.number == 7


def test_dates_in_the_footer_give_the_issue_date():
    text = "\f".join(page(n, "通信产业观察", "- {n} -    2023.03.09") for n in range(1, 4))
    metadata = issue_metadata(furniture_of(text))
    assert metadata.date == date(2023, 3, 9)
    assert metadata.publication == "通信产业观察"


def test_copyright_lines_are_removed_even_once():
    text = page(1, "", "© 2022 某某研究院 版权所有，未经许可不得转载")
    assert [item.reason for item in furniture_of(text)] == ["copyright line"]


def test_a_repeated_line_inside_a_page_is_body_text():
    # The same sentence twice in mid-page is content, not furniture.
    lines = [f"{BODY}{i}" for i in range(12)]
    lines[5] = lines[8] = "这句话出现了两次。"
    text = "\f".join("\n".join(lines) for _ in range(1)) + "\n"
    assert furniture_of(text) == []


def test_a_body_line_that_opens_with_a_date_is_not_a_masthead():
    text = "2021年8月5日，国务院联防联控机制召开新闻发布会，介绍进一步加强疫情防控有关情况。\n" + "\n".join(
        f"{BODY}{i}" for i in range(8))
    assert furniture_of(text) == []


def test_a_masthead_on_the_first_page_is_furniture_and_names_the_issue():
    text = "电子信息产业周报\n2023年第12期（总第345期）\n" + "\n".join(f"{BODY}{i}" for i in range(8))
    found = furniture_of(text)
    assert [(item.line.text, item.reason) for item in found] == [
        ("电子信息产业周报", "masthead"), ("2023年第12期（总第345期）", "masthead")]
    metadata = issue_metadata(found)
    assert metadata.publication == "电子信息产业周报"
    assert metadata.number in (12, 345)
