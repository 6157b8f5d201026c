"""`digest fetch` against a local server (127.0.0.1 only) serving feeds and pages shaped like real ones,
including the ways they go wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from feedserver import (
    FeedServer,
    Reply,
    article_html,
    redirect,
    reply,
    rss,
    sequence,
    static,
    story,
)

from digest.config import load_config
from digest.errors import Report
from digest.fetch import FetchOptions, fetch_sources
from digest.fetch.feeds import Kind, parse_feed
from digest.fetch.http import retry_after
from digest.fetch.sources import source_statuses
from digest.fetch.state import STATE_FILE, FetchState

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"
# Small limits so the failure cases are quick: no host delay, a short timeout, a 1 MB cap.
FAST = FetchOptions(user_agent="digest/test (+http://127.0.0.1/)", timeout=1.5, total_timeout=5, host_delay=0,
                    backoff=0.05, max_retry_wait=5, max_bytes=1024 * 1024)
HUGE = 100 * 1024 * 1024


def page(server: FeedServer, path: str, n: int, topic: str = "harbour", **kwargs) -> str:
    title, paragraphs = story(n, topic)
    server.routes[path] = static(article_html(title, paragraphs, **kwargs).encode(), HTML)
    return title


def site(tmp_path: Path, sources: list[str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "digest.toml").write_text('search = false\nbase_url = "https://news.example.org/"\n\n'
                                          + "\n".join(sources), encoding="utf-8")
    return tmp_path


def source(url: str, **fields) -> str:
    lines = [f"[[sources]]\nurl = {json.dumps(url)}"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def messages(report: Report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in report.problems:
        found.setdefault(problem.path, []).append(f"{problem.level}: {problem.message}")
    return found


def stored(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "content").rglob("*.md"))}


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture
def server():
    with FeedServer() as running:
        running.routes["/robots.txt"] = static(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        yield running


def news_site(server: FeedServer) -> dict[str, str]:
    """Every fixture of the issue on one server; returns name -> feed URL."""
    u = server.url
    titles = {}
    # RSS 2.0: relative links, HTML in descriptions; its entries lead to good and bad pages
    titles["rss-1"] = page(server, "/news/rss-1.html", 1)
    titles["rss-2"] = page(server, "/news/rss-2.html", 2)
    title, paragraphs = story(3, "Zürich tram")
    server.routes["/news/latin.html"] = static(article_html(title, paragraphs, charset=None).encode("utf-8"),
                                               "text/html; charset=iso-8859-1")  # the header lies: it is UTF-8
    titles["latin"] = title
    server.routes["/private/secret.html"] = static(article_html(*story(4)).encode(), HTML)
    server.routes["/news/report.pdf"] = static(b"%PDF-1.7\n" + b"0" * 5000, "application/pdf")
    title, paragraphs = story(5, "huge")
    head = article_html(title, paragraphs).split("</article>")[0].encode()
    server.sent = 0

    def endless():
        yield head
        server.sent += len(head)
        filler = b"<!-- " + b"x" * 65_000 + b" -->\n"
        while server.sent < HUGE:
            yield filler
            server.sent += len(filler)

    server.routes["/news/huge.html"] = lambda _: Reply(200, {"Content-Type": HTML, "Content-Length": str(HUGE)},
                                                        endless)
    titles["huge"] = title
    server.routes["/news/to-file"] = redirect(302, "file:///etc/passwd")
    server.routes["/news/to-ftp"] = redirect(301, "ftp://127.0.0.1/pub/story.html")
    server.routes["/news/gone.html"] = reply(410)
    items = [
        {"title": titles["rss-1"], "link": "/news/rss-1.html", "guid": "rss-1",
         "description": '<p>The <b>council</b> voted. <a href="/more">More</a></p>',
         "pubDate": "Mon, 30 Nov 2026 08:00:00 GMT", "category": "Politics"},
        {"title": titles["rss-2"], "link": "news/rss-2.html", "guid": "rss-2", "description": "<p>Second.</p>",
         "pubDate": "Mon, 30 Nov 2026 09:00:00 GMT"},
        {"title": titles["latin"], "link": "/news/latin.html", "guid": "latin", "description": "Zürich",
         "pubDate": "Mon, 30 Nov 2026 10:00:00 GMT"},
        {"title": "Secret", "link": "/private/secret.html", "guid": "private", "description": "x"},
        {"title": "Annual report", "link": "/news/report.pdf", "guid": "pdf", "description": "x"},
        {"title": titles["huge"], "link": "/news/huge.html", "guid": "huge", "description": "x",
         "pubDate": "Mon, 30 Nov 2026 11:00:00 GMT"},
        {"title": "File", "link": "/news/to-file", "guid": "to-file", "description": "x"},
        {"title": "FTP", "link": "/news/to-ftp", "guid": "to-ftp", "description": "x"},
        {"title": "Removed", "link": "/news/gone.html", "guid": "gone-page", "description": "x"},
    ]
    server.routes["/rss.xml"] = static(rss(items), RSS, last_modified="Mon, 30 Nov 2026 12:00:00 GMT")

    # Atom with xml:base (entry links are relative to it), served gzipped
    titles["atom"] = page(server, "/atom/posts/a1.html", 6, "bridge")
    server.routes["/atom/feed.xml"] = static(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{u('/atom/')}"><title>Atom Desk</title><id>urn:atom-desk</id>
<updated>2026-11-30T07:00:00Z</updated>
<entry xml:base="posts/"><title type="html">{titles['atom']}</title><id>urn:a1</id><link href="a1.html"/>
<published>2026-11-30T07:00:00Z</published><updated>2026-11-30T07:00:00Z</updated>
<author><name>Ana Lopes</name></author><summary type="html">&lt;p&gt;Short.&lt;/p&gt;</summary></entry></feed>
""".encode(), "application/atom+xml", gzipped=True)

    # JSON Feed 1.1, its items carrying their full text (full_text = false)
    title, paragraphs = story(7, "library")
    titles["json"] = title
    server.routes["/feed.json"] = static(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk", "home_page_url": u("/"),
        "items": [{"id": "j1", "url": u("/json/j1.html"), "title": title, "tags": ["culture"],
                   "content_html": "".join(f"<p>{p}</p>" for p in paragraphs),
                   "date_published": "2026-11-30T06:00:00Z", "authors": [{"name": "Jay Son"}]}],
    }).encode(), "application/feed+json")

    # summaries only: the article page gives the text
    titles["summary"] = page(server, "/sum/s1.html", 8, "school")
    server.routes["/summary.xml"] = static(rss([{"title": titles["summary"], "link": "/sum/s1.html", "guid": "s1",
                                                 "description": "A one-line teaser.",
                                                 "pubDate": "Mon, 30 Nov 2026 05:00:00 GMT"}]), RSS)

    # malformed (an undefined entity, an unclosed item), still one good entry
    titles["broken"] = page(server, "/broken/b1.html", 9, "park")
    server.routes["/broken.xml"] = static(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken &nbsp; Desk</title>
<item><title>{titles['broken']}</title><link>/broken/b1.html</link><guid>b1</guid></item>
<item><title>Unclosed""".encode(), RSS)

    # redirects: permanent chain (moves the source), temporary chain, loop, to file:
    titles["moved"] = page(server, "/moved/m1.html", 10, "museum")
    server.routes["/old-feed.xml"] = redirect(301, "/feed-301.xml")
    server.routes["/feed-301.xml"] = redirect(308, "/feed-new.xml")
    server.routes["/feed-new.xml"] = static(rss([{"title": titles["moved"], "link": "/moved/m1.html", "guid": "m1",
                                                  "pubDate": "Mon, 30 Nov 2026 04:00:00 GMT"}]), RSS)
    titles["temp"] = page(server, "/temp/t1.html", 11, "stadium")
    server.routes["/temp.xml"] = redirect(302, "/temp-2.xml")
    server.routes["/temp-2.xml"] = redirect(302, "/temp-feed.xml")
    server.routes["/temp-feed.xml"] = static(rss([{"title": titles["temp"], "link": "/temp/t1.html", "guid": "t1",
                                                   "pubDate": "Mon, 30 Nov 2026 03:00:00 GMT"}]), RSS)
    server.routes["/loop-a.xml"] = redirect(301, "/loop-b.xml")
    server.routes["/loop-b.xml"] = redirect(302, "/loop-a.xml")
    server.routes["/feed-to-file.xml"] = redirect(301, "file:///etc/passwd")

    # 410, 429 with Retry-After then the feed, a server too slow to answer
    server.routes["/gone.xml"] = reply(410)
    titles["busy"] = page(server, "/busy/u1.html", 12, "airport")
    server.routes["/busy.xml"] = sequence(reply(429, {"Retry-After": "1"}),
                                          static(rss([{"title": titles["busy"], "link": "/busy/u1.html",
                                                       "guid": "u1", "pubDate": "Mon, 30 Nov 2026 02:00:00 GMT"}]),
                                                 RSS))
    server.routes["/slow.xml"] = reply(200, {"Content-Type": RSS}, rss([]), delay=5)

    # a single page as a source
    titles["page"] = page(server, "/pages/standalone.html", 13, "hospital")
    server.titles = titles
    feeds = ["/rss.xml", "/atom/feed.xml", "/feed.json", "/summary.xml", "/broken.xml", "/old-feed.xml",
             "/temp.xml", "/loop-a.xml", "/feed-to-file.xml", "/gone.xml", "/busy.xml", "/slow.xml",
             "/pages/standalone.html"]
    return {path: u(path) for path in feeds}


def test_fetch_every_kind_of_feed_and_failure_then_nothing_new_then_build(server, tmp_path):
    urls = news_site(server)
    lines = [source(url, **({"full_text": False, "tags": ["wire"]} if path == "/feed.json" else {}),
                    **({"name": "Courier"} if path == "/rss.xml" else {})) for path, url in urls.items()]
    root = site(tmp_path, lines)
    config = load_config(root=root)
    assert len(config.sources) == len(urls)

    first = fetch_sources(config, options=FAST)
    said = messages(first.report)
    u, t = server.url, server.titles
    # every bad source or page is one line naming its URL and the reason; none stops the run
    assert said[urls["/loop-a.xml"]] == [f"warning: redirect loop ({u('/loop-b.xml')} leads back to "
                                         f"{u('/loop-a.xml')})"]
    assert "redirects to a file: URL" in said[urls["/feed-to-file.xml"]][0]
    assert "410 Gone" in said[urls["/gone.xml"]][0] and "marked dead" in said[urls["/gone.xml"]][0]
    assert "time limit" in said[urls["/slow.xml"]][0]
    assert said[urls["/old-feed.xml"]] == [f"warning: moved permanently to {u('/feed-new.xml')}; fetched from "
                                           "there from now on (update its url in digest.toml)"]
    assert urls["/temp.xml"] not in said  # temporary redirects are followed silently
    assert "malformed RSS feed" in said[urls["/broken.xml"]][0]
    assert "forbids" in said[u("/private/secret.html")][0]
    assert "/private/secret.html" not in server.paths()  # robots.txt is honoured: never requested
    assert "application/pdf, not a web page" in said[u("/news/report.pdf")][0]
    assert "file: URL" in said[u("/news/to-file")][0] and "ftp: URL" in said[u("/news/to-ftp")][0]
    assert "410 Gone" in said[u("/news/gone.html")][0]
    assert "only its start is read" in " ".join(said[u("/news/huge.html")])
    assert server.sent < 20 * 1024 * 1024  # the 100 MB answer was cut, not downloaded
    assert all(p.level == "warning" for p in first.report.problems), first.report.problems
    busy = [hit.at for hit in server.hits if hit.path == "/busy.xml"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 0.9  # Retry-After: 1 was waited for

    files = stored(root)
    by_title = {front(root / name)["title"]: front(root / name) for name in files}
    good = ["rss-1", "rss-2", "latin", "huge", "atom", "json", "summary", "broken", "moved", "temp", "busy", "page"]
    assert sorted(by_title) == sorted(t[name] for name in good)
    assert len(first.added) == len(good)
    assert by_title[t["rss-1"]]["url"] == u("/news/rss-1.html") and by_title[t["rss-1"]]["source"] == "Courier"
    assert by_title[t["rss-1"]]["tags"] == ["Politics"] and by_title[t["rss-1"]]["date"].startswith("2026-11-30")
    assert by_title[t["rss-2"]]["url"] == u("/news/rss-2.html")  # relative to the feed
    assert by_title[t["atom"]]["url"] == u("/atom/posts/a1.html")  # xml:base
    assert by_title[t["atom"]]["author"] == "Ana Lopes" and by_title[t["atom"]]["source"] == "Atom Desk"
    assert by_title[t["json"]]["tags"] == ["wire", "culture"] and by_title[t["json"]]["author"] == "Jay Son"
    text = {front(root / name)["title"]: (root / name).read_text(encoding="utf-8") for name in files}
    assert "Maria Lopez" in text[t["summary"]] and "teaser" not in text[t["summary"]]  # the page, not the summary
    assert "Zürich tram" in text[t["latin"]] and "\u201cThis is" in text[t["latin"]]  # not mojibake
    assert "Maria Lopez" in text[t["json"]]
    assert all("Copyright" not in body and "Another story" not in body for body in text.values())
    assert all(hit.headers["user-agent"] == FAST.user_agent for hit in server.hits)
    assert any("gzip" in hit.headers.get("accept-encoding", "") for hit in server.hits)

    # the second run: conditional requests only for what answered before, nothing stored, the dead source skipped
    before, hits = stored(root), len(server.hits)
    second = fetch_sources(config, options=FAST)
    again = server.hits[hits:]
    assert second.added == [] and stored(root) == before
    answered = ["/rss.xml", "/atom/feed.xml", "/feed.json", "/summary.xml", "/broken.xml", "/feed-new.xml",
                "/temp.xml", "/busy.xml", "/pages/standalone.html"]
    for path in [*answered, "/robots.txt"]:
        asked = [hit for hit in again if hit.path == path]
        assert len(asked) == 1 and ("if-none-match" in asked[0].headers or "if-modified-since" in asked[0].headers)
    assert "/old-feed.xml" not in [hit.path for hit in again]  # the stored URL was updated
    assert "/gone.xml" not in [hit.path for hit in again]
    assert not [hit for hit in again if hit.path.startswith(("/news/", "/atom/posts", "/sum/", "/moved/"))]
    assert second.not_modified == len(answered)
    assert "skipped: remove it from digest.toml" in messages(second.report)[urls["/gone.xml"]][0]

    statuses = {s.source.url: s for s in source_statuses(config)}
    assert statuses[urls["/old-feed.xml"]].moved_to == u("/feed-new.xml")
    assert statuses[urls["/gone.xml"]].gone_since and statuses[urls["/rss.xml"]].added == 4
    assert statuses[urls["/old-feed.xml"]].added == 1 and "time limit" in statuses[urls["/slow.xml"]].problem

    # the good items are built into the site by a real `digest build`
    proc = subprocess.run([sys.executable, "-m", "digest", "build", "--strict", "--today", "2026-12-01"], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, timeout=600)
    assert proc.returncode == 0, proc.stderr
    pages = {p.read_text(encoding="utf-8") for p in (root / "site" / "articles").glob("*/index.html")}
    assert len(pages) == len(good)
    for name in good:
        assert any(t[name] in html for html in pages), name


def test_at_most_n_requests_at_once_and_a_delay_per_host(tmp_path):
    with FeedServer() as one, FeedServer() as two:
        for server in (one, two):
            items = []
            for n in range(4):
                title, paragraphs = story(n, f"port {server.httpd.server_address[1]}")
                server.routes[f"/p{n}.html"] = lambda _, body=article_html(title, paragraphs).encode(): Reply(
                    200, {"Content-Type": HTML}, body, delay=0.3)
                items.append({"title": title, "link": f"/p{n}.html", "guid": f"p{n}"})
            server.routes["/feed.xml"] = static(rss(items), RSS)
        config = load_config(root=site(tmp_path, [source(one.url("/feed.xml")), source(two.url("/feed.xml"))]))
        result = fetch_sources(config, options=replace(FAST, concurrency=1, host_delay=0.2, timeout=5))
        assert len(result.added) == 8 and not result.report.problems
        assert one.most_in_flight == two.most_in_flight == 1
        # each page takes the server 0.3 s to answer: with concurrency 1 no two of them overlap, even on two hosts
        starts = sorted(hit.at for server in (one, two) for hit in server.hits if hit.path.startswith("/p"))
        assert len(starts) == 8 and all(b - a >= 0.29 for a, b in zip(starts, starts[1:], strict=False))
    with FeedServer() as server:
        server.routes["/feed.xml"] = static(rss([{"title": f"t{n}", "link": f"/p{n}.html", "guid": str(n)}
                                                 for n in range(3)]), RSS)
        for n in range(3):
            page(server, f"/p{n}.html", n)
        config = load_config(root=site(tmp_path / "b", [source(server.url("/feed.xml"))]))
        fetch_sources(config, options=replace(FAST, host_delay=0.4))
        starts = [hit.at for hit in server.hits]
        # the server notes a request when its thread gets to it, a little after the client sent it, so one gap
        # may look shorter by that lag; together they still span the four delays (with no delay they span ~0 s)
        assert len(starts) == 5 and all(b - a >= 0.3 for a, b in zip(starts, starts[1:], strict=False))
        assert starts[-1] - starts[0] >= 4 * 0.4 - 0.05


def test_rate_limit_longer_than_allowed_is_not_waited_for_and_retried_next_run(server, tmp_path):
    server.routes["/feed.xml"] = reply(429, {"Retry-After": "3600"})
    server.routes["/errors.xml"] = reply(503)
    config = load_config(root=site(tmp_path, [source(server.url("/feed.xml")), source(server.url("/errors.xml"))]))
    result = fetch_sources(config, options=FAST)
    said = messages(result.report)
    assert said[server.url("/feed.xml")] == ["warning: HTTP 429 Too Many Requests: Retry-After asks for 3600 s, more "
                                             "than the 5 s waited; tried again on the next run"]
    assert "HTTP 503 Service Unavailable, 3 attempts" in said[server.url("/errors.xml")][0]
    assert server.paths().count("/feed.xml") == 1 and server.paths().count("/errors.xml") == 3


def test_an_entry_that_failed_for_now_is_tried_again_on_the_next_run(server, tmp_path):
    title = page(server, "/a.html", 1)
    server.routes["/a.html"] = sequence(reply(503), reply(503), reply(503), server.routes["/a.html"])
    server.routes["/feed.xml"] = static(rss([{"title": title, "link": "/a.html", "guid": "a"}]), RSS)
    config = load_config(root=site(tmp_path, [source(server.url("/feed.xml"))]))
    first = fetch_sources(config, options=FAST)
    assert first.added == [] and "503" in messages(first.report)[server.url("/a.html")][0]
    second = fetch_sources(config, options=FAST)
    assert len(second.added) == 1 and not second.report.problems


def test_single_pages_from_the_command_line(server, tmp_path):
    title = page(server, "/story.html", 1)
    server.routes["/paper.pdf"] = static(b"%PDF-1.4 not html", "text/html")  # a PDF behind a wrong header
    run = lambda *args: subprocess.run([sys.executable, "-m", "digest", "fetch", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"},
                                       timeout=120)
    first = run(server.url("/story.html"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("added content/2026/11/30/council-1-votes-on-the-harbour-plan.md")
    stored_file = tmp_path / "content" / "2026" / "11" / "30" / "council-1-votes-on-the-harbour-plan.md"
    assert front(stored_file)["title"] == title and front(stored_file)["source"] == "The Local Courier"
    hits = len(server.hits)
    again = run(server.url("/story.html"))
    assert again.returncode == 0 and "unchanged content/2026/11/30/council-1" in again.stdout
    assert len(server.hits) == hits  # already stored: not even requested
    bad = run("file:///etc/passwd", server.url("/paper.pdf"), server.url("/missing.html"))
    assert bad.returncode == 1
    assert sorted(bad.stderr.strip().splitlines()) == sorted([
        "error: file:///etc/passwd: not an http(s) URL; not fetched",
        f"error: {server.url('/paper.pdf')}: is a PDF, not a web page; not read",
        f"error: {server.url('/missing.html')}: HTTP 404 Not Found"])


def test_strict_fails_on_a_warning_and_no_sources_is_nothing_to_do(server, tmp_path):
    server.routes["/gone.xml"] = reply(410)
    site(tmp_path, [source(server.url("/gone.xml"))])
    run = lambda *args: subprocess.run([sys.executable, "-m", "digest", "fetch", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"},
                                       timeout=120)
    lenient = run()
    assert lenient.returncode == 0 and "warning: " + server.url("/gone.xml") + ": HTTP 410 Gone" in lenient.stderr
    strict = run("--strict")
    assert strict.returncode == 1 and "--strict: 1 warnings count as failures" in strict.stderr
    (tmp_path / "digest.toml").write_text("")
    none = run()
    assert none.returncode == 0 and none.stdout.startswith("nothing to fetch: no [[sources]]") and not none.stderr


def test_opml_import_then_list(tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News"><outline type="rss" text="Courier" xmlUrl="https://courier.example/rss.xml"/>
  <outline type="rss" text="Wire" xmlUrl="https://wire.example/atom.xml" category="world,eu/brussels"/></outline>
<outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
<outline type="rss" title="Json &quot;Desk&quot;" xmlUrl="https://json.example/feed.json"/>
</body></opml>""", encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "digest", "sources", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"},
                                       timeout=120)
    first = run("import", str(opml))
    assert first.returncode == 0, first.stderr
    assert "3 sources added, 0 already listed" in first.stdout
    assert "javascript:alert(1)" in first.stderr and "not an http(s) URL; skipped" in first.stderr
    config = load_config(root=tmp_path)
    assert [(s.url, s.name, s.tags) for s in config.sources] == [
        ("https://courier.example/rss.xml", "Courier", ("News",)),
        ("https://wire.example/atom.xml", "Wire", ("News", "world", "eu", "brussels")),
        ("https://json.example/feed.json", 'Json "Desk"', ()),
    ]
    assert config.title == "Daily Briefing"  # the new digest.toml starts from the defaults
    before = (tmp_path / "digest.toml").read_text()
    again = run("import", str(opml))
    assert "0 sources added, 3 already listed" in again.stdout and (tmp_path / "digest.toml").read_text() == before
    listed = run("list")
    assert listed.returncode == 0 and "courier.example/rss.xml" in listed.stdout and "not fetched yet" in listed.stdout
    (tmp_path / "broken.opml").write_text("<opml><body><outline></body></opml>")
    broken = run("import", "broken.opml")
    assert broken.returncode == 1 and broken.stderr.startswith("error: broken.opml:1: not valid OPML")


