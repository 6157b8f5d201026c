#!/usr/bin/env python3
"""Screenshots, weight and accessibility of a built site's busiest daily briefing.

Finds the day with the most articles (from each day's briefing.json), serves the site on
127.0.0.1, and writes light, dark and mobile screenshots to test-artifacts/ with an axe-core
report; prints the page's HTML + CSS size and the six key quotes of the two busiest days.
Needs Debian's chromium and axe-core from npm (as the browser tests do).

Run: PYTHONPATH=. python bench/briefing_shots.py SITE_DIR
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def busiest_days(site: Path) -> list[tuple[int, Path, dict]]:
    days = []
    for path in site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/briefing.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        days.append((data["articles"], path.parent, data))
    return sorted(days, key=lambda d: (-d[0], str(d[1])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    days = busiest_days(args.site)
    for articles, _, data in days[:2]:
        print(f"{data['date']}: {articles} articles, {len(data['stories'])} stories; key quotes:")
        for q in data["key_quotes"]:
            print(f"  - {q['speaker']} ({q['role']}): “{q['text']}”")
    _, folder, data = days[0]
    html = (folder / "index.html").read_bytes()
    css = sum(p.stat().st_size for p in (args.site / "static").glob("*.css"))
    print(f"busiest day page: {len(html):,} bytes of HTML + {css:,} bytes of CSS = {len(html) + css:,}")
    rel = folder.relative_to(args.site).as_posix() + "/"
    npm_root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout.strip()
    axe = Path(npm_root) / "axe-core" / "axe.min.js"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{rel}"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for name, options in (("light", {"color_scheme": "light"}), ("dark", {"color_scheme": "dark"}),
                              ("mobile", {"color_scheme": "light", "viewport": {"width": 390, "height": 844}})):
            context = browser.new_context(bypass_csp=True, **({"viewport": {"width": 1280, "height": 900}} | options))
            page = context.new_page()
            page.goto(url)
            page.screenshot(path=ARTIFACTS / f"busiest-day-{name}.png", full_page=True)
            if axe.is_file():
                page.add_script_tag(path=str(axe))
                result = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}))
                    .violations.map(v => `${v.impact}: ${v.id}: ${v.nodes.length} nodes`)""")
                print(f"{name}: axe violations: {result or 'none'}")
            context.close()
        browser.close()
    httpd.shutdown()
    print(f"screenshots: {ARTIFACTS}/busiest-day-{{light,dark,mobile}}.png")


if __name__ == "__main__":
    main()
