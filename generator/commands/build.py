"""``build``: check, then build the site into ``--out``; the previous site stays unless all succeeds."""

from __future__ import annotations

import argparse
import sys

from . import Exit


def run(args: argparse.Namespace) -> int:
    from .. import build, layout, outpath, report

    out = args.out if args.out is not None else args.root / layout.SITE_DIR
    try:
        result = build.build(args.root, out, None if args.no_cache else args.root / layout.CACHE_DIR)
    except outpath.OutPathError as problem:
        print(problem, file=sys.stderr)
        return Exit.USAGE
    if result.findings or not result.ok:
        report.write(result.findings, result.files_checked, "text", sys.stdout)
    if result.unsafe:
        from ..messages import current as msg
        print("\n".join(result.unsafe))
        print(msg.UNSAFE_OUTPUT_END.format(out=out))
        return Exit.INTERNAL
    if not result.ok:
        print(f"没有生成网站：请先改正上面的错误。{out} 保持原样。")
        return Exit.CONTENT
    if result.notice:
        from ..messages import current as msg
        print(msg.HISTORY_BUILD_NOTICE.format(reason=result.notice))
    print(f"已生成 {out}：{result.pages} 个页面，简体和繁体各一份。")
    return Exit.OK
