"""The legal office's review report, from a real git repository with real commits.

A temporary repository holds the sample content on ``main``; the branch ``pr`` then edits a
field, adds an item, removes an item, changes a legal basis, adds a case that contains personal
data, edits an exempt item, and briefly commits a mobile number that a later commit deletes.
``python -m generator review`` runs as a subprocess, exactly as CI runs it.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import resident_id
from gitrepo import Repo, run_generator, sample_repo

SCJG = "catalogs/scjg.yaml"
STHJ = "catalogs/sthj.yaml"
CASE = "typical-cases/scjg/scjg-2025-01.md"
ID_NUMBER = resident_id("37030319850612003")  # a valid GB 11643 number (checksum computed)
MOBILE = "13912345678"
EARLIER_MOBILE = "13687654321"  # committed, then deleted again within the request
OLD_CONTENT = "讲解经营场所布局、设施设备、食品安全管理人员和管理制度等方面的基本要求"
NEW_CONTENT = "讲解经营场所布局和设施设备方面的基本要求，并提供申请材料示范文本"
EXEMPT_SECRET = "指导内容以企业提供的工艺资料为基础"  # text of the exempt item sthj-010
NEW_EXEMPT_TEXT = "新的保密工艺参数说明，仅向申请企业提供"
PREVIEW = "https://preview.example.gov.cn/pr-5"

NEW_ITEM = """\
  - id: scjg-011
    name: 网店未公示营业执照信息劝导警示
    mode: persuasion_warning
    stages: [事中]
    office: 网络交易监督管理科
    basis:
      - law: 中华人民共和国电子商务法
        article: 第十五条第一款
    subjects: 在本区登记、通过网络销售商品或者提供服务的电子商务经营者。
    situations: 网络交易监测中首次发现经营者未在网店首页显著位置公示营业执照信息的。
    content: 告知经营者公示营业执照信息的要求，经营者必须接受指导并当场改正，演示常见平台的公示设置方法。
    procedure:
      - 执法人员联系经营者，表明执法身份。
      - 告知本次劝导警示的目的、依据和内容，听取其陈述和申辩。
      - 经营者提出要求的，出具书面指导意见。
      - 期满后在线查看公示情况，记录并归档。
    rights:
      - 知情权：可以要求执法人员出示证件，并说明所涉问题和法律依据。
      - 陈述申辩权：可以说明网店开设和公示的实际情况。
      - 自主选择权：是否采纳建议由经营者决定，不接受劝导的，不因此受到额外的不利对待。
      - 救济权：对执法中作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼。
    supervision_phone: 0533-6010010
    disclosure: 公开
    status: 有效
    effective_date: 2025-03-01
    review:
      unit: 示例区司法局
      date: 2025-02-18
      filing_no: 示司备〔2025〕6号
    no_penalty: [scjg-bf-004]

"""

NEW_CASE = f"""\
---
id: scjg-2025-01
title: 示例区某日用品店网店未公示营业执照信息行政指导案
department: scjg
items: [scjg-011]
mode: persuasion_warning
month: 2025-04
region: 示例区
counterpart_kind: 个体工商户
counterpart: 某日用品店
tags: [首违不罚, 网络交易]
---

## 基本案情

2025年4月，执法人员发现某日用品店的网店首页未公示营业执照信息。经营者身份证号码{ID_NUMBER}，联系电话{MOBILE}。

## 指导过程

执法人员说明了本次指导的目的、依据和内容，听取了经营者的陈述。

## 指导结果

该店当天完成公示。

## 法律依据

《中华人民共和国电子商务法》第十五条第一款。

## 典型意义

