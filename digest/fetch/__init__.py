"""`digest fetch`: subscriptions (RSS, Atom, JSON Feed, single pages) into the content folder, politely."""

from digest.fetch.options import FetchOptions, fetch_options
from digest.fetch.run import FetchResult, fetch_pages, fetch_sources

__all__ = ["FetchOptions", "FetchResult", "fetch_options", "fetch_pages", "fetch_sources"]
