"""`bulletin tags`: the taxonomy as the archive uses it; `--suggest`: what it misses."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "tags", help="list the tags the archive uses; --suggest: words no tag covers, tags never given",
        description="List every tag of content/tags.yml with the number of articles that have it. With "
                    "--suggest, list the words many articles use that no tag covers, and the tags no "
                    "article has, for the editor to act on in tags.yml.")
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--suggest", action="store_true", help="words no tag covers and tags never given")
    parser.add_argument("--min-articles", type=int, default=3, metavar="N",
                        help="with --suggest: list words at least N articles use (default: 3)")
    parser.add_argument("--limit", type=int, default=30, metavar="N", help="with --suggest: at most N words (default: 30)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from generator.errors import BulletinError
    from generator.project import TAGS_FILE
    from generator.site.content.reader import content_folders, read_article
    from generator.tags.suggest import ArchiveArticle, suggest
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(args.content / TAGS_FILE)
    if not taxonomy.tags:
        raise BulletinError("no taxonomy: write one (see README, Tags)", args.content / TAGS_FILE)
    articles = []
    for _folder, _issue, paths in content_folders(args.content):
        for path in paths:
            source = read_article(path, path.relative_to(args.content).as_posix(), None)
            articles.append(ArchiveArticle(source.title, source.body, tuple(map(taxonomy.canonical, source.tags))))

    if not args.suggest:
        counts = {tag.name: 0 for tag in taxonomy.tags}
        for article in articles:
            for tag in set(article.tags):
                counts[tag] = counts.get(tag, 0) + 1
        if args.format == "json":
            print(json.dumps({"articles": len(articles), "tags": counts}, ensure_ascii=False, indent=1))
        else:
            for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
                note = "" if name in taxonomy else "  (not in tags.yml)"
                print(f"{count:>6}  {name}{note}")
            print(f"{len(articles)} articles, {sum(1 for c in counts.values() if c)} tags in use")
        return 0

    found = suggest(articles, taxonomy, min_articles=args.min_articles, limit=args.limit)
    if args.format == "json":
        print(json.dumps({"articles": found.articles, "untagged": found.untagged,
                          "uncovered": [asdict(item) for item in found.uncovered],
                          "idle": [asdict(item) for item in found.idle]}, ensure_ascii=False, indent=1))
        return 0
    print(f"{found.articles} articles, {found.untagged} with no tag but the fallback")
    _print_list("Words many articles use that no tag covers (add them to a tag's keywords, or a new tag):", [
        f"{_pad(item.word, 14)} {item.articles:>4} articles{f', {item.untagged} untagged' if item.untagged else ''}"
        f"   e.g. {' / '.join(item.examples)}" for item in found.uncovered])
    _print_list("Tags no article has (check their keywords, or remove them):", [
        f"{_pad(item.tag, 14)} keywords in {item.mentioned or 'no'} article{'' if item.mentioned == 1 else 's'}"
        for item in found.idle])
    return 0


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` columns of a terminal, where a Chinese character takes two."""
    from generator.text.cjk import display_width

    return text + " " * max(0, width - display_width(text))


def _print_list(heading: str, lines: list[str]) -> None:
    print(f"\n{heading}")
    for line in lines or ["(none)"]:
        print(f"  {line}")