通过提醒帮助新开网店的经营者及时改正。
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repo:
    repo = sample_repo(tmp_path_factory.mktemp("review") / "repo", "2025-01-06T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "pr")
    repo.replace_in_item(SCJG, "scjg-001", "    status: 有效\n", "    status: 暂停\n")
    repo.replace_in_item(SCJG, "scjg-001", OLD_CONTENT, NEW_CONTENT)
    repo.commit("scjg：修改事项 scjg-001 的状态和指导内容", "2025-02-01T10:00:00+08:00")
    repo.replace(SCJG, "\nno_penalty:\n", "\n" + NEW_ITEM + "no_penalty:\n")
    repo.commit("scjg：新增事项 scjg-011", "2025-02-02T10:00:00+08:00")
    repo.remove_item(SCJG, "scjg-010")
    repo.commit("scjg：删除事项 scjg-010", "2025-02-03T10:00:00+08:00")
    repo.replace_in_item(SCJG, "scjg-001", "article: 第三十五条第一款", "article: 第三十五条第二款")
    repo.commit("scjg：修改 scjg-001 的指导依据", "2025-02-04T10:00:00+08:00")
    repo.write(CASE, NEW_CASE)
    repo.commit("scjg：新增典型案例", "2025-02-05T10:00:00+08:00")
    repo.replace_in_item(STHJ, "sthj-010", EXEMPT_SECRET, NEW_EXEMPT_TEXT)
    repo.replace_in_item(STHJ, "sthj-010", "属于商业秘密", "属于企业的商业秘密")
    repo.commit("sthj：修改不予公开事项", "2025-02-06T10:00:00+08:00")
    repo.replace_in_item(SCJG, "scjg-002", "    disclosure: 公开\n",
                         f"    note: 联系人手机 {EARLIER_MOBILE}\n    disclosure: 公开\n")
    repo.commit("scjg：补充联系人", "2025-02-07T10:00:00+08:00")
    repo.replace_in_item(SCJG, "scjg-002", f"    note: 联系人手机 {EARLIER_MOBILE}\n", "")
    repo.commit("scjg：删除联系人", "2025-02-08T10:00:00+08:00")
    return repo


@pytest.fixture(scope="module")
def markdown(repo: Repo) -> tuple[int, str, str]:
    return run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                         "--preview-url", PREVIEW)


@pytest.fixture(scope="module")
def report(markdown: tuple[int, str, str]) -> str:
    return markdown[1]


@pytest.fixture(scope="module")
def as_json(repo: Repo) -> tuple[int, dict, str]:
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                                   "--format", "json", "--preview-url", PREVIEW)
    return code, json.loads(out), out


def section(report: str, heading: str) -> str:
    """The text of one '#### …' change section (up to the next heading)."""
    start = report.index(heading)
    following = [report.find(mark, start + len(heading)) for mark in ("\n#### ", "\n### ", "\n## ")]
    end = min([i for i in following if i >= 0], default=len(report))
    return report[start:end]


def test_exit_code_is_1_because_the_head_has_errors_and_the_report_is_still_written(markdown):
    code, out, err = markdown
    assert code == 1, err
    assert out.startswith("<!-- xzzd-review -->\n# 合法性审查报告"), out[:200]
    assert "Traceback" not in out + err


def test_summary_counts_each_kind_of_change(report):
    assert "| 行政指导事项 | 1 | 2 | 1 |" in report  # scjg-011 added; scjg-001, sthj-010 changed; scjg-010 removed
    assert "| 典型案例 | 1 | 0 | 0 |" in report


def test_edited_fields_show_labels_and_old_and_new_values(report):
    text = section(report, "#### 修改　scjg-001　食品经营许可申请政策辅导")
    assert "- **状态**：有效 → 暂停" in text
    assert "- **指导内容**：" in text
    # word-level diff: deleted and inserted runs, the unchanged words around them kept as they were
    assert "<del>、</del><ins>和</ins>" in text
    assert "<del>、食品安全管理人员和管理制度等</del>" in text
    assert "<ins>，并提供申请材料示范文本</ins>" in text
    assert "讲解经营场所布局" in text and "方面的基本要求" in text


def test_changed_legal_basis_is_listed_first_with_old_and_new_article(report):
    text = section(report, "#### 修改　scjg-001　食品经营许可申请政策辅导")
    assert "- **指导依据**（重点）：" in text
    assert "《中华人民共和国食品安全法》第三十五条第<del>一</del><ins>二</ins>款" in text
    assert text.index("**指导依据**") < text.index("**指导内容**") < text.index("**状态**")


def test_added_item_shows_all_its_fields(report):
    text = section(report, "#### 新增　scjg-011　网店未公示营业执照信息劝导警示")
    assert "（示例区市场监督管理局）" in text
    for line in ("- **事项编号**：scjg-011", "- **指导方式**：劝导警示", "- **实施环节**：事中",
                 "- **承办科室**：网络交易监督管理科", "- **公开属性**：公开", "- **关联不罚清单**：scjg-bf-004"):
        assert line in text, line
    assert "  - 《中华人民共和国电子商务法》第十五条第一款" in text
    assert "  - 执法人员联系经营者，表明执法身份。" in text


def test_removed_item_is_named_and_the_reviewer_is_told_to_prefer_a_status(report):
    text = section(report, "#### 删除　scjg-010　经营主体年度报告公示提示提醒")
    assert "catalogs/scjg.yaml" in text and "暂停或废止" in text


def test_added_case_is_listed_with_its_fields_and_body(report):
    text = section(report, "#### 新增　scjg-2025-01　示例区某日用品店网店未公示营业执照信息行政指导案")
    assert "- **相对人称谓**：某日用品店" in text
    assert "- **指导时间**：2025-04" in text
    assert "  - 【基本案情】" in text


