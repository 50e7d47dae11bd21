"""OpenCC's own data files, as shipped with its Python package: where they are, and their entries."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import opencc

SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
COMPILER = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
CACHE = Path(tempfile.gettempdir()) / "bulletin-opencc"  # what is made from them once, for every later process


def entries(file: str | Path) -> list[tuple[str, str]]:
    """(key, first value) of each entry of a compiled dictionary, read back with OpenCC's own tool."""
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "dictionary.txt"
        subprocess.run([str(COMPILER), "-i", str(file), "-o", str(text), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        lines = text.read_text(encoding="utf-8").splitlines()
    return [(key, values.split(" ")[0]) for key, _, values in (line.partition("\t") for line in lines) if key]


def taiwan_phrases(cache: Path = CACHE) -> dict[str, str]:
    """OpenCC's Taiwan phrases (TWPhrases) with Simplified keys: Simplified word -> Taiwan word.

    The table's keys are Traditional, as s2twp applies it after s2t; read once per OpenCC version
    and kept as JSON in `cache`."""
    path = cache / f"TWPhrases-{opencc.__version__}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    simplified = opencc.OpenCC("t2s").convert
    table = {simplified(key): value for key, value in entries(SHARE / "TWPhrases.ocd2")}
    cache.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    temporary.replace(path)
    return table
