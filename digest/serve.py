"""`digest serve`: build the site, serve it on localhost and rebuild it when its sources change.

The preview is built into a temporary folder (the real ``output_dir`` is left alone) with
``base_url`` set to the preview's own address, so every link, feed and canonical URL works
locally. It watches ``content/``, the site's ``templates/`` (and the default theme when it is
a source checkout) and ``digest.toml`` with watchfiles and rebuilds on any change; a failed
rebuild is reported and the last good site keeps being served.

Live reload exists only here: the server adds ``<script src="/__digest/reload.js">`` to each
HTML page as it sends it (the built files never contain it). The script listens to a
server-sent event stream and reloads the page after a rebuild. By default the server binds
127.0.0.1 only.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

from digest.build import build_site
from digest.config import CONFIG_NAME, Config, load_config
from digest.errors import DigestError, Interrupted, Report

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
RELOAD_SCRIPT_PATH = "/__digest/reload.js"
EVENTS_PATH = "/__digest/events"
RELOAD_TAG = f'<script src="{RELOAD_SCRIPT_PATH}" defer></script>'
RELOAD_SCRIPT = """// digest serve: reload the page when the site has been rebuilt (preview only).
(() => {
  let seen = null;
  const events = new EventSource("EVENTS");
  events.onmessage = (event) => {
    if (seen === null) seen = event.data;
    else if (event.data !== seen) window.location.reload();
  };
})();
""".replace("EVENTS", EVENTS_PATH)
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def inject_reload(html: bytes) -> bytes:
    """``html`` with the live-reload script before its last ``</body>`` (appended if there is none)."""
    if RELOAD_TAG.encode() in html:
        return html
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + RELOAD_TAG.encode() + b"\n"
    at = matches[-1].start()
    return html[:at] + RELOAD_TAG.encode() + b"\n" + html[at:]


class Generation:
    """The build generation that reload clients compare: a boot id plus a counter."""

    def __init__(self) -> None:
        self._boot = uuid.uuid4().hex[:8]
        self._count = 0
        self._changed = threading.Condition()
        self.closed = False
        self.listeners = 0  # open event streams (pages that will reload)

    @property
    def value(self) -> str:
        return f"{self._boot}-{self._count}"

    def bump(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait_change(self, seen: str, timeout: float) -> str:
        with self._changed:
            self._changed.wait_for(lambda: self.value != seen or self.closed, timeout)
            return self.value


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the built site: no caching, folders redirected to their slash, the site's 404 page,
    and with ``live_reload`` the reload script, its event stream and the script tag in every
    HTML page. ``make_handler`` gives the class its site folder and build generation."""

    protocol_version = "HTTP/1.0"
    server_version = "digest-serve"
    site_dir: Path
    generation: Generation
    live_reload: bool = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site_dir), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass  # quiet: the CLI prints builds, not every request

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _send(self, status: int, ctype: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _respond(self, head: bool) -> None:
        path = urlsplit(self.path).path
        if self.live_reload and path == RELOAD_SCRIPT_PATH:
            return self._send(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode(), head)
        if self.live_reload and path == EVENTS_PATH:
            return self._events(head)
        target = Path(self.translate_path(self.path))  # stays inside ``directory``
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", quote(path) + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, self.site_dir / "404.html"
            if not target.is_file():
                return self._send(404, "text/plain; charset=utf-8", b"not found\n", head)
        ctype = self.guess_type(str(target))
        body = target.read_bytes()
        if ctype.startswith("text/html"):
            ctype = "text/html; charset=utf-8"
            if self.live_reload:
                body = inject_reload(body)
        return self._send(status, ctype, body, head)

    def _events(self, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if head:
            return
        generation = self.generation
        seen = generation.value
        generation.listeners += 1
        try:
            self.wfile.write(f"retry: 1000\ndata: {seen}\n\n".encode())
            self.wfile.flush()
            while not generation.closed:
                now = generation.wait_change(seen, timeout=10)
                if generation.closed:
                    break
                self.wfile.write(f"data: {now}\n\n".encode() if now != seen else b": ping\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        finally:
            generation.listeners -= 1



def make_handler(directory: Path, generation: Generation, live_reload: bool = True) -> type[PreviewHandler]:
    """The request handler class serving ``directory`` for ``generation``'s reload clients."""
    return type("PreviewHandler", (PreviewHandler,),
                {"site_dir": directory, "generation": generation, "live_reload": live_reload})


class PreviewHTTPServer(ThreadingHTTPServer):
    """The preview's HTTP server: a listen backlog for a browser's parallel requests, and a
    client that goes away early (a closed tab, a cancelled fetch) is not an error."""

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the client disconnected: nothing to say
        super().handle_error(request, client_address)


class PreviewServer:
    """A preview of one site: ``build()``, ``start()`` serving, ``watch()`` for changes, ``close()``."""

    def __init__(self, config: Config, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 today: date | None = None, output: Path | None = None, live_reload: bool = True,
                 say: Callable[[str], None] = print, config_path: Path | None = None) -> None:
        self.host, self.port, self.today, self.say = host, port, today, say
        self.config_path = config_path or config.root / CONFIG_NAME
        self.base_config = config
        self._own_output = output is None
        self.output = (output or Path(tempfile.mkdtemp(prefix="digest-serve-")) / "site").resolve()
        self.generation = Generation()
        try:
            self.httpd = PreviewHTTPServer((host, port), make_handler(self.output, self.generation, live_reload))
        except BaseException:  # the port is taken, say: leave no temporary folder behind
            if self._own_output:
                shutil.rmtree(self.output.parent, ignore_errors=True)
            raise
        self.port = self.httpd.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def _config(self) -> Config:
        config = self.base_config
        if self.config_path.is_file():
            config = load_config(self.config_path)
        return config.with_overrides(base_url=self.url)

    def build(self) -> bool:
        """Build the preview; on failure say why and keep the last good site. True when it built."""
        report = Report()
        try:
            result = build_site(self._config(), output=self.output, today=self.today, report=report,
                                allow_empty=True)  # a preview shows what there is, even nothing
        except DigestError as exc:
            for line in str(exc).splitlines():
                self.say(f"error: {line}")
            return False
        except Exception as exc:  # noqa: BLE001 - a preview survives any failed rebuild
            self.say(f"error: build failed: {type(exc).__name__}: {exc}")
            return False
        for problem in report.problems:
            self.say(f"{problem.level}: {problem.path}{':' + str(problem.line) if problem.line else ''}: "
                     f"{problem.message}")
        self.say(f"built {result.articles} articles, {result.days} days in {result.seconds:.1f}s")
        self.generation.bump()
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="digest-serve", daemon=True)
        self._thread.start()

    def watched(self) -> list[Path]:
        from digest.render.templating import default_theme

        config = self.base_config
        paths = [config.content_path, config.templates_path, self.config_path]
        theme = default_theme()
        if "site-packages" not in theme.parts and "dist-packages" not in theme.parts:
            paths.append(theme)  # a source checkout: theme edits show at once
        unique = []
        for path in paths:
            if path.exists() and path.resolve() not in unique:
                unique.append(path.resolve())
        return unique

    def watch(self, stop: threading.Event | None = None) -> None:
        """Rebuild on every change under the watched paths until ``stop`` is set (or Ctrl-C)."""
        from watchfiles import DefaultFilter, watch

        output, default = self.output, DefaultFilter()

        def wanted(change, path: str) -> bool:
            return default(change, path) and output not in Path(path).parents

        for changes in watch(*self.watched(), stop_event=stop, raise_interrupt=True, debounce=300,
                             watch_filter=wanted):
            names = sorted({Path(p).name for _, p in changes})
            self.say(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}; rebuilding")
            self.build()

    def close(self) -> None:
        self.generation.close()
        if self._thread is not None:  # shutdown() waits for serve_forever(): only when it runs
            self.httpd.shutdown()
            self._thread.join(timeout=5)
        self.httpd.server_close()
        if self._own_output:
            shutil.rmtree(self.output.parent, ignore_errors=True)


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def serve(config: Config, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, today: date | None = None,
          watch: bool = True, say: Callable[[str], None] = print, config_path: Path | None = None) -> None:
    """Build, serve and (with ``watch``) rebuild until interrupted."""
    try:
        server = PreviewServer(config, host, port, today, live_reload=watch, say=say, config_path=config_path)
    except OSError as exc:
        raise DigestError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        if not is_loopback(host):
            say(f"warning: serving on {host}: anyone who can reach this machine can read the preview")
        server.build()
        server.start()
        say(f"serving {server.url} (Ctrl-C to stop){'; rebuilding on changes' if watch else ''}")
        if watch:
            server.watch()
        else:
            threading.Event().wait()
    except (KeyboardInterrupt, Interrupted):  # Ctrl-C is how a preview ends
        pass
    finally:
        server.close()
        say("stopped")

