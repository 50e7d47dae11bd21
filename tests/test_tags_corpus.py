"""The tagger keeps its scores on the development corpus (bench/eval/tags.py, `make eval`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval import tags  # noqa: E402


@pytest.fixture(scope="module")
def tagger():
    return tags.Tagger(tags.load_taxonomy(tags.TAXONOMY))


@pytest.mark.parametrize("split", ["tune", "heldout", "sample"])
def test_tags_on_the_true_articles_keep_their_floor(tagger, split):
    true, _ = tags.score(split, tagger, end_to_end=False)
    assert true.articles > 40
    assert not tags.misses(true, tags.FLOORS[split]), true.row(split)
