"""The model of every edition built together, from the content read and the articles prepared.

The editions share the edition-independent work: order, slugs, related articles. Each article
arrives prepared (`prepare.Prepared`): parsed once, its text made for every edition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.fsutil import printable
from generator.site import urls
from generator.site.content.config import NavLink, SiteConfig
from generator.site.content.reader import Content, SourceArticle, SourceIssue
from generator.site.editions.edition import Edition
from generator.site.markup.markdown import MarkdownRenderer
from generator.site.model.objects import Article, Issue, IssueGroup, Listing, Site
from generator.site.model.prepare import Prepared
from generator.site.model.related import RelatedMemo, share_related
from generator.text.slugs import allocate

# Tags an article shows: each tag page lists the article with all its tags, so the output grows with
# the square of an article's tags (3,000 tags wrote 658 MB). Ingest gives 1-6; editors add a few.
MAX_TAGS = 30
# An issue's page is issues/<slug>.html: beside the archive, issues/index.html.
ISSUE_RESERVED = frozenset({urls.ARCHIVE.split("/")[1].removesuffix(".html")})


def _published(source: SourceArticle, tz: dt.tzinfo, position: int, count: int) -> dt.datetime:
    """When the article was published: its own time, else midnight of its date plus one step for each
    article printed after it in its issue (`position` of `count`).

    Feed readers order entries by time, newest first: distinct times, latest for the first article,
    keep an issue in its printed order there. A step is a minute (less in an issue of over 1,440
    articles), so the times stay within the day."""
    if source.time is None:
        step = dt.timedelta(minutes=1) if count <= 1440 else dt.timedelta(days=1) / count
        return dt.datetime.combine(source.date, dt.time(0, 0), tz) + step * (count - 1 - position)
    if source.time.tzinfo is None:
        return source.time.replace(tzinfo=tz)
    return source.time.astimezone(tz)


def _issue_date(source: SourceIssue | None, issue_id: str, members: list[SourceArticle]) -> dt.date:
    if source is not None and source.date is not None:
        return source.date
    try:
        return dt.date.fromisoformat(issue_id)
    except ValueError:
        return max(article.date for article in members)


def _article_slugs(ordered: list[SourceArticle], issue_slugs: dict[str, str], slugify: Callable[[str], str], warnings: list[str]) -> dict[str, str]:
    """Unique article slugs; the oldest article keeps a contested slug, later ones get the issue added."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    numbers: dict[str, int] = {}  # the last number tried for each contested slug: linear in the articles
    for source in ordered:
        wanted = slugify(source.slug)
        slug = wanted
        if slug in taken:
            base = slug = f"{wanted}-{issue_slugs[source.issue]}"
            while slug in taken:
                numbers[base] = numbers.get(base, 1) + 1
                slug = f"{base}-{numbers[base]}"
            warnings.append(f"{source.path}: slug '{wanted}' is already used by another article; using '{slug}'")
        taken.add(slug)
        result[source.key] = slug
    return result


def _position(source: SourceArticle) -> tuple:
    return (source.order is None, source.order or 0, source.key)


def _section_rank(config: SiteConfig, issue_sections: tuple[str, ...]) -> Callable[[str, int], tuple]:
    preferred = {name: index for index, name in enumerate(dict.fromkeys(issue_sections + config.sections))}
    return lambda name, first_seen: (preferred.get(name, len(preferred)), first_seen)


@dataclass
class _Order:
    """Edition-independent order: issues oldest first, each as section groups of source articles."""

    issue_dates: dict[str, dt.date]
    issue_slugs: dict[str, str]
    groups: dict[str, list[tuple[str, list[SourceArticle]]]]  # issue id -> [(section name, articles)]
    section_names: list[str]  # site-wide section order

    @property
    def chronological(self) -> list[SourceArticle]:
        return [source for groups in self.groups.values() for _, group in groups for source in group]


def _order(content: Content, config: SiteConfig, slugify: Callable[[str], str]) -> _Order:
    by_issue: dict[str, list[SourceArticle]] = {}
    for source in content.articles:
        by_issue.setdefault(source.issue, []).append(source)
    dates = {issue_id: _issue_date(content.issues.get(issue_id), issue_id, members) for issue_id, members in by_issue.items()}
    issue_ids = sorted(by_issue, key=lambda issue_id: (dates[issue_id], issue_id))
    all_groups = {}
    first_seen: dict[str, int] = {}
    for issue_id in issue_ids:
        groups: dict[str, list[SourceArticle]] = {}
        for source in sorted(by_issue[issue_id], key=_position):
            groups.setdefault(source.section or config.default_section, []).append(source)
        declared = content.issues.get(issue_id)
        rank = _section_rank(config, declared.sections if declared else ())
        positions = {name: index for index, name in enumerate(groups)}
        all_groups[issue_id] = sorted(groups.items(), key=lambda item: rank(item[0], positions[item[0]]))
        for name, _ in all_groups[issue_id]:
            first_seen.setdefault(name, len(first_seen))
    site_rank = _section_rank(config, ())
    section_names = sorted(first_seen, key=lambda name: site_rank(name, first_seen[name]))
    return _Order(dates, allocate(issue_ids, slugify, reserved=ISSUE_RESERVED), all_groups, section_names)


