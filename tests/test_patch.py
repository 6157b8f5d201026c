"""Publishing by patching the live site: only changed files move in, and the site is always whole.

A build that keeps most of the previous site patches it (``digest.render.patch``); a patch cut
short by an error is rolled back at once, and one cut by a kill is rolled back by the next
build's recovery: the site is then the old one byte for byte, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from test_incremental import STATEMENT, TODAY, project, tree
from test_search import ZANZIBAR
from test_search import project as search_project

from digest.build import build_site
from digest.config import load_config
from digest.errors import DigestError, Report
from digest.incremental import SITE_FILES, recover_output
from digest.render import patch, search
from digest.render.output import MARKER, LiveFiles, SiteWriter

OLD_SITE = {f"articles/story-{n}/index.html": f"<p>story {n}</p>" for n in range(8)} | {
    "index.html": "<p>front page, day one</p>", "feed.xml": "<rss>one</rss>", "gone/index.html": "<p>dropped</p>"}


def publish(output: Path, files: dict[str, str], keep: tuple[str, ...] = ()) -> SiteWriter:
    """Publish a site of ``files`` written and ``keep`` kept from the live one."""
    with SiteWriter(output) as writer:
        for relpath in keep:
            assert writer.keep(relpath)
        for relpath, text in files.items():
            writer.write(relpath, text)
    return writer


def new_version(output: Path) -> SiteWriter:
    """A writer holding the next site: most stories kept, two pages changed, one added, one dropped."""
    writer = SiteWriter(output)
    for n in range(7):
        writer.keep(f"articles/story-{n}/index.html")
    writer.write("articles/story-7/index.html", "<p>story 7, corrected</p>")
    writer.write("index.html", "<p>front page, day two</p>")
    writer.write("articles/story-8/index.html", "<p>story 8</p>")
    return writer


def old_site(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    output = tmp_path / "site"
    publish(output, OLD_SITE)
    return output, tree(output)


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")
                  and ".trash-" not in p.name)


def test_a_site_that_keeps_most_files_is_patched_in_place(tmp_path):
    output, _ = old_site(tmp_path)
    unchanged = os.stat(output / "articles/story-0/index.html").st_ino
    writer = new_version(output)
    assert writer.patching()
    writer.commit()
    site = tree(output)
    assert os.stat(output / "articles/story-0/index.html").st_ino == unchanged  # not touched
    assert site["articles/story-7/index.html"] == b"<p>story 7, corrected</p>"
    assert site["articles/story-8/index.html"] == b"<p>story 8</p>"
    assert "gone/index.html" not in site and not (output / "gone").exists()  # the emptied folder goes too
    assert "feed.xml" not in site and MARKER in site
    assert leftovers(output) == []


@pytest.mark.parametrize("failing_move", [1, 3, 5, 7])
def test_a_patch_that_fails_half_way_leaves_the_old_site_byte_for_byte(tmp_path, monkeypatch, failing_move):
    """Moves 1–3 stash the replaced and dropped files, the later ones place the new files."""
    output, before = old_site(tmp_path)
    writer = new_version(output)
    fail_at_move(monkeypatch, failing_move)
    with pytest.raises(DigestError, match="the disk is full"):
        writer.commit()
    writer.abort()
    assert tree(output) == before
    assert leftovers(output) == []


@pytest.mark.parametrize("killed_at_move", [1, 2, 4, 6, 8])
def test_recovery_after_a_kill_mid_patch_restores_the_old_site(tmp_path, killed_at_move):
    output, before = old_site(tmp_path)
    writer = new_version(output)
    assert killed_at_move_of(writer.commit, killed_at_move) == 9  # nothing of Python's clean-up runs
    assert tree(output) != before or killed_at_move == 1  # the kill left a mix
    report = Report()
    recover_output(output, report)
    assert tree(output) == before
    assert leftovers(output) == []
    assert any("rolled back" in p.message for p in report.warnings)


def test_the_next_build_after_a_kill_mid_patch_rolls_back_and_builds(tmp_path):
    """The kill takes the site's marker out with the first replaced files: the next build must
    still recognise its own site, roll the patch back and publish, not refuse the folder."""
    root = project(tmp_path / "project")
    config = load_config(root=root)
    build_site(config, today=TODAY)
    live = config.output_path
    (root / "content" / "talks-9.md").write_text(STATEMENT.format(n=9, day=11, hour=5))
    assert build_killed_at_move(config, 2) == 9  # the incremental build, killed at its second move
    assert not (live / MARKER).exists()  # the kill left the site without its marker
    report = Report()
    build_site(config, today=TODAY, report=report)
    assert any("rolled back" in p.message for p in report.warnings)
    clean = tmp_path / "clean"
    build_site(config, output=clean, today=TODAY, clean=True)
    assert tree(live) == tree(clean)
    assert leftovers(live) == []


def test_a_folder_of_the_stash_that_cannot_be_read_keeps_the_stash_for_the_next_recovery(tmp_path, monkeypatch):
    """A roll-back that cannot list a folder of stashed old files must not delete them with the
    stash: it fails, and the next recovery, able to read it, restores the old site whole."""
    output, before = old_site(tmp_path)
    writer = new_version(output)
    real_move, real_scandir = patch.move, os.scandir
    failures = {"move": True, "scandir": True}

    def move(source, target):
        if failures["move"] and Path(target).name == "index.html" and Path(target).parent.name == "story-8":
            failures["move"] = False
            raise OSError(5, "Input/output error")  # a placement fails: the patch rolls back
        real_move(source, target)

    def scandir(path="."):
        if failures["scandir"] and str(path).endswith(os.path.join(patch.OLD, "articles")):
            failures["scandir"] = False
            raise OSError(5, "Input/output error")  # the roll-back cannot list a stashed folder once
        return real_scandir(path)

    monkeypatch.setattr(patch, "move", move)
    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(OSError):
        writer.commit()
    assert not failures["scandir"]  # the roll-back did meet the unreadable folder
    assert len(leftovers(output)) == 2  # the stash (and the staging folder) are still there
    recover_output(output, Report())
    assert tree(output) == before
    assert leftovers(output) == []


def test_a_swap_that_fails_puts_the_old_site_back_at_once(tmp_path, monkeypatch):
    """A build that replaces the whole site moves the live one aside first: if the new folder
    then cannot be moved in, the live site is back in place before the error reaches the caller."""
    output, before = old_site(tmp_path)
    writer = SiteWriter(output)
    writer.write("index.html", "<p>a whole new site</p>")
    assert not writer.patching()
    real_replace = os.replace

    def replace(source, target):
        if Path(source) == writer.tmp:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        writer.commit()
    assert tree(output) == before


def test_a_roll_back_cut_short_is_finished_by_the_next_recovery(tmp_path, monkeypatch):
    output, before = old_site(tmp_path)
    writer = new_version(output)
    moves, real_move = [], patch.move

    def move(source, target):
        moves.append(source)
        if len(moves) in (8, 10):  # the patch's last placement, then the roll-back's second restore
            raise OSError(5, "Input/output error")
        real_move(source, target)

    monkeypatch.setattr(patch, "move", move)
    with pytest.raises(OSError):
        writer.commit()
    assert tree(output) != before and len(leftovers(output)) == 2  # half restored: the stash is still there
    monkeypatch.setattr(patch, "move", real_move)
    recover_output(output, Report())
    assert tree(output) == before
    assert leftovers(output) == []


def test_a_file_that_becomes_a_folder_and_back(tmp_path):
    output = tmp_path / "site"
    stories = {f"articles/story-{n}/index.html": f"<p>story {n}</p>" for n in range(6)}
    kept = tuple(stories)
    publish(output, {**stories, "notes": "a file"})
    writer = publish(output, {"notes/index.html": "<p>now a folder</p>"}, keep=kept)
    assert writer.patching()
    assert (output / "notes").is_dir() and (output / "notes/index.html").read_text() == "<p>now a folder</p>"
    publish(output, {"notes": "a file again"}, keep=kept)
    assert (output / "notes").read_text() == "a file again"
    assert set(tree(output)) == {*stories, "notes", MARKER}
    assert leftovers(output) == []


def test_writing_a_kept_file_never_writes_into_the_live_site(tmp_path):
    output, before = old_site(tmp_path)
    writer = SiteWriter(output)
    for relpath in OLD_SITE:
        writer.keep(relpath)
    writer.complete()  # kept files are hard links to the live ones now
    writer.write("index.html", "<p>changed</p>")
    assert tree(output) == before  # the live file is untouched until the new site is published
    writer.commit()
    assert (output / "index.html").read_text() == "<p>changed</p>"


def test_a_file_written_by_this_build_is_not_kept_from_the_live_site(tmp_path):
    output, _ = old_site(tmp_path)
    writer = SiteWriter(output)
    writer.write("index.html", "<p>made by this build</p>")
    assert not writer.keep("index.html")  # made again instead: the last making counts
    assert writer.keep("feed.xml") and not writer.keep("no-such-page.html")
    writer.commit()
    assert (output / "index.html").read_text() == "<p>made by this build</p>"


def test_an_incremental_build_patches_the_site_and_equals_a_clean_build(tmp_path):
    root = project(tmp_path / "project")
    config = load_config(root=root)
    build_site(config, today=TODAY)
    live = config.output_path
    folder = os.stat(live).st_ino
    (root / "content" / "talks-9.md").write_text(STATEMENT.format(n=9, day=11, hour=5))
    result = build_site(config, today=TODAY)
    assert result.pages_reused > 0
    assert os.stat(live).st_ino == folder  # patched in place, not swapped for a new folder
    clean = tmp_path / "clean"
    build_site(config, output=clean, today=TODAY, clean=True)
    assert tree(live) == tree(clean)
    assert leftovers(live) == []
    shutil.rmtree(clean)


def test_with_search_the_patched_site_keeps_its_base_index_and_equals_a_clean_build(tmp_path):
    if search.pagefind_executable() is None:
        pytest.skip("Pagefind is not installed")
    root = search_project(tmp_path / "project")
    config = load_config(root=root)
    build_site(config, today=TODAY)
    live = config.output_path
    folder, entry = os.stat(live).st_ino, os.stat(live / "pagefind/pagefind-entry.json").st_ino
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build_site(config, today=TODAY)
    assert os.stat(live).st_ino == folder  # patched in place
    assert os.stat(live / "pagefind/pagefind-entry.json").st_ino == entry  # the base index is the live one
    assert (live / search.DELTA_SUBDIR / "pagefind.js").is_file()
    clean = tmp_path / "clean"
    build_site(config, output=clean, today=TODAY, clean=True)

    def pages(site: Path) -> dict[str, bytes]:
        return {p: data for p, data in tree(site).items()
                if not p.startswith("pagefind") and p != search.STATE_PAGE}

    assert pages(live) == pages(clean)
    assert leftovers(live) == []


# --- the record of the live site's files (LiveFiles): a patch without walking the live site ----------


def walks(monkeypatch) -> list[Path]:
    """The folders ``patch.files_under`` is asked to walk, from now on."""
    walked, real = [], patch.files_under

    def files_under(folder, skip=frozenset()):
        walked.append(Path(folder))
        return real(folder, skip)

    monkeypatch.setattr(patch, "files_under", files_under)
    return walked


def test_a_patch_by_the_record_of_the_live_files_equals_one_by_a_walk_and_does_not_walk_the_site(tmp_path,
                                                                                                 monkeypatch):
    output, _ = old_site(tmp_path)
    writer = new_version(output)
    args = (output, writer.tmp, frozenset(writer.kept), frozenset(writer.kept_folders))
    by_walk = patch.plan(*args)
    walked = walks(monkeypatch)
    by_record = patch.plan(*args, recorded=frozenset(tree(output)))
    assert by_record == by_walk and output not in walked
    assert "gone/index.html" in by_record.drop and "articles/story-8/index.html" in by_record.place
    assert by_record.after() == (set(OLD_SITE) - {"gone/index.html", "feed.xml"}) | {"articles/story-8/index.html"}
    writer.abort()


@pytest.mark.parametrize("mismatch", ["a recorded file is gone", "an unrecorded file would be replaced",
                                      "a kept file is unrecorded"])
def test_a_record_unlike_the_live_site_is_not_trusted_the_site_is_walked(tmp_path, monkeypatch, mismatch):
    output, _ = old_site(tmp_path)
    recorded = set(tree(output))
    if mismatch == "a recorded file is gone":
        os.unlink(output / "gone/index.html")
    elif mismatch == "an unrecorded file would be replaced":
        recorded.discard("index.html")
    else:
        recorded.discard("articles/story-0/index.html")
    writer = new_version(output)
    args = (output, writer.tmp, frozenset(writer.kept), frozenset(writer.kept_folders))
    by_walk = patch.plan(*args)
    walked = walks(monkeypatch)
    assert patch.plan(*args, recorded=frozenset(recorded)) == by_walk and output in walked
    writer.abort()


def test_the_record_of_the_live_files_is_dropped_when_read_and_kept_only_for_the_site_it_was_made_with(tmp_path):
    output, _ = old_site(tmp_path)
    record = tmp_path / "site.files.json"
    files = LiveFiles(record, output)
    assert files.files is None and not record.exists()
    files.publish(frozenset(tree(output)))
    files.save()
    again = LiveFiles(record, output)
    assert again.files == frozenset(tree(output)) and not record.exists()  # read, then dropped until published
    again.publish(again.files)
    again.save()
    assert LiveFiles(record, tmp_path / "elsewhere").files is None  # another output folder
    again.save()
    (tmp_path / "marker").write_text((output / MARKER).read_text())
    os.replace(tmp_path / "marker", output / MARKER)  # the site replaced by other means (a new marker file)
    assert LiveFiles(record, output).files is None
    assert LiveFiles(record, output, use=False).files is None  # a clean build


@pytest.mark.parametrize("failing_move", [1, 5])
def test_a_patch_by_the_record_that_fails_leaves_the_old_site_and_no_record(tmp_path, monkeypatch, failing_move):
    output, before = old_site(tmp_path)
    record = tmp_path / "site.files.json"
    files = LiveFiles(record, output)
    files.files = frozenset(before)
    writer = new_version(output)
    writer.live_files = files
    fail_at_move(monkeypatch, failing_move)
    with pytest.raises(DigestError, match="the disk is full"):
        writer.commit()
    writer.abort()
    files.save()
    assert tree(output) == before and files.published is None and not record.exists()
    assert leftovers(output) == []


def test_incremental_builds_patch_by_the_record_and_equal_a_clean_build(tmp_path, monkeypatch):
    root = project(tmp_path / "project")
    config = load_config(root=root)
    build_site(config, today=TODAY)
    live = config.output_path
    record = config.cache_path / SITE_FILES
    assert set(json.loads(record.read_text())["files"]) == set(tree(live))  # the swapped-in site's files
    walked = walks(monkeypatch)
    for n in (9, 10):
        (root / "content" / f"talks-{n}.md").write_text(STATEMENT.format(n=n, day=11, hour=5))
        result = build_site(config, today=TODAY)
        assert result.pages_reused > 0 and live not in walked
        assert set(json.loads(record.read_text())["files"]) == set(tree(live))
    clean = tmp_path / "clean"
    build_site(config, output=clean, today=TODAY, clean=True)
    assert tree(live) == tree(clean)
    assert leftovers(live) == []


def test_after_a_kill_mid_patch_or_without_a_record_the_site_is_recorded_again(tmp_path, monkeypatch):
    root = project(tmp_path / "project")
    config = load_config(root=root)
    build_site(config, today=TODAY)
    live, record = config.output_path, config.cache_path / SITE_FILES
    (root / "content" / "talks-9.md").write_text(STATEMENT.format(n=9, day=11, hour=5))
    assert build_killed_at_move(config, 3) == 9 and not record.exists()  # dropped before the site changed
    report = Report()
    build_site(config, today=TODAY, report=report)  # renders everything: the page manifest was dropped too
    assert any("rolled back" in p.message for p in report.warnings)
    assert set(json.loads(record.read_text())["files"]) == set(tree(live))
    record.unlink()  # as after a build by a digest that kept no record
    walked = walks(monkeypatch)
    (root / "content" / "talks-10.md").write_text(STATEMENT.format(n=10, day=11, hour=6))
    assert build_site(config, today=TODAY).pages_reused > 0 and live in walked  # patched, by a walk
    assert set(json.loads(record.read_text())["files"]) == set(tree(live))
    clean = tmp_path / "clean"
    build_site(config, output=clean, today=TODAY, clean=True)
    assert tree(live) == tree(clean)
    assert leftovers(live) == []


def test_a_file_put_by_hand_where_the_patch_makes_a_folder_is_not_trusted_to_the_record(tmp_path):
    """A file the record does not know, where a new file's folder goes ('articles/story-8' beside
    'articles/story-8/index.html'), blocks the move of that new file: the patch must walk (and
    drop it, as without a record), not fail half way into a roll-back that cannot remove the new
    file (NotADirectoryError) and so never puts the stashed old files back."""
    output, _ = old_site(tmp_path)
    record = tmp_path / "site.files.json"
    files = LiveFiles(record, output)
    files.files = frozenset(tree(output))
    (output / "articles/story-8").write_text("put here by hand")
    by_walk = new_version(output)
    expected = patch.plan(output, by_walk.tmp, frozenset(by_walk.kept), frozenset(by_walk.kept_folders))
    by_walk.abort()
    writer = new_version(output)
    writer.live_files = files
    assert patch.plan(output, writer.tmp, frozenset(writer.kept), frozenset(writer.kept_folders),
                      files.files) == expected
    writer.commit()
    site = tree(output)
    assert site["articles/story-8/index.html"] == b"<p>story 8</p>" and "articles/story-8" not in site
    assert site["index.html"] == b"<p>front page, day two</p>"
    assert set(site) == files.published
    assert leftovers(output) == []


def test_a_roll_back_puts_the_old_files_back_even_when_a_new_file_could_not_be_placed_under_a_file(tmp_path):
    """A roll-back removes the new files placed; one whose folder is a file was never placed
    (NotADirectoryError, like FileNotFoundError) and must not stop the old files going back."""
    output, before = old_site(tmp_path)
    stash = tmp_path / ".site.stash-x"
    stash.mkdir()
    changes = patch.Patch(place=("feed.xml/index.html",), drop=("index.html",))
    (tmp_path / "staged").mkdir()
    (tmp_path / "staged/feed.xml").mkdir()
    (tmp_path / "staged/feed.xml/index.html").write_text("new")
    with pytest.raises(NotADirectoryError):
        patch.apply(output, tmp_path / "staged", changes, stash)
    assert tree(output) == before and not stash.exists()


@pytest.mark.parametrize("kept", [True, False], ids=["patched", "swapped"])
def test_no_record_is_saved_for_a_site_another_build_published_after_this_one(tmp_path, kept):
    """The lock is per cache folder: a build with another cache folder may publish the same output
    between this build's publishing and its saving of the record. The record must not then
    describe this build's files beside the other build's marker (they would be trusted)."""
    output, _ = old_site(tmp_path)
    record = tmp_path / "site.files.json"
    files = LiveFiles(record, output)
    writer = new_version(output) if kept else SiteWriter(output)
    if not kept:
        writer.write("index.html", "<p>only page</p>")
    writer.live_files = files
    writer.commit()
    assert files.published == frozenset(tree(output))
    publish(output, {"other.html": "<p>another build's site</p>"})  # the other build
    files.save()
    assert LiveFiles(record, output).files is None


def fail_at_move(monkeypatch, failing_move: int) -> None:
    """The patch's ``failing_move``-th move fails as on a full disk."""
    moves, real_move = [], patch.move

    def move(source, target):
        moves.append(source)
        if len(moves) == failing_move:
            raise OSError(28, "No space left on device")
        real_move(source, target)

    monkeypatch.setattr(patch, "move", move)


def killed_at_move_of(run, at_move: int) -> int:
    """Runs ``run()`` in a child process killed (``os._exit(9)``: no clean-up runs) at the patch's
    ``at_move``-th move; the child's exit status."""
    child = os.fork()
    if child == 0:
        moves, real_move = [], patch.move

        def move(source, target):
            moves.append(source)
            if len(moves) == at_move:
                os._exit(9)
            real_move(source, target)

        patch.move = move
        try:
            run()
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    return os.WEXITSTATUS(status)


def build_killed_at_move(config, at_move: int) -> int:
    """The build, killed at the patch's ``at_move``-th move; the child's exit status."""
    return killed_at_move_of(lambda: build_site(config, today=TODAY), at_move)
