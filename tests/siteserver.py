"""Serve a built site from a local stdlib server, at the root or under a sub-path, as a
district portal would: the browser tests prove the site needs nothing outside its folder."""

from __future__ import annotations

import functools
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SUBPATH = "/portal/xzzd/"


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-mount" / "404")  # not served: 404
        return super().translate_path("/" + clean[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (e.g. when a click navigates away).
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT
    prefix: str  # "/" or SUBPATH
    httpd: _QuietServer

    @property
    def base(self) -> str:
        return self.origin + self.prefix


def serve(site: Path, prefix: str) -> Server:
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return Server(f"http://{host}:{port}", prefix, httpd)
