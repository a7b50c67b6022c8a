"""The archive of versions (issue 15), built from a real git repository with three commits.

On the default branch: the sample content (2025-01-06); then one commit that edits item
scjg-003 (its new text holding a mobile number by mistake), removes scjg-002 and scjg-010 and
makes scjg-001 exempt (2025-02-10); then a second edit of scjg-003 that takes the number out
again and records in the catalog's ``withdrawn:`` list that scjg-002 was merged into scjg-003
(2025-03-10), and edits a typical case; scjg-010 has no recorded reason. The site is built with ``python -m generator
build`` as a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from generator import egress
from generator.history import changelog
from gitrepo import Repo, run_generator, sample_repo
from sitebuild import files_of, parse, visible_text

SCJG = "catalogs/scjg.yaml"
CASE = "typical-cases/scjg/scjg-2024-01.md"
FIRST, SECOND, THIRD = "2025-01-06T09:00:00+08:00", "2025-02-10T10:00:00+08:00", "2025-03-10T15:00:00+08:00"
MOBILE = "13912345678"  # fictional; a mobile number needs no checksum
MARKUP = "<script>alert(1)</script>"  # old text is never checked again: it must be shown as text
EXEMPT_NAME = "食品经营许可申请政策辅导"
EXEMPT_TEXT = "帮助经营者区分需要申请许可、只需备案和无需许可的情形"
ONLY_IN_SECOND = "临期食品集中陈列、单独标示"
ONLY_IN_THIRD = "上门走访和公众号推送等方式"
WITHDRAWN = """
withdrawn:
  - id: scjg-002
    date: 2025-02-01
    reason: 合并
    merged_into: scjg-003
    note: 登记注册的政策辅导改在政务服务中心统一提供。
