"""``notice``: ``python -m generator notice DEPT --out FILE.pdf [--script zh-Hant] [--date YYYY-MM-DD]``:
one department's office notice (办公场所公示) printed to PDF for the service hall.

Like ``document``, only what the notice is made of can stop it: the department's catalog and
``mkdocs.yml``. The version date printed on it is the latest effective or review date of the
department's published items unless ``--date`` names one, so printing twice gives the same
bytes. Exit codes: 0 written, 1 a content problem, 2 usage (unknown department, bad date or path).
"""

from __future__ import annotations

import argparse
import datetime
import sys

from . import Exit, outfile


def run(args: argparse.Namespace) -> int:
    from .. import checks, layout, notices, report
    from ..findings import has_errors
    from ..messages import current as msg
    from ..script import Converter

    refused = outfile.refusal(args.out, ".pdf", msg.NOTICE_OUT_SUFFIX)
    if refused:
        print(refused, file=sys.stderr)
        return Exit.USAGE
    if args.date is not None and not _is_date(args.date):
        print(msg.NOTICE_BAD_DATE.format(date=args.date), file=sys.stderr)
        return Exit.USAGE
    loaded, settings, findings = checks.run(args.root)
    mine = [f for f in findings if f.path in (f"{layout.CATALOG_DIR}/{args.department}.yaml", layout.CONFIG_FILE)]
    if settings is None or loaded is None or has_errors(mine):
        report.write(mine or findings, loaded.files_checked if loaded else 1, "text", sys.stdout)
        print(msg.NOTICE_CONTENT_BROKEN, file=sys.stderr)
        return Exit.CONTENT
    department = next((d for d in loaded.content.departments if d.code == args.department), None)
    if department is None:
        allowed = "、".join(sorted(d.code for d in loaded.content.departments))
        print(msg.NOTICE_UNKNOWN_DEPARTMENT.format(code=args.department, allowed=allowed), file=sys.stderr)
        return Exit.USAGE
    context = notices.Context.of(settings, loaded.library, args.date or notices.version_date(department))
    data = notices.pdf(department, department.items, department.no_penalty, context,
                       Converter(settings.hant_variant), args.script)
    outfile.write(args.out, data)
    print(msg.NOTICE_WRITTEN.format(out=args.out, department=department.code, items=len(department.published_items),
                                    date=context.version_date, script=msg.REVIEW_SCRIPTS[args.script]))
    return Exit.OK


def _is_date(text: str) -> bool:
    try:
        return datetime.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False
