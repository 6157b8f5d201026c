"""`digest serve`: builds into a temporary folder, serves on 127.0.0.1, injects live reload only
while serving, and rebuilds (and tells the browser) when the site's sources change."""

from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path

import pytest

from digest.config import load_config
from digest.serve import DEFAULT_HOST, EVENTS_PATH, RELOAD_SCRIPT_PATH, RELOAD_TAG, PreviewServer, inject_reload


def test_inject_reload_goes_before_the_last_body_end_once():
    html = b"<html><body><p>&lt;/body&gt;</p></BODY ></html>"
    once = inject_reload(html)
    assert once == b"<html><body><p>&lt;/body&gt;</p>" + RELOAD_TAG.encode() + b"\n</BODY ></html>"
    assert inject_reload(once) == once
    assert inject_reload(b"<p>fragment").endswith(RELOAD_TAG.encode() + b"\n")


def empty_site(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "digest.toml").write_text('title = "Preview One"\nbase_url = "https://example.org/sub/"\n')
    return root


def get(server: PreviewServer, path: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture
def preview(tmp_path):
    root = empty_site(tmp_path / "site")
    lines: list[str] = []
    server = PreviewServer(load_config(root=root), port=0, say=lines.append)
    assert server.build(), lines
    server.start()
    yield server, root, lines
    server.close()


def test_defaults_bind_loopback_only():
    import inspect

    from digest import serve as module

    assert DEFAULT_HOST == "127.0.0.1"
    assert inspect.signature(PreviewServer).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(module.serve).parameters["host"].default == "127.0.0.1"


def test_serves_the_preview_with_live_reload_only_in_responses(preview):
    server, root, _ = preview
    assert server.httpd.server_address[0] == "127.0.0.1"
    status, headers, body = get(server, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert RELOAD_TAG.encode() in body and b"<title>Preview One</title>" in body
    assert f'<link rel="canonical" href="{server.url}">'.encode() in body  # base_url is the preview's own
    built = (server.output / "index.html").read_bytes()
    assert RELOAD_TAG.encode() not in built and b"__digest" not in built  # the built files never carry it
    assert not (root / "site").exists()  # the real output folder is left alone
    status, headers, body = get(server, RELOAD_SCRIPT_PATH)
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"EventSource" in body
    status, headers, _ = get(server, "/archive")
    assert status == 301 and headers["Location"] == "/archive/"
    status, _, body = get(server, "/no/such/page/")
    assert status == 404 and b"Page not found" in body and RELOAD_TAG.encode() in body
    status, _, body = get(server, "/static/style.css")
    assert status == 200 and RELOAD_TAG.encode() not in body
    status, _, _ = get(server, "/../../etc/passwd")
    assert status == 404


def read_event(stream) -> str:
    """The data of the next server-sent event (comments and retry lines skipped)."""
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("event stream closed")
        if line.startswith(b"data: "):
            return line[6:].strip().decode()


def test_a_change_rebuilds_and_tells_the_browser(preview):
    server, root, lines = preview
    conn = http.client.HTTPConnection(server.host, server.port, timeout=20)
    conn.request("GET", EVENTS_PATH)
    events = conn.getresponse()
    assert events.getheader("Content-Type") == "text/event-stream"
    first = read_event(events)
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(stop,), daemon=True)
    watcher.start()
    try:
        time.sleep(0.5)  # let the watcher start
        (root / "digest.toml").write_text('title = "Preview Two"\nbase_url = "https://example.org/sub/"\n')
        second = read_event(events)
        assert second != first
        assert b"<title>Preview Two</title>" in get(server, "/")[2]
        # a broken config is reported and the last good site keeps being served
        (root / "digest.toml").write_text("title = \n")
        deadline = time.monotonic() + 15
        while not any("not valid TOML" in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert any("not valid TOML" in line for line in lines), lines
        assert get(server, "/")[0] == 200 and b"Preview Two" in get(server, "/")[2]
    finally:
        stop.set()
        conn.close()
        watcher.join(timeout=10)
    assert not watcher.is_alive()


def test_close_removes_the_temporary_output(tmp_path):
    server = PreviewServer(load_config(root=empty_site(tmp_path / "s")), port=0, say=lambda _: None)
    server.build()
    output = server.output
    assert (output / "index.html").is_file()
    server.close()
    assert not output.parent.exists()
