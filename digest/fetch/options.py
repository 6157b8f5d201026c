"""How politely and how far `digest fetch` goes: one frozen set of limits, defaults for real sites."""

from __future__ import annotations

from dataclasses import dataclass, replace

from digest import __version__
from digest.config import Config
from digest.ingest.decode import READ_LIMIT

ROBOTS_AGENT = "digest"  # the name robots.txt rules are matched against


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = f"{ROBOTS_AGENT}/{__version__}"
    timeout: float = 20.0  # seconds to connect, and to wait for each piece of a response
    total_timeout: float = 120.0  # seconds for one whole response (a server dripping bytes is cut off)
    max_bytes: int = READ_LIMIT  # of one response, after gzip; the rest is not read
    max_redirects: int = 5
    concurrency: int = 8  # requests in flight at once, over all hosts
    host_delay: float = 0.5  # seconds between two requests to the same host (robots.txt Crawl-delay may raise it)
    max_crawl_delay: float = 30.0  # the most of a robots.txt Crawl-delay honoured
    retries: int = 2  # more attempts after a 429 or 5xx answer or a failed connection
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one (unless Retry-After says)
    max_retry_wait: float = 60.0  # a longer Retry-After is not waited for: the run moves on
    max_entries: int = 100  # new entries taken from one feed in one run; the rest come on the next runs


def fetch_options(config: Config, **overrides) -> FetchOptions:
    """The defaults, with a User-Agent naming digest and the site it fetches for."""
    agent = f"{ROBOTS_AGENT}/{__version__} (+{config.base_url}; news briefing generator)"
    return replace(FetchOptions(user_agent=agent), **overrides)
