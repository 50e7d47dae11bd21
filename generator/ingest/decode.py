"""Bytes -> text: detect the encoding of a raw bulletin and normalise newlines."""

from __future__ import annotations

from generator.errors import BulletinError

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Control characters a text file may legitimately hold: tab, newline, carriage return, form feed.
ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
MAX_CONTROL_RATIO = 0.01


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, path: str = "<input>") -> str:
    """Decode a raw bulletin; raise BulletinError naming the file for anything that is not text."""
    if not data.strip():
        raise BulletinError("the file is empty", path)
    text = None
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BulletinError(
                    f"invalid {codec.upper()} text at byte {exc.start}", path, _line_of(data, exc.start)
                ) from None
            break
    if text is None:
        if b"\x00" in data:
            raise BulletinError("this is a binary file, not text (it contains NUL bytes)", path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise BulletinError(
                    f"cannot decode the text as UTF-8, UTF-16 or GB18030 "
                    f"(byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})",
                    path,
                    _line_of(data, utf8_error.start),
                ) from None
    controls = sum(1 for ch in text if ch < " " and ch not in ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_RATIO * len(text):
        raise BulletinError("this is a binary file, not text (too many control characters)", path)
    if not text.strip():
        raise BulletinError("the file holds only whitespace", path)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a BOM left inside the text is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
