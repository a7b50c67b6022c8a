"""``laws add`` and ``laws impact``: maintain the statute library and read what a revision changes."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from ..laws import add, impact

    if args.action == "add":
        return add.main(args.root, args.files, args.date, sys.stdout, sys.stderr)
    return impact.main(args.root, args.law, args.old, args.new, sys.stdout, sys.stderr)
