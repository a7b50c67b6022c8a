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
from .commands import Exit, build, check, codeowners, convert, import_, laws, review, schema, serve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="行政指导事项目录清单网站生成器")
    parser.add_argument("--debug", action="store_true", help="内部错误时显示 Python 调用栈")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    def command(name: str, run: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--root", type=Path, default=Path("."), help="内容仓库根目录（默认当前目录）")
        p.set_defaults(run=run)
        return p

    check_args = command("check", check.run, "检查目录清单和典型案例")
    check_args.add_argument("--format", choices=("text", "github", "gitlab", "json"), default="text",
                       help="输出格式：text 供人阅读，github 为 GitHub Actions 注释，gitlab 为 GitLab 代码质量报告，json 供工具读取")
    command("schema", schema.run, "按 mkdocs.yml 中的指导方式更新编辑器使用的 JSON Schema")
    build_args = command("build", build.run, "检查内容并生成简体、繁体两个版本的网站")
    build_args.add_argument("--out", type=Path, default=None, help="输出目录（默认 <root>/site）")
    build_args.add_argument("--no-cache", action="store_true",
                       help="不使用 <root>/.build-cache，全部重新生成（输出与使用缓存时完全相同）")
    serve_args = command("serve", serve.run, "本地预览：修改内容或模板后自动重新生成并刷新浏览器")
    serve_args.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve_args.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    convert_args = command("convert", convert.run, "简繁转换：从标准输入读入，输出到标准输出；--review 列出内容中繁体写法取决于上下文的字")
    convert_args.add_argument("--to", choices=("hant", "hans"), default=None, help="hant 转繁体，hans 转简体")
    convert_args.add_argument("--review", action="store_true",
                         help="审查报告：内容中每个繁体写法取决于上下文的字（发、干、后、系……），所选写法、依据和位置")
    convert_args.add_argument("--format", choices=("markdown", "json"), default="markdown", help="审查报告的格式（默认 markdown）")
    imp = command("import", import_.run, "从部门的 Excel（.xlsx）或 CSV 表格导入目录清单，写入 catalogs/<部门代码>.yaml")
    imp.add_argument("file", type=Path, metavar="文件", help="要导入的 .xlsx 或 .csv 文件")
    imp.add_argument("--department", required=True, metavar="部门代码", help="部门代码，如 scjg")
    imp.add_argument("--mapping", type=Path, default=None, metavar="映射文件",
                     help="表头名称不常见时使用的 YAML 映射文件")
    rev = command("review", review.run, "比较两个版本（git 提交）的内容，为法制机构生成审查报告。"
                  "退出码：0 已生成报告且可以审查合并，1 已生成报告但新版本有错误或请求的某次提交含个人信息，2 版本或仓库有误")
    rev.add_argument("--base", required=True, metavar="版本", help="修改前的版本，如 origin/main 或提交编号")
    rev.add_argument("--head", default="HEAD", metavar="版本", help="修改后的版本（默认 HEAD）")
    rev.add_argument("--format", choices=("markdown", "json"), default="markdown", help="输出格式（默认 markdown）")
    rev.add_argument("--preview-url", default="", metavar="网址", help="预览网站的地址，报告中附上变更页面的链接")
    rev.add_argument("--output", type=Path, default=None, metavar="文件", help="写入文件而不是标准输出")
    rev.add_argument("--max-chars", type=int, default=0, metavar="字数",
                     help="报告的最大长度（如 GitHub 留言上限 65536），超出时省略靠后的变更")
    command("codeowners", codeowners.run, "按各部门的审核人和法制审核团队生成 .github/CODEOWNERS 和 CODEOWNERS")
    laws_args = command("laws", laws.run, "法规库 laws/：加入法规文本（add），列出法规修改后受影响的引用（impact）")
    actions = laws_args.add_subparsers(dest="action", required=True, metavar="操作")
    root_here = {"type": Path, "default": argparse.SUPPRESS, "help": "内容仓库根目录（默认当前目录）"}
    add = actions.add_parser("add", help="把法规正式文本加入 laws/，并登记到法规信息文件",
                             description="把法规正式文本（国家法律法规数据库的格式）规范后写入 laws/<位阶>/<简称>(<版本日期>).md，"
                             "并新建或更新法规信息文件。有无法识别的行时逐条报告（文件:行），并且不写任何文件。")
    add.add_argument("files", type=Path, nargs="+", metavar="文件", help="法规文本文件（.md）")
    add.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="版本日期（修改记录和文件名中都没有日期时使用）")
    add.add_argument("--root", **root_here)
    impact = actions.add_parser("impact", help="列出引用了两个版本之间有变化的条文的事项和不罚清单条目",
                                description="比较同一法规的两个版本，逐条列出修改、移动（条号变化）和删除的条文，"
                                "以及引用它们的事项和不罚清单条目（条号按旧版本理解），并附条文对比。")
    impact.add_argument("law", metavar="法规", help="法规名称，如 行政复议法 或 中华人民共和国行政复议法")
    impact.add_argument("--from", dest="old", required=True, metavar="版本", help="旧版本的日期或年份，如 2017-09-01 或 2017")
    impact.add_argument("--to", dest="new", required=True, metavar="版本", help="新版本的日期或年份")
    impact.add_argument("--root", **root_here)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not (args.root / layout.CONFIG_FILE).is_file() and not args.root.is_dir():
        print(f"找不到目录 {args.root}", file=sys.stderr)
        return Exit.USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except Exception:  # a bug in the generator, not a problem in the content
        if args.debug:
            traceback.print_exc()
        else:
            print("生成器内部错误（不是内容的问题）。请加 --debug 重新运行，并把输出报告给维护人员。", file=sys.stderr)
        return Exit.INTERNAL
