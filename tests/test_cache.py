import sqlite3

from digest.cache import CHECK_EVERY, ExtractionCache
from digest.models import Attribution, Extraction, Meeting, Quote

SAMPLE = Extraction(
    article_id="abc",
    quotes=(Quote("We will push", "Alexander Grushko", "Deputy Foreign Minister", False, 0.9, True, 10, 22,
                  Attribution.SPEECH_VERB), Quote("and win", None, start=30, end=37)),
    meetings=(Meeting("NATO-Russia Council meeting", "upcoming", "2022-01-12", None, "Brussels",
                      ("NATO", "Russia"), "A meeting …", ("A meeting …",)),),
)


def test_round_trip(tmp_path):
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        cache.put_many({"abc": SAMPLE}, "en_core_web_sm@3.8.0", "v1")
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        assert cache.get_many(["abc", "zzz"], "en_core_web_sm@3.8.0", "v1") == {"abc": SAMPLE}
        assert cache.get_many(["abc"], "en_core_web_sm@3.8.0", "v1")["abc"].quotes[0].attribution is \
            Attribution.SPEECH_VERB
        assert cache.get_many(["abc"], "en_core_web_sm@3.8.0", "v2") == {}
        assert cache.get_many(["abc"], "en_core_web_trf@3.8.0", "v1") == {}
        assert cache.warnings == []


def test_corrupted_cache_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with ExtractionCache(path) as cache:
        assert cache.get_many(["abc"], "p", "v") == {}
        cache.put_many({"abc": SAMPLE}, "p", "v")
        assert len(cache.warnings) == 1 and "moved to" in cache.warnings[0]
    assert list(tmp_path.glob("c.sqlite.broken-*"))


def test_foreign_sqlite_database_is_not_used(tmp_path):
    path = tmp_path / "c.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x TEXT)")
    db.execute("INSERT INTO notes VALUES ('keep me')")
    db.commit()
    db.close()
    with ExtractionCache(path) as cache:
        assert "not a digest cache" in cache.warnings[0]
    aside = next(tmp_path.glob("c.sqlite.broken-*"))
    assert sqlite3.connect(aside).execute("SELECT x FROM notes").fetchone() == ("keep me",)


def test_cache_from_before_the_file_table_is_upgraded_in_place(tmp_path):
    path = tmp_path / "c.sqlite"
    with ExtractionCache(path) as cache:
        cache.put_many({"abc": SAMPLE}, "p", "v")
        cache.db.execute("DROP TABLE source_file")
    with ExtractionCache(path) as cache:
        assert cache.warnings == [] and cache.get_many(["abc"], "p", "v") == {"abc": SAMPLE}
        cache.put_files([("a.md", "1:2:v", "{}")])
        assert cache.get_file("a.md", "1:2:v") == "{}"


def damaged_cache(path, check_age: float) -> list[str]:
    """A cache of 3,000 rows with one page in the middle overwritten, last checked ``check_age`` seconds ago."""
    ids = [f"a{i:05d}" for i in range(3000)]
    with ExtractionCache(path) as cache:
        cache.put_many({i: Extraction(article_id=i, quotes=(), meetings=()) for i in ids}, "p", "v")
        with cache.db:
            cache.db.execute("UPDATE checked SET at = at - ?", (check_age,))
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))
    return ids


def test_a_damaged_page_met_by_a_read_sets_the_cache_aside(tmp_path):
    path = tmp_path / "c.sqlite"
    ids = damaged_cache(path, check_age=60)  # checked a minute ago: opening does not read the whole file
    with ExtractionCache(path) as cache:
        assert cache.warnings == []
        assert cache.get_many(ids, "p", "v") == {}  # everything is extracted again
        assert len(cache.warnings) == 1 and "malformed" in cache.warnings[0] and "moved to" in cache.warnings[0]
        cache.put_many({"abc": SAMPLE}, "p", "v")  # the fresh cache is used from then on
        assert cache.get_many(["abc"], "p", "v") == {"abc": SAMPLE}
    assert list(tmp_path.glob("c.sqlite.broken-*"))


def test_the_whole_file_is_checked_on_a_schedule(tmp_path):
    path = tmp_path / "c.sqlite"
    damaged_cache(path, check_age=CHECK_EVERY + 60)
    with ExtractionCache(path) as cache:
        assert len(cache.warnings) == 1 and "moved to" in cache.warnings[0]
    with ExtractionCache(path) as cache:  # the fresh file was checked when it was made
        assert cache.warnings == []


def test_a_damaged_page_met_by_a_write_sets_the_cache_aside(tmp_path):
    """Damage that only a write meets (a bad free-list page) sets the file aside and the rows go to a
    new cache, with one warning, instead of failing every build until the weekly check."""
    class DamagedOnWrite:  # the connection of a file whose free list is damaged
        def __init__(self, db):
            self.db = db

        def executemany(self, *args):
            raise sqlite3.DatabaseError("database disk image is malformed")

        def __getattr__(self, name):
            return getattr(self.db, name)

    path = tmp_path / "c.sqlite"
    with ExtractionCache(path) as cache:
        cache.db = DamagedOnWrite(cache.db)
        cache.put_many({"abc": SAMPLE}, "p", "v")
        assert len(cache.warnings) == 1 and "moved to" in cache.warnings[0]
        assert cache.get_many(["abc"], "p", "v") == {"abc": SAMPLE}
    assert list(tmp_path.glob("c.sqlite.broken-*"))
    with ExtractionCache(path) as cache:
        assert cache.get_many(["abc"], "p", "v") == {"abc": SAMPLE} and cache.warnings == []
