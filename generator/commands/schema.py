"""``schema``: rewrite the editors' JSON Schemas with the guidance modes of ``mkdocs.yml``."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import schema, settings

    loaded, findings = settings.load(args.root)
    if loaded is None:
        from .. import report
        report.write(findings, 1, "text", sys.stdout)
        return Exit.CONTENT
    changed = schema.write_modes(loaded.mode_codes)
    for path in changed:
        print(f"已更新 {path}")
    if not changed:
        print("schema 已是最新。")
    return Exit.OK
