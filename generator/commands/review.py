"""``review``: the legal office's report on a pull request, gated for personal data."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import egress, review
    from ..messages import current as msg
    from ..review import report as review_report

    try:
        result = review.run(args.root, args.base, args.head, args.preview_url)
    except review.GitError as problem:
        print(problem, file=sys.stderr)
        return Exit.USAGE
    text = review_report.render(result, args.format, args.max_chars)
    leaks = egress.scan_text(text, result.allowed)
    if leaks:  # the egress gate: the report may be posted where the public reads it
        _, m = leaks[0]
        print(msg.REVIEW_BLOCKED.format(what=msg.PERSONAL_KINDS[m.code], masked=m.masked), file=sys.stderr)
        return Exit.CONTENT
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(msg.REVIEW_WRITTEN.format(path=args.output), file=sys.stderr)
    return Exit.CONTENT if result.blocked else Exit.OK
