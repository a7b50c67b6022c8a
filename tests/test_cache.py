"""The build cache never changes the output: a build that reuses ``.build-cache`` after edits
gives the same tree, byte for byte, as a clean ``--no-cache`` build of the same content; and the
incremental preview shows an edit."""

from __future__ import annotations

import subprocess
import sys

import sitebuild
from sitebuild import PROJECT


def clean_build(root, out):
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--no-cache", "--root", str(root),
                           "--out", str(out)], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_cached_builds_equal_clean_builds(tmp_path):
    root = sitebuild.copy_content(tmp_path / "repo")
    out = tmp_path / "site"
    sitebuild.build_ok(root, out)
    assert (root / ".build-cache").is_dir(), "the default build keeps its cache"
    catalog = root / "catalogs" / "scjg.yaml"

    # 1. An edit that keeps the set of pages (MkDocs renders only the changed pages again).
    edit(catalog, "name: 食品经营许可申请政策辅导", "name: 食品经营许可申请政策辅导服务")
    sitebuild.build_ok(root, out)
    assert "政策辅导服务" in (out / "items" / "scjg-001.html").read_text(encoding="utf-8")
    clean_build(root, tmp_path / "clean-1")
    assert sitebuild.tree_digest(out) == sitebuild.tree_digest(tmp_path / "clean-1")

    # 2. An edit of a setting shown on every page (configuration changes: everything again).
    edit(root / "mkdocs.yml", "sponsor: 示例区人民政府", "sponsor: 示例区人民政府办公室")
    sitebuild.build_ok(root, out)
    clean_build(root, tmp_path / "clean-2")
    assert sitebuild.tree_digest(out) == sitebuild.tree_digest(tmp_path / "clean-2")
    assert "示例区人民政府办公室" in (out / "about.html").read_text(encoding="utf-8")


def test_later_builds_never_rewrite_a_published_file(tmp_path):
    """Unchanged pages and documents reach the site without being written again (the site's file
    is the cache's), yet no later build or preview changes a file of a site already published:
    a reader being served that site keeps the text that was checked."""
    import os

    from generator import build

    root = sitebuild.copy_content(tmp_path / "repo")
    out = tmp_path / "site"
    sitebuild.build_ok(root, out)
    published = tmp_path / "published"  # the files of the first site, as a web server holds them
    published.mkdir()
    watched = ["items/scjg-001.html", "zh-Hant/items/scjg-001.html", "404.html", "items/scjg-002.html"]
    watched += [p.relative_to(out).as_posix() for p in (out / "documents").glob("scjg-001-*.docx")]
    assert len(watched) > 4, "the sample has documents for scjg-001"
    before = {}
    for n, name in enumerate(watched):
        os.link(out / name, published / str(n))
        before[name] = (out / name).read_bytes()

    edit(root / "catalogs" / "scjg.yaml", "name: 食品经营许可申请政策辅导", "name: 食品经营许可申请政策辅导服务")
    sitebuild.build_ok(root, out)
    assert "政策辅导服务" in (out / "items" / "scjg-001.html").read_text(encoding="utf-8")
    edit(root / "catalogs" / "scjg.yaml", "name: 食品经营许可申请政策辅导服务", "name: 食品经营许可预约辅导")
    assert build.Preview(root, root / ".build-cache").update().ok
    for n, name in enumerate(watched):
        assert (published / str(n)).read_bytes() == before[name], f"{name} of the published site was rewritten"

    cached = root / ".build-cache" / "zh-Hans" / "site" / "items" / "scjg-002.html"
    assert os.path.samefile(out / "items" / "scjg-002.html", cached), "an unchanged page is not written twice"


def test_preview_shows_an_edit(tmp_path):
    from generator import build

    root = sitebuild.copy_content(tmp_path / "repo")
    preview = build.Preview(root, tmp_path / "cache")
    assert preview.update().ok
    page = preview.site / "items" / "scjg-001.html"
    hant = preview.site / "zh-Hant" / "items" / "scjg-001.html"
    assert "食品经营许可申请政策辅导" in page.read_text(encoding="utf-8")
    edit(root / "catalogs" / "scjg.yaml", "name: 食品经营许可申请政策辅导", "name: 食品经营许可预约辅导")
    assert preview.update().ok
    assert "食品经营许可预约辅导" in page.read_text(encoding="utf-8")
    assert "食品經營許可預約輔導" in hant.read_text(encoding="utf-8")
    preview._background.join()
    assert (preview.site / "search" / "info.json").is_file()

    # Content errors keep the last good preview.
    edit(root / "catalogs" / "scjg.yaml", "status: 有效", "status: 生效")
    result = preview.update()
    assert not result.ok and any(f.code == "E203" for f in result.findings)
    assert "食品经营许可预约辅导" in page.read_text(encoding="utf-8")


