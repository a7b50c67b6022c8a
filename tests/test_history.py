"""The public change history (更新记录 page, Atom feed, publication dates) from real git history.

The repository's default branch receives: the sample content; a GitHub-style merge of pull
request #12 adding an item; a squash commit "(#13)" changing a legal basis; a GitLab-style
merge "!7" removing an item and adding a case; an edit of an exempt item (not public: it must
not show); a commit that touches no content. The site is built with ``python -m generator build``
as a subprocess; dates come only from these commits.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gitrepo import Repo, run_generator, sample_repo
from sitebuild import parse, visible_text

ATOM = "{http://www.w3.org/2005/Atom}"
SCJG = "catalogs/scjg.yaml"
UNKNOWN = "无法根据修改记录确定"

INITIAL = "2025-01-06T09:00:00+08:00"
PR12 = "2025-02-03T10:00:00+08:00"
PR13 = "2025-03-05T16:30:00+08:00"
MR7 = "2025-04-02T11:00:00+08:00"
EXEMPT_EDIT = "2025-04-20T09:00:00+08:00"
CODE_ONLY = "2025-05-01T09:00:00+08:00"

NEW_ITEM = """\
  - id: scjg-011
    name: 网店未公示营业执照信息提示提醒
    mode: reminder
    stages: [事中]
    office: 网络交易监督管理科
    basis:
      - law: 中华人民共和国电子商务法
        article: 第十五条第一款
    subjects: 在本区登记、通过网络销售商品或者提供服务的电子商务经营者。
    situations: 网络交易监测中发现经营者未在网店首页显著位置公示营业执照信息的。
    content: 告知经营者公示营业执照信息的要求，演示常见平台的公示设置方法。
    procedure:
      - 执法人员联系经营者，表明执法身份。
      - 告知本次提示的目的、依据和内容，听取其意见。
      - 经营者提出要求的，出具书面指导意见。
    rights:
      - 知情权：可以要求执法人员说明所涉问题和法律依据。
      - 参与权：可以说明网店开设和公示的实际情况。
      - 自主选择权：是否采纳建议由经营者决定，不采纳的不受不利对待。
      - 救济权：可以依法申请行政复议或者提起行政诉讼。
    supervision_phone: 0533-6010010
    disclosure: 公开
    status: 有效
    effective_date: 2025-02-01
    review:
      unit: 示例区司法局
      date: 2025-01-20
      filing_no: 示司备〔2025〕3号

"""

NEW_CASE = """\
---
id: wsjk-2025-01
title: 示例区某诊所医疗废物登记行政指导案
department: wsjk
items: [wsjk-006]
mode: persuasion_warning
month: 2025-03
region: 示例区
counterpart_kind: 法人
counterpart: 某诊所
---

## 基本案情

2025年3月，执法人员检查发现某诊所未对医疗废物进行登记。

## 指导过程

执法人员说明了本次指导的目的、依据和内容，听取了诊所负责人的陈述。

## 指导结果

该诊所当天补建了登记台账。

## 法律依据

《医疗废物管理条例》。

## 典型意义

