"""`bulletin check`: every problem in content/ at once, with file and line, for editors and their CI.

The build stops at the first broken file; check reads everything and reports, in one pass: front
matter that does not follow the schema (`text.frontmatter`), settings, fields and hints nobody reads
(a typo, with the name it looks like), issues described twice, slugs the build would not use as
written or that are used twice, sections the site does not know, tags missing from the taxonomy,
links to articles that do not exist, empty articles, what an ingest may have left behind (a
paragraph cut mid-sentence, a page number, a copyright line), and override phrases of a converted
edition that no text uses. Files are read as the build reads them, bodies parsed by the build's
Markdown parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

from generator.errors import BulletinError
from generator.fsutil import printable, read_file, real_path
from generator.ingest.boilerplate import COPYRIGHT, PAGE_NUMBER
from generator.ingest.chars import SENTENCE_END, last_meaningful
from generator.ingest.decode import decode_bytes
from generator.ingest.hints import load_hints
from generator.project import CONFIG_FILE, CONTENT_FOLDER, HINTS_SUFFIX, ISSUE_FILE, RAW_FOLDER, TAGS_FILE, shown
from generator.site.content.config import SiteConfig, load_config
from generator.site.content.reader import Content, SourceArticle, SourceIssue, content_folders, read_article, read_issue_file
from generator.site.editions.edition import overrides_path, read_overrides, unused_overrides
from generator.site.markup.mdparser import new_parser
from generator.site.markup.tokens import unique_id
from generator.site.model.assemble import MAX_TAGS
from generator.taxonomy import Taxonomy, load_taxonomy
from generator.text import frontmatter
from generator.text.slugs import is_slug, slugify
from generator.text.yamlfile import Mapping, parse_mapping, read_text_file

UNKNOWN_KEY = "unknown-key"  # the rule of settings, fields and hints nobody reads
ARTICLE_LINK = re.compile(r"(?:^|/)articles/([^/]+)\.html$")
PARAGRAPH_ENDS = SENTENCE_END | set("：:.!?")
PAGE_MARK = re.compile(r"\bPage\s+\d+\b|^第\s*\d+\s*页$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    problems: list[Problem]
    articles: int

    @property
    def ok(self) -> bool:
        return not self.problems


def _problem(error: BulletinError, rule: str) -> Problem:
    return Problem(error.path or "", error.line, rule, error.message)


def _body_problems(article: SourceArticle, parser: MarkdownIt, slugs: set[str]) -> list[Problem]:
    path = str(article.path)
    tokens = parser.parse(article.body)
    text = "".join(token.content for token in tokens if token.type == "inline").strip()
    if not text:
        return [Problem(path, article.body_line, "empty-article", "the article has no text")]
    problems = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        line = article.body_line + (token.map[0] if token.map else 0)
        problems += _link_problems(article, token, line, slugs)
        if tokens[index - 1].type != "paragraph_open":
            continue
        content = token.content.strip()
        if PAGE_NUMBER.match(content) or PAGE_MARK.search(content):
            problems.append(Problem(path, line, "ingest-leftover", f"a page number left in the text: “{content[:40]}”"))
        elif COPYRIGHT.search(content):
            problems.append(Problem(path, line, "ingest-leftover", f"a copyright line left in the text: “{content[:40]}”"))
        elif last_meaningful(content) not in PARAGRAPH_ENDS:
            problems.append(Problem(path, line, "ingest-leftover",
                                    f"the paragraph ends mid-sentence: “…{content[-20:]}”"))
    return problems


def _link_problems(article: SourceArticle, token, line: int, slugs: set[str]) -> list[Problem]:
    problems = []
    for child in token.children or []:
        if child.type != "link_open":
            continue
        href = str(child.attrs.get("href", ""))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = unquote(parts.path)
        linked_slug = ARTICLE_LINK.search(target)
        if linked_slug:
            if linked_slug.group(1) not in slugs:
                problems.append(Problem(str(article.path), line, "broken-link", f"no article has the slug in {href}"))
        elif target.endswith(".md") and not _is_file(article.path.parent / target):
            problems.append(Problem(str(article.path), line, "broken-link", f"{href} does not exist"))
    return problems


def _is_file(path: Path) -> bool:
    """Whether a link's target is a file; a name no file can have (a NUL, 300 bytes) is not one."""
    try:
        return real_path(path).is_file()
    except (OSError, ValueError):
        return False


