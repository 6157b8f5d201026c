"""Jinja's compiled templates are kept in the build's cache folder by a key of everything the compiled
code depends on (Jinja, Python, the environment's options, extensions, filters and tests), so a build
after an upgrade or a change of options compiles again; ``--clean`` removes them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import jinja2
import pytest

import digest.incremental
from digest.build import build_site
from digest.config import load_config
from digest.incremental import TEMPLATES_DIR
from digest.render.templating import compile_key, make_environment

from helpers import seed_project

TODAY = date(2022, 1, 11)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def compiled_folders(root: Path) -> list[str]:
    folder = root / ".digest" / TEMPLATES_DIR
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from their source from now on."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_environment_loads_the_compiled_templates_instead_of_compiling(tmp_path, monkeypatch):
    config = load_config(root=seed_project(tmp_path / "site"))
    names = compiles(monkeypatch)
    first = make_environment(config, tmp_path / "compiled").get_template("article.html")
    assert "article.html" in names
    names.clear()
    second = make_environment(config, tmp_path / "compiled").get_template("article.html")
    assert names == []
    assert first.filename == second.filename


def test_the_key_covers_jinja_python_options_and_filters(tmp_path):
    config = load_config(root=seed_project(tmp_path / "site"))
    env = make_environment(config)
    key = compile_key(env)
    assert compile_key(make_environment(config)) == key  # the same in every process: no addresses in it
    other = make_environment(config)
    other.trim_blocks = False
    assert compile_key(other) != key
    other = make_environment(config)
    other.filters["shout"] = str.upper
    assert compile_key(other) != key
    other = make_environment(config)
    other.add_extension("jinja2.ext.loopcontrols")
    assert compile_key(other) != key


def test_the_key_covers_how_a_filter_is_called_and_digests_code(tmp_path, monkeypatch):
    config = load_config(root=seed_project(tmp_path / "site"))
    key = compile_key(make_environment(config))

    def shout(value):
        return str(value).upper()

    plain = make_environment(config)
    plain.filters["long_date"] = shout
    contextual = make_environment(config)
    contextual.filters["long_date"] = jinja2.pass_context(lambda context, value: shout(value))
    contextual.filters["long_date"].__qualname__ = shout.__qualname__
    assert compile_key(plain) != key  # another function under the same name
    assert compile_key(contextual) != compile_key(plain)  # the same name, now passed the context
    monkeypatch.setattr(digest.incremental, "code_version",
                        lambda: digest.incremental.CodeVersion(reader="r", extractor="e", site="another"))
    assert compile_key(make_environment(config)) != key  # an upgrade of digest compiles again


@pytest.mark.parametrize("version", ["0.0-older", "9.9-newer"])
def test_a_build_after_a_jinja_upgrade_compiles_again_and_drops_the_old_code(tmp_path, monkeypatch, version):
    root = seed_project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    before, site = compiled_folders(root), tree(root / "site")
    assert len(before) == 1 and any((root / ".digest" / TEMPLATES_DIR / before[0]).iterdir())
    monkeypatch.setattr(jinja2, "__version__", version)
    names = compiles(monkeypatch)
    (root / "content" / "seed-1.md").write_text((root / "content" / "seed-1.md").read_text() + "\nA line.\n")
    build_site(load_config(root=root), today=TODAY)
    after = compiled_folders(root)
    assert len(after) == 1 and after != before  # the old version's code is removed, not kept beside
    assert names  # compiled from the source, not loaded from the older Jinja's code
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".digest", "site"))
    build_site(load_config(root=clean), today=TODAY)
    assert tree(root / "site") == tree(clean / "site") and tree(root / "site") != site


def test_a_changed_template_is_compiled_again(tmp_path):
    """Same name, same file, new source: Jinja's checksum of the source tells the stored code is stale."""
    root = seed_project(tmp_path / "site")
    (root / "templates").mkdir()
    for words in ("Not here.", "Moved away."):
        (root / "templates" / "404.html").write_text(f"<p>{words}</p>\n")
        build_site(load_config(root=root), today=TODAY)
        assert (root / "site" / "404.html").read_text() == f"<p>{words}</p>\n"
    assert len(compiled_folders(root)) == 1


def test_clean_removes_the_compiled_templates(tmp_path, monkeypatch):
    root = seed_project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    stale = root / ".digest" / TEMPLATES_DIR / compiled_folders(root)[0] / "stale.cache"
    stale.write_bytes(b"not Jinja's")
    names = compiles(monkeypatch)
    build_site(load_config(root=root), today=TODAY, clean=True)
    assert not stale.exists()
    assert "article.html" in names  # compiled afresh
    assert len(compiled_folders(root)) == 1  # and kept for the next build


def test_a_cache_folder_that_cannot_be_written_costs_compiling_only(tmp_path):
    root = seed_project(tmp_path / "site")
    (root / ".digest").mkdir()
    (root / ".digest" / TEMPLATES_DIR).write_text("a file where the folder should be")
    result = build_site(load_config(root=root), today=TODAY)
    assert result.articles == 2 and not result.report.problems
