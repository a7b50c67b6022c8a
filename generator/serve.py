"""Local preview: build the site, serve it, rebuild and reload the browser on every edit.

Reuses MkDocs' LiveReloadServer (it watches files, serves static files and injects a small
reload script that talks only to this local server). Rebuilds are incremental
(``build.Preview``): only pages whose text changed are rendered again. A rebuild with content
errors keeps the last good preview and prints the findings, exactly like ``build``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from . import build, report
from .layout import CONFIG_FILE, CONTENT_DIRS, LAWS_DIR, TEMPLATE_DIR

WATCHED = (*CONTENT_DIRS, LAWS_DIR, CONFIG_FILE)


def serve(root: Path, host: str, port: int) -> None:
    cache = Path(tempfile.mkdtemp(prefix="xzzd-preview-"))
    preview = build.Preview(root, cache)

    def rebuild() -> None:
        started = time.perf_counter()
        result = preview.update()
        if result.findings:
            report.write(result.findings, result.files_checked, "text", sys.stdout)
        seconds = time.perf_counter() - started
        print(f"预览已更新（{seconds:.1f} 秒）。" if result.ok else "内容有错误，预览保持上一次的结果。", flush=True)

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview.site))
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    server.watch(str(TEMPLATE_DIR))
    print(f"预览地址：http://{host}:{port}/ （简体）和 http://{host}:{port}/zh-Hant/ （繁体），按 Ctrl+C 结束。")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(cache, ignore_errors=True)
