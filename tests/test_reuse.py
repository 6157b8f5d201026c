"""Page and file reuse: fingerprints by value, and files other than pages linked from the last build."""

import dataclasses
import json
import shutil
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from digest.build import build_site
from digest.config import load_config
from digest.models import Article, ArticleEntry, Meeting, Quote
from digest.render.output import SiteWriter
from digest.render.reuse import Digests, PageReuse, write_derived

from helpers import article, changed

FIXTURES = Path(__file__).parent / "fixtures"
QUOTE = Quote("We will talk", "Ann Lee", "minister", False, 0.5, True, 3, 15)
MEETING = Meeting("Talks", "upcoming", "2022-01-12", None, "Geneva", ("Russia",), "They will meet.", ("talks",),
                  "10:00", "Europe/Zurich", 1, 9)


def digest(value) -> bytes:
    return Digests().of(value)


@pytest.mark.parametrize("obj", [article("Title", ["One.", "Two."]), QUOTE, MEETING])
def test_every_field_changes_the_digest(obj):
    before = digest(obj)
    for field in dataclasses.fields(obj):
        after = dataclasses.replace(obj, **{field.name: changed(getattr(obj, field.name))})
        assert digest(after) != before, field.name


def test_a_nested_change_reaches_the_page_context():
    entry = ArticleEntry(article("Title", ["One."]), "title", "articles/title/", (QUOTE,), (MEETING,))
    moved = dataclasses.replace(entry, quotes=(dataclasses.replace(QUOTE, end=16),))
    assert digest({"entry": entry, "page": 1}) != digest({"entry": moved, "page": 1})
    assert digest({"entry": entry, "page": 1}) == digest({"page": 1, "entry": entry})  # key order: irrelevant


def test_equal_values_give_equal_digests_whatever_objects_they_share():
    one = article("Title", ["Only paragraph."])  # its text is its one paragraph: the same object
    copy = Article(**{f.name: _copy(getattr(one, f.name)) for f in dataclasses.fields(one)})
    assert copy.text is not one.paragraphs[0] and copy == one
    assert digest(one) == digest(copy)
    shared = Digests()
    assert shared.of((one, one)) == shared.of((one, copy)) == digest((copy, copy))


def _copy(value):
    if isinstance(value, str):
        return "".join(list(value))
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    return value


def test_types_are_told_apart():
    values = [1, 1.0, True, "1", None, "None", (1,), [1], ("a", "b"), ("a,b",), ("a", ("b",)), (("a",), "b"),
              ["a", "b"], Markup("a"), "a", date(2022, 1, 11), datetime(2022, 1, 11),
              datetime(2022, 1, 11, tzinfo=timezone.utc), datetime(2022, 1, 11, tzinfo=timezone(timedelta(hours=1))),
              {"a": 1}, {"a": "1"}, {1: "a"}, {"1": "a"}, -0.0, 0.0, "\udcff", "\\udcff"]
    digests = [digest(v) for v in values]
    assert len(set(digests)) == len(values)


@pytest.mark.parametrize("value", [{1, 2}, frozenset(), object(), Path("x"), defaultdict(list), len, lambda: 1,
                                   b"bytes", [{"a": {2}}]])
def test_values_that_cannot_be_fingerprinted_by_value_are_refused(value):
    with pytest.raises(TypeError, match="cannot fingerprint"):
        digest({"value": value})


def test_a_mutable_dataclass_is_digested_afresh():
    @dataclasses.dataclass
    class Box:
        items: list

    box, digests = Box([1]), Digests()
    before = digests.of(box)
    box.items.append(2)
    assert digests.of(box) != before


def _typed(value):
    """What a digest must tell apart: the value and the type of every part of it."""
    if isinstance(value, (tuple, list)):
        return type(value).__name__, tuple(_typed(v) for v in value)
    return type(value).__name__, repr(value)


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.lists(inner, max_size=3).map(tuple), max_leaves=12)


@given(VALUES, VALUES)
def test_digests_are_equal_exactly_when_typed_values_are(a, b):
    assert (digest(a) == digest(b)) == (_typed(a) == _typed(b))


# ---- files other than pages -----------------------------------------------------------------------


def write_once(tmp_path: Path, inputs: dict, make, speaker_slug=None, templates=(), env=None) -> PageReuse:
    """One build of a site holding one file, ``cal.ics``; returns its PageReuse (saved)."""
    reuse = PageReuse(tmp_path / "pages.json", tmp_path / "site")
    reuse.attach(env, "key")
    with SiteWriter(tmp_path / "site") as writer:
        write_derived(reuse, writer, "cal.ics", "calendar", inputs, make, speaker_slug, templates)
    reuse.save()
    return reuse


def never() -> bytes:
    raise AssertionError("made again although its inputs did not change")


