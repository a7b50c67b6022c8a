"""Office notices (``generator.notices``): the PDF of every sample department, read back with
pypdf (an independent reader), names every published item with its phone, never an exempt one,
carries the 示例 mark, is A4 with nothing under 12 pt, and is byte-identical when printed twice
(also by the ``notice`` command in another process); a page of it is kept as a PNG to look at.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import sitebuild
from conftest import PROJECT, replace_once
from generator import checks, notices
from generator.messages import zh_hans as msg
from generator.model import Department
from generator.script import Converter

SCREENSHOTS = PROJECT / "test-output" / "screenshots"
DATE = "2025-06-30"
EXEMPT = "sthj-010"  # the sample's one item not published (商业秘密)
A4_MM = (210, 297)
SMALLEST_PT = 12


class Sample:
    def __init__(self) -> None:
        self.loaded, self.settings, findings = checks.run(PROJECT)
        assert not [f for f in findings if f.code.startswith("E")], findings
        self.converter = Converter(self.settings.hant_variant)
        self.context = notices.Context.of(self.settings, self.loaded.library, DATE)
        self.departments = {d.code: d for d in self.loaded.content.departments}
        self.made = {(code, "zh-Hans"): self.pdf(d) for code, d in self.departments.items()}
        self.made[("sthj", "zh-Hant")] = self.pdf(self.departments["sthj"], "zh-Hant")

    def pdf(self, department: Department, script: str = "zh-Hans", context: notices.Context | None = None) -> bytes:
        return notices.pdf(department, department.items, department.no_penalty, context or self.context,
                           self.converter, script)


@pytest.fixture(scope="module")
def sample() -> Sample:
    return Sample()


def text_of(data: bytes) -> str:
    """Every character a reader of the PDF gets, without the spaces and line ends pypdf adds."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_published_item_is_on_its_departments_notice(sample: Sample) -> None:
    for code, department in sample.departments.items():
        text = text_of(sample.made[(code, "zh-Hans")])
        assert plain(department.name) in text and department.office_phone in text
        for item in department.published_items:
            assert plain(item.name) in text and item.id in text, item.id
            assert item.supervision_phone in text, item.id
        for entry in department.no_penalty:
            assert entry.id in text and plain(entry.violation) in text, entry.id
        assert plain(msg.NOTICE["source"].format(site=sample.settings.site_name, department=department.name,
                                                 date=DATE)) in text


def test_an_exempt_item_is_on_no_notice(sample: Sample) -> None:
    exempt = next(i for d in sample.departments.values() for i in d.items if i.id == EXEMPT)
    assert not exempt.published
    secrets = [exempt.id, plain(exempt.name), plain(exempt.subjects), plain(exempt.situations)]
    secrets += [plain(line) for line in exempt.content.splitlines() if len(line.strip()) > 10]
    for key, data in sample.made.items():
        text = text_of(data)
        assert not [s for s in secrets if s in text], key


def test_the_sample_mark_is_on_every_page_and_only_for_sample_data(sample: Sample) -> None:
    department = sample.departments["scjg"]
    assert department.sample
    pages = [plain(p.extract_text()) for p in PdfReader(io.BytesIO(sample.made[("scjg", "zh-Hans")])).pages]
    assert len(pages) > 2 and plain(msg.NOTICE["sample_banner"]) in pages[0]
    assert all(msg.NOTICE["sample"] in page.replace(plain(department.name), "") for page in pages)
    real = sample.pdf(dataclasses.replace(department, sample=False))
    assert plain(msg.NOTICE["sample_banner"]) not in text_of(real)
    assert msg.NOTICE["sample"] not in text_of(real).replace("示例区", "")  # the fictional district's name stays


