"""``serve``: the local preview, rebuilt on every edit."""

from __future__ import annotations

import argparse

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import serve

    serve.serve(args.root, args.host, args.port)
    return Exit.OK