def test_an_unchanged_file_is_linked_and_a_changed_one_made(tmp_path):
    write_once(tmp_path, {"item": MEETING}, lambda: b"one")
    inode = (tmp_path / "site" / "cal.ics").stat().st_ino
    assert write_once(tmp_path, {"item": dataclasses.replace(MEETING)}, never).reused == 1
    assert (tmp_path / "site" / "cal.ics").stat().st_ino == inode
    assert write_once(tmp_path, {"item": dataclasses.replace(MEETING, place="Bern")}, lambda: b"two").reused == 0
    assert (tmp_path / "site" / "cal.ics").read_bytes() == b"two"
    write_derived(None, _Writer(tmp_path / "plain"), "cal.ics", "calendar", {}, lambda: b"three")  # no reuse
    assert (tmp_path / "plain" / "cal.ics").read_bytes() == b"three"


class _Writer:
    def __init__(self, folder: Path):
        self.folder = folder

    def write(self, relpath: str, data: bytes) -> None:
        (self.folder / relpath).parent.mkdir(parents=True, exist_ok=True)
        (self.folder / relpath).write_bytes(data)


def test_a_file_made_twice_never_writes_through_a_link_into_the_previous_site(tmp_path):
    write_once(tmp_path, {"item": MEETING}, lambda: b"one")
    reuse = PageReuse(tmp_path / "pages.json", tmp_path / "site")
    reuse.attach(None, "key")
    with SiteWriter(tmp_path / "site") as writer:
        reuse.write_file("cal.ics", "calendar", {"item": MEETING}, writer, never)
        reuse.write_file("cal.ics", "calendar", {"item": QUOTE}, writer, lambda: b"other")
        assert (tmp_path / "site" / "cal.ics").read_bytes() == b"one"  # the live site is untouched
    reuse.save()
    assert (tmp_path / "site" / "cal.ics").read_bytes() == b"other"
    assert write_once(tmp_path, {"item": QUOTE}, never).reused == 1  # the last making is the one recorded


def test_speaker_lookups_made_while_rendering_are_checked_again(tmp_path):
    def make(reuse_of):
        def run():
            reuse_of[0].note("Ann Lee", "ann-lee")
            return b"feed"
        return run

    env = jinja2.Environment(loader=jinja2.DictLoader({"frag.html": "{{ sq }}", "all.html": "{{ site }}"}))
    holder: list = [None]

    def once(slug, templates=("frag.html",)) -> int:
        reuse = PageReuse(tmp_path / "pages.json", tmp_path / "site")
        holder[0] = reuse
        reuse.attach(env, "key")
        with SiteWriter(tmp_path / "site") as writer:
            reuse.write_file("feed.xml", "feed", {"name": "Ann"}, writer, make(holder), lambda name: slug, templates)
        reuse.save()
        return reuse.reused

    assert once("ann-lee") == 0
    assert once("ann-lee") == 1
    assert once("ann-lee-2") == 0  # the name now links elsewhere: made again
    assert once("ann-lee", ("all.html",)) == 0 and once("ann-lee", ("all.html",)) == 0  # reads ``site``: never


def test_template_analysis_is_kept_in_the_manifest(tmp_path):
    env = jinja2.Environment(loader=jinja2.DictLoader({"a.html": "{{ site }}", "b.html": "x"}))
    reuse = write_once(tmp_path, {}, lambda: b"x", env=env)
    assert not reuse.eligible("a.html") and reuse.eligible("b.html")
    reuse.save()
    assert json.loads((tmp_path / "pages.json").read_text())["eligible"] == {"a.html": False, "b.html": True}
    again = PageReuse(tmp_path / "pages.json", tmp_path / "site")
    again.attach(jinja2.Environment(loader=jinja2.DictLoader({})), "key")  # not parsed again
    assert not again.eligible("a.html") and again.eligible("b.html")


# ---- a real site ----------------------------------------------------------------------------------


def files(folder: Path, pattern: str) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.glob(pattern)}


def test_calendars_and_speaker_feeds_are_linked_when_unchanged_and_equal_a_full_build(tmp_path):
    root = tmp_path / "a"
    (root / "content").mkdir(parents=True)
    for name in ("seed-1.md", "geneva-talks-2022-01-10.md"):
        shutil.copy(FIXTURES / "site" / name, root / "content" / name)
    (root / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\n')
    config = load_config(root=root)
    build_site(config, today=date(2022, 1, 11))
    site = root / "site"
    before = {**files(site, "meetings/*.ics"), **files(site, "people/*/feed.xml")}
    (root / "content" / "peskov.md").write_text(
        '---\ntitle: "Kremlin rejects Geneva demands"\ndate: "2022-01-10T20:00:00+00:00"\n---\n\n'
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday evening.\n\n"
        "“Our position has not changed,” Peskov said.\n")
    build_site(config, today=date(2022, 1, 11))
    after = {**files(site, "meetings/*.ics"), **files(site, "people/*/feed.xml")}
    linked = {name for name, inode in after.items() if before.get(name) == inode}
    assert "people/dmitry-peskov/feed.xml" not in linked  # quoted again: made again
    assert any(n.endswith(".ics") for n in linked) and any(n.endswith("feed.xml") for n in linked)
    build_site(config, output=tmp_path / "full", today=date(2022, 1, 11), clean=True)
    for name in after:
        assert (site / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