def test_personal_data_is_reported_masked_and_never_in_clear(report, as_json):
    assert "E601 错误" in report and "E603 错误" in report
    assert "370303\\*\\*\\*\\*\\*\\*\\*\\*" in report  # ID masked (escaped for Markdown)
    assert "139\\*\\*\\*\\*5678" in report
    for raw in (ID_NUMBER, MOBILE, ID_NUMBER[6:14], MOBILE[3:7], EARLIER_MOBILE, EARLIER_MOBILE[3:7]):
        assert raw not in report, raw
        assert raw not in as_json[2], raw
    # the case body quoted in the report is masked too
    assert "身份证号码370303" in report


def test_personal_data_of_an_earlier_commit_is_reported(report):
    text = report[report.index("### 中间提交中的个人信息"):].split("\n## ")[0]
    assert "`catalogs/scjg.yaml:" in text
    assert "136\\*\\*\\*\\*4321" in text
    assert "中间提交中有 1 处疑似个人信息" in report


def test_errors_are_listed_before_warnings(report):
    findings = report[report.index("## 自动检查结果"):report.index("## 修改内容")]
    assert "W501 警告" in findings
    assert findings.index("E60") < findings.index("W501 警告")


def test_checklist_has_general_and_change_specific_lines(report):
    checklist = report[report.index("## 审查要点"):]
    for words in ("依据是否在本部门法定职权范围内", "是否存在强制或变相强制", "公开范围是否适当", "是否含个人信息",
                  "指导依据有变化（scjg-001、scjg-011）", "删除了事项（scjg-010）", "状态有变化（scjg-001）",
                  "新增事项（scjg-011）", "典型案例有变化（scjg-2025-01）", "不予公开的事项有修改（sthj-010）",
                  "自动检查有 2 个错误", "疑似个人信息", "读起来像强制的用语"):
        assert words in checklist, words
    assert all(line.startswith("- [ ] ") for line in checklist.splitlines() if line.startswith("- "))


def test_exempt_item_shows_only_id_ground_and_reason(report, as_json):
    text = section(report, "#### 修改　sthj-010　〔不予公开的事项〕")
    assert "不予公开的理由" in text and "属于<ins>企业的</ins>商业秘密" in text
    assert "其他有修改的字段：指导内容" in text
    for secret in (EXEMPT_SECRET, NEW_EXEMPT_TEXT, "企业清洁生产和污染治理设施改造个案技术指导"):
        assert secret not in report, secret
        assert secret not in as_json[2], secret


def test_preview_links_in_both_scripts(report):
    assert f"[简体]({PREVIEW}/items/scjg-011.html) · [繁體]({PREVIEW}/zh-Hant/items/scjg-011.html)" in report
    assert f"({PREVIEW}/cases/scjg-2025-01.html)" in report
    assert "items/scjg-010.html" not in report  # removed: no page
    assert "sthj-010.html" not in report  # exempt: no page


def test_department_reviewers_are_named_without_mentioning_them(report):
    assert "本部门审核人 `@scjg-editors`" in report


def test_json_format_parses_and_carries_the_same_changes(as_json):
    code, data, _ = as_json
    assert code == 1
    assert data["head"]["commit"] and data["base"]["revision"] == "main"
    found = {(c["kind"], c["action"], c["id"]) for c in data["changes"]}
    assert {("item", "changed", "scjg-001"), ("item", "added", "scjg-011"), ("item", "removed", "scjg-010"),
            ("case", "added", "scjg-2025-01"), ("item", "changed", "sthj-010")} <= found
    scjg001 = next(c for c in data["changes"] if c["id"] == "scjg-001")
    assert [f["label"] for f in scjg001["fields"]][:1] == ["指导依据"]
    status = next(f for f in scjg001["fields"] if f["field"] == "status")
    assert (status["label"], status["old"], status["new"]) == ("状态", ["有效"], ["暂停"])
    assert data["summary"]["errors"] == 2
    assert {f["code"] for f in data["findings"]} >= {"E601", "E603", "W501"}
    assert data["findings"][0]["severity"] == "error"
    assert any("依据是否在本部门法定职权范围内" in line for line in data["checklist"])
    exempt = next(c for c in data["changes"] if c["id"] == "sthj-010")
    assert exempt["withheld"] and exempt["title"] == ""
    assert all(f["hidden"] for f in exempt["fields"] if f["field"] not in ("disclosure", "exemption_reason"))
    assert all(not f["old"] and not f["new"] for f in exempt["fields"] if f["hidden"])


