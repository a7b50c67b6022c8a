"""``codeowners``: write .github/CODEOWNERS and CODEOWNERS from the reviewers the content names."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    """Write both files; 1 when the content has errors."""
    from .. import checks, report
    from ..codeowners import expected, read
    from ..findings import has_errors
    from ..messages import current as msg

    root, out = args.root, sys.stdout
    loaded, settings, findings = checks.run(root)
    errors = [f for f in findings if f.code != "W802"]
    if loaded is None or settings is None or has_errors(errors):
        report.write(errors, loaded.files_checked if loaded else 1, "text", out)
        return Exit.CONTENT
    if not settings.legal_office_reviewers:
        out.write(msg.CODEOWNERS_NO_LEGAL_OFFICE + "\n")
        return Exit.CONTENT
    for path, text in expected(list(loaded.content.departments), settings).items():
        target = root / path
        if target.is_file() and read(target) == text:
            out.write(msg.CODEOWNERS_CURRENT.format(path=path) + "\n")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        out.write(msg.CODEOWNERS_WRITTEN.format(path=path) + "\n")
    return Exit.OK
