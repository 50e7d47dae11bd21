"""Decoding: every encoding an editor may receive, and clear errors for what is not text."""

import pytest

from generator.errors import BulletinError
from generator.ingest.decode import decode_bytes

TEXT = "产业环境\n工信部：加强数据信息分析\n8月5日，国务院联防联控机制召开新闻发布会。\n"


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM, native order
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
], ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "gb18030", "gbk"])
def test_every_supported_encoding_decodes_to_the_same_text(encoded):
    assert decode_bytes(encoded, "x.txt") == TEXT


def test_crlf_and_cr_newlines_become_lf():
    assert decode_bytes("甲\r\n乙\r丙\n".encode(), "x.txt") == "甲\n乙\n丙\n"


def test_form_feeds_survive_as_page_breaks():
    assert "\f" in decode_bytes("第一页\n\f第二页\n".encode(), "x.txt")


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"abc\x81\x20def\xff" * 10, "cannot decode"),
])
def test_what_is_not_text_gets_a_clear_error_naming_the_file(data, message):
    with pytest.raises(BulletinError) as caught:
        decode_bytes(data, "raw/bad.txt")
    assert message in str(caught.value)
    assert str(caught.value).startswith("raw/bad.txt")


def test_undecodable_bytes_are_located_by_line():
    data = "第一行\n第二行\n".encode() + b"\x80\xff\xfe\n"
    with pytest.raises(BulletinError) as caught:
        decode_bytes(data, "bad.txt")
    assert caught.value.line == 3
