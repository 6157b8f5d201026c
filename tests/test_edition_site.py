"""The edited briefing as built by ``digest build``: stories across outlets, excerpts instead of
copies, and the day's data in ``/YYYY/MM/DD/briefing.json`` (checked against its schema)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from digest.build import build_site
from digest.config import load_config

ROOT = Path(__file__).resolve().parent.parent
AP = """---
title: Powell tells senators interest rates will stay on hold
date: '2022-01-11T09:00:00-05:00'
source: Associated Press
url: https://apnews.com/article/powell-senate-rates
author: Christopher Rugaber is a reporter
---

WASHINGTON (AP) — Federal Reserve Chair Jerome Powell told the Senate Banking Committee on Tuesday that interest rates would stay on hold while inflation eases.

Powell faced sharp questions from Senator Elizabeth Warren about bank supervision and the failure of regional lenders.

The hearing room was packed with staff and reporters long before the session opened at ten.

“We will keep rates where they are until inflation is clearly on its way back to our target,” Powell said. The committee then moved to questions about housing costs.

Analysts at several banks said the testimony matched their expectations for the year.
"""  # noqa: E501 - one paragraph a line, as saved
REUTERS = """---
title: Fed's Powell says rates unchanged in Senate testimony
date: '2022-01-11T11:00:00-05:00'
source: https://www.reuters.com
url: https://www.reuters.com/markets/us/powell-senate-2022-01-11/
---

Jerome Powell, chair of the Federal Reserve, said on Tuesday the central bank would keep interest rates unchanged, in testimony to the Senate Banking Committee.

Senator Elizabeth Warren pressed Powell on the failure of regional lenders and on bank supervision.

Markets barely moved during the hearing, which lasted almost three hours.
"""  # noqa: E501 - one paragraph a line, as saved
CONCERT = """---
title: Band closes tour with sold-out Garden show
date: '2022-01-11T20:00:00-05:00'
source: City Gazette
url: https://gazette.example.com/2022/01/11/band-garden-show
---

The band played a sold-out show at Madison Square Garden on Saturday night, closing with an encore of their first hit single.

Fans queued around the block for merchandise before the doors opened.
"""  # noqa: E501 - one paragraph a line, as saved
PRIVATE_PARAGRAPHS = ["The hearing room was packed with staff and reporters long before the session opened at ten.",
                      "Analysts at several banks said the testimony matched their expectations for the year.",
                      "The committee then moved to questions about housing costs."]


def project(root: Path, full_text: bool) -> Path:
    day = root / "content" / "2022" / "01" / "11"
    day.mkdir(parents=True)
    for name, text in (("ap", AP), ("reuters", REUTERS), ("concert", CONCERT)):
        (day / f"{name}.md").write_text(text, encoding="utf-8")
    (root / "digest.toml").write_text(f'timezone = "America/New_York"\nsearch = false\n'
                                      f'full_text = {str(full_text).lower()}\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def excerpt_site(tmp_path_factory) -> Path:
    root = project(tmp_path_factory.mktemp("excerpt"), full_text=False)
    result = build_site(load_config(root=root), today=date(2022, 1, 11))
    assert not result.report.errors
    return root / "site"


def test_two_outlets_on_one_event_are_one_story_in_the_json(excerpt_site):
    data = json.loads((excerpt_site / "2022/01/11/briefing.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((ROOT / "schemas/briefing.schema.json").read_text()),
                        format_checker=jsonschema.FormatChecker(formats=("date",)))
    assert data["articles"] == 3 and len(data["stories"]) == 2
    top = data["stories"][0]
    assert top["rank"] == 1 and "Powell" in top["headline"]
    assert sorted(s["outlet"] for s in top["sources"]) == ["Associated Press", "reuters.com"]
    assert top["lead"].endswith("while inflation eases.")
    assert top["key_quote"]["speaker"].endswith("Powell") and top["key_quote"]["source_url"].startswith("https://apnews.com/")


def test_the_briefing_page_tells_the_story_once_with_both_sources(excerpt_site):
    html = (excerpt_site / "2022/01/11/index.html").read_text(encoding="utf-8")
    top = html.split('id="top-title"')[1].split('id="meetings-title"')[0]
    assert top.count('<article class="story"') == 2
    first = top.split('<article class="story"')[1]
    assert "2 sources:" in first and "Associated Press" in first and "reuters.com" in first
    assert "We will keep rates where they are" in first


def test_an_article_page_holds_only_the_lead_and_the_quoted_sentences(excerpt_site):
    [page] = [p for p in (excerpt_site / "articles").glob("*/index.html") if "powell-tells" in str(p)]
    html = page.read_text(encoding="utf-8")
    body = html.split('<div class="body">')[1].split("</div>")[0]
    assert "Federal Reserve Chair Jerome Powell told the Senate Banking Committee" in body  # the lead
    assert "We will keep rates where they are" in body  # the quote in its sentence
    for paragraph in PRIVATE_PARAGRAPHS + ["Powell faced sharp questions from Senator Elizabeth Warren"]:
        assert paragraph not in html, paragraph
    assert len(re.findall(r"<p>", body)) == 2
    assert 'href="https://apnews.com/article/powell-senate-rates"' in html and "Read the whole article" in html
    assert "Christopher Rugaber" in html and "is a reporter" not in html


def test_full_text_sites_show_the_whole_article(tmp_path):
    root = project(tmp_path, full_text=True)
    build_site(load_config(root=root), today=date(2022, 1, 11))
    [page] = [p for p in (root / "site" / "articles").glob("*/index.html") if "powell-tells" in str(p)]
    html = page.read_text(encoding="utf-8")
    for paragraph in PRIVATE_PARAGRAPHS:
        assert paragraph in html
    assert "Read the whole article" not in html


def test_the_feed_item_names_the_top_stories(excerpt_site):
    feed = json.loads((excerpt_site / "feed.json").read_text(encoding="utf-8"))
    [item] = feed["items"]
    assert item["summary"] == ("Powell tells senators interest rates will stay on hold; "
                               "Band closes tour with sold-out Garden show.")
    assert "<h2>Stories</h2>" in item["content_html"]


def test_key_quotes_are_shown_without_the_comma_before_the_closing_mark(excerpt_site, tmp_path):
    """“… to our target,” Powell said: the briefing's JSON, page and feed show “… to our target”;
    ``digest extract`` keeps the comma, as its contract says."""
    data = json.loads((excerpt_site / "2022/01/11/briefing.json").read_text(encoding="utf-8"))
    texts = [q["text"] for q in data["key_quotes"]] + [data["stories"][0]["key_quote"]["text"]]
    assert texts and all(t.endswith("back to our target") for t in texts[:1] + texts[-1:])
    assert not any(t.rstrip().endswith(",") for t in texts)
    page = (excerpt_site / "2022/01/11/index.html").read_text(encoding="utf-8")
    assert "back to our target”" in page and "back to our target,”" not in page
    feed = (excerpt_site / "feed.json").read_text(encoding="utf-8")
    assert "back to our target," not in feed
    source = tmp_path / "ap.md"
    source.write_text(AP, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "digest", "extract", "--format", "json", str(source)],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "back to our target,\"" in out.stdout
