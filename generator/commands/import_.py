"""``import``: a department's spreadsheet → ``catalogs/<code>.yaml``, or nothing at all."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from .. import importer

    return importer.main(args.file, args.department, args.mapping, args.root, sys.stdout, sys.stderr,
                         no_penalty_file=args.no_penalty, delete_missing=args.delete_missing,
                         write_mapping=args.write_mapping)
