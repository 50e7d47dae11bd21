"""The Jinja environment of a theme: pure macros rendered once, and what every page reads noted.

Two additions to plain Jinja, none visible in the output, both made where Jinja lets an environment
decide how a template reads `a.b` and `a[b]` (`getattr`, `getitem`: what its sandbox overrides too):

* **Pure macros rendered once.** A macro that reads nothing but its arguments, `url`, `t`, `date` and
  other pure macros of its template (found by reading the templates, see `pure_macros`) gives the
  same HTML for the same arguments on every page of an edition at the same folder depth, since `url`
  links by depth alone (`PageLinks`). Its output is kept per edition and depth: the article list
  items of related articles, listings and issues are each rendered once, not once per page. Such a
  macro is cached when a page calls it from an imported template (`m.article_item(…)`); it is known
  by its name, so only names defined in one template of the theme qualify.
* **Reads.** While a page renders (`rendering`), every attribute a template reads from a model object
  is noted (`Reads`), as is every template it loads, so an incremental build knows what each page
  depends on even in a theme that shows unexpected things (see `incremental.fingerprints`). A kept
  macro output carries the reads made while rendering it, replayed on every page that reuses it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.meta import find_undeclared_variables
from jinja2.runtime import Macro

from generator.errors import BulletinError
from generator.site.render.reads import TEMPLATE, Reads

PAGE_FUNCTIONS = frozenset({"url", "t", "date"})  # what every page passes to its templates, besides its data
MAX_FRAGMENTS = 30_000  # kept macro outputs per edition and process (about three per article of 10,000)
TEMPLATE_EXTENSIONS = ("html", "htm", "xml", "xhtml", "opf")  # markup: escaped, and searched for macros
_OTHER_TEMPLATES = ("css", "js", "webmanifest")  # stylesheets and scripts rendered with values (the issue file, the worker)
_EXTERNAL = ("://", "mailto:")


class PageLinks:
    """`url(path)` in templates: the link from the page being rendered to a site path.

    Links go up to the edition root and down again (`../../tags/x/index.html`), so they depend on the
    page's depth only: what makes macro output shareable between pages.
    """

    __slots__ = ("prefix", "fragments")

    def __init__(self, page_path: str, fragments: dict):
        self.prefix = "../" * page_path.count("/")
        self.fragments = fragments  # pure macro outputs of this edition (see `_Fragment`)

    def __call__(self, path: str) -> str:
        if path.startswith(_EXTERNAL[1]) or _EXTERNAL[0] in path:
            return path
        return self.prefix + path


class _Fragment:
    """A pure macro as a page sees it: its output kept by arguments and page depth, rendered on the
    first call. (Jinja calls it as it calls any callable, with the template's arguments.)"""

    __slots__ = ("environment", "macro", "links")

    def __init__(self, environment: SiteEnvironment, macro: Macro, links: PageLinks):
        self.environment, self.macro, self.links = environment, macro, links

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        fragments = self.links.fragments
        try:
            key = (self.macro.name, self.links.prefix, args, tuple(sorted(kwargs.items())))
            kept = fragments.get(key)
        except TypeError:  # an unhashable argument (a list, say): render it every time
            return self.macro(*args, **kwargs)
        if kept is None:
            if len(fragments) >= MAX_FRAGMENTS:
                fragments.clear()  # memory stays bounded however large the archive; most reuse is local
            with self.environment.noting(Reads() if self.environment.reading else None) as inner:
                kept = fragments[key] = (self.macro(*args, **kwargs), inner)
        if kept[1] is not None:
            self.environment.note(kept[1])
        return kept[0]


class SiteEnvironment(jinja2.Environment):
    """A Jinja environment that keeps pure macro output and notes what is read.

    `card_fields` maps each model class to the attributes lists show (a title, a path); reading any
    other attribute (an article's body) counts as reading the whole object.
    """

    def __init__(self, card_fields: Mapping[type, frozenset[str]], **options: Any):
        super().__init__(**options)
        self.card_fields = card_fields
        self._reads: Reads | None = None  # set while a page renders (see `rendering`)
        self._links: PageLinks | None = None  # the page's `url`, while it renders
        self._pure: frozenset[str] | None = None  # names of the theme's pure macros, once found
        self._fragments: weakref.WeakKeyDictionary[object, dict] = weakref.WeakKeyDictionary()

    @contextmanager
    def rendering(self, links: PageLinks | None, reads: Reads | None) -> Iterator[None]:
        """While the block renders a page linking by `links`: pure macros kept, reads noted in `reads`
        (`links` None: a file that is not a page, inside a page's rendering or not: no macro kept)."""
        outer = self._links
        self._links = links
        try:
            with self.noting(reads):
                yield
        finally:
            self._links = outer

    @contextmanager
    def noting(self, reads: Reads | None) -> Iterator[Reads | None]:
        """Note in `reads` what templates read until the block ends (None: note nothing)."""
        outer, self._reads = self._reads, reads
        try:
            yield reads
        finally:
            self._reads = outer

    @property
    def reading(self) -> bool:
        return self._reads is not None

    def note(self, reads: Reads) -> None:
        """Add reads made elsewhere (a kept macro output's) to the page being rendered."""
        if self._reads is not None:
            self._reads.add(reads)

    def fragments(self, owner: object) -> dict:
        """The kept pure macro outputs of `owner` (an edition's model): they go when it goes."""
        return self._fragments.setdefault(owner, {})

    def is_pure(self, macro: str) -> bool:
        if self._pure is None:
            self._pure = pure_macros(self, self.list_templates(extensions=TEMPLATE_EXTENSIONS))
        return macro in self._pure

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Jinja's own getattr, with the note inlined: templates call this for every `a.b`
        reads = self._reads
        if reads is not None:
            fields = self.card_fields.get(type(obj))
            if fields is not None:
                (reads.card if attribute in fields else reads.full).add(obj)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError, AttributeError):
                return self.undefined(obj=obj, name=attribute)
        if type(value) is Macro and self._links is not None and not value.caller and self.is_pure(value.name):
            return _Fragment(self, value, self._links)
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        reads = self._reads
        if reads is not None:
            fields = self.card_fields.get(type(obj))
            if fields is not None:
                (reads.card if isinstance(argument, str) and argument in fields else reads.full).add(obj)
        return super().getitem(obj, argument)

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> jinja2.Template:  # noqa: A002
        template = super().get_template(name, parent, globals)
        if self._reads is not None:
            self._reads.keys.add(TEMPLATE + str(template.name))
        return template