以指导促规范。
"""


def build_history_repo(root: Path) -> Repo:
    repo = sample_repo(root, INITIAL)
    repo.git("checkout", "-q", "-b", "scjg-011")
    repo.replace(SCJG, "\nno_penalty:\n", "\n" + NEW_ITEM + "no_penalty:\n")
    repo.commit("scjg：新增事项 scjg-011", "2025-02-01T15:00:00+08:00")  # on the branch: not a publication date
    repo.git("checkout", "-q", "main")
    repo.merge("scjg-011", "Merge pull request #12 from district/scjg-011\n\nscjg：新增事项 scjg-011", PR12)
    repo.replace_in_item(SCJG, "scjg-001", "article: 第三十五条第一款", "article: 第三十五条第二款")
    repo.commit("scjg：修改 scjg-001 的指导依据 (#13)", PR13)
    repo.git("checkout", "-q", "-b", "wsjk-case")
    repo.remove_item(SCJG, "scjg-010")
    repo.write("typical-cases/wsjk/wsjk-2025-01.md", NEW_CASE)
    repo.commit("删除 scjg-010，新增案例", "2025-03-30T10:00:00+08:00")
    repo.git("checkout", "-q", "main")
    repo.merge("wsjk-case", "Merge branch 'wsjk-case' into 'main'\n\n删除事项，新增案例\n\n"
                            "See merge request district/xzzd!7", MR7)
    repo.replace_in_item("catalogs/sthj.yaml", "sthj-010", "仅向申请企业出具书面意见", "仅向申请企业出具书面意见和附件")
    repo.commit("sthj：修改不予公开事项", EXEMPT_EDIT)
    repo.write("NOTES.txt", "维护说明\n")
    repo.commit("补充维护说明", CODE_ONLY)
    return repo


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("history")
    repo = build_history_repo(base / "repo")
    out = base / "site"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    assert code == 0, stdout + stderr
    return repo, out, stdout


def test_build_with_history_prints_no_warning(built):
    _, _, stdout = built
    assert "修改记录" not in stdout


def test_changes_page_lists_each_publication_with_date_department_and_request(built):
    _, site, _ = built
    text = visible_text(site / "changes.html")
    for date in ("2025-01-06", "2025-02-03", "2025-03-05", "2025-04-02"):
        assert date in text, date
    assert "2025-02-01" not in text  # the branch commit is not on the default branch's first-parent line
    assert "2025-04-20" not in text and "2025-05-01" not in text  # exempt edit, code-only commit
    assert "合并请求#12" in text and "合并请求#13" in text and "合并请求!7" in text
    assert "新增行政指导事项：网店未公示营业执照信息提示提醒（scjg-011）" in text
    assert "修改行政指导事项：食品经营许可申请政策辅导（scjg-001：修改了指导依据）" in text
    assert "删除行政指导事项：经营主体年度报告公示提示提醒（scjg-010）" in text
    assert "新增典型案例：示例区某诊所医疗废物登记行政指导案（wsjk-2025-01）" in text
    assert "示例区市场监督管理局" in text
    # newest first
    assert text.index("2025-04-02") < text.index("2025-03-05") < text.index("2025-02-03") < text.index("2025-01-06")


def test_changes_page_links_current_pages_and_never_names_exempt_items(built):
    _, site, _ = built
    html = (site / "changes.html").read_text(encoding="utf-8")
    assert 'href="items/scjg-011.html"' in html and 'href="cases/wsjk-2025-01.html"' in html
    assert 'href="items/scjg-010.html"' in html  # removed: its page says since when (test_archive.py)
    assert "sthj-010" not in html and "企业清洁生产和污染治理设施改造个案技术指导" not in html
    hant = visible_text(site / "zh-Hant" / "changes.html")
    assert "更新記錄" in hant and "2025-04-02" in hant


def test_atom_feed_lists_the_changes_with_their_dates(built):
    _, site, _ = built
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{tag}") or "").strip(), tag
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == [MR7, PR13, PR12, INITIAL]
    assert root.findtext(f"{ATOM}updated") == MR7
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 4 and all(i.startswith("tag:xzzd.example.gov.cn,") for i in ids)
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[0].startswith("2025-04-02 ") and "合并请求 !7" in titles[0]
    assert "新增行政指导事项 1 项" in titles[2] and "合并请求 #12" in titles[2]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert all(link.startswith("https://xzzd.example.gov.cn/xzzd/changes.html#change-") for link in links)
    assert "sthj-010" not in (site / "feed.xml").read_text(encoding="utf-8")


def test_traditional_feed_is_atom_too(built):
    _, site, _ = built
    root = ET.parse(site / "zh-Hant" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed" and len(root.findall(f"{ATOM}entry")) == 4
    assert "更新記錄" in root.findtext(f"{ATOM}title")
    assert root.find(f"{ATOM}link").get("href") == "https://xzzd.example.gov.cn/xzzd/zh-Hant/feed.xml"


def _dates(page: Path) -> tuple[str, str]:
    text = visible_text(page)
    first = re.search(r"首次发布\|?([^|]+?)\|?最近更新", text) or re.search(r"首次發布(.+?)最近更新", text)
    last = re.search(r"最近更新\|?(\d{4}-\d{2}-\d{2}|" + UNKNOWN + ")", text)
    return first.group(1), last.group(1)


def test_item_and_case_pages_show_first_published_and_last_changed_dates(built):
    _, site, _ = built
    assert _dates(site / "items" / "scjg-011.html") == ("2025-02-03", "2025-02-03")
    assert _dates(site / "items" / "scjg-001.html") == ("2025-01-06", "2025-03-05")
    assert _dates(site / "items" / "scjg-002.html") == ("2025-01-06", "2025-01-06")
    assert _dates(site / "cases" / "wsjk-2025-01.html") == ("2025-04-02", "2025-04-02")


def test_pubdate_meta_is_the_last_change_on_record(built):
    _, site, _ = built
    assert parse(site / "items" / "scjg-001.html").meta("PubDate") == "2025-03-05"
    assert parse(site / "zh-Hant" / "items" / "scjg-001.html").meta("PubDate") == "2025-03-05"
    assert parse(site / "cases" / "wsjk-2025-01.html").meta("PubDate") == "2025-04-02"


def test_history_output_is_deterministic(built, tmp_path):
    repo, site, _ = built
    again = tmp_path / "again"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(again))
    assert code == 0, stdout + stderr
    for rel in ("feed.xml", "zh-Hant/feed.xml", "changes.html", "items/scjg-001.html"):
        assert (again / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_shallow_clone_build_says_history_is_missing(built, tmp_path):
    repo, _, _ = built
    clone = tmp_path / "shallow"
    Repo(tmp_path).git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    out = tmp_path / "site"
    code, stdout, stderr = run_generator("build", "--root", str(clone), "--out", str(out))
    assert code == 0, stdout + stderr
    assert "浅克隆" in stdout and "修改记录不完整" in stdout
    page = visible_text(out / "changes.html")
    assert "无法列出更新记录" in page and "浅克隆" in page
    assert _dates(out / "items" / "scjg-001.html") == (UNKNOWN, UNKNOWN)
    assert not (out / "feed.xml").exists()
    assert "2025-04-02" not in page


def test_folder_that_is_not_a_repository_says_so(tmp_path):
    from sitebuild import copy_content

    root = copy_content(tmp_path / "plain")
    out = tmp_path / "site"
    code, stdout, stderr = run_generator("build", "--root", str(root), "--out", str(out))
    assert code == 0, stdout + stderr
    assert "不是 git 仓库" in stdout
    assert "不是git仓库" in visible_text(out / "changes.html")  # visible_text drops spaces
    assert _dates(out / "cases" / "scjg-2024-01.html") == (UNKNOWN, UNKNOWN)


# --- the history model ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def history_repo(tmp_path_factory) -> Repo:
    return build_history_repo(tmp_path_factory.mktemp("model") / "repo")


def test_history_dates_and_epoch_come_from_commits(history_repo):
    import datetime as dt

    from generator.history import changelog as history

    h = history.read(history_repo.root)
    assert h.available and len(h.entries) == 4
    assert h.dates_of("item", "scjg-011") == history.Dates("2025-02-03", "2025-02-03")
    assert h.dates_of("item", "scjg-010") == history.Dates("2025-01-06", "2025-01-06")  # removed since
    assert h.dates_of("item", "sthj-010") == history.Dates()  # exempt: never published
    assert h.epoch() == int(dt.datetime.fromisoformat(MR7).timestamp())
    assert [e.commit.pull_request for e in h.entries] == [None, "#12", "#13", "!7"]


def test_uncommitted_edit_has_no_last_changed_date(history_repo):
    from generator import checks
    from generator.history import changelog as history

    loaded, _, _ = checks.run(history_repo.root)
    content = loaded.content
    departments = tuple(
        dataclasses.replace(d, items=tuple(dataclasses.replace(i, name=i.name + "（修订）") if i.id == "scjg-002" else i
                                           for i in d.items))
        for d in content.departments)
    h = history.read(history_repo.root, dataclasses.replace(content, departments=departments))
    assert h.dates_of("item", "scjg-002") == history.Dates("2025-01-06", None)
    assert h.dates_of("item", "scjg-003") == history.Dates("2025-01-06", "2025-01-06")


@pytest.mark.parametrize("message, number", [
    ("Merge pull request #12 from district/scjg-011", "#12"),
    ("scjg：修改指导依据 (#13)", "#13"),
    ("Merge branch 'x' into 'main'\n\n说明\n\nSee merge request district/xzzd!7", "!7"),
    ("scjg：修改第 12 号事项", None),
])
def test_pull_request_number_from_the_merge_commit_message(message, number):
    from generator.history.record import Commit

    assert Commit("0" * 40, "2025-01-01T00:00:00+08:00", message).pull_request == number


def test_a_change_of_reviewers_only_is_not_a_publication(tmp_path):
    from generator.history import changelog as history

    repo = sample_repo(tmp_path / "repo", INITIAL)
    repo.replace(SCJG, 'reviewers: ["@scjg-editors"]', 'reviewers: ["@scjg-editors", "@scjg-legal"]')
    repo.commit("scjg：增加审核人", PR12)
    repo.replace(SCJG, "address: 示例区文昌路 88 号", "address: 示例区文昌路 90 号")
    repo.commit("scjg：办公地址变更", PR13)
    h = history.read(repo.root)
    assert [e.commit.time for e in h.entries] == [INITIAL, PR13]
    change, = h.entries[-1].changes.changes
    assert (change.kind, change.id, [f.label for f in change.fields]) == ("department", "scjg", ["办公地址"])


def test_a_changed_trade_is_shown_by_its_label_not_its_code():
    """The change history, the review and the version pages show 餐饮, as the item page does."""
    from conftest import PROJECT
    from generator import checks
    from generator.history import diff
    from generator.model import Content

    loaded, settings, _ = checks.run(PROJECT)
    old = loaded.content
    item = next(i for i in old.items() if i.trades)
    departments = tuple(dataclasses.replace(d, items=tuple(dataclasses.replace(i, trades=()) if i is item else i
                                                           for i in d.items)) for d in old.departments)
    changes = diff.compare(old, Content(departments, old.cases), diff.mode_labels(settings))
    [change] = [c for c in changes.changes if c.id == item.id]
    labels = {t.code: t.label for t in settings.trades}
    assert change.field("trades").old == tuple(labels[t] for t in item.trades)
    assert not set(item.trades) & set(change.field("trades").old)
