"""Every command keeps one exit-code contract (generator/exitcodes.py): 0 done, 1 problems in the
content or the settings, 2 a wrong command line, path, revision or name, 3 a bug of the program.

Each command of the real parser is run as a user runs it, once per way it can fail; a command
added to the parser without its cases here fails ``test_every_command_is_covered``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

import fixtures
from conftest import PROJECT, build_repo, replace_once, write
from generator import cli
from generator.exitcodes import Exit

BROKEN = replace_once(fixtures.CATALOG, '["370303000CG-XK-0001"]', '["370303000CG_XK_0001"]')  # E204


def run(args: list[str], stdin: bytes = b"") -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=PROJECT, input=stdin,
                          capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def clean(tmp: Path) -> Path:
    return build_repo(tmp / "clean")


def broken(tmp: Path) -> Path:
    return build_repo(tmp / "broken", BROKEN)


def bad_settings(tmp: Path) -> Path:
    root = build_repo(tmp / "settings")
    write(root, "mkdocs.yml", "site_name: [\n")
    return root


# command → (what it is, the expected code, the arguments made for a temporary folder, stdin)
Case = tuple[str, Exit, Callable[[Path], list[str]], bytes]
CASES: dict[str, list[Case]] = {
    "check": [
        ("clean content", Exit.OK, lambda t: ["check", "--root", str(clean(t))], b""),
        ("content errors", Exit.CONTENT, lambda t: ["check", "--root", str(broken(t))], b""),
        ("unknown format", Exit.USAGE, lambda t: ["check", "--format", "xml"], b""),
    ],
    "schema": [
        ("unreadable settings", Exit.CONTENT, lambda t: ["schema", "--root", str(bad_settings(t))], b""),
        ("unknown option", Exit.USAGE, lambda t: ["schema", "--no-such-option"], b""),
    ],
    "build": [
        ("content errors", Exit.CONTENT, lambda t: ["build", "--root", str(broken(t)), "--out", str(t / "site")], b""),
        ("output is a file", Exit.USAGE,
         lambda t: ["build", "--root", str(clean(t)), "--out", str(write(t, "a-file.txt", "x"))], b""),
    ],
    "serve": [
        ("port is not a number", Exit.USAGE, lambda t: ["serve", "--port", "eighty"], b""),
    ],
    "convert": [
        ("converts standard input", Exit.OK, lambda t: ["convert", "--to", "hant"], "发展".encode()),
        ("no direction", Exit.USAGE, lambda t: ["convert"], b""),
    ],
    "import": [
        ("a sheet that cannot be read as a catalog", Exit.CONTENT,
         lambda t: ["import", str(write(t, "sheet.csv", "事项名称\n招牌设置指导\n")), "--department", "demo",
                    "--root", str(clean(t))], b""),
        ("no such file", Exit.USAGE, lambda t: ["import", str(t / "missing.xlsx"), "--department", "demo",
                                                "--root", str(clean(t))], b""),
    ],
    "review": [
        ("not a git repository", Exit.USAGE, lambda t: ["review", "--base", "main", "--root", str(clean(t))], b""),
    ],
    "codeowners": [
        ("content errors", Exit.CONTENT, lambda t: ["codeowners", "--root", str(broken(t))], b""),
    ],
    "laws": [
        ("a statute text with a line it cannot place", Exit.CONTENT,
         lambda t: ["laws", "add", str(write(t, "x(2020-01-01).md", "# 某某条例\n\n第二条 文字。\n")),
                    "--root", str(clean(t))], b""),
        ("an impossible --date", Exit.USAGE,
         lambda t: ["laws", "add", str(write(t, "x.md", "# 某某条例\n")), "--date", "2024-13-45",
                    "--root", str(clean(t))], b""),
        ("no statute library", Exit.USAGE,
         lambda t: ["laws", "impact", "行政处罚法", "--from", "2017", "--to", "2021", "--root", str(clean(t))], b""),
    ],
}


def test_every_command_is_covered():
    parser = cli._parser()
    [commands] = [a for a in parser._actions if a.dest == "command"]
    assert set(commands.choices) == set(CASES)


@pytest.mark.parametrize(("command", "case"), [(c, case) for c, cases in CASES.items() for case in cases],
                         ids=[f"{c}-{case[0]}" for c, cases in CASES.items() for case in cases])
def test_exit_code(command: str, case: Case, tmp_path: Path):
    what, expected, arguments, stdin = case
    code, output = run(arguments(tmp_path), stdin)
    assert code == expected, f"{command} ({what}): {code}\n{output}"
    assert "Traceback" not in output


def test_a_bug_is_internal_and_says_so_without_a_traceback(tmp_path: Path):
    """3 is kept for the program's own failures. Here the generator is made to fail (a copy of it
    without its page templates) and must answer 3 with the message for maintainers."""
    copy = tmp_path / "program"
    (copy / "generator").mkdir(parents=True)
    for path in (PROJECT / "generator").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            target = copy / "generator" / path.relative_to(PROJECT / "generator")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    root = clean(tmp_path)  # no site-template/ beside this copy of the program
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), "--out",
                           str(tmp_path / "site")], cwd=copy, capture_output=True, timeout=300)
    output = proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert proc.returncode == Exit.INTERNAL, output
    assert "生成器内部错误" in output and "Traceback" not in output
    assert not (tmp_path / "site").exists()
