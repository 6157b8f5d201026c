"""Options shared by the article readers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    timezone: datetime.tzinfo  # the site's zone (zoneinfo.ZoneInfo)
    default_date: datetime.date | None = None  # the --date option
    today: datetime.date | None = None  # the build date, last-resort fallback (None -> today in timezone)

    def build_date(self) -> datetime.date:
        if self.today is not None:
            return self.today
        return datetime.datetime.now(self.timezone).date()
