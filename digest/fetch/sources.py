"""`digest sources`: import a feed reader's OPML export into digest.toml, and list the sources with
what the last runs found."""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from digest.config import MAX_SOURCE_TEXT, Config, default_toml, is_web_url, load_config, sources_toml
from digest.errors import ConfigError, DigestError, Report
from digest.fetch.state import STATE_FILE, FetchState
from digest.models import Subscription

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class SourceStatus:
    source: Subscription
    moved_to: str | None = None  # where it is fetched from now, when permanently redirected
    gone_since: str | None = None
    checked: str | None = None  # when it was last asked for (UTC, ISO 8601)
    problem: str | None = None  # why that failed
    added: int = 0  # articles stored from it so far


def read_opml(path: Path, report: Report) -> list[Subscription]:
    """The feeds of an OPML file (any nesting); a folder's title becomes a tag of the feeds in it."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DigestError(f"{path}:{exc.position[0]}: not valid OPML ({exc})") from None
    except OSError as exc:
        raise DigestError(f"{path}: cannot read ({exc.strerror or exc})") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise DigestError(f"{path}: not an OPML file (no <opml><body>)")
    found: list[Subscription] = []
    _walk(body, (), path, report, found)
    return found


def _walk(node: ET.Element, folders: tuple[str, ...], path: Path, report: Report, found: list[Subscription]) -> None:
    for outline in node.findall("outline"):
        title = _clean(outline.get("title") or outline.get("text") or "")
        url = (outline.get("xmlUrl") or "").strip()
        if not url:
            _walk(outline, (*folders, title) if title else folders, path, report, found)
            continue
        if not is_web_url(url) or len(url) > 2000 or _CONTROL.search(url) or " " in url:
            report.warn(str(path), f"outline {title or url!r}: xmlUrl {url[:100]!r} is not an http(s) URL; skipped")
            continue
        categories = [c for part in (outline.get("category") or "").split(",") for c in part.split("/")]
        tags = tuple(dict.fromkeys(t for t in (_clean(c) for c in (*folders, *categories)) if t))
        found.append(Subscription(url=url, name=title or None, tags=tags))


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_SOURCE_TEXT]


def import_opml(config_file: Path, opml: Path, report: Report) -> tuple[list[Subscription], int]:
    """Append the OPML's feeds that ``config_file`` does not list yet as ``[[sources]]`` tables; the
    file is created when missing. Returns (the sources added, how many were already there)."""
    config = load_config(config_file)
    known = {s.url for s in config.sources}
    new: list[Subscription] = []
    already = 0
    for source in read_opml(opml, report):
        if source.url in known:
            already += 1
            continue
        known.add(source.url)
        new.append(source)
    if new:
        before = config_file.read_text(encoding="utf-8") if config_file.exists() else default_toml()
        _write(config_file, before.rstrip("\n") + "\n\n" + sources_toml(new))
        try:
            load_config(config_file)
        except ConfigError:
            _write(config_file, before)
            raise
    return new, already


def _write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def source_statuses(config: Config) -> list[SourceStatus]:
    """Every source of ``config`` with what the fetch state knows of it."""
    path = config.cache_path / STATE_FILE
    if not path.exists():
        return [SourceStatus(source) for source in config.sources]
    statuses = []
    with FetchState(path) as state:
        for source in config.sources:
            current = state.current_url(source.url)
            gone, _, _, _ = state.summary(source.url)
            _, checked, problem, added = state.summary(current)
            statuses.append(SourceStatus(source, current if current != source.url else None, gone, checked, problem,
                                         added))
    return statuses
