"""digest.toml: load, default and validate the site configuration.

Every field has a default; every bad field is reported at once, each with its name.
Paths are relative to the folder holding digest.toml (the site root).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.errors import ConfigError
from digest.models import Subscription

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "digest.toml"
DEFAULT_BASE_URL = "http://localhost:8000/"
CI_VARIABLES = ("CI", "GITHUB_ACTIONS")  # set by CI services (GitHub Actions sets both)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Config:
    """The validated settings of one site. ``root`` is the folder of digest.toml."""

    root: Path = Path(".")
    title: str = "Daily Briefing"
    description: str = "Key quotes and upcoming meetings from the day's news."
    base_url: str = DEFAULT_BASE_URL
    timezone: str = "UTC"
    language: str = "en"
    author: str = "digest"
    pipeline: str = "en_core_web_sm"
    content_dir: str = "content"
    output_dir: str = "site"
    cache_dir: str = ".digest"
    key_quotes: int = 6
    meeting_days: int = 14
    per_page: int = 10
    search: bool = True
    full_text: bool = False  # article pages show whole articles (content the site owns)
    # a dask.distributed scheduler (tcp://HOST:PORT) that runs extraction; "" for local processes.
    # Where extraction runs does not change the site: not part of repr(), so the site's fingerprint ignores it
    scheduler: str = field(default="", repr=False)
    # what `digest fetch` reads; not part of repr(), so the site's fingerprint ignores it
    sources: tuple[Subscription, ...] = field(default=(), repr=False)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def content_path(self) -> Path:
        return (self.root / self.content_dir).resolve()

    @property
    def output_path(self) -> Path:
        return (self.root / self.output_dir).resolve()

    @property
    def cache_path(self) -> Path:
        return (self.root / self.cache_dir).resolve()

    @property
    def templates_path(self) -> Path:
        return (self.root / "templates").resolve()

    def with_overrides(self, **values) -> Config:
        """A copy with the given fields replaced (None values ignored), validated again."""
        changes = {k: v for k, v in values.items() if v is not None}
        if "base_url" in changes:
            changes["base_url"] = _with_slash(changes["base_url"])
        new = replace(self, **changes)
        problems = _validate(new)
        if problems:
            raise ConfigError("command line", problems)
        return new


_FIELD_TYPES = {f.name: f.type for f in fields(Config) if f.name not in ("root", "sources")}
_KNOWN = sorted([*_FIELD_TYPES, "sources"])
_SOURCE_KEYS = ("url", "name", "full_text", "tags")
MAX_SOURCE_URL = 2000
MAX_SOURCE_TEXT = 300
_INT_RANGES = {"key_quotes": (1, 100), "meeting_days": (1, 366), "per_page": (1, 1000)}


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _validate(config: Config) -> list[str]:
    problems = []
    parts = urlsplit(config.base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(f"base_url: {config.base_url!r} is not an absolute http(s) URL")
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"timezone: {config.timezone!r} is not an IANA time zone (e.g. 'Europe/Brussels')")
    for name, (low, high) in _INT_RANGES.items():
        value = getattr(config, name)
        if not low <= value <= high:
            problems.append(f"{name}: {value} is out of range ({low} to {high})")
    bad_dirs = []
    for name in ("content_dir", "output_dir", "cache_dir"):
        value = getattr(config, name)
        if not value.strip() or Path(value).is_absolute() or ".." in Path(value).parts:
            bad_dirs.append(f"{name}: {value!r} must be a folder inside the site (relative, no '..')")
    problems += bad_dirs
    if not bad_dirs:
        content, output = config.content_path, config.output_path
        if output == config.root.resolve() or output in content.parents or output == content:
            problems.append(f"output_dir: {config.output_dir!r} may not equal or contain the site or content folder")
        elif content in output.parents:
            problems.append(f"output_dir: {config.output_dir!r} may not be inside the content folder")
    if not config.title.strip():
        problems.append("title: may not be empty")
    for name in ("title", "description", "author", "language", "pipeline", "base_url", "timezone"):
        if _UNPRINTABLE.search(getattr(config, name)):
            problems.append(f"{name}: contains control or non-character code points")
    if config.scheduler and not is_scheduler_address(config.scheduler):
        problems.append(f"scheduler: {config.scheduler!r} is not a dask scheduler address "
                        "(tcp://HOST:PORT, or tls://, ws://, wss://)")
    output_ok = not bad_dirs and not any(p.startswith("output_dir:") for p in problems)
    if output_ok and (config.cache_path == config.output_path or config.output_path in config.cache_path.parents):
        problems.append(f"cache_dir: {config.cache_dir!r} may not be inside the output folder (it is replaced)")
    return problems


def _coerce(name: str, value, problems: list[str]):
    kind = _FIELD_TYPES[name]
    if kind == "bool":
        if not isinstance(value, bool):
            problems.append(f"{name}: expected true or false, got {value!r}")
            return None
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{name}: expected a whole number, got {value!r}")
            return None
        return value
    if not isinstance(value, str):
        problems.append(f"{name}: expected a string, got {value!r}")
        return None
    return value


def load_config(path: Path | None = None, root: Path | None = None) -> Config:
    """Load ``path`` (default: ``root``/digest.toml). A missing file gives the defaults."""
    root = (root or (path.parent if path else Path.cwd())).resolve()
    path = path or root / CONFIG_NAME
    if not path.exists():
        return Config(root=root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"not valid TOML: {exc}"]) from None
    if isinstance(data.get("site"), dict):  # accept a [site] table as well as top-level keys
        data = {**{k: v for k, v in data.items() if k != "site"}, **data["site"]}
    problems: list[str] = []
    values = {}
    for name, value in data.items():
        if name == "sources":
            values[name] = parse_sources(value, problems)
            continue
        if name not in _FIELD_TYPES:
            problems.append(f"{name}: unknown setting (known: {', '.join(_KNOWN)})")
            continue
        coerced = _coerce(name, value, problems)
        if coerced is not None:
            values[name] = coerced
    if "base_url" in values:
        values["base_url"] = _with_slash(values["base_url"])
    config = Config(root=root, **values)
    problems += _validate(config)
    if problems:
        raise ConfigError(str(path), problems)
    return config


SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss")


def is_scheduler_address(address: str) -> bool:
    """A dask.distributed scheduler address: ``tcp://HOST:PORT`` (or tls, ws, wss)."""
    if _UNPRINTABLE.search(address) or " " in address:
        return False
    parts = urlsplit(address)
    try:
        port = parts.port
    except ValueError:
        return False
    return parts.scheme in SCHEDULER_SCHEMES and bool(parts.hostname) and port is not None and \
        parts.path in ("", "/") and not parts.query and not parts.fragment


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # an invalid IPv6 literal or port
        return False


