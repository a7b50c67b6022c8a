"""The preview's web server: serve a folder, rebuild when watched files change, reload the page.

Standard library only, so ``serve`` works the same whichever engine builds the pages (MkDocs'
own server is part of its internals). The served HTML pages get one ``<script src>`` (the
pages' Content-Security-Policy allows scripts from this server, not inline ones) that asks
``/.xz-reload`` every second for the build number and reloads the page when the build number has grown.
Only this local server is ever asked.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

POLL_SECONDS = 0.5  # how often the watched files are looked at
RELOAD_PATH = "/.xz-reload"
SCRIPT_PATH = "/.xz-reload.js"
SCRIPT = b"""(function () {
  var since = null;
  function ask() {
    fetch("%s", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (n) {
        if (since !== null && n !== since) { location.reload(); return; }
        since = n; setTimeout(ask, 1000);
      })
      .catch(function () { setTimeout(ask, 2000); });
  }
  ask();
})();
""" % RELOAD_PATH.encode()
TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()


class Server:
    """Serve ``root``; call ``builder`` whenever a file under a watched path changes."""

    def __init__(self, builder: Callable[[], None], host: str, port: int, root: Path) -> None:
        self.builder, self.root = builder, root
        self.watched: list[Path] = []
        self.build_number = 0
        self._stop = threading.Event()
        handler = partial(_Handler, self, directory=str(root))
        self.httpd = ThreadingHTTPServer((host, port), handler)

    def watch(self, path: Path) -> None:
        self.watched.append(path)

    def serve(self) -> None:
        """Serve until interrupted (Ctrl+C); changes are looked for in a second thread."""
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()
        self.httpd.serve_forever()

    def shutdown(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _snapshot(self) -> dict[Path, int]:
        files: dict[Path, int] = {}
        for path in self.watched:
            for file in [path, *path.rglob("*")] if path.is_dir() else [path]:
                try:
                    files[file] = file.stat().st_mtime_ns
                except OSError:
                    pass  # removed meanwhile: its absence is the change
        return files

    def _watch(self) -> None:
        seen = self._snapshot()
        while not self._stop.wait(POLL_SECONDS):
            now = self._snapshot()
            if now != seen:
                seen = now
                self.builder()
                self.build_number += 1


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, server_state: Server, *args, **kwargs) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows the rebuilds, not every request

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = urlsplit(self.path).path
        if path == RELOAD_PATH:
            self._send(str(self.state.build_number).encode(), "text/plain; charset=utf-8")
        elif path == SCRIPT_PATH:
            self._send(SCRIPT, "text/javascript; charset=utf-8")
        elif path.endswith((".html", "/")) and (page := self._page(path)) is not None:
            self._send(page, "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _page(self, path: str) -> bytes | None:
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return None
        data = file.read_bytes()
        return data.replace(b"</body>", TAG + b"</body>", 1) if b"</body>" in data else data + TAG

    def _send(self, data: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)
