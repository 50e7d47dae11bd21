"""What browsers get from `bulletin serve` beyond the site's files: the reload script and its overlay.

Everything is added while serving, to the response and not to the files: the output folder stays
byte-identical to what `bulletin build` writes, so it can be deployed straight after an authoring session.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from generator.serve.state import Snapshot

PREFIX = "/__bulletin__/"
WAIT = PREFIX + "wait.js"
ASSETS = {PREFIX + "reload.js": "reload.js", PREFIX + "overlay.css": "overlay.css"}
ASSET_FOLDER = Path(__file__).with_name("assets")
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_BASE = re.compile(rb'<base href="[^"]*">')
# For a site without 404.html, or none built yet: still a page, so the reload script can bring the site in.
NOT_FOUND = (b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 Not Found</title></head>\n'
             b"<body><h1>404 Not Found</h1></body></html>\n")


def asset(url_path: str) -> Path | None:
    name = ASSETS.get(url_path)
    return ASSET_FOLDER / name if name else None


def inject(html: bytes, snapshot: Snapshot) -> bytes:
    """`html` with the reload script before its last </body> (at the end when it has none)."""
    tag = f'<script src="{PREFIX}reload.js" data-build="{escape(snapshot.build)}"></script>\n'.encode()
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + tag
    at = ends[-1].start()
    return html[:at] + tag + html[at:]


def local_base(html: bytes) -> bytes:
    """404.html names the public site in <base href> (it is served at any depth); here the site is at /."""
    return _BASE.sub(b'<base href="/">', html, count=1)


def wait_script(snapshot: Snapshot) -> bytes:
    # ensure_ascii keeps U+2028/U+2029 out of the script, where older engines end a string at them
    return f"window.bulletinServe && bulletinServe({json.dumps(snapshot.as_json(), ensure_ascii=True)});\n".encode()
