"""Guidance documents (``generator.documents``): every document of the sample, opened with
python-docx (an independent reader), says what an officer and a counterpart must read; the
filler keeps Word's formatting, escapes values and drops empty paragraphs; the same inputs give
the same bytes; the ``document`` command's exit codes and messages; a screenshot of a document
rendered by LibreOffice (when installed) for people to look at.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

import sitebuild
from conftest import PROJECT, replace_once, write
from generator import checks, documents, egress
from generator.documents import config as documents_config
from generator.documents import filler, templates
from generator.messages import zh_hans as msg
from generator.script import Converter

SCREENSHOTS = PROJECT / "test-output" / "screenshots"
YEAR = 2025
EXEMPT = "sthj-010"  # the sample's one item not published (商业秘密)
SUSPENDED = "wsjk-011"  # status 暂停


class Sample:
    def __init__(self) -> None:
        self.loaded, self.settings, findings = checks.run(PROJECT)
        assert not [f for f in findings if f.code.startswith("E")], findings
        self.context, problems = documents.load_context(PROJECT, self.settings, self.loaded, YEAR)
        assert self.context is not None and problems == [], problems
        self.converter = Converter(self.settings.hant_variant)
        self.items = [(i, d) for d in self.loaded.content.departments for i in d.items]
        self.jobs = [(i, d, k) for i, d in self.items for k in documents.kinds_for(i, self.context)]
        self.made = {(i.id, k.code, script): documents.write_for_item(i, d, self.context, k, self.converter, script)
                     for i, d, k in self.jobs for script in documents.SCRIPTS}


@pytest.fixture(scope="module")
def sample() -> Sample:
    return Sample()


def texts(data: bytes) -> list[str]:
    """Every paragraph a reader sees: the body (with tables) and the page headers."""
    document = docx.Document(io.BytesIO(data))
    body = [p.text for p in document.paragraphs]
    body += [p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return body + [p.text for s in document.sections for p in s.header.paragraphs]


def number_pattern(agency: str, short: str, region: str = "示区", end: str = "号") -> re.Pattern[str]:
    return re.compile(rf"{region}{agency}{short}〔{YEAR}〕\u3000+{end}")


def test_every_published_item_in_force_gets_the_documents_of_its_mode(sample: Sample) -> None:
    by_mode = {k.code: set(k.modes) for k in sample.context.config.kinds}
    for item, _ in sample.items:
        expected = {code for code, modes in by_mode.items() if item.mode in modes}
        if not item.published or item.status != "有效":
            expected = set()
        assert {k.code for k in documents.kinds_for(item, sample.context)} == expected, item.id
    assert len({i.id for i, _, _ in sample.jobs}) >= 60 and {k.code for _, _, k in sample.jobs} == set(by_mode)


def test_every_document_holds_the_fields_an_officer_needs(sample: Sample) -> None:
    config = sample.context.config
    for item, department, kind in sample.jobs:
        paragraphs = texts(sample.made[(item.id, kind.code, "zh-Hans")])
        text = "\n".join(paragraphs)
        where = f"{item.id} {kind.code}"
        assert kind.name in paragraphs, where
        assert department.name in paragraphs, where
        assert item.name in text and item.id in text, where
        assert item.supervision_phone in text and department.legal_office.phone in text, where
        assert any(number_pattern(config.numbering.agencies[department.code], kind.short).fullmatch(p)
                   for p in paragraphs), where
        for b in item.basis:
            assert f"《{b.law}》" in text, (where, b.law)
            if b.text:
                quoted = "".join(b.text.split())
                assert any(quoted in "".join(p.split()) for p in paragraphs), (where, b.text[:20])
        for line in item.content.splitlines():
            assert line.strip() in paragraphs, (where, line[:20])
        for body in (config.remedies.complaint_body, config.remedies.review_body, config.remedies.court):
            assert body in text, (where, body)
        assert "六十日内" in text and "六个月内" in text and "不具有强制力" in text, where
        assert "【请填写" in text, where  # blanks for the case facts
        assert "{{" not in text and "}}" not in text and "\ue000" not in text, where
        if department.sample:
            assert paragraphs[0] == msg.DOCUMENT_SAMPLE_MARK, where
            assert msg.DOCUMENT_SAMPLE_MARK in paragraphs[-1:], where  # the page header: every page
        if kind.code == "warning":
            for ref in item.no_penalty:
                assert any(p.startswith(ref) for p in paragraphs), (where, ref)


def test_statute_text_is_quoted_from_the_library_when_the_catalog_does_not(sample: Sample) -> None:
    """scjg-004 cites 食品安全法 第四十五条 without quoting it: the document quotes the library."""
    paragraphs = texts(sample.made[("scjg-004", "warning", "zh-Hans")])
    line = next(p for p in paragraphs if p.startswith("《中华人民共和国食品安全法》第四十五条："))
    assert "从业人员健康管理制度" in line


def test_real_departments_get_no_sample_mark(sample: Sample, tmp_path: Path) -> None:
    item, department, kind = sample.jobs[0]
    real = dataclasses.replace(department, sample=False)
    paragraphs = texts(documents.write_for_item(item, real, sample.context, kind, sample.converter))
    assert msg.DOCUMENT_SAMPLE_MARK not in paragraphs and not any("【示例】" in p for p in paragraphs)
    assert paragraphs[0] == department.name  # the mark's paragraph is gone, not left empty
    assert paragraphs[-1] == ""  # the page header (Word needs its paragraph) holds nothing


def test_an_exempt_item_gets_no_document_and_is_in_none(sample: Sample) -> None:
    item, department = next((i, d) for i, d in sample.items if i.id == EXEMPT)
    assert not item.published and documents.kinds_for(item, sample.context) == ()
    with pytest.raises(documents.ExemptItem):
        documents.write_for_item(item, department, sample.context, sample.context.config.kinds[0], sample.converter)
    secrets = [item.name, item.id, item.exemption_reason, item.content.splitlines()[0][:20]]
    for data in sample.made.values():
        text = "\n".join(texts(data))
        for secret in secrets:
            assert secret not in text


def test_documents_pass_the_output_scan_for_personal_data(sample: Sample) -> None:
    for key, data in sample.made.items():
        for member, text in egress.texts_of(f"{key[0]}.docx", data):
            assert egress.scan_text(text, (), member) == [], key


def test_same_inputs_give_the_same_bytes(sample: Sample) -> None:
    again = Sample()  # templates read and compiled again, a new converter
    assert again.made == sample.made
    for data in list(sample.made.values())[:5]:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_traditional_documents_convert_the_template_and_the_content(sample: Sample) -> None:
    hans = texts(sample.made[("scjg-001", "opinion", "zh-Hans")])
    hant = texts(sample.made[("scjg-001", "opinion", "zh-Hant")])
    assert "行政指導意見書" in hant and "示例區市場監督管理局" in hant
    assert any(number_pattern("市監", "指意", "示區", "號").fullmatch(p) for p in hant)
    assert any("食品經營許可" in p for p in hant) and "告知事項" in hant
    assert len(hans) == len(hant)
    for simplified in ("书", "区", "经营", "许可", "监督"):
        assert not any(simplified in p for p in hant), simplified
    assert hant == [sample.converter.to_hant(p) for p in hans]


# --- the filler --------------------------------------------------------------------------------

def _template(*paragraphs: tuple[str, list[str]]) -> bytes:
    """A .docx whose paragraphs are given as runs (Word splits text into runs after edits)."""
    document = docx.Document()
    for style, runs in paragraphs:
        p = document.add_paragraph(style=style)
        for i, run in enumerate(runs):
            r = p.add_run(run)
            r.bold = i == 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_field_split_across_runs_is_filled_in_its_first_run() -> None:
    data = _template(("Normal", ["事项：{{ item", "_na", "me }}。"]))
    filled = filler.compile_template(data).fill({"item_name": "户外招牌设置政策指引"})
    runs = [(r.text, bool(r.bold)) for r in docx.Document(io.BytesIO(filled)).paragraphs[-1].runs]
    assert "".join(t for t, _ in runs) == "事项：户外招牌设置政策指引。"
    assert runs[0] == ("事项：户外招牌设置政策指引", False)  # the field keeps the run it starts in


def test_list_fields_repeat_their_paragraph_and_empty_ones_vanish() -> None:
    data = _template(("Normal", ["{{ sample_mark }}"]), ("Title", ["标题"]), ("Quote", ["{{ basis }}"]),
                     ("Normal", ["依据：{{ basis }}"]), ("Normal", ["末段"]))
    filled = filler.compile_template(data).fill({"sample_mark": "", "basis": ("第一条。", "第二条", "第三条")})
    paragraphs = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(filled)).paragraphs]
    assert paragraphs[-6:] == [("Title", "标题"), ("Quote", "第一条。"), ("Quote", "第二条"), ("Quote", "第三条"),
                               ("Normal", "依据：第一条。第二条；第三条"), ("Normal", "末段")]


def test_values_are_escaped_never_markup() -> None:
    data = _template(("Normal", ["{{ item_name }}"]), ("Normal", ["尾"]))
    hostile = '</w:t></w:r><w:r><w:t>注入 & <b>"粗"</b>\x00\x1b'
    filled = filler.compile_template(data).fill({"item_name": hostile})
    document = docx.Document(io.BytesIO(filled))
    assert document.paragraphs[-2].text == '</w:t></w:r><w:r><w:t>注入 & <b>"粗"</b>'
    assert len(document.paragraphs[-2].runs) == 1


def test_unknown_fields_and_broken_braces_are_problems() -> None:
    data = _template(("Normal", ["{{ item_nam }}"]), ("Normal", ["{{ item_name }"]), ("Normal", ["{{ 事项名称 }}"]))
    problems = filler.compile_template(data).problems
    assert [(p.key, p.text) for p in problems] == [
        ("unknown", "{{ item_nam }}"), ("unclosed", "{{ item_name }"), ("unknown", "{{ 事项名称 }}")]


def test_not_a_docx_is_refused() -> None:
    for data in (b"", b"PK\x03\x04 broken", "只是文字".encode(), _zip({"a.txt": b"x"})):
        with pytest.raises(filler.NotADocx):
            filler.compile_template(data)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_the_template_script_is_reproducible_and_keeps_edited_templates(tmp_path: Path) -> None:
    first = {kind: templates.build(kind) for kind in templates.layouts()["kinds"]}
    assert first == {kind: templates.build(kind) for kind in first}
    for kind, data in first.items():
        document = docx.Document(io.BytesIO(data))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
        body = document.styles["文书正文"]
        assert body.font.size.pt == 16
        fonts = body.element.rPr.rFonts
        assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋"
        assert filler.compile_template(data).problems == []
    run = [sys.executable, "-m", "generator.documents.templates", "--root", str(tmp_path)]
    subprocess.run(run, cwd=PROJECT, check=True, capture_output=True, timeout=120)
    edited = tmp_path / "documents/templates/opinion.docx"
    edited.write_bytes(b"edited in Word")
    proc = subprocess.run(run, cwd=PROJECT, capture_output=True, timeout=120, text=True)
    assert proc.returncode == 0 and "--force" in proc.stdout
    assert edited.read_bytes() == b"edited in Word"


# --- the command --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return sitebuild.copy_content(tmp_path_factory.mktemp("documents") / "content")


def document(root: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "document", "--root", str(root), *args],
                          cwd=PROJECT, capture_output=True, timeout=180, text=True)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def test_document_command_writes_a_document(repo: Path, tmp_path: Path, sample: Sample) -> None:
    out = tmp_path / "意见书.docx"
    code, stdout, stderr = document(repo, "scjg-001", "--kind", "opinion", "--out", str(out), "--year", str(YEAR))
    assert code == 0, stdout + stderr
    assert str(out) in stdout and "行政指导意见书" in stdout
    assert out.read_bytes() == sample.made[("scjg-001", "opinion", "zh-Hans")]
    hant = tmp_path / "意見書.docx"
    code, _, _ = document(repo, "scjg-001", "--kind", "opinion", "--out", str(hant), "--year", str(YEAR),
                          "--script", "zh-Hant")
    assert code == 0 and hant.read_bytes() == sample.made[("scjg-001", "opinion", "zh-Hant")]


@pytest.mark.parametrize("item, kind, exit_code, words", [
    (EXEMPT, "opinion", 1, ("不予公开", "商业秘密")),
    (SUSPENDED, "reminder", 1, ("暂停",)),
    ("scjg-999", "opinion", 2, ("没有编号为“scjg-999”的事项",)),
    ("scjg-004", "opinion", 2, ("warning（劝导告诫书）",)),
])
def test_document_command_refuses_with_a_reason(repo: Path, tmp_path: Path, item: str, kind: str, exit_code: int,
                                                words: tuple[str, ...]) -> None:
    out = tmp_path / "文书.docx"
    code, stdout, stderr = document(repo, item, "--kind", kind, "--out", str(out))
    assert code == exit_code, stdout + stderr
    assert all(w in stderr for w in words), stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_document_command_never_overwrites_and_wants_docx(repo: Path, tmp_path: Path) -> None:
    out = write(tmp_path, "已有.docx", "officer's own file")
    code, _, stderr = document(repo, "scjg-001", "--kind", "opinion", "--out", str(out))
    assert code == 2 and "已存在" in stderr and out.read_text() == "officer's own file"
    code, _, stderr = document(repo, "scjg-001", "--kind", "opinion", "--out", str(tmp_path / "a.doc"))
    assert code == 2 and ".docx" in stderr


def test_document_command_stops_on_errors_in_what_the_document_is_made_of(tmp_path: Path) -> None:
    root = sitebuild.copy_content(tmp_path / "content")
    other = root / "catalogs/zhzf.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("mode: reminder", "mode: remind", 1), encoding="utf-8")
    code, stdout, stderr = document(root, "scjg-001", "--kind", "opinion", "--out", str(tmp_path / "a.docx"))
    assert code == 0, stdout + stderr  # another department's error is not this officer's to fix
    own = root / "catalogs/scjg.yaml"
    own.write_text(replace_once(own.read_text(encoding="utf-8"), 'supervision_phone: "12345"', 'supervision_phone: "123"'),
                   encoding="utf-8")
    code, stdout, stderr = document(root, "scjg-001", "--kind", "opinion", "--out", str(tmp_path / "b.docx"))
    assert code == 1 and "catalogs/scjg.yaml:" in stdout and "E204" in stdout and not (tmp_path / "b.docx").exists()
    kinds = root / documents_config.FILE
    kinds.write_text(kinds.read_text(encoding="utf-8").replace("templates/opinion.docx", "templates/x.docx"),
                     encoding="utf-8")
    own.write_text((PROJECT / "catalogs/scjg.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, stdout, stderr = document(root, "scjg-001", "--kind", "opinion", "--out", str(tmp_path / "c.docx"))
    assert code == 1 and "E951" in stdout and "documents/kinds.yaml:" in stdout


def test_document_command_without_documents_folder(tmp_path: Path) -> None:
    root = sitebuild.copy_content(tmp_path / "content")
    shutil.rmtree(root / "documents")
    code, _, stderr = document(root, "scjg-001", "--kind", "opinion", "--out", str(tmp_path / "a.docx"))
    assert code == 1 and "documents/kinds.yaml" in stderr


# --- what people look at ---------------------------------------------------------------------

SOFFICE = shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
# LibreOffice on Linux has no 仿宋 or 黑体: map them to the Noto CJK fonts, as Word would use its own.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
"""


