"""Local preview: build the site, serve it, rebuild and reload the browser on every edit.

The server (``livereload``) is our own, on the standard library, whichever engine builds the
pages: it watches files, serves the built folder and adds a small reload script that talks
only to this local server. Rebuilds are incremental (``build.Preview``): only pages whose
text changed are rendered again. A rebuild with content
errors keeps the last good preview and prints the findings, exactly like ``build``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import build, livereload, report
from .layout import CONFIG_FILE, CONTENT_DIRS, LAWS_DIR, POWERS_DIR, TEMPLATE_DIR
from .messages import current as msg

WATCHED = (*CONTENT_DIRS, LAWS_DIR, POWERS_DIR, CONFIG_FILE)


def serve(root: Path, host: str, port: int) -> None:
    cache = Path(tempfile.mkdtemp(prefix="xzzd-preview-"))
    preview = build.Preview(root, cache)

    def rebuild() -> None:
        started = time.perf_counter()
        result = preview.update()
        if result.findings:
            report.write(result.findings, result.files_checked, "text", sys.stdout)
        seconds = time.perf_counter() - started
        print(msg.SERVE_UPDATED.format(seconds=seconds) if result.ok else msg.SERVE_KEPT, flush=True)

    rebuild()
    server = livereload.Server(rebuild, host, port, preview.site)
    for name in WATCHED:
        if (root / name).exists():
            server.watch(root / name)
    server.watch(TEMPLATE_DIR)
    print(msg.SERVE_ADDRESS.format(host=host, port=port))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(cache, ignore_errors=True)
