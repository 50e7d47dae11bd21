"""The Jinja environment of a theme, tuned for rendering thousands of pages, and watching what they read.

Three additions to plain Jinja, none visible in the output:

* **Calls.** Jinja routes every call in a template through `Context.call`, which asks each callable
  whether it wants the context passed in (several `hasattr` probes per call). Macros, builtins and
  the engine's own helpers never do, so they are called directly.
* **Pure macros rendered once.** A macro that reads nothing but its arguments, `url`, `t`, `date` and
  other pure macros of its template (found by reading the template, see `pure_macros`) gives the
  same HTML for the same arguments on every page of an edition at the same folder depth, since `url`
  links by depth alone (`PageLinks`). Its output is kept per build, edition and depth: the article
  list items of related articles, listings and issues are each rendered once, not once per page.
* **Reads.** While a page renders, every attribute a template reads from a model object is noted in
  `environment.reads` (`Reads`), as is every template it loads, so an incremental build knows what
  each page depends on even in a theme that shows unexpected things (see `deps`). A kept macro
  output carries the reads made while rendering it, replayed on every page that reuses it.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.meta import find_undeclared_variables
from jinja2.runtime import Context, Macro

from generator.site.render.reads import Reads

PAGE_FUNCTIONS = frozenset({"url", "t", "date"})  # what every page passes to its templates, besides its data
MAX_FRAGMENTS = 30_000  # kept macro outputs per edition and process (about three per article of 10,000)
_EXTERNAL = ("://", "mailto:")


class PageLinks:
    """`url(path)` in templates: the link from the page being rendered to a site path.

    Links go up to the edition root and down again (`../../tags/x/index.html`), so they depend on the
    page's depth only: what makes macro output shareable between pages.
    """

    __slots__ = ("prefix", "fragments")

    def __init__(self, page_path: str, fragments: dict):
        self.prefix = "../" * page_path.count("/")
        self.fragments = fragments  # pure macro outputs of this build and edition (see `_Context.call`)

    def __call__(self, path: str) -> str:
        if path.startswith(_EXTERNAL[1]) or _EXTERNAL[0] in path:
            return path
        return self.prefix + path


_DIRECT = frozenset({types.BuiltinFunctionType, types.BuiltinMethodType, PageLinks, Macro})


class _Context(Context):
    def call(__self, __obj: Callable, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's own signature
        kind = type(__obj)
        direct = __self.environment.direct_types
        if kind not in direct and not (kind is types.MethodType and type(__obj.__self__) in direct):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        if kind is Macro:
            return _call_macro(__self, __obj, args, kwargs)
        return __obj(*args, **kwargs)


def _call_macro(context: Context, macro: Macro, args: tuple, kwargs: dict) -> Any:
    environment: SiteEnvironment = context.environment  # type: ignore[assignment]
    links = context.parent.get("url")
    code = macro._func.__code__
    if type(links) is not PageLinks or macro.caller or not environment.is_pure(code.co_filename, macro.name):
        return macro(*args, **kwargs)
    try:
        key = (code, links.prefix, args, tuple(sorted(kwargs.items())))
        kept = links.fragments.get(key)
    except TypeError:  # an unhashable argument (a list, say): render it every time
        return macro(*args, **kwargs)
    outer = environment.reads
    if kept is None:
        if len(links.fragments) >= MAX_FRAGMENTS:
            links.fragments.clear()  # memory stays bounded however large the archive; most reuse is local
        environment.reads = inner = Reads() if outer is not None else None
        try:
            kept = links.fragments[key] = (macro(*args, **kwargs), inner)
        finally:
            environment.reads = outer
    if outer is not None and kept[1] is not None:
        outer.add(kept[1])
    return kept[0]


class SiteEnvironment(jinja2.Environment):
    """A Jinja environment that calls quickly, keeps pure macro output and notes what is read.

    `card_fields` maps each model class to the attributes lists show (a title, a path); reading any
    other attribute (an article's body) counts as reading the whole object. `helpers` are the classes
    of the callables pages pass (`t`), called without Jinja's probing, as are their bound methods.
    """

    context_class = _Context

    def __init__(self, card_fields: Mapping[type, frozenset[str]], helpers: frozenset[type], **options: Any):
        super().__init__(**options)
        self.card_fields = card_fields
        self.direct_types = _DIRECT | helpers
        self.reads: Reads | None = None  # set while a page renders
        self._pure: dict[str, frozenset[str]] = {}  # names of the pure macros of each template file read

    def is_pure(self, filename: str, macro: str) -> bool:
        if filename not in self._pure:
            self._pure[filename] = pure_macros(self, Path(filename).read_text(encoding="utf-8"), filename)
        return macro in self._pure[filename]

    def _note(self, obj: Any, key: Any) -> None:
        fields = self.card_fields.get(type(obj))
        if fields is not None:
            (self.reads.card if isinstance(key, str) and key in fields else self.reads.full).add(obj)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Jinja's own getattr, with the note inlined: templates call this for every `a.b`
        reads = self.reads
        if reads is not None:
            fields = self.card_fields.get(type(obj))
            if fields is not None:
                (reads.card if attribute in fields else reads.full).add(obj)
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if self.reads is not None:
            self._note(obj, argument)
        return super().getitem(obj, argument)

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> jinja2.Template:  # noqa: A002
        template = super().get_template(name, parent, globals)
        if self.reads is not None:
            self.reads.keys.add("template:" + template.name)
        return template


def pure_macros(environment: jinja2.Environment, source: str, filename: str) -> frozenset[str]:
    """The macros of a template whose output depends on their arguments, `url`, `t`, `date` and
    pure macros of the same template alone."""
    try:
        macros = list(environment.parse(source, filename=filename).find_all(nodes.Macro))
    except jinja2.TemplateSyntaxError:
        return frozenset()  # reported when a page renders with it
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
    return frozenset(pure)
