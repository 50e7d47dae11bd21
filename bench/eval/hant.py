"""zh-Hant accuracy on the phrase set (tests/corpus/hant/phrases.yml), per configuration, class and half.

`python -m bench.eval hant [--split tune|heldout|all]`; `python -m bench.eval.hant --split unseen` scores
the unseen set alone; `python -m bench.eval.hant --failures` lists what a configuration gets wrong on the
tune half (the held-out half and the unseen set are scored, never listed).

The unseen set (tests/corpus/hant/unseen.yml, its own split `unseen`) was written in the style of other
industries' bulletins before the conversion's second round was tuned, and is never tuned on: it tells
how the conversion does on text nobody looked at while writing it. It is reported, not held to the floor.

Configurations: plain OpenCC (s2t, s2tw, s2twp); s2twp with the built-in fixes the build had before
this conversion (`_hant_baseline`); ours (`generator.text.hant`); and ours as a new
site gets it: a site without this repository's content/hant-overrides.yml, built with `bulletin
build`, its zh-Hant article page read back. The floor: through a fresh site, at least FLOOR of the
pairs that are not ambiguous, in each half scored.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import opencc
import yaml

ROOT = Path(__file__).resolve().parents[2]
PHRASES = ROOT / "tests" / "corpus" / "hant" / "phrases.yml"
UNSEEN = PHRASES.with_name("unseen.yml")  # its pairs have no `split`: they are all `unseen`
FLOOR = 0.95
SPLITS = ("tune", "heldout")  # held to the floor
REPORTED = (*SPLITS, "unseen")


@dataclass(frozen=True)
class Pair:
    zh: str
    accepted: tuple[str, ...]
    kind: str  # the error class it tests
    split: str
    ambiguous: bool


def load_pairs(paths: Iterable[Path] = (PHRASES, UNSEEN)) -> list[Pair]:
    return [Pair(entry["zh"], tuple(entry["tw"]) if isinstance(entry["tw"], list) else (entry["tw"],), kind,
                 entry.get("split", "unseen"), bool(entry.get("ambiguous")))
            for path in paths for kind, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items() for entry in entries]


def _opencc(config: str) -> Callable[[list[str]], list[str]]:
    converter = opencc.OpenCC(config)
    return lambda texts: [converter.convert(text) for text in texts]


def _old_fixes(texts: list[str]) -> list[str]:
    from bench.eval import _hant_baseline as hant_baseline

    converter = hant_baseline.converter()
    return [converter(text) for text in texts]


def _ours(texts: list[str]) -> list[str]:
    from generator.text.hant.taiwan import Taiwan

    taiwan = Taiwan()
    return [taiwan(text) for text in texts]


def _fresh_site(texts: list[str]) -> list[str]:
    """Each text a paragraph of one article of a new site; its zh-Hant page read back."""
    from bs4 import BeautifulSoup

    from generator.cli import main as bulletin

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "site.yml").write_text("title: 试验\neditions:\n  - {language: zh-Hant, opencc: s2twp}\n", encoding="utf-8")
        (project / "content").mkdir()
        body = "\n\n".join(text.replace("*", "\\*") for text in texts)
        (project / "content" / "phrases.md").write_text(f"---\ntitle: 短语\ndate: 2024-05-06\nslug: phrases\n---\n{body}\n", encoding="utf-8")
        if bulletin(["build", "--config", str(project / "site.yml"), "--content", str(project / "content"), "--out", str(project / "output")]) != 0:
            raise SystemExit("the fresh site did not build")
        page = BeautifulSoup((project / "output" / "zh-hant" / "articles" / "phrases.html").read_text(encoding="utf-8"), "html.parser")
        paragraphs = [p.get_text() for p in page.select("article p") if p.find_parent("article")]
    body_paragraphs = paragraphs[-len(texts):]
    if len(body_paragraphs) != len(texts):
        raise SystemExit(f"the fresh site's page has {len(paragraphs)} paragraphs for {len(texts)} phrases")
    return body_paragraphs


CONFIGURATIONS: dict[str, Callable[[list[str]], list[str]]] = {
    "s2t": _opencc("s2t"),
    "s2tw": _opencc("s2tw"),
    "s2twp": _opencc("s2twp"),
    "s2twp + fixes": _old_fixes,
    "ours": _ours,
    "ours, fresh site": _fresh_site,
}


def score(results: dict[str, dict[str, str]], pairs: Iterable[Pair]) -> dict[str, tuple[int, int]]:
    """Right and total per configuration."""
    pairs = list(pairs)
    return {name: (sum(converted[pair.zh] in pair.accepted for pair in pairs), len(pairs)) for name, converted in results.items()}


def run(configurations: Iterable[str] = CONFIGURATIONS) -> tuple[list[Pair], dict[str, dict[str, str]]]:
    pairs = load_pairs()
    texts = list(dict.fromkeys(pair.zh for pair in pairs))
    return pairs, {name: dict(zip(texts, CONFIGURATIONS[name](texts))) for name in configurations}


def _cell(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "–"


def report(pairs: list[Pair], results: dict[str, dict[str, str]], splits: Iterable[str]) -> tuple[str, dict[str, float]]:
    """A Markdown table per half; the accuracy through a fresh site per half."""
    lines, fresh = [], {}
    kinds = list(dict.fromkeys(pair.kind for pair in pairs))
    for split in splits:
        scored = [pair for pair in pairs if pair.split == split and not pair.ambiguous]
        ambiguous = [pair for pair in pairs if pair.split == split and pair.ambiguous]
        lines += [f"\n### {split} split: {len(scored)} pairs scored, {len(ambiguous)} ambiguous apart\n",
                  "| configuration | all | " + " | ".join(kinds) + " | ambiguous |",
                  "|---" * (len(kinds) + 3) + "|"]
        overall = score(results, scored)
        by_kind = {kind: score(results, [pair for pair in scored if pair.kind == kind]) for kind in kinds}
        apart = score(results, ambiguous)
        for name in results:
            lines.append(f"| {name} | **{_cell(*overall[name])}** | " + " | ".join(_cell(*by_kind[kind][name]) for kind in kinds)
                         + f" | {_cell(*apart[name])} |")
        if "ours, fresh site" in overall:
            right, total = overall["ours, fresh site"]
            fresh[split] = right / total
    return "\n".join(lines), fresh


def main(split: str = "all") -> int:
    splits = REPORTED if split == "all" else (split,)
    pairs, results = run()
    table, fresh = report(pairs, results, splits)
    print("## zh-Hant conversion (tests/corpus/hant/phrases.yml, unseen.yml)")
    print(table)
    missed = {half: accuracy for half, accuracy in fresh.items() if accuracy < FLOOR and half in SPLITS}
    for half, accuracy in missed.items():
        print(f"\nFLOOR MISSED: {half} half through a fresh site {accuracy:.3f} < {FLOOR}")
    return 1 if missed else 0


def failures(configuration: str = "ours") -> list[tuple[Pair, str]]:
    """What `configuration` gets wrong on the tune half."""
    pairs, results = run([configuration])
    return [(pair, results[configuration][pair.zh]) for pair in pairs
            if pair.split == "tune" and results[configuration][pair.zh] not in pair.accepted]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", metavar="CONFIGURATION", nargs="?", const="ours", help="list the tune half's failures")
    parser.add_argument("--split", choices=(*REPORTED, "all"), default="all", help="which split to score (default: each apart)")
    args = parser.parse_args()
    if args.failures:
        for pair, got in failures(args.failures):
            print(f"{pair.kind:13} {'?' if pair.ambiguous else ' '} {pair.zh}  ->  {got}   (want {' / '.join(pair.accepted)})")
        sys.exit(0)
    sys.exit(main(args.split))