TITLES = {("warning", "zh-Hans"): "劝导告诫书", ("opinion", "zh-Hant"): "行政指導意見書",
          ("follow_up", "zh-Hans"): "案件回访记录"}


MISSING_PRINTER = ("LibreOffice (libreoffice-writer-nogui) and poppler-utils render the screenshot: "
                   "sudo apt-get install libreoffice-writer-nogui poppler-utils")


@pytest.mark.parametrize("item, kind, script", [("scjg-004", "warning", "zh-Hans"), ("scjg-001", "opinion", "zh-Hant"),
                                                ("zhzf-012", "follow_up", "zh-Hans")])
def test_screenshot_of_a_document(sample: Sample, tmp_path: Path, item: str, kind: str, script: str) -> None:
    """LibreOffice prints the .docx to PDF, pdftoppm makes page 1 a PNG in test-output/. CI
    installs both (.ci/run): there a missing printer fails, as a missing Chromium does."""
    if not (SOFFICE and PDFTOPPM):
        (pytest.fail if os.environ.get("CI") == "true" else pytest.skip)(MISSING_PRINTER)
    source = tmp_path / f"{item}-{kind}.docx"
    source.write_bytes(sample.made[(item, kind, script)])
    conf = write(tmp_path, "fonts.conf", FONTS_CONF)
    env = {"FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   env=env, check=True, capture_output=True, timeout=180)
    printed = source.with_suffix(".pdf")
    from pypdf import PdfReader

    pages = PdfReader(printed).pages
    assert len(pages) >= 2 and round(float(pages[0].mediabox.width) / 72 * 25.4) == 210
    assert TITLES[(kind, script)] in pages[0].extract_text().replace(" ", "")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"document-{item}-{kind}-{script}"
    subprocess.run([PDFTOPPM, "-r", "80", "-f", "1", "-l", "2", "-png", str(printed), str(target)],
                   check=True, capture_output=True, timeout=120)
    assert sorted(SCREENSHOTS.glob(f"{target.name}-*.png"))
