"""``build`` never deletes what it did not make.

The target of ``--out`` (and the default ``site/``) must be a new path, an empty folder or a
site this program built (marked by ``.xzzd-site``). Anything else is refused before any work with
exit code 2 (a usage error, as documented in the README) and left exactly as it was: the
repository and its parents, content and code folders, ``.git``, a file, any other non-empty
folder, a cache folder that is not ours. A marked previous site is replaced, and nothing beside
it is touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from conftest import build_repo
from gitrepo import Repo, run_generator
from sitebuild import tree_digest

MARK = ".xzzd-site"


def build(root: Path, *args: str) -> tuple[int, str, str]:
    return run_generator("build", "--root", str(root), *args)


def digest(path: Path) -> dict[str, str]:
    """Every file under ``path`` (or the file itself) with its content's digest."""
    return tree_digest(path) if path.is_dir() else {"": path.read_bytes().hex()}


def _tools_folder(root: Path) -> tuple[list[str], Path]:
    (root / "tools").mkdir()
    (root / "tools" / "notes.txt").write_text("运维笔记\n", encoding="utf-8")
    return ["--out", str(root / "tools")], root / "tools"


def _git_folder(root: Path) -> tuple[list[str], Path]:
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("示例", "2025-01-06T09:00:00+08:00")
    return ["--out", str(root / ".git")], root / ".git"


def _file(root: Path) -> tuple[list[str], Path]:
    (root / "README.md").write_text("# 说明\n", encoding="utf-8")
    return ["--out", str(root / "README.md")], root / "README.md"


def _unmarked_default_site(root: Path) -> tuple[list[str], Path]:
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>别人的网站</p>\n", encoding="utf-8")
    return [], root / "site"


def _forged_mark(root: Path) -> tuple[list[str], Path]:
    (root / "site").mkdir()
    (root / "site" / MARK).write_text("site\n", encoding="utf-8")  # a mark must be ours, byte for byte
    (root / "site" / "data.csv").write_text("a,b\n", encoding="utf-8")
    return [], root / "site"


def _foreign_cache(root: Path) -> tuple[list[str], Path]:
    (root / ".build-cache").mkdir()
    (root / ".build-cache" / "keep.txt").write_text("不是缓存\n", encoding="utf-8")
    return ["--out", str(root.parent / "new-site")], root / ".build-cache"


def _cache_site_is_a_link(root: Path) -> tuple[list[str], Path]:
    elsewhere = root.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("要保留的文件\n", encoding="utf-8")
    (root / ".build-cache" / "zh-Hans").mkdir(parents=True)
    (root / ".build-cache" / "zh-Hans" / "site").symlink_to(elsewhere, target_is_directory=True)
    return ["--out", str(root.parent / "new-site")], elsewhere


def _cache_page_folder_is_a_link(root: Path) -> tuple[list[str], Path]:
    docs = root / ".build-cache" / "zh-Hans" / "docs"
    docs.mkdir(parents=True)
    (docs / "cases").symlink_to(root / "typical-cases" / "demo", target_is_directory=True)
    (root / ".build-cache" / "zh-Hans" / ".manifest.json").write_text(
        '{"cases/demo-2024-01.md": "0"}', encoding="utf-8")  # a "stale page" in the linked folder
    return ["--out", str(root.parent / "new-site")], root / "typical-cases"


REFUSED: dict[str, Callable[[Path], tuple[list[str], Path]]] = {
    "the repository": lambda root: (["--out", str(root)], root),
    "the repository, relative": lambda root: (["--root", ".", "--out", "."], root),  # run in the repository
    "a parent of the repository": lambda root: (["--out", str(root.parent)], root.parent),
    "a content folder": lambda root: (["--out", str(root / "catalogs")], root / "catalogs"),
    "a folder of other files": _tools_folder,
    ".git": _git_folder,
    "a file": _file,
    "an unmarked default site/": _unmarked_default_site,
    "a site with a forged mark": _forged_mark,
    "a cache that is not ours": _foreign_cache,
    "a cache whose site is a link": _cache_site_is_a_link,
    "a cache with a linked page folder": _cache_page_folder_is_a_link,
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_targets_exit_2_and_stay_untouched(case: str, tmp_path) -> None:
    root = build_repo(tmp_path / "repo")
    args, protected = REFUSED[case](root)
    before = digest(protected)
    if args and args[0] == "--root":
        code, out, err = run_generator("build", *args, cwd=root)
    else:
        code, out, err = build(root, *args)
    assert code == 2, out + err
    assert "不能生成到" in err or "缓存文件夹" in err, err
    assert "Traceback" not in out + err
    assert digest(protected) == before


def test_a_previous_site_is_replaced_and_nothing_beside_it(tmp_path) -> None:
    root = build_repo(tmp_path / "repo")
    parent = tmp_path / "www"
    parent.mkdir()
    out = parent / "xzzd"
    (parent / "other-column.html").write_text("<p>门户的其他栏目</p>\n", encoding="utf-8")
    sibling = digest(parent / "other-column.html")

    code, stdout, stderr = build(root, "--out", str(out))  # a new path
    assert code == 0, stdout + stderr
    mark = (out / MARK).read_bytes()
    assert mark.startswith(b"A site built by python -m generator build")
    (out / "left-over.html").write_text("旧文件\n", encoding="utf-8")

    code, stdout, stderr = build(root, "--out", str(out))  # our previous site: replaced as a whole
    assert code == 0, stdout + stderr
    assert (out / MARK).read_bytes() == mark and (out / "index.html").is_file()
    assert not (out / "left-over.html").exists()
    assert digest(parent / "other-column.html") == sibling
    assert sorted(p.name for p in parent.iterdir()) == ["other-column.html", "xzzd"]  # no work folder left

    empty = tmp_path / "empty"
    empty.mkdir()
    code, stdout, stderr = build(root, "--out", str(empty))  # an empty folder
    assert code == 0, stdout + stderr
    assert (empty / MARK).is_file()


def test_a_tampered_cache_manifest_deletes_nothing_outside_the_cache(tmp_path) -> None:
    root = build_repo(tmp_path / "repo")
    assert build(root, "--out", str(tmp_path / "site"))[0] == 0
    manifest = root / ".build-cache" / "zh-Hans" / ".manifest.json"
    pages = json.loads(manifest.read_text(encoding="utf-8"))
    victim = root / "catalogs" / "keep.md"
    victim.write_text("不应被删除\n", encoding="utf-8")
    pages["../../../catalogs/keep.md"] = "0"  # a stale page as the manifest claims
    manifest.write_text(json.dumps(pages), encoding="utf-8")
    build(root, "--out", str(tmp_path / "site"))
    assert victim.read_text(encoding="utf-8") == "不应被删除\n"