"""


def build_archive_repo(root: Path) -> tuple[Repo, list[str]]:
    repo = sample_repo(root, FIRST)
    repo.replace_in_item(SCJG, "scjg-003", "临期食品集中陈列并明确提示", f"临期食品集中陈列、单独标示，咨询可拨打 {MOBILE}{MARKUP}")
    repo.remove_item(SCJG, "scjg-002")
    repo.remove_item(SCJG, "scjg-010")
    repo.replace_in_item(SCJG, "scjg-001", "disclosure: 公开", "disclosure: 商业秘密\n    exemption_reason: "
                         "指导材料涉及申请人未公开的经营方案，依照《中华人民共和国政府信息公开条例》第十五条不予公开。")
    second = repo.commit("scjg：修改 scjg-003，删除 scjg-002，scjg-001 不再公开", SECOND)
    repo.replace_in_item(SCJG, "scjg-003", f"临期食品集中陈列、单独标示，咨询可拨打 {MOBILE}{MARKUP}", "临期食品集中陈列、单独标示")
    repo.replace_in_item(SCJG, "scjg-003", "上门走访等方式", "上门走访和公众号推送等方式")
    repo.write(SCJG, repo.read(SCJG) + WITHDRAWN)
    repo.replace(CASE, "并在后厨张贴了晨检记录表", "并在后厨张贴了晨检记录表和健康证明公示栏")
    third = repo.commit("scjg：再次修改 scjg-003", THIRD)
    return repo, [repo.git("rev-parse", "HEAD~2"), second, third]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("archive")
    repo, commits = build_archive_repo(base / "repo")
    out = base / "site"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    assert code == 0, stdout + stderr
    return out, commits


def version(date: str, sha: str) -> str:
    return f"{date}-{sha[:8]}"


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_item_page_links_each_earlier_version_newest_first(built, prefix):
    site, commits = built
    page = parse(site / prefix / "items" / "scjg-003.html")
    links = [a.get("href") for a in page.find("a") if "/v/" in (a.get("href") or "")]
    assert links == [f"scjg-003/v/{version('2025-02-10', commits[1])}.html",
                     f"scjg-003/v/{version('2025-01-06', commits[0])}.html"]
    assert all((site / prefix / "items" / link).is_file() for link in links)
    assert ("历史版本" if not prefix else "歷史版本") in visible_text(site / prefix / "items" / "scjg-003.html")


def test_first_version_shows_the_text_then_and_what_changed_next(built):
    site, commits = built
    path = site / "items" / "scjg-003" / "v" / f"{version('2025-01-06', commits[0])}.html"
    text = visible_text(path)
    assert "历史版本，仅供查阅" in text and "2025-01-06" in text
    assert "临期食品集中陈列并明确提示" in text  # the text as it was
    html = path.read_text(encoding="utf-8")
    assert re.search(r"<ins>[^<]*单独标示", html) and re.search(r"<del>[^<]*并明确提示", html)
    assert parse(path).meta("robots") == "noindex"
    assert 'href="../../scjg-003.html"' in html  # to the current version


def test_second_version_masks_the_mobile_number_it_held(built):
    site, commits = built
    name = f"{version('2025-02-10', commits[1])}.html"
    for prefix in ("", "zh-Hant/"):
        text = visible_text(site / prefix / "items" / "scjg-003" / "v" / name)
        assert "139****5678" in text and MOBILE not in text
        assert ("单独标示" if not prefix else "單獨標示") in text
        full_text = text.split("本版本全文" if not prefix else "本版本全文".replace("问", "問"))[-1]
        assert "上门走访等方式" in full_text or "上門走訪等方式" in full_text
    html = (site / "items" / "scjg-003" / "v" / name).read_text(encoding="utf-8")
    assert re.search(r"<ins>[^<]*公众号推送", html)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_case_page_links_its_earlier_version_with_the_body_as_it_was(built, prefix):
    site, commits = built
    page = site / prefix / "cases" / "scjg-2024-01.html"
    [link] = [a.get("href") for a in parse(page).find("a") if "/v/" in (a.get("href") or "")]
    assert link == f"scjg-2024-01/v/{version('2025-01-06', commits[0])}.html"
    old = site / prefix / "cases" / link
    text = visible_text(old)
    assert ("并在后厨张贴了晨检记录表。" if not prefix else "並在後廚張貼了晨檢記錄表。") in text
    assert re.search(r"<ins>[^<]*(和健康证明公示栏|和健康證明公示欄)", old.read_text(encoding="utf-8"))
    assert "李某" in text and ("张某" if not prefix else "張某") in text  # de-identified names are not masked again


def test_the_current_page_is_not_a_version_and_versions_stay_out_of_the_sitemap(built):
    site, commits = built
    assert not list((site / "items" / "scjg-003" / "v").glob(f"2025-03-10-*.html"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/v/" not in sitemap and "items/scjg-003.html" in sitemap


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_removed_item_without_a_recorded_reason_says_since_when_with_its_last_text(built, prefix):
    site, _ = built
    text = visible_text(site / prefix / "items" / "scjg-010.html")
    expected = (("本事项于2025-02-10移出目录", "部门没有登记移出的原因", "经营主体年度报告公示提示提醒") if not prefix
                else ("本事項於2025-02-10移出目錄", "部門沒有登記移出的原因", "經營主體年度報告公示提示提醒"))
    for words in expected:  # since when (from git), no reason recorded, its last published title
        assert words in text
    assert "scjg-010" not in visible_text(site / prefix / "departments" / "scjg.html")


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_removed_item_with_a_recorded_merge_links_the_item_that_took_it_over(built, prefix):
    site, _ = built
    path = site / prefix / "items" / "scjg-002.html"
    text = visible_text(path)
    assert ("自2025-02-01起并入食品经营进货查验和贮存管理提示提醒，于2025-02-10移出目录" if not prefix
            else "自2025-02-01起併入食品經營進貨查驗和貯存管理提示提醒，於2025-02-10移出目錄") in text
    assert ("登记注册的政策辅导改在政务服务中心统一提供" if not prefix else "登記註冊的政策輔導改在政務服務中心統一提供") in text
    assert ("促进个体工商户发展条例" if not prefix else "促進個體工商戶發展條例") in text  # the last published text
    assert 'href="scjg-003.html"' in path.read_text(encoding="utf-8")


def test_exempt_item_is_in_no_output_file(built):
    site, _ = built
    for path in files_of(site):
        for member, text in egress.texts_of(str(path), path.read_bytes()):
            for secret in (EXEMPT_NAME, EXEMPT_TEXT, MOBILE):
                assert secret not in text, (member, secret)
    assert not (site / "items" / "scjg-001.html").exists()
    assert not (site / "items" / "scjg-001").exists()


def test_exports_carry_first_and_last_publication_dates_from_git(built):
    site, _ = built
    data = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    items = {i["id"]: i for d in data["departments"] for i in d["items"]}
    assert (items["scjg-003"]["first_published"], items["scjg-003"]["last_changed"]) == ("2025-01-06", "2025-03-10")
    assert (items["scjg-004"]["first_published"], items["scjg-004"]["last_changed"]) == ("2025-01-06", "2025-01-06")
    rows = list(csv.DictReader(io.StringIO((site / "data" / "scjg.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["事项编号"] == "scjg-003")
    assert (row["首次发布日期"], row["最近更新日期"]) == ("2025-01-06", "2025-03-10")
    sheet = openpyxl.load_workbook(site / "data" / "catalog.xlsx", read_only=True)["区市场监管局"]
    header, *cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    row = next(r for r in cells if r[0] == "scjg-003")
    assert (row[header.index("首次发布日期")], row[header.index("最近更新日期")]) == ("2025-01-06", "2025-03-10")


# --- the record itself (history only, no site) -----------------------------------------------------

def test_an_item_removed_and_added_again_has_no_withdrawn_page_and_keeps_its_versions(tmp_path):
    repo = sample_repo(tmp_path / "repo", FIRST)
    block = repo.read(SCJG)
    repo.remove_item(SCJG, "scjg-002")
    repo.commit("删除 scjg-002", SECOND)
    repo.write(SCJG, block.replace("个体工商户和小微企业登记注册政策指引", "个体工商户和小微企业登记注册政策辅导"))
    repo.commit("恢复 scjg-002", THIRD)
    history = changelog.read(repo.root)
    assert "scjg-002" not in history.withdrawn
    assert [v.commit.date for v in history.versions[("item", "scjg-002")]] == ["2025-01-06", "2025-03-10"]
    assert [v.commit.date for v in history.earlier("item", "scjg-002")] == ["2025-01-06"]


def test_an_item_exempt_for_a_while_shows_no_version_from_before_its_exemption(tmp_path):
    repo = sample_repo(tmp_path / "repo", FIRST)
    repo.replace_in_item(SCJG, "scjg-001", "disclosure: 公开", "disclosure: 商业秘密\n    exemption_reason: "
                         "指导材料涉及申请人未公开的经营方案，依照《中华人民共和国政府信息公开条例》第十五条不予公开。")
    repo.commit("scjg-001 不再公开", SECOND)
    exempt = changelog.read(repo.root)
    assert ("item", "scjg-001") not in exempt.versions and ("item", "scjg-001") not in exempt.dates
    assert all(c.id != "scjg-001" for e in exempt.entries for c in e.changes.changes)  # not even when first added
    repo.git("revert", "--no-edit", "HEAD", date=THIRD)
    public_again = changelog.read(repo.root)
    assert [v.commit.date for v in public_again.versions[("item", "scjg-001")]] == ["2025-03-10"]
    assert public_again.earlier("item", "scjg-001") == ()


def test_an_item_removed_then_added_back_exempt_has_no_page_and_no_history(tmp_path):
    repo = sample_repo(tmp_path / "repo", FIRST)
    block = repo.read(SCJG)
    repo.remove_item(SCJG, "scjg-002")
    repo.commit("删除 scjg-002", SECOND)
    repo.write(SCJG, block)
    repo.replace_in_item(SCJG, "scjg-002", "disclosure: 公开", "disclosure: 商业秘密\n    exemption_reason: "
                         "指导材料涉及申请人未公开的经营方案，依照《中华人民共和国政府信息公开条例》第十五条不予公开。")
    repo.commit("scjg-002 恢复但不公开", THIRD)
    history = changelog.read(repo.root)
    assert "scjg-002" not in history.withdrawn and ("item", "scjg-002") not in history.versions
    assert all(c.id != "scjg-002" for e in history.entries for c in e.changes.changes)
