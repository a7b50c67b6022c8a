"""The command line as a user meets it: exit codes, the three output formats, the summary line,
the order of findings, and every finding of every broken file reported in one run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import fixtures
from conftest import PROJECT, check_json, line_of, replace_once, run_check, write

CAT, CASE = fixtures.CATALOG_PATH, fixtures.CASE_PATH
GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)(?:,title=([EW]\d{3}))?::(.+)$")
SUMMARY = re.compile(r"^(\d+) 个错误，(\d+) 个警告，共检查 (\d+) 个文件。$")


def run_raw(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=PROJECT, capture_output=True, timeout=60)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def broken_repo(make_repo):
    """Three broken files (two catalogs and the case) with errors and warnings."""
    catalog = replace_once(fixtures.CATALOG, '["370303000CG-XK-0001"]', '["370303000CG_XK_0001"]')  # E204
    catalog = replace_once(catalog, "      date: 2024-03-15", "      date: 2024-04-15")  # W404
    case = replace_once(fixtures.CASE, "王某当场将商品收回店内。",
                        "王某当场将商品收回店内。联系电话 13905331234。\n当事人王建国表示认可。")  # E603, E607
    case = replace_once(case, "month: 2024-06", "month: 2024上半年")  # E204 (2024-6 is E210)
    root = make_repo(catalog=catalog, case=case)
    write(root, "catalogs/aaa.yaml", "department: [\n  code: aaa\n")  # E102, sorts before demo.yaml
    expected = [
        ("catalogs/aaa.yaml", "E102"),
        (CAT, "E204", line_of(catalog, "370303000CG_XK_0001")),
        (CAT, "W404", line_of(catalog, "date: 2024-04-15")),
        (CASE, "E204", line_of(case, "month: 2024上半年")),
        (CASE, "E603", line_of(case, "13905331234")),
        (CASE, "E607", line_of(case, "当事人王建国")),
    ]
    return root, expected


# --- exit codes --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["check", "--no-such-option"],
    ["check", "--format", "xml"],
    ["check", "--format"],
    ["no-such-command"],
    [],
], ids=["unknown-option", "bad-format", "format-without-value", "unknown-command", "no-command"])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, out, err = run_raw(*args)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    assert "usage" in err


def test_missing_root_exits_2(tmp_path) -> None:
    code, out, err = run_raw("check", "--root", str(tmp_path / "no-such-folder"))
    assert code == 2 and "找不到目录" in err and "Traceback" not in err


def test_clean_repository_exits_0_with_clean_summary(repo) -> None:
    code, out, err = run_check(repo)
    assert code == 0 and err == ""
    assert out.strip() == "检查通过：2 个文件，没有发现问题。"


def test_warnings_only_exit_0(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "      date: 2024-02-20", "      date: 2024-03-20")
    code, out, _ = run_check(make_repo(catalog=text))
    assert code == 0
    assert out.strip().splitlines()[-1] == "0 个错误，1 个警告，共检查 2 个文件。"


def test_default_format_is_text(make_repo) -> None:
    root, _ = broken_repo(make_repo)
    assert run_check(root) == run_check(root, "--format", "text")


def test_root_defaults_to_current_folder(make_repo) -> None:
    root, _ = broken_repo(make_repo)
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--format", "json"], cwd=root,
                          capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert proc.returncode == 1
    assert proc.stdout.decode("utf-8") == run_check(root, "--format", "json")[1]


# --- formats -----------------------------------------------------------------------------------

def test_text_format_lines_and_summary(make_repo) -> None:
    root, expected = broken_repo(make_repo)
    code, out, err = run_check(root)
    assert code == 1 and "Traceback" not in out + err
    lines = out.strip().splitlines()
    assert SUMMARY.match(lines[-1]).groups() == ("5", "1", "3")
    for path, finding_code, *line in expected:
        prefix = f"{path}:{line[0]}:" if line else f"{path}:"
        assert any(l.startswith(prefix) and f" {finding_code} " in l for l in lines[:-1]), (prefix, finding_code, out)
    assert all(re.match(r"^\S+:\d+(:\d+)?: [EW]\d{3} (错误|警告)：", l) for l in lines[:-1]), out
    assert sum("错误：" in l for l in lines[:-1]) == 5 and sum("警告：" in l for l in lines[:-1]) == 1


def test_github_format(make_repo) -> None:
    root, expected = broken_repo(make_repo)
    code, out, err = run_check(root, "--format", "github")
    assert code == 1
    lines = out.strip().splitlines()
    assert SUMMARY.match(lines[-1])
    annotations = [GITHUB_LINE.match(l) for l in lines[:-1]]
    assert all(annotations), out
    got = {(m.group(2), m.group(5), int(m.group(3))) for m in annotations}
    for path, finding_code, *line in expected:
        if line:
            assert (path, finding_code, line[0]) in got, (path, finding_code, line, out)
    kinds = {(m.group(5), m.group(1)) for m in annotations}
    assert ("E204", "error") in kinds and ("E607", "error") in kinds
    assert all(int(m.group(3)) >= 1 and int(m.group(4)) >= 1 for m in annotations)  # GitHub needs ≥ 1


def test_github_format_for_whole_file_finding(repo) -> None:
    write(repo, "catalogs/说明.txt", "x")
    code, out, _ = run_check(repo, "--format", "github")
    assert code == 0
    assert out.splitlines()[0].startswith("::warning file=catalogs/说明.txt,line=1,col=1")


def test_github_message_escapes_newlines() -> None:
    from generator.report import _escape
    assert _escape("a\nb\r%c") == "a%0Ab%0D%25c"


def test_json_format(make_repo) -> None:
    root, expected = broken_repo(make_repo)
    result = check_json(root)
    assert result.code == 1
    assert result.data["summary"] == {"errors": 5, "warnings": 1, "files": 3}
    for f in result.findings:
        assert set(f) == {"path", "line", "col", "code", "severity", "message"}
        assert f["severity"] == ("error" if f["code"].startswith("E") else "warning")
    got = [(f["path"], f["code"], f["line"]) for f in result.findings]
    for path, finding_code, *line in expected:
        assert any(g[0] == path and g[1] == finding_code and (not line or g[2] == line[0]) for g in got), (path, finding_code)


# --- one run reports everything, in order -------------------------------------------------------

def test_all_findings_of_several_broken_files_in_one_run(make_repo) -> None:
    root, expected = broken_repo(make_repo)
    result = check_json(root)
    got = [(f["path"], f["code"]) + ((f["line"],) if f["path"] != "catalogs/aaa.yaml" else ()) for f in result.findings]
    assert got == [tuple(e) for e in expected]


def test_findings_are_sorted_by_file_then_line(make_repo) -> None:
    root, _ = broken_repo(make_repo)
    # more findings, written in reverse order of lines inside one file
    text = (root / CAT).read_text(encoding="utf-8")
    text = replace_once(text, "    status: 有效\n    effective_date: 2024-04-01", "    status: 生效\n    effective_date: 2024-04-01")
    text = replace_once(text, "    stages: [事前]", "    stages: [事前, 事前]")
    write(root, CAT, text)
    write(root, "typical-cases/demo/demo-2024-02.md", fixtures.CASE.replace("counterpart: 某水果店", "counterpart: 王建国"))
    findings = check_json(root).findings
    keys = [(f["path"], f["line"]) for f in findings]
    assert keys == sorted(keys)
    assert [p for p, _ in keys] == sorted(p for p, _ in keys)
    assert len({p for p, _ in keys}) == 4
    assert len(findings) >= 9


def test_summary_counts_files_and_severities(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "      date: 2024-02-20", "      date: 2024-03-20")
    root = make_repo(catalog=text)
    write(root, "typical-cases/demo/demo-2024-02.md",
          fixtures.CASE.replace("id: demo-2024-01", "id: demo-2024-02").replace("counterpart: 某水果店", "counterpart: 王建国"))
    write(root, "catalogs/notes.txt", "x")
    code, out, _ = run_check(root)
    assert code == 1
    assert out.strip().splitlines()[-1] == "1 个错误，2 个警告，共检查 4 个文件。"
    result = check_json(root)
    assert result.data["summary"] == {"errors": 1, "warnings": 2, "files": 4}


def test_github_format_escapes_the_file_property(repo) -> None:
    write(repo, "catalogs/说明,第2版.txt", "x")
    code, out, _ = run_check(repo, "--format", "github")
    assert code == 0
    assert out.splitlines()[0].startswith("::warning file=catalogs/说明%2C第2版.txt,line=1,col=1")
