"""OpenCC, customised as OpenCC is meant to be: its s2tw configuration with our dictionaries added.

The configuration is OpenCC's own `s2tw.json` (Taiwan standard characters) with two text
dictionaries put in front: the Taiwan vocabulary (`vocabulary.yml`) in its segmentation and first
conversion step, and the words of a general dictionary in its segmentation only. OpenCC cuts a text
at the longest dictionary entry at each place; with whole words to choose from, it no longer matches
one of its phrases across a word's edge (整|机制|造 became 整機制造, 对|手表|示 對手錶示).
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import opencc

from generator.text.hant import lexicon, segmenter

_SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def _absolute(node):
    """`node` with every dictionary file named by its path in OpenCC's data folder."""
    if isinstance(node, dict):
        return {key: (str(_SHARE / value) if key == "file" else _absolute(value)) for key, value in node.items()}
    if isinstance(node, list):
        return [_absolute(item) for item in node]
    return node


def _text_dictionary(path: Path, entries: dict[str, str]) -> dict:
    path.write_text("".join(f"{key}\t{value}\n" for key, value in entries.items()), encoding="utf-8")
    return {"type": "text", "file": str(path)}


def taiwan() -> opencc.OpenCC:
    """OpenCC s2tw with the Taiwan vocabulary and word boundaries."""
    config = _absolute(json.loads((_SHARE / "s2tw.json").read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="bulletin-opencc-") as folder:
        vocabulary = _text_dictionary(Path(folder) / "vocabulary.txt", lexicon.vocabulary())
        words = _text_dictionary(Path(folder) / "words.txt", {word: word for word in segmenter.words()})
        segmentation = config["segmentation"]["dict"]
        config["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [vocabulary, words, segmentation]}
        first = config["conversion_chain"][0]["dict"]
        config["conversion_chain"][0]["dict"] = {"type": "group", "match_policy": "short_circuit", "dicts": [vocabulary, copy.deepcopy(first)]}
        path = Path(folder) / "taiwan.json"
        path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


def characters() -> opencc.OpenCC:
    """OpenCC s2tw as it is: names are converted by their characters."""
    return opencc.OpenCC("s2tw")
