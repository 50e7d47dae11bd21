"""Ingest structure on the development corpus: `make eval`, or `python -m bench.eval ingest`.

Every bulletin of tests/corpus/ is ingested as a new user would (no hints, no `--date`, a file
name that gives nothing away) and compared with its source, the gold answer:

- titles: F1 of the article titles found (spaces ignored);
- section: share of the gold articles found with the right section;
- subheads: F1 of the subheadings found;
- bounds: share of the gold articles found whose first and last paragraphs are right;
- meta: share of the gold articles found whose subtitle, part, author and source are all right;
- left: pieces of text in articles that the bulletin's articles do not contain (furniture, contents);
- kept: share of the articles' characters (titles, bylines, paragraphs, subheadings, tables) that
  the output keeps;
- date / pub. / no.: the issue date, the publication's name and the issue number found in the text;
- flagged: wrong title-or-subheading decisions that `--dry-run` flags, of all wrong ones, and right
  decisions flagged, of all right ones;
- missed: titles and subheadings that never came up for a decision (read as text, a banner or a
  byline); they show as errors in the other columns.

The sample bulletin (its structure in tests/corpus/sample/) is reported apart from the two halves.
`python -m bench.eval.ingest --show NAME` lists a tune or sample bulletin's errors; held-out
bulletins are reported as numbers only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
sys.path[:0] = [str(ROOT), str(CORPUS)]

from generator.errors import BulletinError  # noqa: E402
from generator.ingest.pipeline import Options, Plan, plan_ingest  # noqa: E402
from generator.taxonomy import load_taxonomy  # noqa: E402
from render.source import Bulletin, Paragraph, Subheading, Table, load_bulletin  # noqa: E402

SAMPLE_SOURCE = CORPUS / "sample" / "bulletin-2021-08-12.yml"
SAMPLE_RAW = ROOT / "content" / "raw" / "2021-08-12.txt"

# The targets of issue 11 on the held-out half and the sample; `make eval` fails below them.
TARGETS = {"titles": 0.97, "section": 0.97, "subheads": 0.93, "bounds": 0.93, "kept": 1.0, "left": 0, "date": 1.0}
# What each half must keep (`make eval` fails below them, and so does tests/test_ingest_corpus.py):
# just under the figures reached, so that accuracy cannot drop unnoticed. Raise them as it improves.
FLOORS = {
    "tune": {"titles": 0.99, "section": 0.99, "subheads": 0.99, "bounds": 0.98, "kept": 1.0, "left": 0, "date": 1.0},
    "heldout": {"titles": 0.98, "section": 0.97, "subheads": 0.94, "bounds": 0.94, "kept": 1.0, "left": 0,
                "date": 1.0},
    "sample": {"titles": 0.98, "section": 0.97, "subheads": 0.99, "bounds": 0.95, "kept": 1.0, "left": 0, "date": 1.0},
}


def squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@dataclass
class Unit:
    """A piece of an article as the scorer compares it: its kind and its text without spaces."""

    kind: str
    text: str


@dataclass
class Found:
    """An article as ingest produced it, reduced to what is scored."""

    title: str
    section: str
    subtitle: str
    part: str
    author: str
    source: str
    paragraphs: list[str]
    subheadings: list[str]
    units: list[Unit]


def gold_articles(bulletin: Bulletin) -> list[Found]:
    out = []
    for article in bulletin.articles:
        units = [Unit("title", squeeze(article.title))]
        units += [Unit(kind, squeeze(value)) for kind, value in
                  (("subtitle", article.subtitle), ("author", article.author), ("source", article.source)) if value]
        for block in article.body:
            if isinstance(block, Table):
                units += [Unit("table", squeeze("".join(row))) for row in block.rows]
            else:
                units.append(Unit("subheading" if isinstance(block, Subheading) else "paragraph", squeeze(block.text)))
        out.append(Found(squeeze(article.title), squeeze(article.section), squeeze(article.subtitle),
                         squeeze(article.part), squeeze(article.author), squeeze(article.source),
                         [squeeze(p) for p in article.paragraphs], [squeeze(s) for s in article.subheadings], units))
    return out


def found_articles(plan: Plan) -> list[Found]:
    out = []
    for article in plan.segmented.articles:
        author = getattr(article, "author", None)
        source = getattr(article, "source", None)
        units = [Unit("title", squeeze(article.title))]
        units += [Unit(kind, squeeze(value)) for kind, value in
                  (("subtitle", (article.subtitle or "").lstrip("—-－ ")), ("author", author), ("source", source))
                  if value]
        for item in article.items:
            rows = getattr(item, "rows", None)
            if rows:
                units += [Unit("table", squeeze("".join(row))) for row in rows]
            else:
                units.append(Unit(item.kind, squeeze(item.text)))
        out.append(Found(squeeze(article.title), squeeze(article.section), squeeze((article.subtitle or "").lstrip("—-－ ")),
                         squeeze(article.part), squeeze(author), squeeze(source),
                         [squeeze(i.text) for i in article.items if i.kind == "paragraph"],
                         [squeeze(i.text) for i in article.items if i.kind == "subheading"], units))
    return out


def f1(gold: list[str], found: list[str]) -> float:
    if not gold and not found:
        return 1.0
    hits = sum((Counter(gold) & Counter(found)).values())
    precision = hits / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


_BYLINE_LABEL = re.compile(r"[（()）]|来源[:：]|作者[:：]")


def compare_text(gold: list[Unit], found: list[Unit], allowed: set[str], raw_text: str) -> tuple[int, int, list[str], list[str]]:
    """(gold characters kept, gold characters, leftover pieces, lost pieces): the output's text
    aligned with the gold text, unit by unit and then character by character where they differ. A
    leftover is a piece the output adds that is no part of any gold string (furniture, a contents
    entry); a lost piece is gold text the output does not have anywhere (a piece found elsewhere,
    such as a table cell read back in another order, was moved, not lost)."""
    leftovers: list[str] = []
    deleted: list[str] = []
    gold_text = [unit.text for unit in gold]
    found_text = [unit.text for unit in found]
    everything = "".join(found_text)
    matcher = SequenceMatcher(None, gold_text, found_text, autojunk=False)
    for op, g1, g2, f1_, f2 in matcher.get_opcodes():
        if op == "equal":
            continue
        left, right = "".join(gold_text[g1:g2]), "".join(found_text[f1_:f2])
        chars = SequenceMatcher(None, left, right, autojunk=False)
        for cop, a1, a2, b1, b2 in chars.get_opcodes():
            if cop in ("delete", "replace") and left[max(0, a1 - 3):a2 + 3] in raw_text:
                deleted.append(left[a1:a2])  # (text the extraction itself changed is not ingest's loss)
            if cop in ("insert", "replace"):
                piece = right[b1:b2]
                bare = _BYLINE_LABEL.sub("", piece)  # a byline printed as （来源：…） is misplaced, not furniture
                if len(bare) >= 2 and not any(bare in text for text in allowed):
                    leftovers.append(piece)
    lost = [part for piece in deleted for part in _not_found(piece, everything)]
    characters = sum(len(text) for text in gold_text)
    return characters - sum(len(piece) for piece in lost), characters, leftovers, [p for p in lost if len(p) >= 2]


def _not_found(piece: str, text: str) -> list[str]:
    """The parts of `piece` that `text` does not hold anywhere, covering the rest greedily with
    the longest pieces of two characters or more that it does hold."""
    missing: list[str] = []
    start = 0
    while start < len(piece):
        end = start + 2
        while end <= len(piece) and piece[start:end] in text:
            end += 1
        if end - 1 - start >= 2:
            start = end - 1
        else:
            if missing and missing[-1] and piece.find(missing[-1]) + len(missing[-1]) == start:
                missing[-1] += piece[start]
            else:
                missing.append(piece[start])
            start += 1
    return missing


@dataclass
class Score:
    name: str
    layout: str
    split: str
    gold_articles: int = 0
    found_articles: int = 0
    titles: float = 0.0
    section: float = 0.0
    subheads: float = 0.0
    bounds: float = 0.0
    meta: float = 0.0
    left: int = 0
    kept: float = 0.0
    date: float = 0.0
    publication: float = 0.0
    number: float | None = None
    wrong: int = 0
    wrong_flagged: int = 0
    right: int = 0
    right_flagged: int = 0
    missed: int = 0  # gold titles and subheadings that never came up as headings
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def _flagged_lines(plan: Plan) -> set[int]:
    flagged = set()
    for warning in plan.warnings:
        match = re.match(r"line (\d+):", warning)
        if match:
            flagged.add(int(match.group(1)))
    return flagged


def score_plan(bulletin: Bulletin, plan: Plan, score: Score, raw_text: str) -> Score:
    gold = gold_articles(bulletin)
    found = found_articles(plan)
    by_title: dict[str, Found] = {}
    for article in found:
        by_title.setdefault(article.title, article)
    problems = score.problems
    score.gold_articles, score.found_articles = len(gold), len(found)
    score.titles = f1([a.title for a in gold], [a.title for a in found])
    score.subheads = f1([s for a in gold for s in a.subheadings], [s for a in found for s in a.subheadings])
    sections = bounds = meta = 0
    for article in gold:
        match = by_title.get(article.title)
        if match is None:
            problems.append(f"title not found: {article.title}")
            continue
        if match.section == article.section:
            sections += 1
        else:
            problems.append(f"section {match.section or '-'} instead of {article.section}: {article.title}")
        first_last = (article.paragraphs[:1], article.paragraphs[-1:])
        if (match.paragraphs[:1], match.paragraphs[-1:]) == first_last:
            bounds += 1
        else:
            problems.append(f"boundaries wrong ({len(match.paragraphs)} paragraphs, not {len(article.paragraphs)}): "
                            f"{article.title}")
        fields = ("subtitle", "part", "author", "source")
        wrong_fields = [f"{name} {getattr(match, name) or '-'} not {getattr(article, name) or '-'}"
                        for name in fields if getattr(match, name) != getattr(article, name)]
        if wrong_fields:
            problems.append(f"{'; '.join(wrong_fields)}: {article.title}")
        else:
            meta += 1
    for article in found:
        if article.title not in {a.title for a in gold}:
            problems.append(f"extra title: {article.title}")
    gold_subheads = Counter(s for a in gold for s in a.subheadings)
    found_subheads = Counter(s for a in found for s in a.subheadings)
    problems += [f"subheading missed: {s}" for s in (gold_subheads - found_subheads).elements()]
    problems += [f"extra subheading: {s}" for s in (found_subheads - gold_subheads).elements()]
    total = max(1, len(gold))
    score.section, score.bounds, score.meta = sections / total, bounds / total, meta / total

    allowed = {unit.text for article in gold for unit in article.units}
    allowed |= {squeeze(section.name) for section in bulletin.sections}
    allowed |= {squeeze(a.part) for a in bulletin.articles if a.part}
    raw = squeeze(raw_text)
    kept, characters, _, lost = compare_text([u for a in gold for u in a.units], [u for a in found for u in a.units],
                                             allowed, raw)
    # Leftovers are looked for outside tables and bylines: a table read back in another order, or a
    # byline given to the wrong article, is no furniture.
    text_kinds = ("title", "subtitle", "paragraph", "subheading")
    _, _, leftovers, _ = compare_text([u for a in gold for u in a.units if u.kind in text_kinds],
                                      [u for a in found for u in a.units if u.kind in text_kinds], allowed, raw)
    score.kept = kept / max(1, characters)
    score.left = len(leftovers)
    problems += [f"leftover text: {piece[:60]}" for piece in leftovers]
    problems += [f"text lost: {piece[:60]}" for piece in lost]
    score.date = float(plan.issue_date == bulletin.date)
    score.publication = float(squeeze(plan.publication) == squeeze(bulletin.publication))
    if not score.publication:
        problems.append(f"publication {plan.publication or '-'} instead of {bulletin.publication}")
    if bulletin.number is not None and re.search(rf"第\s*{bulletin.number}\s*期", raw_text):
        score.number = float(plan.number == bulletin.number)  # only where the bulletin prints it

    # Heading decisions against the gold: a title must be judged a title, a subheading a
    # subheading, anything else should not have been a heading at all.
    titles = Counter(a.title for a in gold)
    subheads = Counter(s for a in gold for s in a.subheadings)
    flagged = _flagged_lines(plan)
    decided: Counter[str] = Counter()
    for decision in plan.decisions:
        text = squeeze(decision.text)
        decided[text] += 1
        right = (decision.verdict == "title" and text in titles) or (decision.verdict == "subheading" and text in subheads)
        is_flagged = decision.line in flagged
        if right:
            score.right += 1
            score.right_flagged += is_flagged
        else:
            score.wrong += 1
            score.wrong_flagged += is_flagged
            detail = ""
            if decision.evidence is not None:
                detail = f" [score {decision.score:+.2f}: " + ", ".join(
                    f"{name} {value:+.2f}" for name, value in decision.evidence.vector().items() if value) + "]"
            else:
                detail = f" [{decision.reason}]"
            problems.append(f"wrong decision{' (flagged)' if is_flagged else ''}: {decision.text} as {decision.verdict}"
                            f"{detail}")
    missed = (titles + subheads) - decided
    score.missed = sum(missed.values())
    problems += [f"heading never judged (taken as text, banner or byline): {text}" for text in missed.elements()]
    return score


def ingest(raw: bytes, taxonomy) -> Plan:
    return plan_ingest(raw, "bulletin.txt", Options(taxonomy=taxonomy))


def score_bulletin(bulletin: Bulletin, raw_path: Path, taxonomy) -> Score:
    score = Score(bulletin.name, bulletin.layout, bulletin.split, gold_articles=len(bulletin.articles))
    try:
        raw = raw_path.read_bytes()
    except OSError:
        score.error = f"no raw file {raw_path.relative_to(ROOT)}: run python tests/corpus/render"
        return score
    try:
        plan = ingest(raw, taxonomy)
    except BulletinError as exc:
        score.error = exc.message if hasattr(exc, "message") else str(exc)
        return score
    return score_plan(bulletin, plan, score, raw.decode("utf-8", errors="replace"))


def corpus(split: str) -> list[tuple[Bulletin, Path]]:
    """The corpus bulletins of one half ("tune", "heldout", "all") with their raw files, and the sample."""
    pairs = []
    for path in sorted((CORPUS / "sources").glob("*.yml")):
        bulletin = load_bulletin(path)
        if split in ("all", bulletin.split):
            pairs.append((bulletin, CORPUS / "raw" / f"{bulletin.name}.txt"))
    pairs.append((load_bulletin(SAMPLE_SOURCE), SAMPLE_RAW))
    return pairs


def total(name: str, scores: list[Score]) -> Score:
    """Totals weigh every gold article (or decision) the same, not every bulletin."""
    out = Score(name, "", "")
    articles = sum(s.gold_articles for s in scores) or 1
    for key in ("titles", "section", "subheads", "bounds", "meta", "kept"):
        setattr(out, key, sum(getattr(s, key) * s.gold_articles for s in scores) / articles)
    out.gold_articles = sum(s.gold_articles for s in scores)
    out.found_articles = sum(s.found_articles for s in scores)
    out.left = sum(s.left for s in scores)
    out.date = sum(s.date for s in scores) / max(1, len(scores))
    out.publication = sum(s.publication for s in scores) / max(1, len(scores))
    numbered = [s.number for s in scores if s.number is not None]
    out.number = sum(numbered) / len(numbered) if numbered else None
    for key in ("wrong", "wrong_flagged", "right", "right_flagged", "missed"):
        setattr(out, key, sum(getattr(s, key) for s in scores))
    return out


HEADER = (f"{'bulletin':<24} {'layout':<17} {'articles':>8} {'titles':>6} {'section':>7} {'subhds':>6} "
          f"{'bounds':>6} {'meta':>5} {'left':>4} {'kept':>6} {'date':>4} {'pub.':>4} {'no.':>4} {'wrong flagged':>13} "
          f"{'right flagged':>13} {'missed':>6}")


def row(score: Score) -> str:
    if score.error:
        return f"{score.name:<24} {score.layout:<17} stops: {score.error}"
    number = "-" if score.number is None else f"{score.number:.0%}" if score.number < 1 else "yes"
    date = "yes" if score.date == 1 else f"{score.date:.0%}" if score.date else "no"
    publication = "yes" if score.publication == 1 else f"{score.publication:.0%}" if score.publication else "no"
    return (f"{score.name:<24} {score.layout:<17} {score.found_articles:>3}/{score.gold_articles:<4} "
            f"{score.titles:>6.3f} {score.section:>7.3f} {score.subheads:>6.3f} {score.bounds:>6.3f} "
            f"{score.meta:>5.2f} {score.left:>4} {score.kept:>6.1%} {date:>4} {publication:>4} {number:>4} "
            f"{f'{score.wrong_flagged}/{score.wrong}':>13} {f'{score.right_flagged}/{score.right}':>13} "
            f"{score.missed:>6}")


def meets(score: Score, limits: dict[str, float]) -> list[str]:
    misses = []
    for key, limit in limits.items():
        value = getattr(score, key)
        if (key == "left" and value > limit) or (key != "left" and value < limit - 1e-9):
            shown = f"{value:.3%}" if key == "kept" else f"{value:.3f}"
            misses.append(f"{key} {shown} (needs {'<=' if key == 'left' else '>='} {limit})")
    if score.error:
        misses.append(score.error)
    return misses


def evaluate(split: str) -> dict[str, list[Score]]:
    taxonomy = load_taxonomy(ROOT / "content" / "tags.yml")
    halves: dict[str, list[Score]] = {}
    for bulletin, raw in corpus(split):
        halves.setdefault(bulletin.split, []).append(score_bulletin(bulletin, raw, taxonomy))
    return halves


def main(split: str = "all") -> int:
    halves = evaluate(split)
    print("ingest: structure found on the development corpus (no hints, no --date)\n")
    status = 0
    for half in ("tune", "heldout", "sample"):
        scores = halves.get(half)
        if not scores:
            continue
        print(f"[{half}]")
        print(HEADER)
        for score in scores:
            print(row(score))
        if len(scores) > 1:
            print(row(total("total", scores)))
        print()
        whole = total("total", scores) if len(scores) > 1 else scores[0]
        if half in ("heldout", "sample"):
            short = meets(whole, TARGETS)
            if short:
                print(f"  short of the targets of issue 11: {'; '.join(short)}\n")
        below = meets(whole, FLOORS[half])
        if below:
            print(f"  BELOW THE FLOORS of the {half} half: {'; '.join(below)}\n")
            status = 1
    return status


def show(name: str) -> int:
    """Every error in one tune (or the sample) bulletin."""
    taxonomy = load_taxonomy(ROOT / "content" / "tags.yml")
    for bulletin, raw in corpus("all"):
        if bulletin.name == name:
            if bulletin.split == "heldout":
                print(f"{name} is held out: only its numbers are reported (make eval)", file=sys.stderr)
                return 2
            score = score_bulletin(bulletin, raw, taxonomy)
            print(row(score))
            print("\n".join(score.problems))
            return 0
    print(f"no bulletin named {name}", file=sys.stderr)
    return 2


def fit_weights() -> int:
    """Fit the evidence weights on the tune half and check them leave-one-bulletin-out."""
    from bench.eval import _fit
    from generator.ingest import evidence

    taxonomy = load_taxonomy(ROOT / "content" / "tags.yml")
    tune = corpus("tune")
    samples = []
    for bulletin, raw in tune:
        gold = gold_articles(bulletin)
        samples += _fit.samples_of(bulletin.name, ingest(raw.read_bytes(), taxonomy), {a.title for a in gold},
                                   {s for a in gold for s in a.subheadings}, squeeze)
    names = list(evidence.WEIGHTS)
    print(f"{len(samples)} weighed decisions on {len(tune)} tune bulletins; leave-one-bulletin-out:\n")
    print(HEADER)
    scores = []
    for bulletin, raw in tune:
        weights, bias = _fit.fit([s for s in samples if s.bulletin != bulletin.name], names)
        with _fit.weights_in_force(weights, bias):
            scores.append(score_bulletin(bulletin, raw, taxonomy))
        print(row(scores[-1]))
    print(row(total("total", scores)))
    weights, bias = _fit.fit(samples, names)
    print("\nfitted on the whole tune half (paste into generator/ingest/evidence.py):\n")
    print("WEIGHTS = {\n" + "".join(f'    "{name}": {weights[name]},\n' for name in sorted(weights)) + "}")
    print(f"BIAS = {bias}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.eval.ingest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--show", metavar="NAME", help="list the errors in one tune or sample bulletin")
    parser.add_argument("--fit", action="store_true",
                        help="fit the evidence weights on the tune half, checked leave-one-bulletin-out")
    args = parser.parse_args()
    sys.exit(fit_weights() if args.fit else show(args.show) if args.show else main(args.split))
