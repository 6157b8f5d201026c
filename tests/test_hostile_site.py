"""The site built from the hostile battery, in headless Chromium: no script from content ever runs.

Every page built from the bad-input battery (tests/battery.py: <script>, onerror=, javascript:
links, <iframe>, SVG with scripts in HTML, Markdown and JSON articles, hostile titles, authors,
sources and URLs) is loaded from a server on 127.0.0.1 with JavaScript on. The test fails on any
dialog (alert/confirm/prompt), any Content-Security-Policy violation (an inline script or handler
that got through escaping), any console message from a payload, any request to an address other
than 127.0.0.1, any event-handler attribute, inline script, frame or object element, and any link
whose scheme is not http(s) or mailto. Needs Playwright for Python and chromium (/usr/bin/chromium
or $CHROMIUM); .ci/run installs chromium (and there a missing one fails the test instead of skipping
it). No browser is downloaded.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from battery import battery_build, search_build
from sitebuild import StaticServer, launched_chromium, missing_tool

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")


# Runs before any script of a page: reports CSP violations and DOM-inserted payloads to the console.
WATCH = """
document.addEventListener('securitypolicyviolation',
    e => console.log('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""
# After load: everything in the page that could run or load code from the content.
INSPECT = """() => {
    const problems = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name)) problems.push(`${el.tagName} has ${attr.name}`);
            if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href', 'data'].includes(attr.name)) {
                if (attr.name === 'srcdoc') { problems.push(`${el.tagName} has srcdoc`); continue; }
                let scheme;
                try { scheme = new URL(attr.value, location.href).protocol; } catch (e) { scheme = 'bad:'; }
                if (!['http:', 'https:', 'mailto:'].includes(scheme))
                    problems.push(`${el.tagName} ${attr.name}=${attr.value}`);
            }
        }
    }
    for (const el of document.querySelectorAll('script')) {
        if (!el.src || new URL(el.src).origin !== location.origin)
            problems.push('script ' + (el.src || el.textContent.slice(0, 60)));
    }
    const active = 'iframe, frame, object, embed, base, applet, meta[http-equiv="refresh"]';
    for (const el of document.querySelectorAll(active)) problems.push('element ' + el.tagName);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    if (!csp || !/script-src 'self'/.test(csp.content) || !/object-src 'none'/.test(csp.content))
        problems.push('no CSP');
    return problems;
}"""


@pytest.fixture(scope="module")
def site():
    built = battery_build()
    assert built.proc.returncode == 0, built.proc.stderr
    return built.site


def serve(folder: Path):
    with StaticServer(folder) as running:
        yield running.url


@pytest.fixture(scope="module")
def server(site):
    yield from serve(site)


@pytest.fixture(scope="module")
def search_server():
    site = search_build()
    if not (site / "pagefind").is_dir():
        missing_tool("Pagefind is not installed (pip install 'pagefind[extended]'): the site has no search")
    yield from serve(site)


@pytest.fixture(scope="module")
def browser():
    yield from launched_chromium(sync_api)


def hostile_pages(site: Path) -> list[str]:
    """Site paths of every page but the 2,000 plain pages of the tiny JSON Lines articles."""
    paths = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("articles/tiny-"):
            continue
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


class Watch:
    """A browser context that records dialogs, console messages, page errors and non-local requests
    (which are blocked: nothing leaves 127.0.0.1)."""

    def __init__(self, browser):
        self.context = browser.new_context(java_script_enabled=True)
        self.context.set_default_timeout(20_000)
        self.context.add_init_script(WATCH)
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def clear(self) -> None:
        for found in (self.dialogs, self.console, self.errors, self.outside):
            found.clear()


def test_the_watch_catches_scripts_csp_violations_and_outside_requests(browser, server):
    """The detectors work: a script that does run, an inline handler CSP blocks, a foreign request."""
    watch = Watch(browser)
    try:
        watch.page.goto(server + "/")
        watch.page.evaluate("alert('probe')")
        watch.page.evaluate("""() => {
            document.body.insertAdjacentHTML('beforeend', '<img src="/nothing.png" onerror="alert(1)">');
            fetch('http://203.0.113.9/beacon').catch(() => {});
        }""")
        watch.page.wait_for_timeout(500)
        assert watch.dialogs == ["alert: probe"]
        assert any(m.startswith("CSP-VIOLATION") for m in watch.console), watch.console
        assert any("203.0.113.9" in u for u in watch.outside) or any("connect-src" in m for m in watch.console)
    finally:
        watch.context.close()


def test_no_script_from_the_hostile_content_runs(browser, server, site):
    pages = hostile_pages(site)
    assert len(pages) > 30 and "/articles/script-alert-md-title-script-council-vote/" in pages
    watch = Watch(browser)
    found = []
    try:
        for path in pages:
            watch.page.goto(server + path, wait_until="load")
            watch.page.mouse.move(200, 300)  # hover handlers, were there any
            found += [f"{path}: {problem}" for problem in watch.page.evaluate(INSPECT)]
            found += [f"{path}: dialog {d}" for d in watch.dialogs]
            found += [f"{path}: console {m}" for m in watch.console if not m.startswith("Failed to load resource")]
            found += [f"{path}: page error {e}" for e in watch.errors]
            found += [f"{path}: request to {u}" for u in watch.outside]
            watch.clear()
    finally:
        watch.context.close()
    assert not found, "\n".join(found[:40])


def test_hostile_text_is_shown_as_text(browser, server):
    watch = Watch(browser)
    try:
        watch.page.goto(server + "/articles/script-alert-md-title-script-council-vote/")
        assert watch.page.locator("h1").inner_text() == '<script>alert("md-title")</script> Council vote'
        meta = watch.page.locator("p.meta").first.inner_text()
        assert "</title><script>alert('source')</script>" in meta and "onerror=alert('md-author')" in meta
        assert watch.page.locator("a", has_text="original article").count() == 0  # its url was javascript:
        watch.page.goto(server + "/articles/harbour-board-delays-the-terminal-vote-img-src-x-onerror-alert-h1/")
        body = watch.page.locator("div.body").inner_text()
        assert "<script>alert('escaped')</script>" in body  # entities in the page stay text
        assert "inline-script" not in body and "svg-script" not in body  # script contents are dropped
        assert not watch.dialogs
    finally:
        watch.context.close()


@pytest.mark.parametrize("query", ["alert", "javascript"])
def test_search_results_from_hostile_pages_stay_text(browser, search_server, query):
    watch = Watch(browser)
    try:
        watch.page.goto(f"{search_server}/search/?q={query}")
        watch.page.locator("#search-results li").first.wait_for()
        results = watch.page.locator("#search-results").inner_text()
        assert query in results.lower()
        problems = watch.page.evaluate(INSPECT)
        found = problems + [f"dialog {d}" for d in watch.dialogs] + [f"console {m}" for m in watch.console
                                                                    if "CSP" in m or "alert" in m]
        found += [f"page error {e}" for e in watch.errors] + [f"request to {u}" for u in watch.outside]
        assert not found, found
        for link in watch.page.locator("#search-results a").all():
            assert link.get_attribute("href").startswith("/"), link.get_attribute("href")
    finally:
        watch.context.close()
