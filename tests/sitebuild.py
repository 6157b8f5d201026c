"""The sample site, built once per test session and shared by the site, feed, HTML and browser tests.

It is the repository's own ``content/`` plus a second, earlier day (tests/fixtures/site/
geneva-talks-2022-01-10.md), built with the real pipeline for 11 January 2022 and
published under a sub-path (``/news/``, as on a GitHub Pages project site) with one
briefing per list page, so that day navigation and pagination have something to do.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "site"
SECOND_DAY = FIXTURES / "geneva-talks-2022-01-10.md"
BASE_PATH = "/news/"
BASE_URL = "https://briefing.example.org/news/"
TODAY = date(2022, 1, 11)
ARTIFACTS = ROOT / "test-artifacts"


def missing_tool(reason: str) -> None:
    """Skip a test whose outside tool (chromium, Java, axe-core) is missing; under .ci/run, which installs
    them and sets DIGEST_REQUIRE_TOOLS=1, fail instead, so CI never passes by skipping."""
    import pytest

    if os.environ.get("DIGEST_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason} (DIGEST_REQUIRE_TOOLS=1)", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class SampleSite:
    root: Path  # the site project: digest.toml, content/
    www: Path  # the web root: the site is www/news/
    site: Path
    result: object  # digest.build.BuildResult

    def pages(self) -> list[Path]:
        """Every built HTML page (Pagefind's own files excluded)."""
        return sorted(
            p for p in self.site.rglob("*.html") if "pagefind" not in p.relative_to(self.site).parts
        )

    def url_of(self, path: Path) -> str:
        """The site path of a built file: news/people/index.html → /news/people/."""
        rel = path.relative_to(self.site).as_posix()
        return BASE_PATH + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)

    def file_for(self, url_path: str) -> Path | None:
        """The built file a site path serves, or None (/news/people/ → people/index.html)."""
        if not url_path.startswith(BASE_PATH):
            return None
        rel = url_path[len(BASE_PATH) :]
        target = self.site / rel
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


def make_project(root: Path, search: bool = True) -> Path:
    """A site project: the repository's content/ plus the second fixture day."""
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(SECOND_DAY, root / "content" / SECOND_DAY.name)
    (root / "digest.toml").write_text(
        f'title = "Daily Briefing"\nbase_url = "{BASE_URL}"\nper_page = 1\nsearch = {str(search).lower()}\n'
    )
    return root


@functools.cache
def sample_site() -> SampleSite:
    from digest.build import build_site
    from digest.config import load_config

    tmp = Path(tempfile.mkdtemp(prefix="digest-sample-"))
    atexit.register(shutil.rmtree, tmp, True)
    root = make_project(tmp / "project")
    site = tmp / "www" / BASE_PATH.strip("/")
    result = build_site(load_config(root=root), output=site, today=TODAY)
    return SampleSite(root, tmp / "www", site, result)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_error(self, code, message=None, explain=None):
        """Like GitHub Pages: a missing page gets the site's 404.html."""
        page = Path(self.directory) / BASE_PATH.strip("/") / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class StaticServer:
    """``www`` served on 127.0.0.1 (any free port) in a background thread."""

    def __init__(self, www: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


_CHROMIUM_CANDIDATES = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
CHROMIUM = os.environ.get("CHROMIUM") or next((p for p in _CHROMIUM_CANDIDATES if p and Path(p).is_file()), None)
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


def launched_chromium(sync_api):
    """Debian's chromium under Playwright (a generator for module-scoped fixtures); skips where it is absent."""
    if CHROMIUM is None:
        missing_tool("no chromium: .ci/run installs it (apt-get install chromium), or set $CHROMIUM")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class LinkParser(HTMLParser):
    """Collects every URL a page refers to and every id it defines."""

    ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action", "source": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key:
                self.meta[key] = values.get("content") or ""
            return
        name = self.ATTRS.get(tag)
        if name and values.get(name) is not None:
            self.urls.append((tag if tag != "link" else f"link:{values.get('rel')}", values[name]))


def parse_page(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text_of(html: str) -> str:
    """Rough visible text of an HTML fragment (tags dropped, whitespace collapsed)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
