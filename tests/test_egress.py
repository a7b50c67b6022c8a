"""Nothing personal leaves: the scan of the built site, the change history, the review report.

Real git repositories (``gitrepo``) and real builds (``python -m generator build`` as a
subprocess). Output files are read back with independent readers (zipfile for XLSX, gzip),
and searched for the personal data in every way it could be written.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import resident_id
from gitrepo import Repo, run_generator, sample_repo
from sitebuild import files_of, tree_digest
from generator import egress

ID = resident_id("37030319850612003")
NAME = "王建国"
CASE = "typical-cases/scjg/scjg-2025-01.md"
CASE_TEXT = """\
---
id: scjg-2025-01
title: {title}
department: scjg
items: [scjg-001]
mode: policy_guidance
month: 2025-04
region: 示例区
counterpart_kind: 个体工商户
counterpart: 某超市
{extra}---

## 基本案情

2025年4月，执法人员在走访中发现某超市未在经营场所醒目位置公示食品经营许可证。

## 指导过程

执法人员说明了本次指导的目的、依据和内容，听取了经营者的意见。{body}

## 指导结果

该超市当天完成公示。

## 法律依据

《中华人民共和国食品安全法》第三十五条第一款。

## 典型意义

通过提醒帮助经营者及时改正。
"""
CLEAN_TITLE = "示例区某超市未公示食品经营许可证行政指导案"


def case_text(title: str = CLEAN_TITLE, extra: str = "", body: str = "") -> str:
    return CASE_TEXT.format(title=title, extra=extra, body=body)


def any_separators(digits: str) -> re.Pattern:
    """The digits with anything but a digit or letter (up to three characters) between any two."""
    return re.compile(r"[^0-9A-Za-z]{0,3}".join(map(re.escape, digits)))


def readable_texts(site: Path) -> dict[str, str]:
    """Every file of the site as text, as independent readers give it: XLSX and ZIP members,
    gzip content, the rest as UTF-8."""
    out = {}
    for path in files_of(site):
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    out[f"{rel}!{name}"] = archive.read(name).decode("utf-8", "replace")
        elif data[:2] == b"\x1f\x8b":
            out[rel] = gzip.decompress(data).decode("utf-8", "replace")
        else:
            out[rel] = data.decode("utf-8", "replace")
    return out


# --- the change history ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """An earlier commit's case title held an ID number and a full name; a later one corrected it."""
    base = tmp_path_factory.mktemp("corrected")
    repo = sample_repo(base / "repo", "2025-01-06T09:00:00+08:00")
    spaced = f"{ID[:6]} {ID[6:14]} {ID[14:]}"
    repo.write(CASE, case_text(f"示例区某超市负责人{NAME}（身份证号 {spaced}）未公示食品经营许可证行政指导案"))
    repo.commit("scjg：新增典型案例", "2025-04-10T10:00:00+08:00")
    repo.write(CASE, case_text())
    repo.commit("scjg：案例标题去标识化", "2025-04-11T10:00:00+08:00")
    out = base / "site"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    return code, stdout + stderr, out


def test_corrected_personal_data_never_reaches_any_output_file(corrected):
    code, output, out = corrected
    assert code == 0, output
    texts = readable_texts(out)
    assert any(name.endswith(".xlsx!xl/worksheets/sheet1.xml") or ".xlsx!" in name for name in texts)
    pattern = any_separators(ID)
    for name, text in texts.items():
        assert not pattern.search(text), name
        assert NAME not in text and "王建國" not in text, name


