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
