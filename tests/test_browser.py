"""The built sample site in headless Chromium (Playwright for Python, Debian's chromium), served from 127.0.0.1.

Reading, day navigation, search, dark mode, print, keyboard and an axe-core accessibility
scan. Needs chromium (/usr/bin/chromium or $CHROMIUM) and, for the scan, axe-core from npm
(`npm install -g axe-core`, or $AXE_CORE_JS); .ci/run installs both. Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sitebuild import (
    ARTIFACTS,
    BASE_PATH,
    ROOT,
    TODAY,
    StaticServer,
    launched_chromium,
    make_project,
    missing_tool,
    sample_site,
)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")



def axe_script() -> Path | None:
    candidates = [os.environ.get("AXE_CORE_JS"), ROOT / "node_modules/axe-core/axe.min.js"]
    npm = shutil.which("npm")
    if npm:
        try:
            root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60).stdout.strip()
            candidates.append(Path(root) / "axe-core" / "axe.min.js")
        except (OSError, subprocess.SubprocessError):
            pass
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="module")
def server():
    ARTIFACTS.mkdir(exist_ok=True)
    with StaticServer(sample_site().www) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    yield from launched_chromium(sync_api)


class Watched:
    """A page in a fresh context that records console errors, page errors and failed requests."""

    def __init__(self, browser, **context_options):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")  # aborted by navigating
                     and self.errors.append(f"request failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def __enter__(self) -> Watched:
        return self

    def __exit__(self, *exc) -> None:
        self.context.close()


def test_briefing_shows_the_grushko_quote_and_the_brussels_meeting(browser, server):
    with Watched(browser, color_scheme="light") as w:
        w.page.goto(server.url + BASE_PATH)
        quotes = w.page.locator(".top-stories figure.quote, .key-quotes figure.quote")
        grushko = quotes.filter(has_text="Alexander Grushko")
        assert grushko.count() >= 1
        assert "Deputy Foreign Minister" in grushko.first.inner_text()
        meetings = w.page.locator(".upcoming li.meeting")
        brussels = meetings.filter(has_text="Brussels")
        assert brussels.count() == 1 and "Wed 12 Jan 2022" in brussels.inner_text()
        assert w.page.locator("html").get_attribute("lang") == "en"
        assert w.page.locator("main#main").count() == 1 and w.page.locator("header.masthead").count() == 1
        w.page.screenshot(path=ARTIFACTS / "briefing-light.png", full_page=True)
        w.page.set_viewport_size({"width": 390, "height": 844})
        w.page.screenshot(path=ARTIFACTS / "briefing-light-mobile.png", full_page=True)
        assert w.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scroll
        assert not w.errors, w.errors


def test_two_articles_on_one_event_are_one_story_with_two_sources(browser, tmp_path):
    from test_edition_site import project

    from digest.build import build_site
    from digest.config import load_config

    root = project(tmp_path / "project", full_text=False)
    build_site(load_config(root=root), today=TODAY)
    with StaticServer(root / "site") as running, Watched(browser) as w:
        w.page.goto(running.url + "/2022/01/11/")
        stories = w.page.locator(".top-stories article.story")
        assert stories.count() == 2
        powell = stories.filter(has_text="Powell")
        assert powell.count() == 1
        sources = powell.locator("p.sources a")
        assert sources.count() == 2
        assert {sources.nth(i).inner_text() for i in range(2)} == {"Associated Press", "reuters.com"}
        assert "2 sources" in powell.locator("p.sources").inner_text()
        sources.first.click()
        w.page.wait_for_url("**/articles/**")
        assert w.page.get_by_role("link", name="Read the whole article").count() == 1
        assert not w.errors, w.errors


def test_day_navigation(browser, server):
    with Watched(browser) as w:
        w.page.goto(server.url + BASE_PATH)
        w.page.get_by_role("link", name="Previous day").click()
        w.page.wait_for_url(f"**{BASE_PATH}2022/01/10/")
        assert "Monday 10 January 2022" in w.page.locator("h1").inner_text()
        assert w.page.locator(".top-stories").filter(has_text="end Geneva talks on Ukraine").count() == 1
        w.page.get_by_role("link", name="Next day").click()
        w.page.wait_for_url(f"**{BASE_PATH}2022/01/11/")
        w.page.go_back()
        w.page.get_by_role("link", name="Latest briefing").click()
        w.page.wait_for_url(server.url + BASE_PATH)
        w.page.get_by_role("navigation", name="Site").get_by_role("link", name="Briefings").click()
        w.page.wait_for_url(f"**{BASE_PATH}page/1/")
        w.page.get_by_role("link", name="Older briefings").click()
        w.page.wait_for_url(f"**{BASE_PATH}page/2/")
        assert "Monday 10 January 2022" in w.page.locator("main").inner_text()
        assert not w.errors, w.errors


def test_search_finds_peskov(browser, server):
    with Watched(browser) as w:
        w.page.goto(server.url + BASE_PATH)
        w.page.get_by_role("searchbox", name="Search the site").fill("Peskov")
        w.page.get_by_role("searchbox", name="Search the site").press("Enter")
        w.page.wait_for_url("**/search/?q=Peskov")
        results = w.page.locator("#search-results li")
        results.first.wait_for()
        assert results.filter(has_text="Dmitry Peskov").count() >= 1
        assert "Peskov" in w.page.locator("#search-results mark").first.inner_text()
        assert "result" in w.page.locator("#search-status").inner_text()
        assert w.page.locator("#search-nojs").is_hidden()
        href = results.first.locator("a").get_attribute("href")
        assert href.startswith(BASE_PATH)
        w.page.locator("#search-q").fill("Ryabkov")
        w.page.locator("#search-q").press("Enter")
        w.page.locator("#search-results li", has_text="Ryabkov").first.wait_for()
        w.page.locator("#search-results a").first.click()
        w.page.wait_for_load_state()
        assert "Ryabkov" in w.page.locator("main").inner_text()
        assert not w.errors, w.errors


def search_results(w: Watched, query: str) -> tuple[str, list[str]]:
    """Search from the search page; returns the status line and the result links."""
    w.page.locator("#search-q").fill(query)
    w.page.locator("#search-q").press("Enter")
    status = w.page.locator("#search-status")
    for _ in range(150):
        if status.inner_text() and "Searching" not in status.inner_text():
            break
        time.sleep(0.1)
    return status.inner_text(), [a.get_attribute("href") for a in w.page.locator("#search-results a").all()]


def test_search_after_a_rebuild_merges_the_delta_index_and_hides_stale_results(browser, tmp_path, monkeypatch):
    """A rebuild indexes only what changed; the search page merges the base (here in parts, as on a
    large site) with the delta and hides old versions."""
    from digest.build import build_site
    from digest.config import load_config
    from digest.render import search

    monkeypatch.setattr(search, "SHARD_PAGES", 2)

    root, site = make_project(tmp_path / "project"), tmp_path / "www" / BASE_PATH.strip("/")
    build_site(load_config(root=root), output=site, today=TODAY)
    geneva = root / "content" / "geneva-talks-2022-01-10.md"
    geneva.write_text(geneva.read_text().replace("waterproof", "weatherproof"))
    (root / "content" / "zanzibar.md").write_text(
        '---\ntitle: "Zanzibar ferry operators meet port regulators"\ndate: "2022-01-11T09:00:00+00:00"\n---\n\n'
        "Ferry operators in Zanzibar will meet port regulators on Friday to discuss the new quayside rules.\n")
    build_site(load_config(root=root), output=site, today=TODAY)
    assert (site / "pagefind-delta" / "pagefind-entry.json").is_file()
    assert (site / "pagefind-3" / "pagefind-entry.json").is_file()
    with StaticServer(tmp_path / "www") as running, Watched(browser) as w:
        w.page.goto(running.url + BASE_PATH + "search/")
        status, links = search_results(w, "Zanzibar")
        assert links == [BASE_PATH + "articles/zanzibar-ferry-operators-meet-port-regulators/"], (status, links)
        status, links = search_results(w, "weatherproof")  # the new text, from the delta, each page once
        assert {BASE_PATH + "articles/us-and-russia-end-geneva-talks-on-ukraine-with-no-breakthrough/",
                BASE_PATH + "people/sergei-ryabkov/"} <= set(links) and len(links) == len(set(links)), (status, links)
        status, links = search_results(w, "waterproof")  # only the base index still has the old text
        assert links == [] and status.startswith("Nothing found"), (status, links)
        status, links = search_results(w, "Peskov")  # unchanged pages still come from the base index
        assert BASE_PATH + "people/dmitry-peskov/" in links and len(links) == len(set(links))
        status, links = search_results(w, "Russia")  # results from every part of the base, and the delta
        assert len(links) >= 4 and len(links) == len(set(links)), (status, links)
        assert not w.errors, w.errors


def test_dark_mode(browser, server):
    with Watched(browser, color_scheme="dark") as w:
        w.page.goto(server.url + BASE_PATH)
        background = w.page.evaluate("getComputedStyle(document.body).backgroundColor")
        text = w.page.evaluate("getComputedStyle(document.body).color")
        assert background == "rgb(18, 20, 23)", background
        assert text == "rgb(233, 233, 230)", text
        w.page.screenshot(path=ARTIFACTS / "briefing-dark.png", full_page=True)
        w.page.set_viewport_size({"width": 390, "height": 844})
        w.page.screenshot(path=ARTIFACTS / "briefing-dark-mobile.png", full_page=True)
        assert not w.errors, w.errors
    with Watched(browser, color_scheme="light") as w:
        w.page.goto(server.url + BASE_PATH)
        assert w.page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_reads_without_javascript_and_prints_without_navigation(browser, server):
    with Watched(browser, java_script_enabled=False) as w:
        w.page.goto(server.url + BASE_PATH)
        assert "Grushko" in w.page.locator(".top-stories").inner_text()
        w.page.goto(server.url + BASE_PATH + "search/?q=Peskov")
        assert w.page.locator("#search-nojs").is_visible()
    with Watched(browser) as w:
        w.page.goto(server.url + BASE_PATH)
        w.page.emulate_media(media="print")
        assert w.page.locator(".site-nav").is_hidden() and w.page.locator(".daynav").is_hidden()
        assert w.page.locator(".top-stories").is_visible()


def test_skip_link_is_first_and_visible_on_focus(browser, server):
    with Watched(browser) as w:
        w.page.goto(server.url + BASE_PATH)
        w.page.keyboard.press("Tab")
        focused = w.page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
        assert focused == ["skip", "#main"]
        box = w.page.locator("a.skip").bounding_box()
        assert box and box["x"] >= 0
        outline = w.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"


def test_missing_page_gets_the_404_page(browser, server):
    with Watched(browser) as w:
        response = w.page.goto(server.url + BASE_PATH + "no/such/page/")
        assert response.status == 404
        assert w.page.locator("h1").inner_text() == "Page not found"
        assert w.page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # CSS loaded


AXE_PAGES = ["", "2022/01/10/", "articles/moscow-nato-relations-are-approaching-the-moment-of-truth-russian-official/",
             "people/", "people/alexander-grushko/", "meetings/", "archive/", "page/1/", "search/?q=Peskov", "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violations(browser, server, scheme):
    script = axe_script()
    if script is None:
        missing_tool("axe-core not found: npm install -g axe-core (.ci/run does), or set $AXE_CORE_JS")
    report = []
    with Watched(browser, color_scheme=scheme, bypass_csp=True) as w:  # CSP would block the injected axe
        for path in AXE_PAGES:
            w.page.goto(server.url + BASE_PATH + path)
            if path.startswith("search/"):
                w.page.locator("#search-results li").first.wait_for()
            w.page.add_script_tag(path=str(script))
            result = w.page.evaluate("""async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
                return {violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})), passes: r.passes.length};
            }""")
            assert result["passes"] > 10
            report += [f"{path or '/'}: {v['impact']}: {v['id']}: {v['help']} {v['nodes']}"
                       for v in result["violations"]]
    serious = [line for line in report if ": serious: " in line or ": critical: " in line]
    (ARTIFACTS / f"axe-{scheme}.txt").write_text("\n".join(report) + "\n" if report else "no violations\n")
    assert not serious, "\n".join(serious)


def test_serve_reloads_the_open_page_after_a_change(browser, tmp_path):
    from digest.config import load_config
    from digest.serve import PreviewServer

    root = tmp_path / "preview"
    (root / "content").mkdir(parents=True)
    (root / "digest.toml").write_text('title = "Before"\n')
    server = PreviewServer(load_config(root=root), port=0, say=lambda _: None)
    server.build()
    server.start()
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(stop,), daemon=True)
    watcher.start()
    try:
        with Watched(browser) as w:
            w.page.goto(server.url)
            assert w.page.title() == "Before"
            deadline = time.monotonic() + 10
            while server.generation.listeners == 0 and time.monotonic() < deadline:  # the page is listening
                time.sleep(0.1)
            assert server.generation.listeners == 1
            (root / "digest.toml").write_text('title = "After"\n')
            deadline = time.monotonic() + 20
            while w.page.title() != "After" and time.monotonic() < deadline:  # the page reloads by itself
                time.sleep(0.2)
            assert w.page.title() == "After"
            assert not w.errors, w.errors
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.close()


def test_people_filter_box_narrows_the_a_to_z_index(browser, server):
    with Watched(browser) as w:
        w.page.goto(server.url + BASE_PATH + "people/")
        people = w.page.locator("#people-index li")
        total = people.count()
        assert total >= 3 and w.page.get_by_role("navigation", name="People A to Z").count() == 1
        box = w.page.get_by_label("Filter people")
        box.fill("sherm")
        assert w.page.locator("#people-index li:visible").all_inner_texts() == [
            t for t in people.all_inner_texts() if "Sherman" in t]
        assert w.page.locator("#people-index section.letter:visible h2").all_inner_texts() == ["W"]
        assert w.page.locator("#people-status").inner_text() == f"1 of {total} people"
        box.fill("deputy foreign")  # a role, words in any order
        assert {t.split(",")[0] for t in w.page.locator("#people-index li:visible").all_inner_texts()} == {
            "Alexander Grushko", "Sergei Ryabkov"}
        box.fill("")
        assert w.page.locator("#people-index li:visible").count() == total
        w.page.get_by_role("link", name="W", exact=True).click()
        assert w.page.evaluate("location.hash") == "#letter-W"
        assert not w.errors, w.errors
    with Watched(browser, java_script_enabled=False) as w:  # whole without JavaScript, no filter box
        w.page.goto(server.url + BASE_PATH + "people/")
        assert w.page.locator("#people-index li:visible").count() == total
        assert w.page.get_by_label("Filter people").count() == 0
