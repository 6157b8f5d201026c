"""Options shared by the article readers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

MAX_RECORDS = 2_000  # articles read from one multi-article file (JSON / JSON Lines) by default


@dataclass(frozen=True)
class ReadOptions:
    timezone: datetime.tzinfo  # the site's zone (zoneinfo.ZoneInfo)
    default_date: datetime.date | None = None  # the --date option
    today: datetime.date | None = None  # the build date, last-resort fallback (None -> today in timezone)
    max_records: int | None = MAX_RECORDS  # per file; None: no limit (`digest ingest` splits big files)

    def build_date(self) -> datetime.date:
        if self.today is not None:
            return self.today
        return datetime.datetime.now(self.timezone).date()
