"""The legal office's desk in the review report (issue 14), from a real git repository.

``main`` holds the fixture catalog with three items citing laws of a small statute library;
the branch ``pr`` then changes a basis (行政处罚法 第三十三条第一款 → 第二款) without touching the
review record, renumbers an item, and brings the 2023 revision of 行政复议法 into the library
while an item still cites the 2017 numbering. ``python -m generator review`` runs as CI runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fixtures
from conftest import FIXTURE_LAWS, LAWS, build_repo, line_of, replace_once, with_laws
from gitrepo import Repo, run_generator

CAT = fixtures.CATALOG_PATH
REVIEW_LAW = "法律/行政复议法"
PENALTY_33_1 = "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。"
PENALTY_33_2 = "当事人有证据足以证明没有主观过错的，不予行政处罚。"
COERCIVE = "经营者必须接受指导并当场将商品收回店内"
POWERS = "department: demo\npowers:\n  - code: 370303000CG-XK-0001\n    name: 户外广告设施设置审批\n"


def _catalog() -> str:
    """The fixture catalog; demo-001 cites two articles of 行政复议法 (2017 numbering); demo-003
    is a third item that the request renumbers."""
    text = replace_once(fixtures.CATALOG, "      - law: 城市市容和环境卫生管理条例\n      - law: 优化营商环境条例\n",
                        "      - law: 城市市容和环境卫生管理条例\n      - law: 中华人民共和国行政复议法\n"
                        "        article: 第九条第一款\n      - law: 行政复议法\n        article: 第41条\n")
    start = text.index("  - id: demo-001\n")
    end = text.index("  - id: demo-002\n")
    third = (text[start:end].replace("  - id: demo-001\n", "  - id: demo-003\n")
             .replace("户外招牌设置政策指引", "门头招牌维护政策指引")
             .replace("示司备〔2024〕31号", "示司备〔2024〕33号"))
    return text.replace("\nno_penalty:\n", "\n" + third + "no_penalty:\n")


def _law_file(version: str) -> tuple[str, bytes]:
    path = LAWS / "法律" / f"行政复议法({version}).md"
    return f"laws/法律/{path.name}", path.read_bytes()


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repo:
    root = build_repo(tmp_path_factory.mktemp("lawdesk") / "repo", _catalog())
    with_laws(root, *FIXTURE_LAWS)
    rel, data = _law_file("2017-09-01")
    (root / rel).write_bytes(data)
    meta = (LAWS / "法律" / "行政复议法.yaml").read_text(encoding="utf-8")
    before = replace_once(meta, "  - file: 行政复议法(2023-09-01).md\n    status: 现行有效\n", "")
    (root / "laws/法律/行政复议法.yaml").write_text(replace_once(before, "status: 已修改", "status: 现行有效"),
                                                   encoding="utf-8")
    (root / "powers").mkdir()
    (root / "powers/demo.yaml").write_text(POWERS, encoding="utf-8")
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("示例区城市管理局目录清单和法规库", "2024-05-06T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "pr")
    repo.replace_in_item(CAT, "demo-002", "article: 第三十三条第一款", "article: 第三十三条第二款")
    repo.replace_in_item(CAT, "demo-002", "建议当场将商品收回店内", COERCIVE)
    repo.commit("demo：修改 demo-002 的指导依据", "2024-05-07T10:00:00+08:00")
    repo.replace_in_item(CAT, "demo-003", "  - id: demo-003\n", "  - id: demo-004\n")
    repo.commit("demo：事项改编号", "2024-05-08T10:00:00+08:00")
    rel, data = _law_file("2023-09-01")
    (root / rel).write_bytes(data)
    (root / "laws/法律/行政复议法.yaml").write_bytes((LAWS / "法律" / "行政复议法.yaml").read_bytes())
    repo.commit("法规库：加入行政复议法 2023 年修订版", "2024-05-09T10:00:00+08:00")
    return repo


@pytest.fixture(scope="module")
def report(repo: Repo) -> str:
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr")
    assert code in (0, 1) and "Traceback" not in err, err
    return out


@pytest.fixture(scope="module")
def as_json(repo: Repo) -> dict:
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                                   "--format", "json")
    assert "Traceback" not in err, err
    return json.loads(out)


def section(report: str, heading: str) -> str:
    start = report.index(heading)
    following = [report.find(mark, start + len(heading)) for mark in ("\n#### ", "\n### ", "\n## ")]
    return report[start:min([i for i in following if i >= 0], default=len(report))]


def test_basis_change_shows_old_and_new_article_text_side_by_side(report):
    part = section(report, "#### 修改　demo-002")
    table = part[part.index("指导依据的条文"):]
    row = next(line for line in table.splitlines() if line.startswith("| **《"))
    old, new = row.strip("|").split(" | ")
    assert "《中华人民共和国行政处罚法》第三十三条第一款" in old and PENALTY_33_1 in old and PENALTY_33_2 not in old
    assert "《中华人民共和国行政处罚法》第三十三条第二款" in new and PENALTY_33_2 in new and PENALTY_33_1 not in new
    assert "2021-01-22 版" in new


def _finding(report: str, code: str) -> str:
    return next(line for line in report.splitlines() if f"**{code} " in line)


def test_changed_item_with_the_same_review_record_is_flagged_at_its_review_date(repo, report):
    text = repo.read(CAT)
    block = text[text.index("  - id: demo-002\n"):]
    line = text[:text.index("  - id: demo-002\n")].count("\n") + line_of(block, "      date: 2024-03-15")
    flagged = _finding(report, "W915")
    assert f"`{CAT}:{line}:" in flagged and "demo-002" in flagged and "指导依据" in flagged


def test_renumbered_item_is_flagged_and_told_ids_are_permanent(repo, report):
    flagged = _finding(report, "W916")
    assert f"`{CAT}:{line_of(repo.read(CAT), '  - id: demo-004')}:" in flagged
    assert "demo-004" in flagged and "恢复原编号 demo-003" in flagged


def test_each_changed_item_is_reviewed_by_the_five_elements(repo, report):
    part = section(report, "#### 修改　demo-002")
    table = part[part.index("合法性审查五要素"):]
    rows = {line.split(" | ")[0].strip("| "): line for line in table.splitlines() if line.startswith("| ")}
    assert ["主体", "权限", "依据", "程序", "内容"] == [k for k in rows if k not in ("要素", "---")][:5]
    assert "✔ 实施部门：示例区城市管理局" in rows["主体"]
    assert "✘ 没有填写关联权责事项编码" in rows["权限"]
    assert "✔ 《中华人民共和国行政处罚法》第三十三条第二款（2021-01-22 版）：法规库中有（法律，现行有效）" in rows["依据"]
    assert "✘ 指导程序中没有找到：记录归档" in rows["程序"]  # demo-002 names no record keeping
    assert "✔ 相对人权利写明了：知情权、参与权、救济权、可以拒绝指导" in rows["程序"]
    content_line = line_of(repo.read(CAT), COERCIVE)
    assert rows["内容"].startswith(f"| 内容 | ✘ W501（第 {content_line} 行）") and "✔" not in rows["内容"]
    assert all(line.count(" | ") == 2 for line in rows.values())  # the reviewer's question in every row


def test_a_library_change_lists_the_items_citing_changed_articles(repo, report):
    part = report[report.index("## 法规库的修改"):report.index("## 审查要点")]
    assert "《中华人民共和国行政复议法》：现行版本由 2017-09-01 版改为 2023-09-01 版" in part
    text = repo.read(CAT)
    rows = [line for line in part.splitlines() if line.startswith("- `")]
    assert rows == [
        f"- `{CAT}:{line_of(text, '第九条第一款', 1)}` demo-001（事项）：第九条第一款 —— 第九条现为第二十条，内容有修改",
        f"- `{CAT}:{line_of(text, '第41条', 1)}` demo-001（事项）：第四十一条 —— 第四十一条现为第八十九条",
        f"- `{CAT}:{line_of(text, '第九条第一款', 2)}` demo-004（事项）：第九条第一款 —— 第九条现为第二十条，内容有修改",
        f"- `{CAT}:{line_of(text, '第41条', 2)}` demo-004（事项）：第四十一条 —— 第四十一条现为第八十九条",
    ]
    assert "可以自知道或者应当知道该行政行为之日起六十日内" in part  # the new text of 第二十条


def test_json_carries_the_desk(as_json):
    assert sorted(f["code"] for f in as_json["findings"]) == ["W501", "W915", "W916", "W917"]
    desk = as_json["legality"]
    assert [e["element"] for e in desk["elements"]["demo-002"]] == ["body", "power", "basis", "procedure", "content"]
    [row] = desk["bases"]["demo-002"]
    assert PENALTY_33_1 in row["old"]["text"] and PENALTY_33_2 in row["new"]["text"]
    assert [c["law"] for c in desk["law_changes"]] == ["中华人民共和国行政复议法"]
    assert len(desk["law_changes"][0]["citing"]) == 4


def test_power_codes_are_shown_with_the_names_of_the_department_list(report):
    part = section(report, "#### 新增　demo-004")
    row = next(line for line in part.splitlines() if line.startswith("| 权限 |"))
    assert "✔ 权责事项 370303000CG-XK-0001：户外广告设施设置审批" in row and "✘" not in row


def test_a_review_older_than_20_working_days_is_flagged(repo, report):
    """demo-004 is new, reviewed 2024-02-20; the request's last commit is of 2024-05-09. demo-002
    keeps its review date (W915 says so): W917 is for the reviews the request brings."""
    text = repo.read(CAT)
    block = text[text.index("  - id: demo-004\n"):]
    line = text[:text.index("  - id: demo-004\n")].count("\n") + line_of(block, "      date: 2024-02-20")
    flagged = _finding(report, "W917")
    assert f"`{CAT}:{line}:" in flagged and "demo-004" in flagged and "2024-05-09" in flagged
    assert report.count("**W917 ") == 1


def test_working_days_follow_the_official_holiday_calendar():
    from generator.workdays import working_days

    assert working_days("2024-09-30", "2024-10-08") == 1  # 国庆节 1–7 October
    assert working_days("2024-02-20", "2024-03-01") == 8
    assert working_days("2024-09-27", "2024-09-30") == 2  # Sunday 29 September was a working day
    assert working_days("2024-03-01", "2024-02-01") == 0
    assert working_days("2099-01-01", "2099-02-01") is None  # no table for that year: not guessed


def test_a_quotation_slip_is_a_problem_of_that_basis_only(tmp_path):
    """demo-002 quotes 第三十三条第一款 with one character changed and the first sentence of 第二款
    faithfully (elided): its 依据 row names E908 at the first quotation's line and verifies the second."""
    slip = PENALTY_33_1.replace("及时改正", "即时改正")
    text = replace_once(fixtures.CATALOG, "        article: 第三十三条第一款\n",
                        f"        article: 第三十三条第一款\n        text: {slip}\n"
                        f"      - law: 行政处罚法\n        article: 第33条第2款\n        text: {PENALTY_33_2}……\n")
    root = with_laws(build_repo(tmp_path / "repo"), *FIXTURE_LAWS)
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("目录清单", "2024-05-06T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "pr")
    repo.write(CAT, replace_once(text, "date: 2024-03-15", "date: 2024-05-07"))
    repo.commit("demo-002 引用条文", "2024-05-07T10:00:00+08:00")
    code, out, err = run_generator("review", "--root", str(root), "--base", "main", "--head", "pr")
    assert code == 1 and "Traceback" not in err, err
    row = next(line for line in section(out, "#### 修改　demo-002").splitlines() if line.startswith("| 依据 |"))
    line = line_of(repo.read(CAT), f"text: {slip}")
    assert f"✘ 《中华人民共和国行政处罚法》第三十三条第一款：E908（第 {line} 行）" in row
    assert "✔ 《中华人民共和国行政处罚法》第三十三条第二款（2021-01-22 版）：法规库中有（法律，现行有效），条款存在，引文与正式文本一致" in row
    assert row.count("✘") == 1


def test_an_item_without_problems_is_verified_in_every_element(report):
    part = section(report, "#### 新增　demo-004")
    rows = [line for line in part[part.index("合法性审查五要素"):].splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [r.split(" | ")[0] for r in rows] == ["| 主体", "| 权限", "| 依据", "| 程序", "| 内容"]
    assert "✔ 没有发现读起来像强制的用语（W501）" in rows[4] and "✔ 指导程序写明了：表明身份或说明来意、告知目的、依据和内容、应要求出具书面意见、记录归档" in rows[3]
