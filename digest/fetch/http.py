"""A polite HTTP client: robots.txt, a delay per host, a cap on requests in flight, retries with backoff,
conditional GET, redirects checked hop by hop (http(s) only, no loops), a size cap on every body.

Every failure is a :class:`FetchError` with one line of reason and a :class:`Failure` kind, so the
caller can report it and go on.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass
from enum import Enum
from typing import Protocol
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from digest.config import is_web_url
from digest.fetch.options import ROBOTS_AGENT, FetchOptions

REDIRECTS = {301: True, 302: False, 303: False, 307: False, 308: True}  # status -> permanent
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 512 * 1024


class Failure(Enum):
    """What a failed request means for the next run."""

    TRANSIENT = "transient"  # try again on the next run (timeout, 5xx, rate limit)
    PERMANENT = "permanent"  # this URL will not work (404, not a web page, forbidden by robots.txt)
    GONE = "gone"  # 410 Gone: the publisher removed it for good


class FetchError(Exception):
    def __init__(self, url: str, reason: str, failure: Failure = Failure.PERMANENT):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.failure = failure


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back: the last response's ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class Response:
    url: str  # what was asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 Not Modified
    content_type: str  # media type, lower case, without parameters ("" when the server sent none)
    charset: str | None  # the Content-Type header's charset
    body: bytes  # at most FetchOptions.max_bytes
    cut: bool  # the body was longer than the cap and was cut
    validators: Validators
    moved_to: str | None = None  # where permanent redirects from ``url`` lead (None: not moved)


@dataclass(frozen=True)
class _Exchange:
    status: int
    headers: httpx.Headers
    body: bytes = b""
    cut: bool = False


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delay-seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class HostGate:
    """Spaces the requests to one host at least ``delay`` seconds apart (by their start)."""

    def __init__(self, delay: float):
        self.delay = delay
        self.lock = asyncio.Lock()
        self.next_at = 0.0

    async def wait(self) -> None:
        async with self.lock:
            loop = asyncio.get_running_loop()
            now = loop.time()
            if self.next_at > now:
                await asyncio.sleep(self.next_at - now)
                now = loop.time()
            self.next_at = now + self.delay


class RobotsStore(Protocol):
    """Where robots.txt files are kept between runs, so that asking for one again is a conditional GET."""

    def robots(self, origin: str) -> tuple[Validators, bytes] | None: ...

    def record_robots(self, origin: str, validators: Validators, body: bytes) -> None: ...


class PoliteClient:
    """One per run; use as ``async with``. ``requests`` counts what was sent, ``conditional`` how many
    of those carried validators."""

    def __init__(self, options: FetchOptions, robots_store: RobotsStore | None = None,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.options = options
        self.robots_store = robots_store
        self.http = httpx.AsyncClient(
            headers={"User-Agent": options.user_agent},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            transport=transport,
            limits=httpx.Limits(max_connections=options.concurrency),
        )
        self.slots = asyncio.Semaphore(options.concurrency)
        self.gates: dict[str, HostGate] = {}
        self.robots: dict[str, asyncio.Task[RobotFileParser | str]] = {}
        self.requests = 0
        self.conditional = 0

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.http.aclose()

    async def get(self, url: str, validators: Validators | None = None,
                  media_types: frozenset[str] | None = None) -> Response:
        """GET ``url``: 200 with the (capped) body, or 304 when ``validators`` still hold.

        ``media_types``: the Content-Types accepted (None: any); another one is a permanent failure
        found from the headers alone, so its body is never downloaded.
        """
        if not is_web_url(url):
            raise FetchError(url, "not an http(s) URL; not fetched")
        headers = validators.headers() if validators else {}
        current, seen, moved_to, permanent = url, {url}, None, True
        for _ in range(self.options.max_redirects + 1):
            await self._check_robots(current, url)
            exchange = await self._exchange(current, headers, media_types)
            if exchange.status in REDIRECTS:
                target = self._redirect_target(url, current, exchange)
                permanent = permanent and REDIRECTS[exchange.status]
                moved_to = target if permanent else moved_to
                if target in seen:
                    raise FetchError(url, f"redirect loop ({current} leads back to {target})")
                seen.add(target)
                current = target
                continue
            return self._response(url, current, exchange, moved_to)
        raise FetchError(url, f"more than {self.options.max_redirects} redirects; not followed")

    def _redirect_target(self, url: str, current: str, exchange: _Exchange) -> str:
        location = exchange.headers.get("location")
        if not location:
            raise FetchError(url, f"HTTP {exchange.status} redirect without a Location")
        try:
            target = urljoin(current, location.strip())
        except ValueError:
            raise FetchError(url, f"HTTP {exchange.status} redirect to a malformed URL ({location[:100]})") from None
        if not is_web_url(target):
            scheme = urlsplit(target).scheme or "relative"
            raise FetchError(url, f"redirects to a {scheme}: URL ({target[:100]}); only http(s) is followed")
        return target.split("#", 1)[0]

    def _response(self, url: str, final: str, exchange: _Exchange, moved_to: str | None) -> Response:
        status = exchange.status
        if status == 410:
            raise FetchError(url, "HTTP 410 Gone", Failure.GONE)
        if status not in (200, 304):
            phrase = httpx.codes.get_reason_phrase(status) or "error"
            failure = Failure.TRANSIENT if status in RETRY_STATUSES or status >= 500 else Failure.PERMANENT
            raise FetchError(url, f"HTTP {status} {phrase}", failure)
        media, charset = _content_type(exchange.headers.get("content-type", ""))
        return Response(url=url, final_url=final, status=status, content_type=media, charset=charset,
                        body=exchange.body, cut=exchange.cut, moved_to=moved_to,
                        validators=Validators(exchange.headers.get("etag"), exchange.headers.get("last-modified")))

    async def _exchange(self, url: str, headers: dict[str, str], media_types: frozenset[str] | None) -> _Exchange:
        """One request, retried after a 429/5xx answer or a failed connection (Retry-After honoured)."""
        options = self.options
        for attempt in range(options.retries + 1):
            last = attempt == options.retries
            await self._gate(url).wait()
            async with self.slots:
                try:
                    exchange = await asyncio.wait_for(self._send(url, headers, media_types), options.total_timeout)
                except (asyncio.TimeoutError, httpx.TimeoutException):
                    raise FetchError(url, f"no complete answer within the time limit ({options.timeout:g} s a "
                                          f"read, {options.total_timeout:g} s in all)", Failure.TRANSIENT) from None
                except httpx.DecodingError as exc:
                    raise FetchError(url, f"the response's encoding is broken ({exc})") from None
                except httpx.InvalidURL as exc:
                    raise FetchError(url, f"malformed URL ({exc})") from None
                except httpx.TransportError as exc:
                    if last:
                        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                        raise FetchError(url, f"cannot connect ({detail})", Failure.TRANSIENT) from None
                    await asyncio.sleep(options.backoff * 2**attempt)
                    continue
            if exchange.status not in RETRY_STATUSES:
                return exchange
            asked = retry_after(exchange.headers.get("retry-after"))
            phrase = f"HTTP {exchange.status} {httpx.codes.get_reason_phrase(exchange.status)}"
            if last:
                raise FetchError(url, f"{phrase}, {attempt + 1} attempts; tried again on the next run",
                                 Failure.TRANSIENT)
            if asked is not None and asked > options.max_retry_wait:
                raise FetchError(url, f"{phrase}: Retry-After asks for {asked:.0f} s, more than the "
                                      f"{options.max_retry_wait:g} s waited; tried again on the next run",
                                 Failure.TRANSIENT)
            await asyncio.sleep(asked if asked is not None else options.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send(self, url: str, headers: dict[str, str], media_types: frozenset[str] | None,
                    limit: int | None = None) -> _Exchange:
        limit = limit or self.options.max_bytes
        self.requests += 1
        self.conditional += bool(headers)
        async with self.http.stream("GET", url, headers=headers) as answer:
            if answer.status_code != 200:
                return _Exchange(answer.status_code, answer.headers)
            media, _ = _content_type(answer.headers.get("content-type", ""))
            if media_types is not None and media and media not in media_types:
                raise FetchError(url, f"is {media}, not a web page; not read")
            chunks, size, cut = [], 0, False
            async for chunk in answer.aiter_bytes():
                if size + len(chunk) > limit:
                    chunks.append(chunk[: limit - size])
                    cut = True
                    break
                chunks.append(chunk)
                size += len(chunk)
            return _Exchange(200, answer.headers, b"".join(chunks), cut)

    def _gate(self, url: str) -> HostGate:
        host = origin_of(url)
        if host not in self.gates:
            self.gates[host] = HostGate(self.options.host_delay)
        return self.gates[host]

    async def _check_robots(self, url: str, asked: str) -> None:
        host = origin_of(url)
        if host not in self.robots:
            self.robots[host] = asyncio.create_task(self._read_robots(host))
        rules = await self.robots[host]
        if isinstance(rules, str):
            raise FetchError(asked, rules, Failure.TRANSIENT)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            where = "" if url == asked else f" ({url})"
            raise FetchError(asked, f"robots.txt of {host} forbids fetching it{where}")

    async def _read_robots(self, host: str) -> RobotFileParser | str:
        """The host's robots.txt rules, or why it could not be read (RFC 9309: a server error means
        "fetch nothing"; a missing file means "fetch anything"; a Crawl-delay slows the host's gate).
        A copy kept from an earlier run is asked for with its validators."""
        rules = RobotFileParser(host + "/robots.txt")
        kept = self.robots_store.robots(host) if self.robots_store else None
        headers = kept[0].headers() if kept else {}
        url = host + "/robots.txt"
        try:
            for _ in range(self.options.max_redirects + 1):
                await self._gate(url).wait()
                async with self.slots:
                    exchange = await asyncio.wait_for(self._send(url, headers, None, ROBOTS_MAX_BYTES),
                                                      self.options.total_timeout)
                if exchange.status not in REDIRECTS:
                    break
                url = self._redirect_target(host + "/robots.txt", url, exchange)
        except (asyncio.TimeoutError, httpx.HTTPError, FetchError) as exc:
            return f"robots.txt of {host} could not be read ({type(exc).__name__}); not fetched, tried again next run"
        body = exchange.body
        if exchange.status == 304 and kept:
            body = kept[1]
        elif exchange.status == 200 and self.robots_store:
            validators = Validators(exchange.headers.get("etag"), exchange.headers.get("last-modified"))
            self.robots_store.record_robots(host, validators, body)
        if exchange.status >= 500:
            return f"robots.txt of {host} answered HTTP {exchange.status}; not fetched, tried again next run"
        if exchange.status in (401, 403):
            rules.parse(["User-agent: *", "Disallow: /"])
        elif exchange.status not in (200, 304):
            rules.parse([])
        else:
            rules.parse(body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                gate = self._gate(host)
                gate.delay = max(gate.delay, min(float(delay), self.options.max_crawl_delay))
        return rules


def _content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset
