"""``schema``: rewrite the editors' JSON Schemas with the guidance modes and trades of ``mkdocs.yml``."""

from __future__ import annotations

import argparse
import sys

from ..messages import current as msg
from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import schema, settings

    loaded, findings = settings.load(args.root)
    if loaded is None:
        from .. import report
        report.write(findings, 1, "text", sys.stdout)
        return Exit.CONTENT
    changed = schema.write_modes([(m.code, m.label) for m in loaded.modes])
    changed += schema.write_trades([(t.code, t.label) for t in loaded.trades])
    changed += schema.write_snippet_modes(loaded.mode_codes)
    for path in changed:
        print(msg.SCHEMA_WRITTEN.format(path=path))
    if not changed:
        print(msg.SCHEMA_CURRENT)
    return Exit.OK