def test_warm_engines_build_what_a_clean_build_builds(tmp_path):
    """The preview's engines stay running between rebuilds (``engine.Warm``): after an edit
    (a dirty run that leaves out every page this build did not write), and after a killed
    engine process is started again, every page equals a clean build's."""
    from generator import build

    root = sitebuild.copy_content(tmp_path / "repo")
    preview = build.Preview(root, tmp_path / "cache")
    assert preview.update().ok
    workers = list(preview.engines.workers.values())
    assert len(workers) == 2 and all(w.poll() is None for w in workers), "one warm engine per script"

    def same_as_clean(name):
        preview._background.join()
        clean = tmp_path / name
        clean_build(root, clean)
        pages = sorted(p.relative_to(clean) for p in clean.rglob("*.html"))
        assert len(pages) > 100
        differ = [p for p in pages if (preview.site / p).read_bytes() != (clean / p).read_bytes()]
        assert not differ, differ[:5]

    # an item's name: rewrites its pages and the lists, the stats page among them, whose
    # Markdown links lead to pages the dirty run leaves out
    edit(root / "catalogs" / "scjg.yaml", "name: 食品经营许可申请政策辅导", "name: 食品经营许可预约辅导")
    assert preview.update().ok
    assert list(preview.engines.workers.values()) == workers, "the same processes built again"
    same_as_clean("clean-after-item")
    workers[1].kill()
    workers[1].wait()
    # the site's name: in the engine's configuration, so both engines build every page again
    edit(root / "mkdocs.yml", "site_name: 示例区行政指导事项公开专栏", "site_name: 示例区行政指导公开专栏")
    assert preview.update().ok
    same_as_clean("clean-after-site-name")
    running = list(preview.engines.workers.values())
    preview.engines.close()
    assert all(w.poll() is not None for w in running), "closing the preview ends its engines"


def test_preview_renders_again_every_page_an_edit_shows(tmp_path):
    """The preview re-renders only pages whose inputs changed; after each kind of edit its pages
    equal a full render of the same content."""
    from generator import checks
    from generator.outputs.pages import render
    from generator.view import PublishedView

    root = sitebuild.copy_content(tmp_path / "repo")
    memo: render.Memo = {}

    def pages(use_memo):
        loaded, settings, findings = checks.run(root)
        assert loaded is not None and settings is not None, findings
        return {p.path: p for p in render.render(PublishedView.of(loaded.content, settings),
                                                 memo=memo if use_memo else None)}

    pages(True)
    edits = [
        # an item's name: its page, its department's, mode and stage lists, the case that cites it
        (root / "catalogs" / "scjg.yaml", "name: 食品经营许可申请政策辅导", "name: 食品经营许可预约辅导"),
        # a department's name: on every page that lists its items
        (root / "catalogs" / "scjg.yaml", "name: 示例区市场监督管理局", "name: 示例区市场监管局"),
        # a department's phone: on the pages of its items that have no phone of their own
        (root / "catalogs" / "scjg.yaml", "office_phone: 0533-6010001", "office_phone: 0533-6010009"),
        # a case now cites another item: both items' pages change
        (root / "typical-cases" / "scjg" / "scjg-2024-01.md", "items: [scjg-004]", "items: [scjg-001]"),
        # a mode's label (a setting): every page
        (root / "mkdocs.yml", "label: 政策指引", "label: 政策指导"),
    ]
    for path, old, new in edits:
        edit(path, old, new)
        incremental, full = pages(True), pages(False)
        assert incremental.keys() == full.keys()
        stale = [path for path in full if incremental[path] != full[path]]
        assert not stale, f"after {new!r}, pages not rendered again: {stale[:5]}"
        assert any(new.split(": ")[1].strip("[]") in p.body for p in incremental.values()), new


def test_preview_check_reports_what_a_full_check_reports(tmp_path):
    """The preview skips unchanged files when it checks again; its findings and model must be
    those of a full check after every kind of edit, errors included."""
    from generator import checks
    from generator.load import Memo

    root = sitebuild.copy_content(tmp_path / "repo")
    memo = Memo()
    checks.run(root, memo)
    catalog = root / "catalogs" / "scjg.yaml"
    steps = [
        lambda: edit(catalog, "status: 有效", "status: 生效"),  # E203 in one file
        lambda: edit(root / "typical-cases" / "scjg" / "scjg-2024-01.md", "items: [scjg-004]",
                     "items: [scjg-404]"),  # a reference across files
        lambda: edit(catalog, "status: 生效", "status: 有效"),  # fixed again
        lambda: (root / "typical-cases" / "scjg" / "scjg-2024-02.md").unlink(),  # a file removed
        # The openness findings of an unchanged catalog are kept: one edited catalog's must change.
        lambda: edit(catalog, "    subjects: 拟在本区", "    subjects: 详见附件。拟在本区"),  # E403
        lambda: edit(catalog, "    subjects: 详见附件。拟在本区", "    subjects: 拟在本区"),
        lambda: edit(root / "mkdocs.yml", "label: 政策指引", "label: 政策指导"),  # settings
    ]
    # A renamed mode label leaves the editors' schema files stale (W801: VS Code shows labels).
    expected = [{"E203"}, {"E203", "E302"}, {"E302"}, {"E302"}, {"E302", "E403"}, {"E302"}, {"E302", "W801"}]
    for step, codes in zip(steps, expected):
        step()
        loaded, settings, findings = checks.run(root, memo)
        fresh, fresh_settings, fresh_findings = checks.run(root)
        assert findings == fresh_findings
        assert {f.code for f in findings} - {"W905"} == codes  # W905: the sample's laws without a text at hand
        assert loaded.content == fresh.content and settings == fresh_settings
