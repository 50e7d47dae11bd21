"""OpenCC, customised as OpenCC is meant to be: its s2tw configuration with our dictionaries added.

The configuration is OpenCC's own `s2tw.json` (Taiwan standard characters) with two dictionaries
put in front: the Taiwan vocabulary (`vocabulary.yml`) in its segmentation and first conversion step,
and the words of a general dictionary in its segmentation only. OpenCC cuts a text at the longest
dictionary entry at each place; with whole words to choose from, it no longer matches one of its
phrases across a word's edge (整|机制|造 became 整機制造, 对|手表|示 對手錶示).

The dictionaries are compiled with OpenCC's own tool (`opencc_dict`, shipped with the package) into
its fast format, once: the files are kept in the temporary folder under a digest of their entries
and OpenCC's version, so every later process only loads them.

Each configuration is then flattened (`_flat`) into one dictionary that both cuts the text and
converts it: every entry that can be a segment, written as the whole chain writes it. OpenCC cuts a
text into segments once and passes each segment through every step of its chain on its own, so a
segment converted in one lookup comes out the same; one lookup instead of four dictionary groups
makes the conversion about twice as fast.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import opencc

from generator.text.hant import lexicon, opencc_data, segmenter
from generator.text.hant.opencc_data import COMPILER, SHARE
from generator.text.pieces import convert_apart

CACHE = opencc_data.CACHE


def _absolute(node):
    """`node` with every dictionary file named by its path in OpenCC's data folder."""
    if isinstance(node, dict):
        return {key: (str(SHARE / value) if key == "file" else _absolute(value)) for key, value in node.items()}
    if isinstance(node, list):
        return [_absolute(item) for item in node]
    return node


def _dictionary_text(entries: dict[str, str]) -> str:
    return "".join(f"{key}\t{value}\n" for key, value in sorted(entries.items()))


def _write_atomically(path: Path, write) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    write(temporary)
    temporary.replace(path)  # another process compiling the same file at once writes the same bytes


def _compiled(name: str, entries: Callable[[], dict[str, str]], version: str | None = None) -> dict:
    """A compiled OpenCC dictionary of `entries()`, compiled now unless an earlier process did; named
    by `version` when given (what the entries come from), else by a digest of the entries."""
    text = None if version else _dictionary_text(entries())
    digest = hashlib.sha256(f"{opencc.__version__}\n{version or text}".encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{digest}.ocd2"
    if not path.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        source = CACHE / f".{name}-{digest}.{os.getpid()}.txt"
        source.write_text(text or _dictionary_text(entries()), encoding="utf-8")
        try:
            _write_atomically(path, lambda target: subprocess.run(
                [str(COMPILER), "-i", str(source), "-o", str(target), "-f", "text", "-t", "ocd2"], check=True, capture_output=True))
        finally:
            source.unlink(missing_ok=True)
    return {"type": "ocd2", "file": str(path)}


def _s2tw() -> dict:
    """OpenCC's s2tw configuration, with the characters Taiwan newspapers print as its last step."""
    config = _absolute(json.loads((SHARE / "s2tw.json").read_text(encoding="utf-8")))
    characters = lexicon.characters()
    config["conversion_chain"].append({"dict": _compiled("characters", lambda: characters["characters"] | characters["phrases"])})
    return config


def _handle(config: dict) -> tuple[opencc.OpenCC, str]:
    """OpenCC with `config`, and the digest of the configuration."""
    text = json.dumps(config, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    path = CACHE / f"taiwan-{digest}.json"
    if not path.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))
    return opencc.OpenCC(str(path)), digest


def _opencc(config: dict) -> opencc.OpenCC:
    return _handle(config)[0]


def _dictionary_files(node) -> Iterator[str]:
    if isinstance(node, dict):
        if "file" in node:
            yield node["file"]
        for value in node.values():
            yield from _dictionary_files(value)
    elif isinstance(node, list):
        for item in node:
            yield from _dictionary_files(item)


def _flat(config: dict) -> opencc.OpenCC:
    """The same conversion as `config`, with one dictionary for its segmentation and its chain.

    A segment is an entry of the segmentation or of the first step's dictionaries, or one character;
    later steps can change a character the first leaves as it is (臺 -> 台). Each of these is one
    segment when converted alone, so the chain's result on it is what the flat dictionary writes."""
    chained, digest = _handle(config)
    def entries() -> dict[str, str]:
        first = [*_dictionary_files(config["segmentation"]), *_dictionary_files(config["conversion_chain"][0])]
        later = _dictionary_files(config["conversion_chain"][1:])
        found = {key for file in dict.fromkeys(first) for key, _ in opencc_data.entries(file)}
        found.update(key for file in dict.fromkeys(later) for key, _ in opencc_data.entries(file) if len(key) == 1)
        keys = sorted(key for key in found if "\n" not in key)
        return dict(zip(keys, convert_apart(chained.convert, keys)))
    flat = _compiled("flat", entries, digest)
    return _opencc({"name": f"{config.get('name', '')} (flat)", "normalization": config.get("normalization", []),
                    "segmentation": {"type": "mmseg", "dict": flat}, "conversion_chain": [{"dict": flat}]})


OPEN, CLOSE = "\x01", "\x02"  # what marking dictionaries put around each word they find


def _marked(words: Iterable[str]) -> dict[str, str]:
    """Each of `words` written as it is, between marks."""
    return {word: f"{OPEN}{word}{CLOSE}" for word in words}


def taiwan(marked: Callable[[], Iterable[str]] | None = None, version: str = "") -> opencc.OpenCC:
    """Taiwan characters, with the Taiwan vocabulary and whole words to cut at; the `marked` words,
    when given, are left as they are between marks, for the caller to decide. They share one
    dictionary with the vocabulary, so that the longest entry wins inside a segment too (信息通信业,
    not a marked 信息 and 通信业)."""
    config = _s2tw()
    if marked:
        dictionaries = [_compiled("vocabulary-marked", lambda: _marked(marked()) | lexicon.vocabulary(), version)]
    else:
        dictionaries = [_compiled("vocabulary", lexicon.vocabulary)]
    words = _compiled("words", lambda: {word: word for word in segmenter.words()}, segmenter.VERSION)
    segmentation = config["segmentation"]["dict"]
    config["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [*dictionaries, words, segmentation]}
    first = config["conversion_chain"][0]["dict"]
    config["conversion_chain"][0]["dict"] = {"type": "group", "match_policy": "short_circuit", "dicts": [*dictionaries, copy.deepcopy(first)]}
    return _flat(config)


class Finder:
    """Every occurrence of many words in a text, the longest at each place from the left, found by
    OpenCC's own longest match: a dictionary that writes each word between marks, and nothing else."""

    def __init__(self, name: str, words: Callable[[], Iterable[str]], version: str):
        dictionary = _compiled(name, lambda: _marked(words()), version)
        self._opencc = _opencc({"name": name, "segmentation": {"type": "mmseg", "dict": dictionary}, "conversion_chain": [{"dict": dictionary}]})

    def __call__(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each word found in `text`, in order."""
        found, removed = [], 0
        for start, end in marked_spans(self._opencc.convert(text)):
            found.append((start - removed - 1, end - removed - 1))
            removed += 2
        return found


def marked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of what stands between each pair of marks."""
    spans, position = [], text.find(OPEN)
    while position >= 0:
        close = text.index(CLOSE, position)
        spans.append((position + 1, close))
        position = text.find(OPEN, close)
    return spans


def characters() -> opencc.OpenCC:
    """Taiwan characters only: names are converted by their characters."""
    return _flat(_s2tw())
