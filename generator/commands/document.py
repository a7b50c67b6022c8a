"""``document``: ``python -m generator document ITEM --kind KIND --out FILE [--script zh-Hant] [--year YYYY]``:
one pre-filled document for an officer.

The repository is loaded and checked as by every command, but only what this document is made
of can stop it: the item's catalog, ``mkdocs.yml`` and ``documents/``. An error in another
department's file is not this officer's to fix. Exit codes: 0 written, 1 a content problem (an
error in those files, an exempt or suspended item), 2 usage (unknown item or kind, bad path).
"""

from __future__ import annotations

import argparse
import datetime
import sys

from . import Exit, outfile


def run(args: argparse.Namespace) -> int:
    from .. import checks, report
    from ..documents import config as config_module
    from ..documents import kinds_for, load_context, write_for_item
    from ..findings import has_errors
    from ..messages import current as msg
    from ..script import Converter

    root, item_id, kind_code, out, script, year = args.root, args.item, args.kind, args.out, args.script, args.year
    stdout, stderr = sys.stdout, sys.stderr
    refused = outfile.refusal(out, ".docx", msg.DOCUMENT_OUT_SUFFIX)
    if refused:
        print(refused, file=stderr)
        return Exit.USAGE
    if not config_module.present(root):
        print(msg.DOCUMENT_NO_CONFIG, file=stderr)
        return Exit.CONTENT
    loaded, settings, findings = checks.run(root)
    department_file = f"catalogs/{item_id.rsplit('-', 1)[0]}.yaml"
    mine = [f for f in findings if f.path in (department_file, "mkdocs.yml")]
    files = loaded.files_checked if loaded else 1
    if settings is None or loaded is None or has_errors(mine):
        report.write(mine or findings, files, "text", stdout)
        print(msg.DOCUMENT_CONTENT_BROKEN, file=stderr)
        return Exit.CONTENT
    context, problems = load_context(root, settings, loaded, datetime.date.today().year if year is None else year)
    if problems:
        report.write(problems, files, "text", stdout)
    if context is None:
        print(msg.DOCUMENT_CONFIG_BROKEN, file=stderr)
        return Exit.CONTENT
    found = next(((i, d) for d in loaded.content.departments for i in d.items if i.id == item_id), None)
    if found is None:
        print(msg.DOCUMENT_UNKNOWN_ITEM.format(item=item_id), file=stderr)
        return Exit.USAGE
    item, department = found
    if not item.published:
        print(msg.DOCUMENT_EXEMPT_ITEM.format(item=item.id, ground=item.disclosure), file=stderr)
        return Exit.CONTENT
    if item.status != "有效":
        print(msg.DOCUMENT_INACTIVE_ITEM.format(item=item.id, status=item.status), file=stderr)
        return Exit.CONTENT
    mode = context.modes.get(item.mode, item.mode)
    kinds = kinds_for(item, context)
    kind = next((k for k in kinds if k.code == kind_code), None)
    if kind is None:
        allowed = "、".join(f"{k.code}（{k.name}）" for k in kinds)
        text = (msg.DOCUMENT_UNKNOWN_KIND.format(item=item.id, mode=mode, kind=kind_code, allowed=allowed) if kinds
                else msg.DOCUMENT_NO_KIND.format(item=item.id, mode=mode))
        print(text, file=stderr)
        return Exit.USAGE
    data = write_for_item(item, department, context, kind, Converter(settings.hant_variant), script)
    outfile.write(out, data)
    print(msg.DOCUMENT_WRITTEN.format(out=out, kind=kind.name, item=item.id,
                                      script=msg.REVIEW_SCRIPTS[script]), file=stdout)
    return Exit.OK

