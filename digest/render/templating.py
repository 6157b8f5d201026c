"""The Jinja2 environment: autoescape always on; a site's templates/ overrides the default theme."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

import digest
from digest.config import Config
from digest.models import Precision, TimeValue


def default_theme() -> Path:
    """The default templates: inside the installed wheel, else the source checkout's templates/."""
    package = Path(digest.__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("digest's default templates are missing from this installation")


def theme_folders(config: Config) -> list[Path]:
    folders = [config.templates_path] if config.templates_path.is_dir() else []
    default = default_theme()
    return folders + ([default] if default not in folders else [])


def theme_digest(folders: list[Path]) -> bytes:
    """A digest of every file of the theme folders (templates and static assets)."""
    h = hashlib.sha1()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.digest()


def long_date(value: date | datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | datetime) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def machine_time(value: date | datetime) -> str:
    """A ``datetime`` attribute value: whole seconds (validators reject fractions like ``.351000``)."""
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()


def quote_text(text: str) -> str:
    """A quotation as displayed (pages, feeds, briefing.json): the extractor keeps the comma before the
    closing mark ("… in Logar," he said); drop it, and any space left before it."""
    return text.strip().rstrip(",;:").rstrip()


def value_label(value: str | None) -> str:
    """A time value (``TimeValue.start`` or ``end``) for readers: a day, "week of …", a month or a year."""
    when = TimeValue(value) if value else None
    first = when.first_day if when else None
    if first is None:
        return "date not given"
    if when.precision is Precision.DAY:
        return short_date(first)
    if when.precision is Precision.WEEK:
        return f"week of {first.day} {first:%b %Y}"
    if when.precision is Precision.MONTH:
        return f"{first:%B %Y}"
    return str(first.year)


def make_environment(config: Config) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in theme_folders(config)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = urlsplit(config.base_url).path or "/"

    def url(path: str = "") -> str:
        return base_path + path.lstrip("/")

    def abs_url(path: str = "") -> str:
        return config.base_url + path.lstrip("/")

    env.globals.update(config=config, url=url, abs_url=abs_url)
    env.filters.update(long_date=long_date, short_date=short_date, value_label=value_label,
                       quote_text=quote_text, machine_time=machine_time)
    return env
