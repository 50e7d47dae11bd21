"""Text made uniform: control characters out of files, full-width and capital letters folded for search."""

from __future__ import annotations

import re

# C0/C1 controls other than tab and newline, and non-characters: not allowed in XML, never useful.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Normalise line endings and drop control characters that PDF extraction leaves behind."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# What XML 1.0 forbids in a document: C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters no XML document may hold (a YAML escape or an HTML entity can
    still bring them in after `clean_text`); a feed reader rejects the whole feed for one of them."""
    return _NOT_XML_RE.sub("", text)


_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
_FOLD_TABLE.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})


_FOLDABLE_RE = re.compile("[A-Z\uff01-\uff5e]+")


def fold(text: str) -> str:
    """Search folding: full-width ASCII to ASCII, A-Z to a-z; one character in, one out.

    The search script (themes/default/static/js/search.js) folds queries the same way.
    """
    # translate() looks up every character: on Chinese text, folding only the runs that change is faster
    return _FOLDABLE_RE.sub(lambda run: run.group().translate(_FOLD_TABLE), text)
