"""Extraction on a real dask.distributed cluster: `digest build --scheduler tcp://HOST:PORT`."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest.config import ConfigError, load_config

FIXTURES = Path(__file__).parent / "fixtures" / "site"
TODAY = "2022-01-11"
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}

STATEMENT = """---
title: "Talks {n} end without agreement"
date: "2022-01-1{day}T0{hour}:00:00+00:00"
source: Wire
---

Delegates met in Geneva on Monday for the talks.

"We have made progress on {n} points, but the gaps remain wide," Minister Anna Berg{n} told reporters.

The next round of talks will be held in Vienna on January 2{day}, officials said.
"""


def project(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    for name in ("seed-1.md", "geneva-talks-2022-01-10.md"):
        shutil.copy(FIXTURES / name, root / "content" / name)
    for n in range(12):
        (root / "content" / f"talks-{n}.md").write_text(STATEMENT.format(n=n, day=n % 2, hour=n % 10))
    (root / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\nsearch = false\n')
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def digest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=600)


def test_a_build_on_a_two_worker_local_cluster_equals_a_local_build(tmp_path):
    distributed = pytest.importorskip("distributed")
    local = project(tmp_path / "local")
    assert digest("build", "--today", TODAY, cwd=local).returncode == 0
    on_cluster = project(tmp_path / "cluster")
    (on_cluster / "digest.toml").write_text((on_cluster / "digest.toml").read_text().replace(
        "search = false", "search = false\nscheduler = \"tcp://127.0.0.1:9\""))  # the command line wins
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        assert len(client.nthreads()) == 2
        proc = digest("build", "--today", TODAY, "--scheduler", cluster.scheduler_address, cwd=on_cluster)
        assert proc.returncode == 0, proc.stderr
        assert "(14 extracted, 0 from cache)" in proc.stdout
        ran = client.run(lambda: "digest.nlp.quotes" in sys.modules)  # the workers parsed the articles
        assert any(ran.values()), ran
    assert tree(on_cluster / "site") == tree(local / "site")
    assert "Anna Berg3" in (local / "site" / "people" / "anna-berg3" / "index.html").read_text()


def test_a_warm_build_with_a_scheduler_set_does_not_need_the_cluster(tmp_path):
    root = project(tmp_path)
    assert digest("build", "--today", TODAY, cwd=root).returncode == 0
    proc = digest("build", "--today", TODAY, "--scheduler", "tcp://127.0.0.1:9", cwd=root)  # nobody listens there
    assert proc.returncode == 0, proc.stderr
    assert "(0 extracted, 14 from cache)" in proc.stdout


@pytest.mark.parametrize("address", ["http://scheduler:8786", "tcp://scheduler", "scheduler:8786", "tcp://:8786",
                                     "tcp://host:8786/path", "tcp://host:port"])
def test_a_scheduler_that_is_not_an_address_is_a_bad_setting(tmp_path, address):
    (tmp_path / "digest.toml").write_text(f'scheduler = "{address}"\n')
    with pytest.raises(ConfigError) as info:
        load_config(root=tmp_path)
    assert [p.split(":")[0] for p in info.value.problems] == ["scheduler"]
    proc = digest("build", "--scheduler", address, cwd=project(tmp_path / "p"))
    assert proc.returncode != 0 and "scheduler:" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "tls://scheduler.example.org:8786", "ws://[::1]:8786"])
def test_scheduler_addresses_are_accepted(tmp_path, address):
    (tmp_path / "digest.toml").write_text(f'scheduler = "{address}"\n')
    assert load_config(root=tmp_path).scheduler == address
