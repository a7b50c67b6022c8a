"""Command line: ``python -m generator <command>``: the arguments of every verb, in one place.

Each verb is a module of ``generator.commands`` and returns an exit code of its contract
(``commands.Exit``): 0 success (warnings allowed), 1 content errors, 2 usage, 3 internal error
(a bug in the generator, never caused by content: the traceback is shown only with --debug).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import Callable

from . import layout
from .messages import current as msg
from .commands import Exit, build, check, codeowners, convert, document, import_, laws, notice, review, schema, serve


def _parser() -> argparse.ArgumentParser:
    helps, names = msg.CLI_HELP, msg.CLI_METAVARS
    parser = argparse.ArgumentParser(prog="python -m generator", description=msg.CLI_DESCRIPTION)
    parser.add_argument("--debug", action="store_true", help=helps["debug"])
    sub = parser.add_subparsers(dest="command", required=True, metavar=names["command"])

    def command(name: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=helps[name], description=helps[name])
        p.add_argument("--root", type=Path, default=Path("."), help=helps["root"])
        p.set_defaults(run=run)
        return p

    check_args = command("check", check.run)
    check_args.add_argument("--format", choices=("text", "github", "gitlab", "json"), default="text",
                            help=helps["check.format"])
    command("schema", schema.run)
    build_args = command("build", build.run)
    build_args.add_argument("--out", type=Path, default=None, help=helps["build.out"])
    build_args.add_argument("--no-cache", action="store_true", help=helps["build.no_cache"])
    serve_args = command("serve", serve.run)
    serve_args.add_argument("--host", default="127.0.0.1", help=helps["serve.host"])
    serve_args.add_argument("--port", type=int, default=8000, help=helps["serve.port"])
    convert_args = command("convert", convert.run)
    convert_args.add_argument("--to", choices=("hant", "hans"), default=None, help=helps["convert.to"])
    convert_args.add_argument("--review", action="store_true", help=helps["convert.review"])
    convert_args.add_argument("--format", choices=("markdown", "json"), default="markdown",
                              help=helps["convert.format"])
    imp = command("import", import_.run)
    imp.add_argument("file", type=Path, metavar=names["file"], help=helps["import.file"])
    imp.add_argument("--department", required=True, metavar=names["department"], help=helps["import.department"])
    imp.add_argument("--mapping", type=Path, default=None, metavar=names["mapping"], help=helps["import.mapping"])
    imp.add_argument("--no-penalty", type=Path, default=None, metavar=names["file"], help=helps["import.no_penalty"])
    imp.add_argument("--delete-missing", action="store_true", help=helps["import.delete_missing"])
    imp.add_argument("--write-mapping", type=Path, default=None, metavar=names["mapping"],
                     help=helps["import.write_mapping"])
    rev = command("review", review.run)
    rev.add_argument("--base", required=True, metavar=names["revision"], help=helps["review.base"])
    rev.add_argument("--head", default="HEAD", metavar=names["revision"], help=helps["review.head"])
    rev.add_argument("--format", choices=("markdown", "json"), default="markdown", help=helps["review.format"])
    rev.add_argument("--preview-url", default="", metavar=names["url"], help=helps["review.preview_url"])
    rev.add_argument("--output", type=Path, default=None, metavar=names["file"], help=helps["review.output"])
    rev.add_argument("--max-chars", type=int, default=0, metavar=names["chars"], help=helps["review.max_chars"])
    command("codeowners", codeowners.run)
    doc = command("document", document.run)
    doc.add_argument("item", metavar=names["item"], help=helps["document.item"])
    doc.add_argument("--kind", required=True, metavar=names["kind"], help=helps["document.kind"])
    doc.add_argument("--out", required=True, type=Path, metavar=names["file"], help=helps["document.out"])
    doc.add_argument("--script", choices=("zh-Hans", "zh-Hant"), default="zh-Hans", help=helps["script"])
    doc.add_argument("--year", type=int, default=None, metavar=names["year"], help=helps["document.year"])
    note = command("notice", notice.run)
    note.add_argument("department", metavar=names["department"], help=helps["notice.department"])
    note.add_argument("--out", required=True, type=Path, metavar=names["file"], help=helps["notice.out"])
    note.add_argument("--script", choices=("zh-Hans", "zh-Hant"), default="zh-Hans", help=helps["script"])
    note.add_argument("--date", default=None, metavar="YYYY-MM-DD", help=helps["notice.date"])
    laws_args = command("laws", laws.run)
    actions = laws_args.add_subparsers(dest="action", required=True, metavar=names["action"])
    root_here = {"type": Path, "default": argparse.SUPPRESS, "help": helps["root"]}
    add = actions.add_parser("add", help=helps["laws.add"], description=helps["laws.add.description"])
    add.add_argument("files", type=Path, nargs="+", metavar=names["file"], help=helps["laws.add.files"])
    add.add_argument("--date", default=None, metavar="YYYY-MM-DD", help=helps["laws.add.date"])
    add.add_argument("--root", **root_here)
    impact = actions.add_parser("impact", help=helps["laws.impact"], description=helps["laws.impact.description"])
    impact.add_argument("law", metavar=names["law"], help=helps["laws.impact.law"])
    impact.add_argument("--from", dest="old", required=True, metavar=names["revision"], help=helps["laws.impact.from"])
    impact.add_argument("--to", dest="new", required=True, metavar=names["revision"], help=helps["laws.impact.to"])
    impact.add_argument("--root", **root_here)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not (args.root / layout.CONFIG_FILE).is_file() and not args.root.is_dir():
        print(msg.CLI_NO_ROOT.format(root=args.root), file=sys.stderr)
        return Exit.USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except Exception:  # a bug in the generator, not a problem in the content
        if args.debug:
            traceback.print_exc()
        else:
            print(msg.CLI_INTERNAL_ERROR, file=sys.stderr)
        return Exit.INTERNAL