def test_review_works_on_a_bare_clone(repo, tmp_path, report):
    bare = tmp_path / "bare.git"
    Repo(tmp_path).git("clone", "-q", "--bare", str(repo.root), str(bare))
    code, out, err = run_generator("review", "--root", str(bare), "--base", "main", "--head", "pr",
                                   "--preview-url", PREVIEW)
    assert code == 1, err
    body = lambda text: text[text.index("## 概要"):]  # the intro names the commits, which are equal too
    assert body(out) == body(report)


def test_head_defaults_to_the_checked_out_commit(repo, report):
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--preview-url", PREVIEW)
    assert code == 1, err
    assert out[out.index("## 概要"):] == report[report.index("## 概要"):]


def test_base_ahead_of_the_branch_point_compares_from_the_merge_base(repo, tmp_path):
    """A commit on main after the branch point is not part of the request."""
    clone = tmp_path / "clone"
    Repo(tmp_path).git("clone", "-q", str(repo.root), str(clone))
    other = Repo(clone)
    other.git("checkout", "-q", "main")
    other.replace_in_item("catalogs/wsjk.yaml", "wsjk-001", "    status: 有效\n", "    status: 废止\n")
    other.commit("wsjk：废止 wsjk-001", "2025-02-10T10:00:00+08:00")
    code, out, err = run_generator("review", "--root", str(clone), "--base", "main", "--head", "origin/pr",
                                   "--format", "json")
    ids = {c["id"] for c in json.loads(out)["changes"]}
    assert "wsjk-001" not in ids and "scjg-011" in ids


def test_no_content_change_gives_a_short_clean_report(repo):
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "main")
    assert code == 0, err
    assert "没有内容修改" in out and "自动检查：通过" in out
    assert "本次请求不涉及内容" in out


def test_unknown_revision_is_a_usage_error_in_chinese(repo):
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "no-such-branch")
    assert code == 2
    assert "找不到版本“no-such-branch”" in err and "Traceback" not in err


def test_folder_without_git_is_a_usage_error_in_chinese(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    code, out, err = run_generator("review", "--root", str(tmp_path), "--base", "main")
    assert code == 2
    assert "不是 git 仓库" in err and "Traceback" not in err


def test_long_reports_are_cut_at_a_change_with_a_note(repo, report):
    limit = len(report) - 1500
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                                   "--max-chars", str(limit))
    assert len(out) <= limit
    assert re.search(r"还有 \d+ 项变更没有列出", out)
    assert "## 审查要点" in out  # the checklist is never cut


def test_output_file(repo, tmp_path):
    target = tmp_path / "review.md"
    code, out, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                                   "--output", str(target))
    assert code == 1 and out == ""
    assert "审查报告已写入" in err
    assert target.read_text(encoding="utf-8").startswith("<!-- xzzd-review -->")


# --- units ---------------------------------------------------------------------------------------

def test_escape_leaves_no_markup_links_or_mentions():
    from generator.review.report import escape

    text = escape("<script>x</script> [链接](javascript:x) @legal-office **粗** #12 a|b")
    assert "<script" not in text and "](" not in text.replace("\\](", "")
    assert "@legal-office" not in text  # a zero-width space keeps the forge from notifying anyone
    assert "\\*\\*" in text and "\\|" in text


def test_word_diff_of_chinese_text_reads_as_phrases():
    from generator.history import textdiff

    parts = textdiff.words("告知经营者相关规定并提出整改建议", "告知经营者相关规定，提出书面整改建议")
    # the two unchanged characters 提出 between two edits are folded in: one phrase replaced
    assert parts == [("=", "告知经营者相关规定"), ("-", "并提出"), ("+", "，提出书面"), ("=", "整改建议")]
    assert textdiff.words("有效", "暂停") == [("-", "有效"), ("+", "暂停")]


def _sample_with(item_id: str, **changes):
    """The sample content, and a copy in which item ``item_id`` has ``changes``."""
    import dataclasses

    from conftest import PROJECT
    from generator import checks

    loaded, settings, _ = checks.run(PROJECT)
    content = loaded.content
    departments = tuple(
        dataclasses.replace(d, items=tuple(dataclasses.replace(i, **changes) if i.id == item_id else i
                                           for i in d.items))
        for d in content.departments)
    return content, dataclasses.replace(content, departments=departments), settings


