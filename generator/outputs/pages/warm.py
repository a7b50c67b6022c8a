"""An engine kept running between the preview's rebuilds, one process per script.

A ``--dirty`` MkDocs run after an edit renders one or two pages, yet each new ``python -m
mkdocs`` process first spends about 0.4 s starting Python and importing MkDocs, Material,
Jinja and Markdown: most of the time from saving a file to seeing the page (bench/run.py,
``preview_edit``). The preview therefore keeps one process per script with the engine already
imported, and sends it each build as one line of JSON; the build itself is the engine's own
(``load_config``, the plugins' start-up and shut-down, ``build``), as its command line runs it.
Only the preview uses this: a full build starts fresh processes, since it runs each engine once.

Run as ``python -m generator.outputs.pages.warm <engine>``: one request per line on standard
input (``{"config": path, "dirty": bool, "env": {...}}``), one reply per line on standard output
(``{"ok": bool, "output": text}``, the engine's errors when it failed).
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


if __name__ == "__main__":
    serve(sys.argv[1])
