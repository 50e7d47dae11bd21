"""Ingest accuracy on the development corpus (tests/corpus/) cannot drop unnoticed: every half keeps
the floors set in bench/eval/ingest.py (`make eval` prints the full report)."""

from __future__ import annotations

import sys

import pytest

from ingest_helpers import ROOT

sys.path.insert(0, str(ROOT))

from bench.eval import ingest as scorer  # noqa: E402


@pytest.fixture(scope="module")
def halves():
    return scorer.evaluate("all")


@pytest.mark.parametrize("half", ["tune", "heldout", "sample"])
def test_each_half_keeps_its_floors(halves, half):
    scores = halves[half]
    whole = scorer.total("total", scores) if len(scores) > 1 else scores[0]
    assert scorer.meets(whole, scorer.FLOORS[half]) == [], "\n".join(scorer.row(score) for score in scores)


def test_every_bulletin_is_ingested_without_hints_or_a_date(halves):
    for score in (score for scores in halves.values() for score in scores):
        assert score.error is None, f"{score.name}: {score.error}"
        assert score.date == 1, f"{score.name}: the issue date was not found in the text"
        assert score.left == 0, f"{score.name}: page furniture or contents left in an article"


def test_the_corpus_has_every_layout_in_both_halves(halves):
    for half in ("tune", "heldout"):
        layouts = {score.layout for score in halves[half]}
        assert layouts == {"double-spaced", "pdftotext", "pdftotext-layout", "numbered-monthly", "web"}, half