def test_bad_sources_are_one_line_each_naming_the_field(tmp_path):
    from digest.errors import ConfigError

    (tmp_path / "digest.toml").write_text("""
[[sources]]
url = "ftp://example.org/feed"
[[sources]]
name = "no url"
[[sources]]
url = "https://example.org/a"
full_text = "yes"
tags = "politics"
colour = "red"
[[sources]]
url = "https://example.org/a"
""")
    with pytest.raises(ConfigError) as info:
        load_config(root=tmp_path)
    names = sorted(p.split(":")[0] for p in info.value.problems)
    assert names == ["sources[1].url", "sources[2].url", "sources[3].colour", "sources[3].full_text",
                     "sources[3].tags", "sources[4].url"]


def test_json_feed_and_page_detection():
    feed = parse_feed(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "/a", "content_text": "One.\n\nTwo.", "date_published": "2026-11-30T06:00:00+01:00",
         "author": {"name": "Old Style"}},
        {"title": "no id, no url"}]}).encode(), "https://j.example/feed.json", "application/feed+json")
    assert feed.kind is Kind.JSON_FEED and len(feed.entries) == 1 and "1 item without an id" in feed.problem
    entry = feed.entries[0]
    assert entry.link == "https://j.example/a" and entry.content_html == "<p>One.</p><p>Two.</p>"
    assert entry.published.isoformat() == "2026-11-30T06:00:00+01:00" and entry.author == "Old Style"
    assert parse_feed(b"<!doctype html><html><body><p>hi</p></body></html>", "https://x.example/",
                      "text/html").kind is Kind.PAGE


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now=1792567670.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_broken_state_file_is_set_aside(tmp_path):
    path = tmp_path / STATE_FILE
    path.write_bytes(b"not a database at all" * 100)
    with FetchState(path) as state:
        assert state.warnings and "started afresh" in state.warnings[0]
        state.record_move("https://a.example/", "https://b.example/")
        assert state.current_url("https://a.example/") == "https://b.example/"


