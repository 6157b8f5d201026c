import multiprocessing
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest

import digest.extract as extract
from digest.cache import ExtractionCache
from digest.errors import Report
from digest.extract import contract_record, extract_articles

from helpers import article

ARTICLES = [
    article("Talks", ["“We will not be satisfied with the endless dragging out of this process,” said Kremlin "
                      "spokesman Dmitry Peskov."]),
    article("Council", ["A meeting of the NATO-Russia Council will take place in Brussels on Wednesday."]),
    article("Plain", ["Shares rose 3 pct in active trading."]),
]


def test_same_results_inline_and_on_any_executor(tmp_path):
    inline = extract_articles(ARTICLES, "en_core_web_sm", Report())
    with ThreadPoolExecutor(2) as pool:
        pooled = extract_articles(ARTICLES, "en_core_web_sm", Report(), executor=pool)
    assert inline.results == pooled.results and inline.parsed == 3
    assert any(q.speaker and "Peskov" in q.speaker for q in inline.results[ARTICLES[0].id].quotes)


def test_cache_is_filled_and_used(tmp_path):
    ticks = []
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        first = extract_articles(ARTICLES, "en_core_web_sm", Report(), cache, on_progress=ticks.append)
        again = extract_articles(ARTICLES + ARTICLES[:1], "en_core_web_sm", Report(), cache)
    assert (first.parsed, first.cached, sum(ticks)) == (3, 0, 3)
    assert (again.parsed, again.cached) == (0, 3) and again.results == first.results


def test_a_redated_article_is_extracted_again_with_its_meetings_dated_from_its_new_day(tmp_path):
    """The same title and text published a week later: "on Wednesday" is the next Wednesday after
    the new day, not a date kept in the cache from the old one."""
    council = ARTICLES[1]
    later = article(council.title, list(council.paragraphs), published="2022-01-18T09:00:00+00:00")
    assert later.id == council.id
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        first = extract_articles([council], "en_core_web_sm", Report(), cache)
        moved = extract_articles([later], "en_core_web_sm", Report(), cache)
        again = extract_articles([later], "en_core_web_sm", Report(), cache)
    assert [str(m.start) for m in first.results[council.id].meetings] == ["2022-01-12"]
    assert (moved.parsed, [str(m.start) for m in moved.results[later.id].meetings]) == (1, ["2022-01-19"])
    assert (again.parsed, again.cached, again.results) == (0, 1, moved.results)


def test_one_failing_article_is_reported_and_the_rest_kept(monkeypatch):
    real = extract.extract_doc

    def flaky(doc, art):
        if art.title == "Council":
            raise ValueError("boom")
        return real(doc, art)

    monkeypatch.setattr(extract, "extract_doc", flaky)
    report = Report()
    run = extract_articles(ARTICLES, "en_core_web_sm", report)
    assert run.results[ARTICLES[1].id].quotes == () and run.results[ARTICLES[0].id].quotes
    assert [(p.path, p.level) for p in report.problems] == [("Council.md", "error")]
    assert "ValueError: boom" in report.problems[0].message


@pytest.mark.parametrize("a", ARTICLES[:1])
def test_contract_record_shape(a):
    run = extract_articles([a], "en_core_web_sm", Report())
    record = contract_record(a, run.results[a.id])
    assert record["published"] == "2022-01-11" and record["path"] == "Talks.md"
    assert set(record["quotes"][0]) == {"text", "speaker", "role", "partial", "key", "attribution"}


def test_local_worker_processes_give_the_same_results(monkeypatch):
    monkeypatch.setattr(extract, "WORKER_START_ARTICLES", 1)
    monkeypatch.setattr(extract, "WORK_BATCH", 2)
    executor = extract.default_executor(len(ARTICLES), "en_core_web_sm")
    assert isinstance(executor, extract.EarlyWorkers) or (extract.os.cpu_count() or 1) < 2
    executor.shutdown()
    pooled = extract_articles(ARTICLES, "en_core_web_sm", Report())
    inline = extract_articles(ARTICLES, "en_core_web_sm", Report(), executor=extract.InlineExecutor())
    assert pooled.results == inline.results


def test_only_articles_with_quotes_or_meeting_words_need_parsing():
    assert [extract.needs_parsing(a) for a in ARTICLES] == [True, True, False]


@pytest.mark.skipif((extract.os.cpu_count() or 1) < 2, reason="early workers need two cores")
def test_early_workers_give_the_same_results_and_get_no_work_when_nothing_needs_parsing():
    inline = extract_articles(ARTICLES, "en_core_web_sm", Report(), executor=extract.InlineExecutor())
    with extract.EarlyWorkers("en_core_web_sm") as workers:
        workers.start()
        plain = extract_articles(ARTICLES[2:], "en_core_web_sm", Report(), executor=workers)
        assert not workers.used and plain.results[ARTICLES[2].id] == inline.results[ARTICLES[2].id]
        early = extract_articles(ARTICLES, "en_core_web_sm", Report(), executor=workers)
        assert workers.used
    assert early.results == inline.results


@pytest.mark.skipif((extract.os.cpu_count() or 1) < 2, reason="early workers need two cores")
def test_early_workers_nobody_needed_are_stopped_not_waited_for():
    workers = extract.EarlyWorkers("en_core_web_sm")
    workers.start()
    loading = multiprocessing.active_children()  # still importing spaCy and loading the pipeline
    workers.shutdown()
    assert loading and not workers.started
    for process in loading:  # on a loaded machine dying can take longer than shutdown's short wait
        process.join()
    # terminated, not left to finish loading and then shut down in order (exit code 0); an exit
    # code multiprocessing could not collect (None) counts when the process is gone all the same
    assert [p.exitcode for p in loading if p.exitcode is not None] == [-signal.SIGTERM] * sum(
        p.exitcode is not None for p in loading)
    assert all(p.exitcode is not None or process_gone(p.pid) for p in loading)


def process_gone(pid: int) -> bool:
    try:
        extract.os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif((extract.os.cpu_count() or 1) < 2, reason="early workers need two cores")
def test_a_missing_pipeline_is_named_when_early_workers_cannot_load_it():
    from digest.errors import DigestError

    with extract.EarlyWorkers("no_such_pipeline_xyz") as workers, pytest.raises(DigestError, match="no_such_pipeline"):
        workers.start()
        extract_articles(ARTICLES[:1], "no_such_pipeline_xyz", Report(), executor=workers)


def test_a_curly_apostrophe_inside_a_name_reads_as_an_apostrophe_and_quotes_keep_the_articles_marks():
    art = article("Tour", ["“In retrospect, I don’t think it was the best use of our time,” said Brett O’Donnell, "
                           "chief strategist for the campaign."])
    quotes = extract_articles([art], "en_core_web_sm", Report()).results[art.id].quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("In retrospect, I don’t think it was the best use of our time,", "Brett O'Donnell")]
