"""Tags on the development corpus: `make eval`, or `python -m bench.eval tags --split heldout`.

Every article of tests/corpus/sources/ is tagged by ingest's tagger with the shipped taxonomy
(content/tags.yml) and compared with the gold tags an editor chose (rules in tests/corpus/README.md):

- precision, recall and micro F1 of the (article, tag) pairs;
- wrong: the share of articles given at least one tag the editor did not choose;
- per article: tags given, and gold tags, per article on average.

Two ways in: `true`, the bulletin's true articles (title, subtitle, body) tagged directly, and
`ingest`, end to end: the rendered raw text (tests/corpus/raw/<name>.txt, when it exists) ingested
as a new user would (with the hints file beside it, if any: the sample ships one), its articles
matched to the gold ones by title. The sample bulletin (its gold
tags in tests/corpus/sample/*.tags.yml) is reported apart from the two halves.

`python -m bench.eval.tags --show NAME` lists a tune or sample bulletin's differences; held-out
bulletins are reported as numbers only.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
sys.path[:0] = [str(ROOT), str(CORPUS)]

from render.source import Bulletin, Paragraph, Subheading, Table, load_bulletin  # noqa: E402

from generator.tags.evidence import FEATURES, features  # noqa: E402
from generator.tags.tagger import Tagger  # noqa: E402
from generator.taxonomy import load_taxonomy  # noqa: E402

TAXONOMY = ROOT / "content" / "tags.yml"
SAMPLE = CORPUS / "sample" / "bulletin-2021-08-12.yml"
SAMPLE_TAGS = CORPUS / "sample" / "bulletin-2021-08-12.tags.yml"
SAMPLE_RAW = ROOT / "content" / "raw" / "2021-08-12.txt"

# The targets of issue 12 on the held-out half: `make eval` fails below them.
TARGETS = {"precision": 0.85, "f1": 0.85, "wrong": 0.10}
# What each half must keep (tests/test_tags_corpus.py), true articles: set just under the current figures.
FLOORS = {
    "tune": {"precision": 0.92, "f1": 0.85, "wrong": 0.13},  # the tune half grew by ingest's new bulletins
    "heldout": {"precision": 0.87, "f1": 0.78, "wrong": 0.20},
    "sample": {"precision": 0.85, "f1": 0.83, "wrong": 0.26},
}


def misses(score: Score, limits: dict[str, float]) -> list[str]:
    """The figures of `score` on the wrong side of `limits` ('wrong' is a ceiling, the rest floors)."""
    return [f"{key} {getattr(score, key):.2f} (limit {limit:.2f})" for key, limit in limits.items()
            if (getattr(score, key) > limit if key == "wrong" else getattr(score, key) < limit)]


@dataclass(frozen=True)
class Case:
    """One article: its text as the tagger sees it, the gold tags and the tags given."""

    bulletin: str
    title: str
    gold: tuple[str, ...]
    given: tuple[str, ...]


@dataclass
class Score:
    articles: int = 0
    gold: int = 0
    given: int = 0
    hits: int = 0
    wrong_articles: int = 0
    cases: list[Case] = field(default_factory=list)

    def add(self, case: Case) -> None:
        self.cases.append(case)
        self.articles += 1
        self.gold += len(case.gold)
        self.given += len(case.given)
        self.hits += len(set(case.gold) & set(case.given))
        self.wrong_articles += bool(set(case.given) - set(case.gold))

    @property
    def precision(self) -> float:
        return self.hits / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def wrong(self) -> float:
        return self.wrong_articles / self.articles if self.articles else 0.0

    def row(self, label: str) -> str:
        if not self.articles:
            return f"{label:<24} (nothing to score)"
        return (f"{label:<24} {self.articles:>4} {self.precision:>6.2f} {self.recall:>6.2f} {self.f1:>6.2f} "
                f"{self.wrong:>6.0%} {self.given / self.articles:>6.1f} {self.gold / self.articles:>6.1f}")


HEADER = f"{'tags':<24} {'arts':>4} {'prec':>6} {'recall':>6} {'F1':>6} {'wrong':>6} {'given':>6} {'gold':>6}"


def article_paragraphs(blocks) -> list[str]:
    """An article's body as ingest hands it to the tagger: paragraphs, subheadings, table rows."""
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out += [" ".join(row) for row in block.rows]
        elif isinstance(block, (Paragraph, Subheading)):
            out.append(block.text)
    return out


def squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def true_cases(bulletin: Bulletin, tagger: Tagger, gold: dict[str, tuple[str, ...]]) -> list[Case]:
    """The bulletin's true articles, each tagged from its title, subtitle and body."""
    return [Case(bulletin.name, a.title, gold[squeeze(a.title)],
                 tuple(tagger.suggest(a.title, article_paragraphs(a.body), a.subtitle))) for a in bulletin.articles]


def ingest_cases(bulletin: Bulletin, raw: Path, gold: dict[str, tuple[str, ...]]) -> list[Case]:
    """The raw text ingested as a new user would; found articles matched to gold ones by title
    (an article ingest did not find counts with no tags, one it invented with the tags it got)."""
    from generator.ingest.batch import hints_beside
    from generator.ingest.hints import Hints, load_hints
    from generator.ingest.pipeline import Options, plan_ingest

    hints = hints_beside(raw)  # the sample ships its hints, as an editor keeps them beside the raw file
    plan = plan_ingest(raw.read_bytes(), f"/tmp/{bulletin.name[:4]}.txt",
                       Options(hints=load_hints(hints) if hints else Hints(), taxonomy=load_taxonomy(TAXONOMY)))
    found = {squeeze(item.article.title): tuple(item.tags) for item in plan.articles}
    cases = [Case(bulletin.name, title, tags, found.get(title, ())) for title, tags in gold.items()]
    cases += [Case(bulletin.name, title, (), tags) for title, tags in found.items() if title not in gold]
    return cases