def _sizes(data: bytes) -> list[tuple[float, str]]:
    """(size in pt, text) of every piece of text drawn: the font size times the text and current
    transformation matrices' vertical scale."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            d = tm[2] * cm[1] + tm[3] * cm[3]
            c = tm[2] * cm[0] + tm[3] * cm[2]
            found.append((size * (c * c + d * d) ** 0.5, text))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a4_and_nothing_smaller_than_12_pt(sample: Sample) -> None:
    for key, data in sample.made.items():
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            size = (round(float(page.mediabox.width) / 72 * 25.4), round(float(page.mediabox.height) / 72 * 25.4))
            assert size == A4_MM, key
        sizes = _sizes(data)
        assert len(sizes) > 100
        small = [(round(s, 2), t) for s, t in sizes if s < SMALLEST_PT - 0.01]
        assert small == [], (key, small[:5])
        body = sorted(s for s, _ in sizes)[len(sizes) // 2]
        assert body >= 13.9, key  # the body itself is 14 pt, for older readers


def test_the_same_inputs_give_the_same_bytes_and_the_pdf_dates_are_the_version(sample: Sample) -> None:
    department = sample.departments["scjg"]
    again = sample.pdf(department)
    assert again == sample.made[("scjg", "zh-Hans")]
    metadata = PdfReader(io.BytesIO(again)).metadata
    assert metadata["/CreationDate"].startswith("D:20250630") and metadata["/ModDate"].startswith("D:20250630")
    later = sample.pdf(department, context=dataclasses.replace(sample.context, version_date="2025-07-01"))
    assert later != again and "2025-07-01" in text_of(later)


def test_the_traditional_notice_is_converted(sample: Sample) -> None:
    text = text_of(sample.made[("sthj", "zh-Hant")])
    assert plain(sample.converter.to_hant(msg.NOTICE["title"])) in text and msg.NOTICE["title"] not in text
    for item in sample.departments["sthj"].published_items:
        assert plain(sample.converter.to_hant(item.name)) in text, item.id


def test_qr_codes_link_each_item_page_and_without_a_site_address_a_note(sample: Sample) -> None:
    department = sample.departments["scjg"]
    page = notices.html(department, department.items, department.no_penalty, sample.context, sample.converter)
    assert page.count("<svg") == len(department.published_items)
    hant = notices.html(department, department.items, department.no_penalty, sample.context, sample.converter,
                        "zh-Hant")
    assert sample.settings.site_url + "zh-Hant/departments/scjg.html" in hant
    bare = dataclasses.replace(sample.context, site_url="")
    page = notices.html(department, department.items, department.no_penalty, bare, sample.converter)
    assert "<svg" not in page and msg.NOTICE["no_qr"] in page


def test_an_authors_markup_is_printed_as_text(sample: Sample) -> None:
    """Autoescaping: a name with tags and a URL reaches the PDF as the characters typed, and
    WeasyPrint fetches nothing (the notice's fetcher refuses every request)."""
    department = sample.departments["scjg"]
    typed = '招牌指导</style><img src="http://attacker.example/x.png"><b>粗体</b>'
    item = dataclasses.replace(department.items[0], name=typed)
    changed = dataclasses.replace(department, items=(item, *department.items[1:]))
    page = notices.html(changed, changed.items, changed.no_penalty, sample.context, sample.converter)
    assert "<img" not in page and "&lt;img" in page
    assert plain(typed) in text_of(sample.pdf(changed))


# --- the command --------------------------------------------------------------------------------

def notice(root: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "notice", "--root", str(root), *args],
                          cwd=PROJECT, capture_output=True, timeout=300, text=True)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def test_notice_command_prints_the_same_bytes_in_another_process(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "公示.pdf"
    code, stdout, stderr = notice(PROJECT, "scjg", "--out", str(out), "--date", DATE)
    assert code == 0 and str(out) in stdout, stdout + stderr
    assert out.read_bytes() == sample.made[("scjg", "zh-Hans")]


def test_notice_command_dates_the_version_from_the_content(sample: Sample, tmp_path: Path) -> None:
    department = sample.departments["yjgl"]
    expected = max(d for i in department.published_items for d in (i.effective_date, i.review.date))
    code, stdout, _ = notice(PROJECT, "yjgl", "--out", str(tmp_path / "a.pdf"))
    assert code == 0 and expected in stdout and expected in text_of((tmp_path / "a.pdf").read_bytes())


@pytest.mark.parametrize("args, words", [
    (("nope", "--out", "{tmp}/a.pdf"), ("没有代码为“nope”的部门", "scjg")),
    (("scjg", "--out", "{tmp}/a.docx"), (".pdf",)),
    (("scjg", "--out", "{tmp}/a.pdf", "--date", "2025-02-30"), ("2025-02-30", "YYYY-MM-DD")),
    (("scjg", "--out", "{tmp}/missing/a.pdf"), ("找不到文件夹",)),
])
def test_notice_command_usage_errors(tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]) -> None:
    code, _, stderr = notice(PROJECT, *(a.format(tmp=tmp_path) for a in args))
    assert code == 2 and all(w in stderr for w in words), stderr
    assert list(tmp_path.iterdir()) == []


def test_notice_command_stops_on_errors_in_its_department_only(tmp_path: Path) -> None:
    root = sitebuild.copy_content(tmp_path / "content")
    other = root / "catalogs/zhzf.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("mode: reminder", "mode: remind", 1), encoding="utf-8")
    code, stdout, stderr = notice(root, "scjg", "--out", str(tmp_path / "a.pdf"))
    assert code == 0, stdout + stderr  # another department's error is not this office's to fix
    own = root / "catalogs/scjg.yaml"
    own.write_text(replace_once(own.read_text(encoding="utf-8"), 'supervision_phone: "12345"', 'supervision_phone: "123"'),
                   encoding="utf-8")
    code, stdout, stderr = notice(root, "scjg", "--out", str(tmp_path / "b.pdf"))
    assert code == 1 and "catalogs/scjg.yaml:" in stdout and "E204" in stdout and not (tmp_path / "b.pdf").exists()


# --- what people look at ---------------------------------------------------------------------

PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(not PDFTOPPM, reason="poppler-utils renders the screenshot: sudo apt-get install poppler-utils")
def test_screenshot_of_a_notice(sample: Sample, tmp_path: Path) -> None:
    source = tmp_path / "notice.pdf"
    source.write_bytes(sample.made[("scjg", "zh-Hans")])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / "notice-scjg-zh-Hans"
    subprocess.run([PDFTOPPM, "-r", "80", "-f", "1", "-l", "2", "-png", str(source), str(target)],
                   check=True, capture_output=True, timeout=120)
    assert len(sorted(SCREENSHOTS.glob(f"{target.name}-*.png"))) == 2
