"""The exit-code contract of every command (scripts and CI read these, nothing else).

Kept apart from ``commands`` so that the verbs implemented in their own packages (``import``
in ``importer``, ``laws add`` and ``laws impact`` in ``laws``) return the same codes without
importing the command layer above them.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0  # done; warnings allowed
    CONTENT = 1  # problems in the content or the settings: findings say where and what to do
    USAGE = 2  # the command line, a path, a revision or a name is wrong; nothing was changed
    INTERNAL = 3  # a bug in the generator or its templates, never caused by content
    INTERRUPTED = 130  # Ctrl+C
