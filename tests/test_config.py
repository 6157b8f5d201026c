from pathlib import Path

import pytest

from digest.config import Config, ConfigError, default_toml, load_config


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "digest.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_missing_file_gives_defaults(tmp_path):
    config = load_config(root=tmp_path)
    assert config == Config(root=tmp_path.resolve())
    assert config.output_path == tmp_path.resolve() / "site"


def test_default_toml_round_trips(tmp_path):
    config = load_config(root=write(tmp_path, default_toml(title="Morning Notes", base_url="https://ex.org/b")))
    assert config.title == "Morning Notes"
    assert config.base_url == "https://ex.org/b/"


def test_site_table_is_accepted(tmp_path):
    config = load_config(root=write(tmp_path, '[site]\ntitle = "T"\ntimezone = "Europe/Brussels"\n'))
    assert (config.title, config.timezone) == ("T", "Europe/Brussels")


def test_every_bad_field_is_reported_with_its_name(tmp_path):
    write(tmp_path, 'base_url = "ftp://x"\ntimezone = "Mars/Olympus"\nkey_quotes = 0\n'
                    'meeting_days = "ten"\ncolour = "red"\noutput_dir = "../elsewhere"\n')
    with pytest.raises(ConfigError) as info:
        load_config(root=tmp_path)
    names = [p.split(":")[0] for p in info.value.problems]
    assert sorted(names) == ["base_url", "colour", "key_quotes", "meeting_days", "output_dir", "timezone"]
    assert all(str(tmp_path / "digest.toml") in line for line in str(info.value).splitlines())


def test_output_may_not_be_content_or_root(tmp_path):
    for bad in ('output_dir = "content"', 'output_dir = "."', 'output_dir = "content/site"'):
        with pytest.raises(ConfigError, match="output_dir"):
            load_config(root=write(tmp_path, bad + "\n"))


def test_invalid_toml_is_one_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(root=write(tmp_path, "title = \n"))


def test_overrides_are_validated():
    config = Config()
    assert config.with_overrides(base_url="https://news.example.org").base_url == "https://news.example.org/"
    with pytest.raises(ConfigError, match="base_url"):
        config.with_overrides(base_url="not a url")


def test_cache_inside_output_and_unprintable_settings_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="cache_dir"):
        load_config(root=write(tmp_path, 'cache_dir = "site/.cache"\n'))
    with pytest.raises(ConfigError, match="title: contains control"):
        load_config(root=write(tmp_path, 'title = "Daily \\uFFFF Briefing"\n'))
