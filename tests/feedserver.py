"""A local HTTP server for the fetch tests and bench: routes answer like real news sites and feeds.

Only ever binds 127.0.0.1. Every request is logged (path, headers, start time) and the most requests
handled at once is counted, so tests can check what the client sent and how politely.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterable[bytes]] = b""  # a callable streams its chunks (never all in memory)
    delay: float = 0.0  # seconds before the answer starts


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    at: float


Route = Callable[[dict[str, str]], Reply]


def static(body: bytes, content_type: str, etag: str | None = None, last_modified: str | None = None,
           gzipped: bool = False) -> Route:
    """A document that honours conditional GET (ETag and/or Last-Modified) like a real server."""
    etag = etag or '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def route(headers: dict[str, str]) -> Reply:
        validators = {"ETag": etag, **({"Last-Modified": last_modified} if last_modified else {})}
        unchanged = last_modified and headers.get("if-modified-since") == last_modified
        if headers.get("if-none-match") == etag or unchanged:
            return Reply(304, validators)
        data = gzip.compress(body) if gzipped else body
        extra = {"Content-Encoding": "gzip"} if gzipped else {}
        return Reply(200, {"Content-Type": content_type, **validators, **extra}, data)

    return route


def reply(status: int = 200, headers: dict[str, str] | None = None, body: bytes = b"", delay: float = 0.0) -> Route:
    return lambda _: Reply(status, headers or {}, body, delay)


def redirect(status: int, location: str) -> Route:
    return reply(status, {"Location": location})


def sequence(*replies: Route) -> Route:
    """Each request gets the next reply; the last one repeats."""
    calls = []

    def route(headers: dict[str, str]) -> Reply:
        calls.append(1)
        return replies[min(len(calls), len(replies)) - 1](headers)

    return route


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.handle(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self.lock:
            self.hits.append(Hit(request.path, headers, time.monotonic()))
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            route = self.routes.get(request.path)
            answer = route(headers) if route else Reply(404, {"Content-Type": "text/plain"}, b"not found")
            if answer.delay:
                time.sleep(answer.delay)
            request.send_response(answer.status)
            for key, value in answer.headers.items():
                request.send_header(key, value)
            if isinstance(answer.body, bytes):
                request.send_header("Content-Length", str(len(answer.body)))
            request.end_headers()
            chunks = [answer.body] if isinstance(answer.body, bytes) else answer.body()
            for chunk in chunks:
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a size cap, a timeout): what the tests want
        finally:
            with self.lock:
                self.in_flight -= 1

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# Fixture documents shaped like the real thing.

def http_date(day: datetime) -> str:
    return format_datetime(day.astimezone(timezone.utc), usegmt=True)


def article_html(title: str, paragraphs: list[str], published: str = "2026-11-30T08:00:00+00:00",
                 charset: str | None = "utf-8", site: str = "The Local Courier") -> str:
    """A news page: navigation, the article with its metadata, related links and a footer."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}<title>{escape(title)} | {site}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Dana Reporter">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/business/">Business</a></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<p class="byline">By Dana Reporter</p>
{body}
</article>
<aside><h2>Related</h2><ul><li><a href="/other">Another story</a></li></ul></aside>
</main>
<footer><p>Copyright 2026 {site}. All rights reserved.</p></footer>
</body></html>"""


def story(n: int, topic: str = "harbour") -> tuple[str, list[str]]:
    """A short news story with a quote and a meeting, numbered so each one is its own article."""
    title = f"Council {n} votes on the {topic} plan"
    paragraphs = [
        f"The city council number {n} voted on Monday to go ahead with the {topic} plan after a long debate "
        "that ran late into the evening and drew a crowd of residents.",
        f"\u201cThis is the most important decision we have taken in years,\u201d said Maria Lopez, the mayor of "
        f"district {n}, speaking to reporters after the vote.",
        f"Opponents said the {topic} plan would cost more than the council had admitted and promised to keep up "
        "their campaign against it in the months ahead.",
        f"The council will meet again on 14 December 2026 in the town hall to decide how the {topic} "
        "plan is paid for, officials said.",
    ]
    return title, paragraphs


def rss(items: list[dict], title: str = "The Local Courier", link: str = "/") -> bytes:
    """RSS 2.0; each item: title, link, guid, description (HTML, escaped), pubDate, category."""
    parts = []
    for item in items:
        fields = "".join(
            f"<{key}>{escape(str(value))}</{key}>" for key, value in item.items() if key != "content"
        )
        if "content" in item:
            fields += f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{escape(title)}</title>'
            f"<link>{link}</link><description>News</description>{''.join(parts)}</channel></rss>").encode()