def _front_matter(article: SourceArticle) -> Mapping:
    """The article's front matter again, for the line of each field (it parsed once already)."""
    front, _, _ = frontmatter.split(read_text_file(article.path, "article"), article.path)
    return parse_mapping(front, article.path, 2, what="front matter")


def _field_problems(article: SourceArticle, config: SiteConfig, issue: SourceIssue | None, taxonomy: Taxonomy,
                    first_with_slug: dict[str, SourceArticle]) -> list[Problem]:
    """Slugs the build would not use as written or that are used twice, unknown sections and tags, too
    many tags: each at the line of its field (a tag at its own line)."""
    path, front = str(article.path), _front_matter(article)
    problems = []
    if not is_slug(article.slug):
        problems.append(Problem(path, front.line("slug"), "slug", f"slug {article.slug!r} is not lowercase ASCII letters and "
                                f"digits with single hyphens between them: the build will use {slugify(article.slug)!r}"))
    if article.slug in first_with_slug:
        problems.append(Problem(path, front.line("slug"), "duplicate-slug",
                                f"slug {article.slug!r} is also used by {first_with_slug[article.slug].path}"))
    known_sections = set(config.sections) | set(issue.sections if issue else ()) | {config.default_section}
    if article.section and (config.sections or (issue and issue.sections)) and article.section not in known_sections:
        problems.append(Problem(path, front.line("section"), "unknown-section",
                                f"section {article.section!r} is not in site.yml or the issue's {ISSUE_FILE}"))
    if taxonomy.tags:
        problems += [Problem(path, front.item_line("tags", tag), "unknown-tag", f"tag {tag!r} is not in tags.yml")
                     for tag in article.tags if tag not in taxonomy]
    if len(article.tags) > MAX_TAGS:
        problems.append(Problem(path, front.line("tags"), "front-matter", f"{len(article.tags)} tags: only the first {MAX_TAGS} are used"))
    return problems


def _read(content: Path) -> tuple[Content, list[Problem]]:
    read = Content()
    problems: list[Problem] = []
    skipped: list[tuple[Path, str]] = []
    for _folder, issue_file, paths in content_folders(content, skipped):
        folder_issue = None
        if issue_file is not None:
            try:
                folder_issue = read_issue_file(issue_file)
                read.add_issue(folder_issue)
            except BulletinError as error:
                problems.append(_problem(error, "issue-file"))
        for path in paths:
            try:
                read.articles.append(read_article(path, path.relative_to(content).as_posix(), folder_issue))
            except BulletinError as error:
                problems.append(_problem(error, "front-matter"))
    problems += [Problem(str(path), line, UNKNOWN_KEY, message) for path, line, message in read.unknown_fields()]
    problems += [Problem(printable(path), None, "unreadable", f"skipped: {why}") for path, why in skipped]
    return read, problems


def _displayed_texts(articles: list[SourceArticle], issues: dict[str, SourceIssue], config: SiteConfig) -> Iterator[str]:
    """Every text a converted edition shows: what override phrases can apply to."""
    yield from (config.title, config.description, config.publication, config.default_section, *config.sections)
    yield from (link.title for link in config.navigation)
    yield from (issue.publication or "" for issue in issues.values())
    for article in articles:
        yield from (article.title, article.subtitle or "", article.section or "", article.part or "",
                    article.publication or "", article.summary or "", article.body, *article.tags)