def test_making_an_item_exempt_shows_only_the_exemption():
    from generator.history import diff

    reason = "涉及企业未公开的工艺参数，依照《中华人民共和国政府信息公开条例》第十五条不予公开。"
    old, new, settings = _sample_with("scjg-003", disclosure="商业秘密", exemption_reason=reason,
                                      content="秘密的新内容")
    change, = diff.compare(old, new, diff.mode_labels(settings)).changes
    assert change.withheld and change.title == "" and change.action == diff.CHANGED
    shown = {f.field: (f.old, f.new) for f in change.fields if not f.hidden}
    assert shown == {"disclosure": (("公开",), ("商业秘密",)), "exemption_reason": ((), (reason,))}
    assert [f.label for f in change.fields if f.hidden] == ["指导内容"]
    # and the public history sees it as withdrawn from publication, nothing more
    public = diff.compare(diff.public_view(old), diff.public_view(new), {})
    assert [(c.action, c.id) for c in public.changes] == [("removed", "scjg-003")]


def test_publishing_an_exempt_item_shows_the_new_text_but_never_the_old():
    from generator.history import diff

    old, new, settings = _sample_with("sthj-010", disclosure="公开", exemption_reason=None,
                                      content="可以公开的指导内容。")
    change, = diff.compare(old, new, diff.mode_labels(settings)).changes
    assert change.now_public and not change.withheld
    assert change.title == "企业清洁生产和污染治理设施改造个案技术指导"
    values = " ".join(v for f in change.fields for v in f.new + f.old)
    assert "可以公开的指导内容。" in values
    assert "指导内容以企业提供的工艺资料为基础" not in values  # the former exempt text
    disclosure = change.field("disclosure")
    assert (disclosure.old, disclosure.new) == (("商业秘密",), ("公开",))


def test_an_item_with_errors_in_the_request_is_not_reported_as_removed(repo, tmp_path):
    clone = tmp_path / "clone"
    Repo(tmp_path).git("clone", "-q", str(repo.root), str(clone))
    other = Repo(clone)
    other.replace_in_item(SCJG, "scjg-002", "    status: 有效\n", "    status: 生效\n")  # not an allowed value
    other.commit("scjg：笔误", "2025-02-09T10:00:00+08:00")
    code, out, err = run_generator("review", "--root", str(clone), "--base", "origin/main", "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    scjg002 = next(c for c in data["changes"] if c["id"] == "scjg-002")
    assert scjg002["action"] == "unreadable" and scjg002["action_label"] == "有错误"
    assert data["summary"]["item"]["removed"] == 1  # still only scjg-010
    assert any(f["code"] == "E203" for f in data["findings"])
    markdown = run_generator("review", "--root", str(clone), "--base", "origin/main")[1]
    assert "#### 有错误　scjg-002" in markdown and "无法列出具体修改" in markdown
    assert "删除了事项（scjg-010）" in markdown and "scjg-002）：已发布的事项停止实施" not in markdown


def test_a_file_that_cannot_be_read_does_not_look_like_removed_content(repo, tmp_path):
    clone = tmp_path / "clone"
    Repo(tmp_path).git("clone", "-q", str(repo.root), str(clone))
    other = Repo(clone)
    other.replace("catalogs/yjgl.yaml", "department:\n", "department:\n\t")  # a tab: YAML cannot read the file
    other.commit("yjgl：缩进错误", "2025-02-09T10:00:00+08:00")
    code, out, err = run_generator("review", "--root", str(clone), "--base", "origin/main", "--format", "json")
    data = json.loads(out)
    yjgl = [c for c in data["changes"] if c["department"] == "yjgl"]
    assert yjgl and all(c["action"] == "unreadable" for c in yjgl)
    assert not any(c["action"] == "removed" and c["department"] == "yjgl" for c in data["changes"])


def test_unreadable_settings_in_the_request_are_explained_not_shown_as_removals(repo, tmp_path):
    clone = tmp_path / "clone"
    Repo(tmp_path).git("clone", "-q", str(repo.root), str(clone))
    other = Repo(clone)
    other.write("mkdocs.yml", other.read("mkdocs.yml") + "extra: [\n")
    other.commit("设置写错", "2025-02-09T10:00:00+08:00")
    code, out, err = run_generator("review", "--root", str(clone), "--base", "origin/main")
    assert code == 1, err
    assert "mkdocs.yml 无法读取" in out and "E801 错误" in out
    assert "#### 删除" not in out


def test_a_preview_address_cannot_break_out_of_its_link():
    """The preview address comes from CI configuration; whatever it holds, it stays one link target."""
    from generator.review.report import link_target
    hostile = 'https://p.example/x) [点此](https://evil.example) <script>"\'\n'
    target = link_target(hostile)
    assert not set(target) & set(" )(<>\"'\n[]")
    assert target.startswith("https://p.example/x%29%20")
