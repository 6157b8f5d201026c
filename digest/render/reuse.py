"""Reuse pages of the previous build whose inputs did not change.

A page's fingerprint covers its template chain, the theme, the configuration, digest's
rendering code and a digest of the objects passed to the template. The one site-wide
lookup templates make, ``speaker_of(name)``, is recorded while a page renders and checked
again before the page is reused. Templates whose chain reads the ``site`` global (lists
of everything) are never reused: they are cheap and few. A reused page is kept from the
current site by the writer (``SiteWriter.keep``), so an incremental build renders only what
changed; the manifest lives in the cache and is dropped before a build renders, so a
build that dies half-way never leaves a manifest that disagrees with the site. Files that
are not pages (a meeting's calendar, a speaker's feed) are reused the same way, by the
digest of the objects they are made from (``write_derived``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import jinja2
from jinja2 import meta

from digest.render.output import SiteWriter

MANIFEST_VERSION = 1
SpeakerSlug = Callable[[str], "str | None"]  # a name -> the slug of the speaker page it links to

_PLAIN = frozenset({str, int, float, bool, type(None)})


class Digests:
    """Content digests of the (immutable) objects handed to templates.

    A value is written as text that can be read back unambiguously (``repr`` of plain values,
    tagged brackets around the rest) and the text hashed. Tuples and frozen dataclasses stand in
    their parent's text as the digest of their own, memoised per object: the same entry reaches
    hundreds of pages, and is written out once. Types that cannot be fingerprinted reliably (by
    value) raise TypeError.
    """

    def __init__(self) -> None:
        self._memo: dict[int, str] = {}  # id(obj) -> its digest text
        self._alive: list[object] = []  # the memoised objects, kept so that their ids are not reused
        self._layouts: dict[type, tuple] = {}  # type -> (encoder, tag, field getter)

    def of(self, obj) -> bytes:
        return hashlib.sha1(self._encode(obj).encode()).digest()

    def _encode(self, obj) -> str:
        kind = type(obj)
        if kind in _PLAIN:
            return repr(obj)
        found = self._memo.get(id(obj))
        if found is not None:
            return found
        layout = self._layouts.get(kind) or self._layout(kind)
        return layout[0](self, obj, layout)

    def _layout(self, kind: type) -> tuple:
        if kind is tuple:
            layout = (Digests._node, "tuple", None)
        elif issubclass(kind, tuple):  # a named tuple
            layout = (Digests._node, f"<{kind.__module__}.{kind.__qualname__}>", tuple)
        elif kind is list:
            layout = (Digests._inline, "list", None)
        elif dataclasses.is_dataclass(kind):
            names = [f.name for f in dataclasses.fields(kind)]
            get = operator.attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)
            # frozen: assigning raises (the class has its own __setattr__); a mutable one may change, never memoised
            frozen = "__setattr__" in vars(kind)
            layout = (Digests._node if frozen else Digests._inline, f"<{kind.__module__}.{kind.__qualname__}>", get)
        elif kind is dict:
            layout = (Digests._dict, "dict", None)
        elif kind in (date, datetime):
            layout = (Digests._date, f"<{kind.__name__}>", None)
        elif issubclass(kind, (str, int, float)) and not issubclass(kind, bool):  # Markup, IntEnum...
            base = next(b for b in (str, int, float) if issubclass(kind, b))
            layout = (Digests._subclass, f"<{kind.__module__}.{kind.__qualname__}>", base.__repr__)
        else:
            raise TypeError(f"cannot fingerprint a {kind.__name__} passed to a template")
        self._layouts[kind] = layout
        return layout

    def _items(self, values) -> str:
        if _PLAIN.issuperset(map(type, values)):  # all plain: one repr, in C
            return repr(tuple(values))
        encode = self._encode
        return "(" + ", ".join([repr(v) if type(v) in _PLAIN else encode(v) for v in values]) + ")"

    def _node(self, obj, layout: tuple) -> str:
        values = obj if layout[2] is None else layout[2](obj)
        value = "#" + hashlib.sha1((layout[1] + self._items(values)).encode()).hexdigest()
        self._memo[id(obj)] = value  # no new container per object: fewer garbage collector passes
        self._alive.append(obj)
        return value

    def _inline(self, obj, layout: tuple) -> str:
        return layout[1] + self._items(obj if layout[2] is None else layout[2](obj))

    def _dict(self, obj: dict, layout: tuple) -> str:
        pairs = sorted(f"{self._encode(key)}: {self._encode(value)}" for key, value in obj.items())
        return layout[1] + "{" + ", ".join(pairs) + "}"

    def _date(self, obj: date, layout: tuple) -> str:
        return layout[1] + repr(obj.isoformat())

    def _subclass(self, obj, layout: tuple) -> str:
        return layout[1] + layout[2](obj)


def reads_site(env: jinja2.Environment, name: str, seen: set[str] | None = None) -> bool:
    """Whether template ``name`` or any template it extends, includes or imports reads ``site``.

    Analysed in an environment without globals: Jinja does not count a name it finds among
    the globals as undeclared, and ``site`` is one.
    """
    if seen is None:
        bare = jinja2.Environment(loader=env.loader, autoescape=True)
        bare.filters.update(env.filters)
        bare.tests.update(env.tests)
        env, seen = bare, set()
    if name in seen:
        return False
    seen.add(name)
    ast = env.parse(env.loader.get_source(env, name)[0])
    if "site" in meta.find_undeclared_variables(ast):
        return True
    return any(reads_site(env, ref, seen) for ref in meta.find_referenced_templates(ast) if ref)


def write_derived(reuse: PageReuse | None, writer: SiteWriter, relpath: str, label: str, inputs: dict,
                  make: Callable[[], bytes | str], speaker_slug: SpeakerSlug | None = None,
                  templates: tuple[str, ...] = ()) -> None:
    """Write a file that is not a page (a meeting's calendar, a speaker's feed) as ``make()``, or link
    the previous build's copy when the ``inputs`` of what ``label`` names did not change.

    ``make`` may read nothing but ``inputs``, what the environment key covers (the configuration,
    the theme, digest's code) and the templates in ``templates``, whose speaker lookups are
    recorded as a page's are.
    """
    if reuse is None:
        writer.write(relpath, make())
    else:
        reuse.write_file(relpath, label, inputs, writer, make, speaker_slug, templates)


class PageReuse:
    """Open before a build renders (it drops the manifest), ``attach`` in render, ``save`` after the swap."""

    def __init__(self, manifest: Path, output: Path, digests: Digests | None = None, environment: str = ""):
        self.manifest, self.output = manifest, output
        self.environment = environment  # what every page depends on: digest's code, the theme, the configuration
        try:
            self.data = json.loads(manifest.read_text())
        except (OSError, ValueError):
            self.data = {}
        if not isinstance(self.data, dict):
            self.data = {}
        manifest.unlink(missing_ok=True)  # from here on the site may change: no stale manifest survives
        self.digests = digests or Digests()  # share the site fingerprint's: the articles are digested once
        self.old: dict[str, list] = {}
        self.new: dict[str, list] = {}
        self.key = ""
        self.env: jinja2.Environment | None = None
        self._eligible: dict[str, bool] = {}
        self._lookups: dict[str, str | None] | None = None
        self._last: tuple[dict, str, str] | None = None  # (context, template, fingerprint) of the last page
        self.linked: set[str] = set()  # the files kept from the previous build (unchanged)
        self.reused = 0  # pages and files kept from the previous build

    def attach(self, env: jinja2.Environment, key: str) -> None:
        self.env, self.key = env, key
        data = self.data
        if data.get("version") == MANIFEST_VERSION and data.get("key") == key and \
                data.get("output") == str(self.output):
            self.old = data.get("pages", {})
            eligible = data.get("eligible")  # the key covers the theme, so the analysis still holds
            if isinstance(eligible, dict):
                self._eligible = {k: v for k, v in eligible.items() if isinstance(v, bool)}

    def eligible(self, template: str) -> bool:
        """Whether pages of ``template`` may be reused (its chain does not read ``site``)."""
        if template not in self._eligible:
            self._eligible[template] = not reads_site(self.env, template)
        return self._eligible[template]

    def fingerprint(self, template: str, context: dict) -> str:
        """The digest of ``template`` and ``context``; remembered for the record after a render."""
        last = self._last
        if last is not None and last[0] is context and last[1] == template:
            return last[2]
        value = hashlib.sha1(template.encode() + self.digests.of(context)).hexdigest()
        self._last = (context, template, value)
        return value

    def reuse(self, relpath: str, template: str, context: dict, writer: SiteWriter, speaker_slug) -> bool:
        """Keep the previous build's page in the new build if nothing it depends on changed."""
        return self.link(relpath, template, context, writer, speaker_slug, (template,))

    def link(self, relpath: str, label: str, inputs: dict, writer: SiteWriter, speaker_slug: SpeakerSlug | None,
             templates: tuple[str, ...]) -> bool:
        """Keep the previous build's file made from ``inputs`` (by ``label``, rendering ``templates``)."""
        if not all(map(self.eligible, templates)):
            return False
        old = self.old.get(relpath)
        if not old or old[0] != self.fingerprint(label, inputs):
            return False
        if old[1] and (speaker_slug is None or any(speaker_slug(name) != slug for name, slug in old[1].items())):
            return False
        if not writer.keep(relpath):  # the old file is gone: render it
            return False
        self.new[relpath] = old
        self.linked.add(relpath)
        self.reused += 1
        return True

    @contextmanager
    def recording(self, relpath: str, template: str, context: dict, templates: tuple[str, ...] | None = None):
        """Record the speaker lookups a page (or a file rendering ``templates``) makes while it renders."""
        self.new.pop(relpath, None)  # made twice: only the last making counts
        self.linked.discard(relpath)  # the writer writes it anew (never through the live site's file)
        self._lookups = {}
        try:
            yield
            if all(map(self.eligible, (template,) if templates is None else templates)):
                self.new[relpath] = [self.fingerprint(template, context), self._lookups]
        finally:
            self._lookups = None

    def write_file(self, relpath: str, label: str, inputs: dict, writer: SiteWriter,
                   make: Callable[[], bytes | str], speaker_slug: SpeakerSlug | None = None,
                   templates: tuple[str, ...] = ()) -> None:
        """Keep the previous build's file if ``inputs`` did not change, else write ``make()``."""
        if not self.link(relpath, label, inputs, writer, speaker_slug, templates):
            with self.recording(relpath, label, inputs, templates):
                writer.write(relpath, make())

    def note(self, name: str, slug: str | None) -> None:
        if self._lookups is not None:
            self._lookups[name] = slug

    def save(self) -> None:
        """Called after the new site is swapped in."""
        data = {"version": MANIFEST_VERSION, "key": self.key, "output": str(self.output), "pages": self.new,
                "eligible": self._eligible}
        tmp = self.manifest.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, self.manifest)