def _raw_texts(content: Path) -> Iterator[str]:
    """The raw bulletins not ingested yet are text of the site too, their hard-wrapped lines joined."""
    raw = content / RAW_FOLDER
    for path in sorted(raw.glob("*.txt")) if raw.is_dir() else []:
        try:
            yield "".join(decode_bytes(read_file(path, "raw bulletin"), str(path)).split())
        except BulletinError:
            pass  # ingest reports it


def _unused_overrides(overrides: list[Path], texts: list[str]) -> list[Problem]:
    problems = []
    for path in overrides:
        try:
            problems += [_problem(error, "unused-override") for error in unused_overrides(path, texts)]
        except BulletinError:
            pass  # reported as an "overrides" problem
    return problems


def check(content: Path, config: SiteConfig, taxonomy: Taxonomy, overrides: list[Path] | None = None) -> Report:
    """Every problem of the content; `overrides` are the editions' override files, whose phrases
    should each appear in some text."""
    read, problems = _read(content)
    articles, issues = read.articles, read.issues
    if overrides:
        problems += _unused_overrides(overrides, [*_displayed_texts(articles, issues, config), *_raw_texts(content)])
    parser = new_parser(partial(unique_id, slugify=slugify))  # the build's
    first_with_slug: dict[str, SourceArticle] = {}
    for article in articles:
        problems += _field_problems(article, config, issues.get(article.issue), taxonomy, first_with_slug)
        first_with_slug.setdefault(article.slug, article)
    for article in articles:
        for old in article.redirect_from:
            other = first_with_slug.get(old)
            if other is not None:
                problems.append(Problem(str(article.path), None, "redirect",
                                        f"redirect_from {old!r} is the slug of {other.path}: that address shows "
                                        "it, not a redirect here"))
    slugs = set(first_with_slug)
    for article in articles:
        problems += _body_problems(article, parser, slugs)
    problems.sort(key=lambda p: (p.path, p.line or 0, p.rule))
    return Report(problems, len(articles))


def _hints_problems(content: Path) -> list[Problem]:
    """Every hints file beside the raw bulletins, read as ingest reads it."""
    raw = content / RAW_FOLDER
    problems = []
    for path in sorted(raw.glob("*" + HINTS_SUFFIX)) if raw.is_dir() else []:
        unknown: list[BulletinError] = []
        try:
            load_hints(path, unknown)
        except BulletinError as error:
            problems.append(_problem(error, "hints"))
        problems += [_problem(error, UNKNOWN_KEY) for error in unknown]
    return problems


def check_project(config_path: Path | None, content: Path | None) -> Report:
    project = real_path(config_path.parent if config_path else Path.cwd())
    content = content or project / CONTENT_FOLDER
    problems: list[Problem] = []
    unknown: list[BulletinError] = []
    try:
        config = load_config(config_path or project / CONFIG_FILE, required=config_path is not None, unknown=unknown)
    except BulletinError as error:
        problems.append(_problem(error, "site-config"))
        config = SiteConfig()
    try:
        taxonomy = load_taxonomy(content / TAGS_FILE, unknown)
    except BulletinError as error:
        problems.append(_problem(error, "taxonomy"))
        taxonomy = Taxonomy(())
    problems += [_problem(error, UNKNOWN_KEY) for error in unknown] + _hints_problems(content)
    overrides = []
    for edition in config.editions:
        path, required = overrides_path(edition, project, content)
        try:
            if path.is_file() or required:
                read_overrides(path)
                overrides.append(path)
        except BulletinError as error:
            problems.append(_problem(error, "overrides"))
    report = check(content, config, taxonomy, list(dict.fromkeys(overrides)))
    report.problems[:0] = problems
    report.problems = [_relative(problem) for problem in report.problems]
    return report


def _relative(problem: Problem) -> Problem:
    """Paths as the editor typed them: relative to the current folder when inside it."""
    return Problem(shown(problem.path, Path.cwd()) if problem.path else "", problem.line, problem.rule, problem.message)
