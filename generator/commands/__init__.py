"""The verbs of ``python -m generator``: one module a verb, each ``run(args) -> int``.

``generator/cli.py`` declares the command line and calls these. Every verb returns one of the
exit codes of ``Exit`` (``generator.exitcodes``; scripts and CI read them); a verb never prints
a traceback: content problems are findings, a wrong argument is a usage message, and anything
else is the generator's own bug, reported by ``cli.main`` as ``INTERNAL``. Heavy modules are
imported inside ``run``, so ``convert`` and ``check`` start without loading MkDocs or the
renderer.
"""

from __future__ import annotations

from ..exitcodes import Exit

__all__ = ["Exit"]