def test_scheduled_workflow_fetches_commits_then_builds_one_run_at_a_time():
    from digest.scaffold import pages_workflow

    workflow = yaml.safe_load(pages_workflow("digest"))
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    fetch, commit, build = (names.index(n) for n in ("Fetch subscriptions", "Commit what was fetched", "Build"))
    assert fetch < commit < build
    assert steps[fetch]["run"] == "digest fetch" and steps[fetch]["if"] == steps[commit]["if"] == \
        "github.event_name != 'push'"  # a push builds exactly what was pushed
    assert "git push" in steps[commit]["run"] and "git pull -q --rebase" in steps[commit]["run"]
    assert workflow["permissions"]["contents"] == "write"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert "github.run_id" in cache["with"]["key"]  # the fetch state is saved after every run


def test_feed_content_is_the_article_when_full_text_is_false(server, tmp_path):
    title, paragraphs = story(1)
    content = "".join(f"<p>{p}</p>" for p in paragraphs).replace("mayor", '<a href="/people/lopez">mayor</a>')
    server.routes["/feed.xml"] = static(rss([
        {"title": title, "link": "/a.html", "guid": "a", "pubDate": "Mon, 30 Nov 2026 08:00:00 GMT",
         "description": "<p>Teaser &amp; more</p>", "content": content},
        {"title": "Only a teaser", "link": "/b.html", "guid": "b", "pubDate": "Mon, 30 Nov 2026 09:00:00 GMT",
         "description": "<p>The council <b>met</b> &amp; voted on the plan for the harbour today.</p>"},
    ]), RSS)
    config = load_config(root=site(tmp_path, [source(server.url("/feed.xml"), full_text=False)]))
    result = fetch_sources(config, options=FAST)
    assert len(result.added) == 2 and not [hit for hit in server.hits if hit.path in ("/a.html", "/b.html")]
    assert messages(result.report) == {server.url("/b.html"): [
        "warning: the feed gives only a summary; stored as it is (full_text = true gets the page)"]}
    texts = {front(path)["title"]: path.read_text(encoding="utf-8") for path in result.added}
    assert "said Maria Lopez, the mayor of district 1" in texts[title] and "<a" not in texts[title]
    assert "The council met & voted on the plan" in texts["Only a teaser"]
    assert front(next(p for p in result.added if front(p)["title"] == title))["url"] == server.url("/a.html")


def test_a_long_feed_is_taken_a_few_entries_a_run_until_none_are_left(server, tmp_path):
    items = []
    for n in range(5):
        items.append({"title": page(server, f"/p{n}.html", n), "link": f"/p{n}.html", "guid": f"p{n}"})
    server.routes["/feed.xml"] = static(rss(items), RSS)
    config = load_config(root=site(tmp_path, [source(server.url("/feed.xml"))]))
    options = replace(FAST, max_entries=2)
    first = fetch_sources(config, options=options)
    assert len(first.added) == 2
    assert messages(first.report) == {server.url("/feed.xml"): [
        "warning: 5 new entries; the first 2 are fetched now, the rest on the next runs"]}
    assert [len(fetch_sources(config, options=options).added) for _ in range(3)] == [2, 1, 0]
    assert len(stored(tmp_path)) == 5
    last = [hit for hit in server.hits if hit.path == "/feed.xml"]
    assert "if-none-match" not in last[-2].headers and "if-none-match" in last[-1].headers  # done: conditional again