def test_history_page_and_feed_list_the_case_under_its_current_title(corrected):
    _, _, out = corrected
    page = (out / "changes.html").read_text(encoding="utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "scjg-2025-01" in page and CLEAN_TITLE in page
    assert CLEAN_TITLE in feed


# --- the gate before the swap -------------------------------------------------------------------

def test_personal_data_in_the_output_stops_the_build_and_keeps_the_previous_site(tmp_path):
    """A merge commit's request number shaped like a mobile reaches the history page and feed; no
    content check reads commit messages, the scan of the output does (E660)."""
    repo = sample_repo(tmp_path / "repo", "2025-01-06T09:00:00+08:00")
    out = tmp_path / "site"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    assert code == 0, stdout + stderr
    before = tree_digest(out)
    repo.git("checkout", "-q", "-b", "edit")
    repo.write(CASE, case_text())
    repo.commit("scjg：新增典型案例", "2025-04-10T10:00:00+08:00")
    repo.git("checkout", "-q", "main")
    repo.merge("edit", "Merge pull request #13905331234 from district/edit", "2025-04-11T10:00:00+08:00")
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    assert code == 1, stdout + stderr
    lines = [line for line in stdout.splitlines() if " E660 " in line]
    assert lines and lines[0].startswith(f"{out}/"), stdout
    assert "139****1234" in lines[0] and "13905331234" not in stdout + stderr
    assert "Traceback" not in stdout + stderr
    assert tree_digest(out) == before  # the previous site is untouched
    assert not list(tmp_path.glob(".build-*"))


def test_public_names_pass_check_and_output_and_are_not_published_as_a_list(tmp_path):
    repo = sample_repo(tmp_path / "repo", "2025-01-06T09:00:00+08:00")
    reason = "区市场监管局局长，依职务出席并公开表态"
    repo.write(CASE, case_text(extra=f"public_names:\n  - name: {NAME}\n    reason: {reason}\n",
                               body=f"区市场监管局负责人{NAME}到场说明有关政策。"))
    repo.commit("scjg：新增典型案例", "2025-04-10T10:00:00+08:00")
    out = tmp_path / "site"
    code, stdout, stderr = run_generator("build", "--root", str(repo.root), "--out", str(out))
    assert code == 0, stdout + stderr
    page = (out / "cases" / "scjg-2025-01.html").read_text(encoding="utf-8")
    assert f"负责人{NAME}" in page
    assert not any(reason in text for text in readable_texts(out).values())


def test_a_name_listed_for_one_case_is_still_an_error_in_another(tmp_path):
    repo = sample_repo(tmp_path / "repo", "2025-01-06T09:00:00+08:00")
    repo.write(CASE, case_text(extra=f"public_names:\n  - name: {NAME}\n    reason: 区市场监管局局长，依职务公开\n"))
    other = CASE.replace("2025-01", "2025-02")
    text = case_text(body=f"当事人{NAME}表示愿意整改。").replace("scjg-2025-01", "scjg-2025-02")
    repo.write(other, text)
    code, stdout, _ = run_generator("check", "--root", str(repo.root), "--format", "json")
    assert code == 1
    findings = json.loads(stdout)["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [(other, "E607")], findings
    assert NAME not in stdout


# --- the review report --------------------------------------------------------------------------

def test_review_fails_when_an_intermediate_commit_held_a_phone_number(tmp_path):
    repo = sample_repo(tmp_path / "repo", "2025-01-06T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "pr")
    repo.write(CASE, case_text(body="经营者联系电话 139 0533 1234。"))
    repo.commit("scjg：新增典型案例", "2025-04-10T10:00:00+08:00")
    repo.write(CASE, case_text())
    repo.commit("scjg：删除联系电话", "2025-04-11T10:00:00+08:00")
    code, report, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr")
    assert code == 1, report + err
    assert "中间提交中的个人信息" in report and "139\\*\\*\\*\\*1234" in report
    assert "13905331234" not in report and "139 0533 1234" not in report
    code, out, _ = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr",
                                 "--format", "json")
    assert code == 1 and json.loads(out)["blocked"] is True


def test_review_shows_new_public_names_to_the_legal_office(tmp_path):
    repo = sample_repo(tmp_path / "repo", "2025-01-06T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "pr")
    reason = "区市场监管局局长，依职务公开"
    repo.write(CASE, case_text(extra=f"public_names:\n  - name: {NAME}\n    reason: {reason}\n",
                               body=f"区市场监管局负责人{NAME}到场说明有关政策。"))
    repo.commit("scjg：新增典型案例", "2025-04-10T10:00:00+08:00")
    code, report, err = run_generator("review", "--root", str(repo.root), "--base", "main", "--head", "pr")
    assert code == 0, report + err
    section = report[report.index("### 允许公开的姓名"):]
    line = repo.read(CASE).split("\n").index(f"  - name: {NAME}") + 1
    assert f"| `{CASE}:{line}` | {NAME} | {reason} |" in section
    assert "public\\_names" in report.split("## 审查要点")[1]


# --- reading every kind of file -----------------------------------------------------------------

def test_every_kind_of_output_file_is_read(tmp_path):
    book = Workbook()
    book.active.append(["联系电话", 13905331234])
    buffer = io.BytesIO()
    book.save(buffer)
    files = {
        "data/x.xlsx": (buffer.getvalue(), "E603"),
        "sitemap.xml.gz": (gzip.compress("<url>110105 900307 123</url>".encode()), "E601"),
        "a.html": ("<p>电话 139<span>0533</span>1234</p>".encode(), "E603"),
        "b.html": ("<p>电话 &#49;&#51;905331234</p>".encode(), "E603"),
        "m/0.json": (json.dumps({"t": "当事人王建国"}, ensure_ascii=True).encode(), "E607"),
        "notes.txt": ("来电 13905331234".encode("gb18030"), "E603"),
        "u16.txt": ("来电 13905331234".encode("utf-16"), "E603"),
    }
    for rel, (data, code) in files.items():
        hits = egress.scan_file(rel, data)
        assert [h.match.code for h in hits] == [code], (rel, hits)


@pytest.mark.parametrize("text", [
    "<a href=\"changes.html#change-3f1a9b13905331234c0d1e2f3\">x</a>",  # a commit id
    '<link href="assets/main.57a0d79d.min.css">',
    "鲁ICP备12345678号-1 鲁公网安备 37030302000123号 网站标识码 3703030001",
    "监督电话 0533-6010010，0533-6010010-123；政务服务便民热线 12345",
    "关联权责事项编码 370303000SC-XK-0001、62052400MZ-XK-0001",
])
def test_ordinary_output_raises_nothing(text: str) -> None:
    assert egress.scan_text(text, name="x.html") == []


def test_findings_name_the_output_line_and_trace_the_source(sample, tmp_path):
    """E660 on a copy of the real sample site with one planted line: the first hit is located
    in the output file; when the content holds the same number, the finding points there."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample.out, site)
    page = site / "about.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(10, "<p>联系电话 139 0533 1234</p>")
    page.write_text("\n".join(lines), encoding="utf-8")
    untraced = egress.check_site(site, "site", egress.Sources({}, ()))
    assert [(f.path, f.line, f.code) for f in untraced] == [("site/about.html", 11, "E660")]
    assert "139****1234" in untraced[0].message and "13905331234" not in untraced[0].message
    content = {"catalogs/demo.yaml": "a: 1\nnote: 电话13905331234\n"}
    traced = egress.check_site(site, "site", egress.Sources(content, ()))
    assert [(f.path, f.line, f.code) for f in traced] == [("catalogs/demo.yaml", 2, "E660")]
    assert "site/about.html" in traced[0].message


def test_the_sample_site_passes_the_scan(sample):
    assert egress.scan_tree(sample.out) == []


def test_text_of_a_pdf_is_read():
    """A PDF's text sits in compressed streams: it is read through its text layer (pypdf)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 10 100 Td (Tel 139 0533 1234) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert [h.match.key for h in egress.scan_file("print/x.pdf", buffer.getvalue())] == ["13905331234"]


def test_a_number_word_splits_into_runs_is_read_whole_in_a_docx():
    """Word writes a sentence as runs wherever the formatting or an edit changed (here: a bold
    middle), so the number is never whole in document.xml; it is in the text Word shows."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("联系人身份证号 ")
    paragraph.add_run(ID[:6])
    paragraph.add_run(ID[6:14]).bold = True
    paragraph.add_run(ID[14:])
    buffer = io.BytesIO()
    document.save(buffer)
    xml = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("word/document.xml").decode("utf-8")
    assert ID not in xml and not egress.scan_text(xml, name="word/document.xml")  # the XML alone hides it
    hits = egress.scan_file("documents/x.docx", buffer.getvalue())
    assert [(h.file, h.match.key) for h in hits] == [("documents/x.docx!word/document.xml", ID)]


def test_every_copy_of_a_shared_part_is_read_in_a_site(tmp_path):
    """The site's documents share their parts, and a part read once is not read again; a part
    that differs in one file only (here its header) is still read there, and each file that
    holds a number is named."""
    import docx

    def save(name: str, header: str) -> None:
        document = docx.Document()
        document.add_paragraph("劝导告诫书")
        document.sections[0].header.paragraphs[0].text = header
        document.save(tmp_path / name)

    save("a.docx", "示例区市场监督管理局")
    save("b.docx", "示例区市场监督管理局")
    save("c.docx", "示例区市场监督管理局 联系电话 13905331234")
    save("d.docx", "示例区市场监督管理局 联系电话 13905331234")
    hits = egress.scan_tree(tmp_path)
    assert sorted({(h.file.partition("!")[0], h.match.key) for h in hits}) == [
        ("c.docx", "13905331234"), ("d.docx", "13905331234")]


def test_a_member_stored_alike_is_known_without_unpacking_and_named_in_each_file(tmp_path, monkeypatch):
    """A member whose stored bytes were read once is not unpacked again, and what it holds is
    reported in each file that has it; the same text stored another way (another name, not
    compressed, inside an archive in the archive) is read for itself, and a member the
    unpacking budget cuts short reads as cut, however it read elsewhere."""
    monkeypatch.setattr(egress, "MAX_UNPACKED_BYTES", 400)

    def archive(name: str, *members: tuple[str, bytes, int]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for member, data, method in members:
                z.writestr(zipfile.ZipInfo(member, (2025, 1, 1, 0, 0, 0)), data, compress_type=method)
        (tmp_path / name).write_bytes(buffer.getvalue())
        return buffer.getvalue()

    text = "电话 13905331234\n".encode("utf-8")
    deflated = zipfile.ZIP_DEFLATED
    archive("a.zip", ("x.txt", text, deflated))
    archive("b.zip", ("x.txt", text, deflated), ("pad.txt", b"-" * 40, deflated))
    archive("c.zip", ("y.txt", text, deflated))
    archive("d.zip", ("x.txt", text.replace(b"34", b"35"), zipfile.ZIP_STORED))
    inner = archive("inner.bin", ("x.txt", text.replace(b"34", b"36"), deflated))
    (tmp_path / "inner.bin").unlink()
    archive("e.zip", ("inner.zip", inner, deflated))
    archive("f.zip", ("inner.zip", inner, deflated))
    archive("g.zip", ("pad.txt", b"-" * 390, deflated), ("x.txt", text, deflated))  # 10 bytes left for x.txt
    alone = sorted((p.name, h.file, h.line, h.match.key) for p in tmp_path.iterdir()
                   for h in egress.scan_file(p.name, p.read_bytes()))
    shared = sorted((h.file.partition("!")[0], h.file, h.line, h.match.key) for h in egress.scan_tree(tmp_path))
    assert shared == alone
    assert [(file, key) for _, file, _, key in shared] == [
        ("a.zip!x.txt", "13905331234"), ("b.zip!x.txt", "13905331234"), ("c.zip!y.txt", "13905331234"),
        ("d.zip!x.txt", "13905331235"), ("e.zip!inner.zip!x.txt", "13905331236"),
        ("f.zip!inner.zip!x.txt", "13905331236")]


def test_a_scan_begun_early_still_reads_the_finished_site(tmp_path):
    """The build scans what is ready while an engine runs; whatever was read early, the finished
    scan is that of the site as it is at the end: a file rewritten after it was read is read
    again, a new file is read, and a file deleted since no longer counts."""
    (tmp_path / "a.html").write_text("<p>电话 0533-6010010</p>", encoding="utf-8")
    (tmp_path / "gone.txt").write_text("来电 13905331234", encoding="utf-8")
    scan = egress.Scan(tmp_path)
    scan.scan_ready(lambda: True)
    (tmp_path / "a.html").write_text("<p>联系人手机 13905331234，电话 0533-6010010。</p>", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"t": "13905331234"}', encoding="utf-8")
    (tmp_path / "gone.txt").unlink()
    assert sorted(h.file for h in scan.finish()) == ["a.html", "b.json"]


def test_a_link_or_a_pipe_in_the_site_is_refused_and_not_followed(tmp_path):
    """A web server sends what a symbolic link points to, which the scan never reads there: the
    gate refuses anything in the new site that is neither a file nor a folder, and follows none."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("来电 13905331234", encoding="utf-8")
    (outside / "folder" / "more.txt").write_text("来电 13905331234", encoding="utf-8")
    site = tmp_path / "site"
    (site / "items").mkdir(parents=True)
    (site / "items" / "a.html").write_text("<p>联系人手机 13905331234</p>", encoding="utf-8")
    (site / "items" / "b.txt").symlink_to(outside / "secret.txt")
    (site / "linked").symlink_to(outside / "folder", target_is_directory=True)
    os.mkfifo(site / "items" / "pipe")
    scan = egress.Scan(site)
    scan.scan_ready(lambda: True)  # neither step may open the pipe: it would wait forever
    assert [h.file for h in scan.finish()] == ["items/a.html"]
    assert [p.page for p in scan.problems] == ["items/b.txt", "items/pipe", "linked"]
    assert all("符号链接或特殊文件" in p.what for p in scan.problems)


def test_a_line_read_once_is_judged_again_where_it_reads_otherwise(tmp_path):
    """The scan reads each distinct line once, and a line's hits are its own wherever it
    appears: the same line is a number in a page (an inline tag splits it, a reader sees it
    whole) but not in a text file (read as written, not as markup), and each file names the
    line it holds it on."""
    line = "电话 139<b></b>0533<b></b>1234"
    (tmp_path / "a.txt").write_text(f"{line}\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<p>x</p>\n{line}\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(f"<p>x</p>\n<p>y</p>\n{line}\n", encoding="utf-8")
    (tmp_path / "a0.html").write_text(f"<p>x</p> <!-- 未闭合的注释\n{line}\n", encoding="utf-8")
    hits = egress.scan_tree(tmp_path)
    # a0.html: what follows an unclosed comment is not shown (and did not hide the line elsewhere)
    assert [(h.file, h.line, h.match.key) for h in hits] == [
        ("b.html", 2, "13905331234"), ("c.html", 3, "13905331234")]


def test_a_line_is_remembered_only_once_seen_again():
    """The memo keeps what is shared (a page's chrome), not the body lines each page has alone:
    at a city's scale those took about 300 MB in each worker of the scan. A remembered line
    with a number is still reported in every file that has it."""
    memo = egress.Memo()
    hits = []
    for n in range(5):
        page = f"<p>共用的页脚 值班手机 13905331234</p>\n<p>第 {n} 页独有的一行</p>\n"
        hits += [(h.file, h.line) for h in egress.scan_file(f"p{n}.html", page.encode(), memo=memo)]
    assert hits == [(f"p{n}.html", 1) for n in range(5)]
    remembered = {line for lines in memo.lines.values() for line in lines}
    assert remembered == {"<p>共用的页脚 值班手机 13905331234</p>", ""}


def test_the_scan_of_a_site_equals_the_scan_of_each_file_alone(sample, tmp_path):
    """What the shared reading finds is what reading each file alone finds, on a copy of the
    real sample site with three planted lines: one in the shared chrome of every page (a
    footer), one in one page's body and one in a JSON data file."""
    site = tmp_path / "site"
    shutil.copytree(sample.out, site)
    planted = {}
    for i, page in enumerate(sorted(site.rglob("*.html"))):
        text = page.read_text(encoding="utf-8")
        text = text.replace("</footer>", "<p>值班手机 139 0533 1234</p></footer>", 1)
        if i == 7:
            text = text.replace("</main>", f"<p>身份证号 {resident_id('37030319800101123')}</p></main>", 1)
        planted[page] = text
    for page, text in planted.items():
        page.write_text(text, encoding="utf-8")
    data = next(site.rglob("*.json"))
    data.write_text(data.read_text(encoding="utf-8") + '\n{"t": "139\\u000a05331235"}', encoding="utf-8")
    alone = sorted((p.relative_to(site).as_posix(), h.line, h.match.key)
                   for p in site.rglob("*") if p.is_file()
                   for h in egress.scan_file(p.relative_to(site).as_posix(), p.read_bytes()))
    shared = sorted((h.file.partition("!")[0], h.line, h.match.key) for h in egress.scan_tree(site))
    assert shared == alone
    assert {key for _, _, key in shared} == {"13905331234", resident_id("37030319800101123"), "13905331235"}