def parse_sources(value, problems: list[str]) -> tuple[Subscription, ...]:
    """The ``[[sources]]`` tables; each bad field is one problem naming it (``sources[2].url``, counting
    from 1 in file order)."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.append("sources: expected [[sources]] tables (url, name, full_text, tags)")
        return ()
    found: list[Subscription] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(value, 1):
        where = f"sources[{number}]"
        before = len(problems)
        for key in item:
            if key not in _SOURCE_KEYS:
                problems.append(f"{where}.{key}: unknown field (known: {', '.join(_SOURCE_KEYS)})")
        url = item.get("url")
        if url is None:
            problems.append(f"{where}.url: missing (every source needs the address of its feed or page)")
        elif not isinstance(url, str) or not is_web_url(url) or _UNPRINTABLE.search(url) or " " in url:
            problems.append(f"{where}.url: {url!r} is not an absolute http(s) URL")
        elif len(url) > MAX_SOURCE_URL:
            problems.append(f"{where}.url: longer than {MAX_SOURCE_URL:,} characters")
        elif url in seen:
            problems.append(f"{where}.url: {url!r} is already sources[{seen[url]}]")
        else:
            seen[url] = number
        name = item.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip() or _UNPRINTABLE.search(name)
                                 or len(name) > MAX_SOURCE_TEXT):
            problems.append(f"{where}.name: expected a printable string of 1 to {MAX_SOURCE_TEXT} characters, "
                            f"got {name!r}")
        full_text = item.get("full_text", True)
        if not isinstance(full_text, bool):
            problems.append(f"{where}.full_text: expected true or false, got {full_text!r}")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(
            isinstance(t, str) and t.strip() and not _UNPRINTABLE.search(t) and len(t) <= MAX_SOURCE_TEXT
            for t in tags
        ):
            problems.append(f"{where}.tags: expected a list of strings, e.g. [\"politics\", \"eu\"], got {tags!r}")
        if len(problems) == before:
            found.append(Subscription(url=url, name=name, full_text=full_text, tags=tuple(t.strip() for t in tags)))
    return tuple(found)


def sources_toml(sources: list[Subscription]) -> str:
    """``[[sources]]`` tables for ``sources``, to append to a digest.toml."""
    blocks = []
    for source in sources:
        lines = ["[[sources]]", f"url = {toml_string(source.url)}"]
        if source.name:
            lines.append(f"name = {toml_string(source.name)}")
        if not source.full_text:
            lines.append("full_text = false")
        if source.tags:
            lines.append(f"tags = [{', '.join(toml_string(t) for t in source.tags)}]")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def default_toml(title: str = "Daily Briefing", base_url: str = DEFAULT_BASE_URL) -> str:
    """The digest.toml that `digest init` writes, every setting with its default and meaning."""
    d = Config()
    return f"""# digest site configuration. Every setting is optional; these are the defaults.
