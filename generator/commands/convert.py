"""``convert``: simplified ↔ traditional on standard input, or the traditional-script review."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import settings
    from ..messages import current as msg
    from ..script import Converter, author_marks

    loaded, _ = settings.load(args.root)
    converter = Converter(loaded.hant_variant if loaded else "s2tw")
    if args.review:
        from ..script import review

        found, skipped = review.choices(args.root, converter)
        sys.stdout.write(review.render(found, skipped, converter.variant, args.format))
        return Exit.OK
    if args.to is None:
        print(msg.CONVERT_NEEDS_TO, file=sys.stderr)
        return Exit.USAGE
    text = author_marks(sys.stdin.read())
    sys.stdout.write(converter.to_hant(text) if args.to == "hant" else converter.from_hant(text))
    return Exit.OK