def sample_gold(bulletin: Bulletin) -> dict[str, tuple[str, ...]]:
    entries = yaml.safe_load(SAMPLE_TAGS.read_text(encoding="utf-8")) or []
    by_title = {squeeze(entry["title"]): tuple(entry["tags"]) for entry in entries}
    missing = [a.title for a in bulletin.articles if squeeze(a.title) not in by_title]
    if missing:
        raise SystemExit(f"{SAMPLE_TAGS}: no gold tags for {missing[0]}")
    return by_title


def corpus(split: str) -> list[tuple[Bulletin, dict[str, tuple[str, ...]], Path]]:
    """(bulletin, gold tags by squeezed title, raw file) of the split ('sample' for the sample)."""
    if split == "sample":
        if not (SAMPLE.exists() and SAMPLE_TAGS.exists()):
            return []
        bulletin = load_bulletin(SAMPLE)
        return [(bulletin, sample_gold(bulletin), SAMPLE_RAW)]
    out = []
    for path in sorted((CORPUS / "sources").glob("*.yml")):
        bulletin = load_bulletin(path)
        if bulletin.split == split:
            gold = {squeeze(a.title): a.tags for a in bulletin.articles}
            out.append((bulletin, gold, CORPUS / "raw" / f"{bulletin.name}.txt"))
    return out


def score(split: str, tagger: Tagger, end_to_end: bool = True) -> tuple[Score, Score | None]:
    """Scores of the true articles and, when asked and every raw file of the split exists, end to end."""
    true = Score()
    bulletins = corpus(split)
    for bulletin, gold, _ in bulletins:
        for case in true_cases(bulletin, tagger, gold):
            true.add(case)
    if not (end_to_end and bulletins and all(raw.exists() for _, _, raw in bulletins)):
        return true, None
    through = Score()
    for bulletin, gold, raw in bulletins:
        for case in ingest_cases(bulletin, raw, gold):
            through.add(case)
    return true, through


def show(name: str, tagger: Tagger) -> None:
    for split in ("tune", "sample"):
        for bulletin, gold, _ in corpus(split):
            if bulletin.name != name:
                continue
            for case in true_cases(bulletin, tagger, gold):
                extra, missed = set(case.given) - set(case.gold), set(case.gold) - set(case.given)
                mark = "  " if not (extra or missed) else "!!"
                print(f"{mark} {case.title[:40]:<40} gold {','.join(case.gold)}  given {','.join(case.given)}"
                      + (f"  +{','.join(sorted(extra))}" if extra else "") + (f"  -{','.join(sorted(missed))}" if missed else ""))
            return
    raise SystemExit(f"{name}: not a tune or sample bulletin (held-out bulletins are scored, never shown)")


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix @ x = vector (least squares: a feature no sample has leaves the matrix singular)."""
    return numpy.linalg.lstsq(numpy.array(matrix), numpy.array(vector), rcond=None)[0].tolist()


def training_set(tagger: Tagger) -> tuple[list[tuple[float, ...]], list[float]]:
    """The evidence of every candidate tag of every tune article, and whether the editor chose it."""
    rows, labels = [], []
    for bulletin, gold, _ in corpus("tune"):
        for article in bulletin.articles:
            for evidence in tagger.evidence(article.title, article_paragraphs(article.body), article.subtitle):
                rows.append(features(evidence))
                labels.append(float(evidence.tag in gold[squeeze(article.title)]))
    return rows, labels


def fit(tagger: Tagger, l2: float = 1.0, rounds: int = 25) -> dict[str, float]:
    """Logistic regression of the editor's choices on the evidence (Newton's method, L2-regularised
    so that no weight leans on a handful of articles): the tagger's weights."""
    rows, labels = training_set(tagger)
    n = len(FEATURES)
    weights = [0.0] * n
    for _ in range(rounds):
        gradient = [l2 * w if i else 0.0 for i, w in enumerate(weights)]
        hessian = [[(l2 if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for row, label in zip(rows, labels):
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(w * x for w, x in zip(weights, row))))))
            for i in range(n):
                gradient[i] += (p - label) * row[i]
                for j in range(n):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        hessian[0][0] += 1e-6
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step)]
    return dict(zip(FEATURES, weights))


def main(split: str = "all") -> int:
    tagger = Tagger(load_taxonomy(TAXONOMY))
    splits = ("tune", "heldout", "sample") if split == "all" else (split,)
    print(HEADER)
    status = 0
    for name in splits:
        true, end_to_end = score(name, tagger)
        print(true.row(f"{name} (true articles)"))
        if end_to_end is not None:
            print(end_to_end.row(f"{name} (through ingest)"))
        if name == "heldout" and true.articles and misses(true, TARGETS):
            print(f"held-out tags below the issue 12 targets: {', '.join(misses(true, TARGETS))}")
            status = 1
    return status


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "heldout", "sample", "all"), default="all")
    parser.add_argument("--show", metavar="NAME", help="list a tune or sample bulletin's differences")
    parser.add_argument("--fit", action="store_true", help="fit the tagger's weights on the tune half and print them")
    args = parser.parse_args()
    if args.fit:
        fitted = fit(Tagger(load_taxonomy(TAXONOMY)))
        print("\n".join(f"{name:<20} {weight:+.2f}" for name, weight in fitted.items()))
        print("WEIGHTS:", ", ".join(f"{weight:.2f}" for weight in fitted.values()))
        sys.exit(0)
    if args.show:
        show(args.show, Tagger(load_taxonomy(TAXONOMY)))
        sys.exit(0)
    sys.exit(main(args.split))
