"""The people page: an A–Z index whole without JavaScript, and each person's meetings."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sitebuild import FIXTURES, parse_page, text_of

from digest.build import build_site
from digest.config import load_config
from digest.render.people import index_letter, people_by_letter

PEOPLE = Path(__file__).parent / "fixtures" / "people"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("people")
    (root / "content").mkdir()
    shutil.copy(FIXTURES / "geneva-talks-2022-01-10.md", root / "content")
    shutil.copy(PEOPLE / "sherman-ryabkov-2022-01-11.md", root / "content")
    (root / "digest.toml").write_text('base_url = "https://briefing.example.org/"\nsearch = false\n')
    result = build_site(load_config(root=root), today=date(2022, 1, 11))
    assert not result.report.errors
    return root / "site"


def test_people_are_filed_by_letter_from_a_to_z():
    names = ("Élodie Brun", "wendy", "ÖVP", "42 Club", "Владимир")
    assert [index_letter(n) for n in names] == ["E", "W", "O", "#", "#"]


def test_people_page_has_an_a_to_z_index_linking_every_letter_section(site):
    html = (site / "people" / "index.html").read_text(encoding="utf-8")
    page = parse_page(site / "people" / "index.html")
    letters = [u for t, u in page.urls if t == "a" and u.startswith("#letter-")]
    assert letters == ["#letter-E", "#letter-S", "#letter-W"]
    assert all(target[1:] in page.ids for target in letters)
    sections = html.split('<section class="letter"')[1:]
    assert "Élodie Brun" in sections[0] and "Sergei Ryabkov" in sections[1] and "Wendy Sherman" in sections[2]
    # the filter is a same-origin script file added on top; the list itself needs none
    assert ("script", "/static/people.js") in page.urls and "<script>" not in html
    assert (site / "static" / "people.js").is_file()


def test_a_person_page_links_the_meetings_they_take_part_in(site):
    sherman = (site / "people" / "wendy-sherman" / "index.html").read_text(encoding="utf-8")
    meetings = sherman.split('id="person-meetings-title"')[1].split("</section>")[0]
    assert "Wendy Sherman meeting with Sergei Ryabkov" in text_of(meetings)
    assert '<time datetime="2022-01-17">' in meetings
    assert ("a", "/articles/sherman-and-ryabkov-to-meet-again-in-geneva/") in parse_page(
        site / "people" / "wendy-sherman" / "index.html").urls
    ryabkov = (site / "people" / "sergei-ryabkov" / "index.html").read_text(encoding="utf-8")
    assert "Wendy Sherman meeting with Sergei Ryabkov" in ryabkov
    brun = (site / "people" / "elodie-brun" / "index.html").read_text(encoding="utf-8")
    assert "person-meetings" not in brun  # quoted, but in no meeting


def test_people_by_letter_sorts_within_a_letter_without_regard_to_accents():
    from digest.models import Speaker

    speakers = [Speaker("Ann Zed", "ann-zed", None), Speaker("Álvaro Ruiz", "alvaro-ruiz", None),
                Speaker("ACLU", "aclu", None), Speaker("3M", "3m", None)]
    assert [(letter, [s.name for s in group]) for letter, group in people_by_letter(speakers)] == [
        ("A", ["ACLU", "Álvaro Ruiz", "Ann Zed"]), ("#", ["3M"])]
