"""Reuse pages of the previous build whose inputs did not change.

A page's fingerprint covers its template chain, the theme, the configuration, digest's
rendering code and a digest of the objects passed to the template. The one site-wide
lookup templates make, ``speaker_of(name)``, is recorded while a page renders and checked
again before the page is reused. Templates whose chain reads the ``site`` global (lists
of everything) are never reused: they are cheap and few. A reused page is hard-linked
from the current site into the new build, so an incremental build renders only what
changed; the manifest lives in the cache and is dropped before a build renders, so a
build that dies half-way never leaves a manifest that disagrees with the site.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import jinja2
from jinja2 import meta

from digest.render.output import SiteWriter
from digest.render.templating import theme_digest

MANIFEST_VERSION = 1


class Digests:
    """Content digests of the (immutable) objects handed to templates, memoised per object."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[bytes, object]] = {}

    def of(self, obj) -> bytes:
        if isinstance(obj, tuple) or (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
            found = self._memo.get(id(obj))  # immutable: its digest never changes
            if found is not None:
                return found[0]
            h = hashlib.sha1(type(obj).__name__.encode())
            items = obj if isinstance(obj, tuple) else (getattr(obj, f.name) for f in dataclasses.fields(obj))
            for item in items:
                h.update(self.of(item))
            value = h.digest()
            self._memo[id(obj)] = (value, obj)  # keep obj alive so its id is not reused
            return value
        if isinstance(obj, list):
            h = hashlib.sha1(b"[")
            for item in obj:
                h.update(self.of(item))
            return h.digest()
        if isinstance(obj, dict):
            h = hashlib.sha1(b"{")
            for key in sorted(obj, key=repr):
                h.update(self.of(key) + self.of(obj[key]))
            return h.digest()
        if isinstance(obj, (datetime, date)):
            return hashlib.sha1(obj.isoformat().encode()).digest()
        if obj is None or isinstance(obj, (str, int, float, bool)):
            return hashlib.sha1(f"{type(obj).__name__}:{obj}".encode()).digest()
        raise TypeError(f"cannot fingerprint a {type(obj).__name__} passed to a template")


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


def environment_key(env: jinja2.Environment, folders: list[Path], *parts: object) -> str:
    """What every page depends on: digest's rendering code, the theme's files, and ``parts``."""
    h = hashlib.sha1()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(path.read_bytes())
    h.update(theme_digest(folders))
    h.update(repr(parts).encode())
    return h.hexdigest()


class PageReuse:
    """Open before a build renders (it drops the manifest), ``attach`` in render, ``save`` after the swap."""

    def __init__(self, manifest: Path, output: Path):
        self.manifest, self.output = manifest, output
        try:
            self.data = json.loads(manifest.read_text())
        except (OSError, ValueError):
            self.data = {}
        manifest.unlink(missing_ok=True)  # from here on the site may change: no stale manifest survives
        self.digests = Digests()
        self.old: dict[str, list] = {}
        self.new: dict[str, list] = {}
        self.key = ""
        self.env: jinja2.Environment | None = None
        self._eligible: dict[str, bool] = {}
        self._lookups: dict[str, str | None] | None = None
        self.reused = 0

    def attach(self, env: jinja2.Environment, key: str) -> None:
        self.env, self.key = env, key
        data = self.data
        if data.get("version") == MANIFEST_VERSION and data.get("key") == key and \
                data.get("output") == str(self.output):
            self.old = data.get("pages", {})

    def eligible(self, template: str) -> bool:
        if template not in self._eligible:
            self._eligible[template] = not reads_site(self.env, template)
        return self._eligible[template]

    def fingerprint(self, template: str, context: dict) -> str:
        return hashlib.sha1(template.encode() + self.digests.of(context)).hexdigest()

    def reuse(self, relpath: str, template: str, context: dict, writer: SiteWriter, speaker_slug) -> bool:
        """Link the previous build's page into the new build if nothing it depends on changed."""
        if not self.eligible(template):
            return False
        fingerprint = self.fingerprint(template, context)
        old = self.old.get(relpath)
        source = self.output / relpath
        if not old or old[0] != fingerprint or not source.is_file():
            return False
        if any(speaker_slug(name) != slug for name, slug in old[1].items()):
            return False
        target = writer.path_for(relpath)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            return False
        writer.written.append(relpath)
        self.new[relpath] = old
        self.reused += 1
        return True

    @contextmanager
    def recording(self, relpath: str, template: str, context: dict):
        """Record the speaker lookups a page makes while it renders."""
        self._lookups = {}
        try:
            yield
            if self.eligible(template):
                self.new[relpath] = [self.fingerprint(template, context), self._lookups]
        finally:
            self._lookups = None

    def note(self, name: str, slug: str | None) -> None:
        if self._lookups is not None:
            self._lookups[name] = slug

    def save(self) -> None:
        """Called after the new site is swapped in."""
        data = {"version": MANIFEST_VERSION, "key": self.key, "output": str(self.output), "pages": self.new}
        tmp = self.manifest.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, self.manifest)
