"""An engine kept running between the preview's rebuilds, one process per script.

A ``--dirty`` MkDocs run after an edit renders one or two pages, yet each new ``python -m
mkdocs`` process first spends about 0.4 s starting Python and importing MkDocs, Material,
Jinja and Markdown: most of the time from saving a file to seeing the page (bench/run.py,
``preview_edit``). The preview therefore keeps one process per script with the engine already
imported, and sends it each build as one line of JSON; the build itself is the engine's own
(``load_config``, the plugins' start-up and shut-down, ``build``), as its command line runs it.
A clean build uses it too, only to start its engines while it checks the content (``engine.Warm``):
each of its processes builds once and ends ("last" in the request).

A dirty run still makes a page object for every page and compares two file times for each;
with 17,600 pages per script (a city) that was most of its 1.8 s. The request therefore names
the pages this build wrote (``pages``), and every other page is marked excluded before the run
(``_OnlyWritten``): a dirty run would have done nothing with it anyway. A link to an excluded
page still resolves to the same address (MkDocs only logs, below our --quiet level, that the
target is excluded). Unlike MkDocs' own rule, a page whose output was deleted by hand is not
made again: the next clean build (any change of configuration or theme) makes it.

Run as ``python -m generator.outputs.pages.warm <engine>``: one request per line on standard
input (``{"config": path, "dirty": bool, "pages": [path, ...] or null, "env": {...}, "last":
bool}``), one reply per line on standard output (``{"ok": bool, "output": text}``, the engine's
errors when it failed).
"""

from __future__ import annotations

import importlib
import io
import json
import logging
import os
import signal
import sys
import traceback


def serve(engine: str) -> None:
    """Answer build requests until standard input closes (the preview ended)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C ends the preview, which closes our input
    config = importlib.import_module(f"{engine}.config")
    build = importlib.import_module(f"{engine}.commands.build")
    only_written = _only_written_plugin(engine)
    replies = sys.stdout
    sys.stdout = sys.stderr  # nothing an engine prints may be taken for a reply
    logger = logging.getLogger(engine)
    logger.setLevel(logging.ERROR)  # as the command line's --quiet
    for line in sys.stdin:
        request = json.loads(line)
        os.environ.update(request["env"])
        errors = io.StringIO()
        handler = logging.StreamHandler(errors)
        logger.addHandler(handler)
        try:
            cfg = config.load_config(config_file=request["config"])
            if request["dirty"] and request.get("pages") is not None:
                cfg.plugins["generator-only-written"] = only_written(request["pages"])
            cfg.plugins.on_startup(command="build", dirty=request["dirty"])
            try:
                build.build(cfg, dirty=request["dirty"])
            finally:
                cfg.plugins.on_shutdown()
            ok = True
        except (Exception, SystemExit):  # every failure is a reply; the next build may work
            ok = False
            errors.write(traceback.format_exc())
        finally:
            logger.removeHandler(handler)
        replies.write(json.dumps({"ok": ok, "output": errors.getvalue()}) + "\n")
        replies.flush()
        if request.get("last"):
            return  # a clean build's engine, started early (``engine.Warm``): it builds once


def _only_written_plugin(engine: str) -> type:
    """The plugin class, on the engine's own base (MkDocs or ProperDocs)."""
    plugins = importlib.import_module(f"{engine}.plugins")
    inclusion = importlib.import_module(f"{engine}.structure.files").InclusionLevel

    class _OnlyWritten(plugins.BasePlugin):
        """Leaves out of a dirty run every page this build did not write. The navigation
        still names them (MkDocs makes page objects for what it names), so it is unchanged."""

        def __init__(self, pages: list[str]) -> None:
            super().__init__()
            self.pages = set(pages)

        def on_files(self, files, config):  # noqa: ANN001, ANN201 - the engine's own types
            for file in files.documentation_pages():
                if file.src_uri not in self.pages:
                    file.inclusion = inclusion.EXCLUDED
            return files

    return _OnlyWritten


if __name__ == "__main__":
    serve(sys.argv[1])
