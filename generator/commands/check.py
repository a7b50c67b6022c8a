"""``check``: every finding of the content, in the chosen format."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import checks, report
    from ..findings import has_errors

    loaded, _, findings = checks.run(args.root)
    files = loaded.files_checked if loaded else 1
    report.write(findings, files, args.format, sys.stdout)
    return Exit.CONTENT if has_errors(findings) else Exit.OK