def _article(prepared: Prepared, slug: str, section: Listing, tags: list[Listing], config: SiteConfig, edition: Edition, renderer: MarkdownRenderer,
             published: dt.datetime) -> Article:
    source, text = prepared.source, prepared.texts[edition.text_key]
    absolute_html = None
    if text.body.relative_links:  # rare: parse again, for links made absolute
        absolute_html = renderer.render(source.body, edition.transform, urls.absolute(config.base_url, edition.prefix + urls.article(slug))).html
    return Article(
        source=source,
        slug=slug,
        title=text.title,
        subtitle=text.subtitle,
        part=text.part,
        date=source.date,
        published=published,
        body=text.body,
        summary=text.summary,
        reading_minutes=prepared.reading_minutes,
        section=section,
        tags=tags,
        absolute_html=absolute_html,
        author=text.author,
        source_name=text.source_name,
    )


def _issue(issue_id: str, order: _Order, declared: SourceIssue | None, config: SiteConfig, text: Callable[[str], str], articles: dict[str, Article], sections: dict[str, Listing]) -> Issue:
    first = order.groups[issue_id][0][1][0]
    publication = (declared and declared.publication) or first.publication or config.publication or config.title
    issue = Issue(issue_id, order.issue_slugs[issue_id], order.issue_dates[issue_id], text(publication), declared.number if declared else None)
    for name, group in order.groups[issue_id]:
        members = [articles[source.key] for source in group]
        issue.groups.append(IssueGroup(sections[name], members))
        issue.articles.extend(members)
    for index, article in enumerate(issue.articles):
        article.issue = issue
        article.prev = issue.articles[index - 1] if index > 0 else None
        article.next = issue.articles[index + 1] if index + 1 < len(issue.articles) else None
    return issue


@dataclass
class _Names:
    """Edition-independent identity: the order, and the slug of every article, section and tag."""

    order: _Order
    articles: dict[str, str]  # article key -> slug
    sections: dict[str, str]  # section name -> slug
    tags: dict[str, str]  # tag name -> slug
    warnings: list[str]


def _names(content: Content, config: SiteConfig, slugify: Callable[[str], str], canonical: Callable[[str], str]) -> _Names:
    order = _order(content, config, slugify)
    warnings = [f"{printable(path)}: skipped: {why}" for path, why in content.skipped]
    article_slugs = _article_slugs(order.chronological, order.issue_slugs, slugify, warnings)
    tag_names = {canonical(tag) for source in content.articles for tag in source.tags[:MAX_TAGS]}
    warnings += [f"{source.path}: {len(source.tags)} tags; only the first {MAX_TAGS} are used" for source in content.articles
                 if len(source.tags) > MAX_TAGS]
    return _Names(order, article_slugs, allocate(order.section_names, slugify), allocate(tag_names, slugify), warnings)


@dataclass
class _Draft:
    """One edition while its articles are being made: listings by source name, articles by key."""

    edition: Edition
    sections: dict[str, Listing]
    tags: dict[str, Listing]
    articles: dict[str, Article] = field(default_factory=dict)


def _draft(edition: Edition, names: _Names) -> _Draft:
    sections = {name: Listing("sections", name, edition.text(name), slug) for name, slug in names.sections.items()}
    tags = {name: Listing("tags", name, edition.text(name), slug) for name, slug in names.tags.items()}
    return _Draft(edition, sections, tags)


def _site(draft: _Draft, content: Content, config: SiteConfig, names: _Names, editions: list[Edition]) -> Site:
    """Assemble one edition's model once its articles are made."""
    text, order = draft.edition.text, names.order
    issues = [_issue(issue_id, order, content.issues.get(issue_id), config, text, draft.articles, draft.sections) for issue_id in order.groups]
    for older, newer in zip(issues, issues[1:]):
        older.newer, newer.older = newer, older
    issues.reverse()

    newest_first = [article for issue in issues for article in issue.articles]
    for article in newest_first:
        article.section.articles.append(article)
        for tag in article.tags:
            tag.articles.append(article)

    return Site(
        config=config,
        edition=draft.edition,
        title=text(config.title),
        description=text(config.description),
        author=text(config.author),
        navigation=[NavLink(text(link.title), link.url) for link in config.navigation],
        issues=issues,
        sections=[draft.sections[name] for name in order.section_names],
        tags=sorted(draft.tags.values(), key=lambda tag: tag.slug),
        articles=newest_first,
        warnings=names.warnings,
        editions=editions,
    )


def build_sites(content: Content, config: SiteConfig, editions: list[Edition], all_editions: list[Edition], prepared: Mapping[str, Prepared],
                renderer: MarkdownRenderer, slugify: Callable[[str], str], related: RelatedMemo,
                canonical: Callable[[str], str] = str) -> list[Site]:
    """The model of each of `editions` from the content read and prepared (`prepared[key]`).

    `all_editions` are every edition the site has: what pages link to. `slugify` names issues,
    sections, tags and articles. `related` holds related articles of an earlier build, and gets this
    build's. `canonical(tag)` is the taxonomy's name for a tag: an alias an editor wrote joins its
    tag's page.
    """
    names = _names(content, config, slugify, canonical)
    drafts = [_draft(edition, names) for edition in editions]
    for groups in names.order.groups.values():
        members = [(section_name, source) for section_name, group in groups for source in group]  # printed order
        for position, (section_name, source) in enumerate(members):
            slug = names.articles[source.key]
            published = _published(source, config.tz, position, len(members))
            for draft in drafts:
                tags = [draft.tags[name] for name in dict.fromkeys(map(canonical, source.tags[:MAX_TAGS]))]
                draft.articles[source.key] = _article(prepared[source.key], slug, draft.sections[section_name], tags, config, draft.edition, renderer, published)
    sites = [_site(draft, content, config, names, all_editions) for draft in drafts]
    share_related(sites, related)
    return sites