title = {_toml_str(title)}
description = {_toml_str(d.description)}
# Absolute URL the site is published at (feeds and canonical links use it).
base_url = {_toml_str(base_url)}
# IANA time zone that decides which day an article belongs to.
timezone = "{d.timezone}"
language = "{d.language}"
author = "{d.author}"
# Any installed spaCy pipeline, e.g. "en_core_web_trf".
pipeline = "{d.pipeline}"
content_dir = "{d.content_dir}"
output_dir = "{d.output_dir}"
cache_dir = "{d.cache_dir}"
# Key quotes per daily briefing, and how many days ahead its meetings box looks.
key_quotes = {d.key_quotes}
meeting_days = {d.meeting_days}
# Briefings per page on the paginated front-page list (/page/N/).
per_page = {d.per_page}
# Client-side full-text search (Pagefind, run by `digest build`); false leaves it out.
search = {str(d.search).lower()}
# Run extraction on a dask.distributed cluster (pip install "digest[dask]"), e.g. "tcp://10.0.0.5:8786";
# empty: local worker processes.
scheduler = ""

# Subscriptions for `digest fetch`: RSS, Atom or JSON Feed addresses, or single pages. One
# [[sources]] table each; name, full_text (default true: get each article's page) and tags
# are optional. `digest sources import FILE.opml` adds a feed reader's subscriptions.
# [[sources]]
# url = "https://example.org/news/feed.xml"
# name = "Example News"
"""


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def localhost_base_url_warning(config: Config, strict: bool, environ: Mapping[str, str]) -> str | None:
    """The warning for a build meant for publication (in CI, or ``--strict``) whose ``base_url``
    is still the localhost default: its feeds, sitemap and canonical links would point there."""
    in_ci = any(environ.get(name, "").strip().lower() not in ("", "0", "false") for name in CI_VARIABLES)
    if config.base_url != DEFAULT_BASE_URL or not (in_ci or strict):
        return None
    return (f"base_url is still the default {DEFAULT_BASE_URL}: feeds, the sitemap and canonical links will point "
            "there; set base_url in digest.toml (or pass --base-url) to where the site is published")