def _macros(environment: jinja2.Environment, name: str) -> list[nodes.Macro]:
    try:
        source, filename, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        return list(environment.parse(source, name, filename).find_all(nodes.Macro))
    except jinja2.TemplateError:
        return []  # reported when a page renders with it


def _pure_in(environment: jinja2.Environment, macros: list[nodes.Macro]) -> set[str]:
    """The macros of one template whose output depends on their arguments, `url`, `t`, `date` and
    pure macros of the same template alone."""
    free = {}
    for macro in macros:
        wrapper = nodes.Template([macro], lineno=1)
        wrapper.set_environment(environment)
        free[macro.name] = find_undeclared_variables(wrapper)
    pure = set(free)
    changed = True
    while changed:  # drop macros using anything else, then those calling a dropped one, and so on
        changed = False
        for name in sorted(pure):
            if not free[name] <= PAGE_FUNCTIONS | pure:
                pure.discard(name)
                changed = True
    return pure


def pure_macros(environment: jinja2.Environment, templates: list[str]) -> frozenset[str]:
    """The names of the pure macros of `templates`, leaving out any name more than one macro has."""
    defined: dict[str, int] = {}
    pure: set[str] = set()
    for name in templates:
        macros = _macros(environment, name)
        for macro in macros:
            defined[macro.name] = defined.get(macro.name, 0) + 1
        pure |= _pure_in(environment, macros)
    return frozenset(name for name in pure if defined[name] == 1)


def template_error(exc: Exception) -> BulletinError | None:
    """The template file and line of an error raised while rendering; None if no template was involved."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return BulletinError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return BulletinError(f"template not found in the theme: {exc.name}")
    frame = exc.__traceback__
    where, line = None, None
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if filename.rpartition(".")[2] in (*TEMPLATE_EXTENSIONS, *_OTHER_TEMPLATES):
            where, line = filename, frame.tb_lineno
        frame = frame.tb_next
    if where is None and not isinstance(exc, jinja2.TemplateError):
        return None
    return BulletinError(f"template error: {exc}", where, line)
