"""``import``: a department's spreadsheet → ``catalogs/<code>.yaml``, or nothing at all."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from .. import importer

    return importer.main(args.file, args.department, args.mapping, args.root, sys.stdout, sys.stderr)
