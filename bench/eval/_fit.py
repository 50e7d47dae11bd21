"""Fit the weights of the title-or-subheading evidence (generator/ingest/evidence.py) on the corpus's
tune half: `python -m bench.eval.ingest --fit`.

Every heading that the weighed evidence decides is a sample: its evidence vector and whether the
bulletin's gold has it as a title or a subheading. The weights are an L2-regularised logistic
regression over them (Newton's method; a dozen features need no library). They are checked
leave-one-bulletin-out: each tune bulletin is ingested with the weights fitted on the others, and
its wrong decisions are counted, so a weight that only fits one bulletin shows up as errors there.
The features of a heading depend on the decisions before it (the article so far), so the samples
come from ingesting with the weights in force; fit, paste, and fit again until they settle.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy

from generator.ingest import evidence

RIDGE = 0.3  # the L2 penalty: weights stay of a size a change of one bulletin cannot swing much


@dataclass(frozen=True)
class Sample:
    bulletin: str
    vector: dict[str, float]
    title: bool


def samples_of(name: str, plan, titles: set[str], subheadings: set[str], squeeze) -> list[Sample]:
    """The weighed decisions of one ingested bulletin whose heading the gold has as a title or a subheading."""
    out = []
    for decision in plan.decisions:
        if decision.evidence is None:
            continue
        text = squeeze(decision.text)
        heading = squeeze(decision.heading)
        is_title = text in titles or heading in titles
        if is_title or text in subheadings or heading in subheadings:
            out.append(Sample(name, decision.evidence.vector(), is_title))
    return out


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix @ x = vector (least squares: a feature no sample has leaves the matrix singular)."""
    return numpy.linalg.lstsq(numpy.array(matrix), numpy.array(vector), rcond=None)[0].tolist()


def fit(samples: list[Sample], names: list[str], ridge: float = RIDGE) -> tuple[dict[str, float], float]:
    """(weights, bias) of the logistic regression of title against subheading."""
    size = len(names) + 1
    theta = [0.0] * size
    data = [([s.vector[name] for name in names] + [1.0], 1.0 if s.title else 0.0) for s in samples]
    for _ in range(50):
        gradient = [ridge * t for t in theta[:-1]] + [0.0]
        hessian = [[0.0] * size for _ in range(size)]
        for i in range(size - 1):
            hessian[i][i] = ridge
        for x, y in data:
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(theta, x))))
            p = 1 / (1 + math.exp(-z))
            for i in range(size):
                gradient[i] += (p - y) * x[i]
                for j in range(size):
                    hessian[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hessian, gradient)
        theta = [t - s for t, s in zip(theta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {name: round(theta[i], 2) for i, name in enumerate(names)}, round(theta[-1], 2)


@contextmanager
def weights_in_force(weights: dict[str, float], bias: float) -> Iterator[None]:
    saved, saved_bias = dict(evidence.WEIGHTS), evidence.BIAS
    evidence.WEIGHTS.update(weights)
    evidence.BIAS = bias
    try:
        yield
    finally:
        evidence.WEIGHTS.clear()
        evidence.WEIGHTS.update(saved)
        evidence.BIAS = saved_bias
