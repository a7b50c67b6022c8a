"""Content sources: the loader reads a folder, a git commit and a folder with a file replaced alike.

The git tree is a real repository read through ``git ls-tree`` / ``git cat-file``; the overlay
is checked against the folder it covers, which must stay untouched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import PROJECT, line_of, replace_once
from gitrepo import sample_repo

import fixtures

from generator import checks
from generator import settings as settings_module
from generator import sources
from generator.history import git
from generator.layout import CONTENT_PATHS, EXTRA_PATHS
from generator.load import load

CATALOG = "catalogs/scjg.yaml"


def _summary(loaded) -> tuple:
    """What a reader of the model sees: every item with its name, every case with its title,
    every image, and every finding."""
    content = loaded.content
    return ([(i.id, i.name, i.origin.path) for i in content.items()],
            [(c.id, c.title, c.body) for c in content.cases],
            [(m.path, m.source.read_bytes(m.path)) for m in content.media],
            sorted(loaded.findings), loaded.files_checked)


def _tree(root: Path, commit: str) -> sources.Tree:
    repo = git.open_repo(root)
    return sources.Tree(git.tree_files(repo, commit, CONTENT_PATHS), lambda oids: git.read_blobs(repo, oids))


def test_a_commit_loads_as_its_checkout_does(tmp_path):
    """The same settings and model from git's objects as from the files on disk, and the
    commit's version, not the working copy's, once the files change after the commit."""
    repo = sample_repo(tmp_path / "repo", "2024-03-01T09:00:00+08:00")
    (repo.root / "typical-cases/scjg/photo.png").write_bytes(fixtures.png())  # an image beside a case
    commit = repo.commit("加一张图片", "2024-03-02T09:00:00+08:00")
    tree = _tree(repo.root, commit)
    settings, problems = settings_module.load(tree)
    assert settings == settings_module.load(repo.root)[0] and problems == []
    at_commit = _summary(load(tree, settings))
    assert at_commit == _summary(load(repo.root, settings))
    assert at_commit[0] and at_commit[1] and at_commit[2]

    repo.replace(CATALOG, "    name: 食品经营许可申请政策辅导", "    name: 改过的名称")  # not committed
    assert _summary(load(_tree(repo.root, commit), settings)) == at_commit
    assert _summary(load(repo.root, settings)) != at_commit


def test_an_overlay_checks_a_new_version_of_one_file_without_touching_the_folder(tmp_path):
    """A replaced catalog is read in place of the folder's one, at its own line numbers, with
    every other file of the folder; an added file is found as if it were there."""
    repo = sample_repo(tmp_path / "repo", "2024-03-01T09:00:00+08:00")
    before = repo.read(CATALOG)
    changed = replace_once(before, "    name: 食品经营许可申请政策辅导\n",
                           "    name: 食品经营许可申请政策辅导\n    nmae: 食品经营许可申请政策辅导\n")
    new_case = (PROJECT / "typical-cases").glob("*/*.md").__next__()
    added = f"typical-cases/{new_case.parent.name}/copy-of-{new_case.name}"
    overlay = sources.Overlay(sources.Folder(repo.root), {CATALOG: changed.encode("utf-8"),
                                                          added: new_case.read_bytes()})
    loaded, _, findings = checks.run(overlay)  # what the importer needs: every check, nothing copied
    assert repo.read(CATALOG) == before and not (repo.root / added).exists()
    typo = [f for f in findings if f.code == "E205"]
    assert [(f.path, f.line) for f in typo] == [(CATALOG, line_of(changed, "nmae:"))]
    assert added in [c.origin.path for c in loaded.content.cases]
    assert added in {f.path for f in findings if f.code.startswith("E3")}  # the copy repeats a case id
    folder, _, folder_findings = checks.run(repo.root)
    assert not [f for f in folder_findings if f.code == "E205"]
    assert loaded.files_checked == folder.files_checked + 1


def test_a_tree_never_names_a_path_outside_its_root():
    """Git can hold any name; a source only answers for paths inside the content root."""
    tree = sources.Tree({"../mkdocs.yml": "a", "/etc/passwd": "b", "catalogs/./x.yaml": "c",
                         "catalogs/x.yaml": "d"}, lambda oids: {oid: oid.encode() for oid in oids})
    assert tree.names("") == ["catalogs"] and tree.names("catalogs") == ["x.yaml"]
    assert tree.read_bytes("catalogs/x.yaml") == b"d" and tree.kind("../mkdocs.yml") is None


def test_a_commit_is_checked_as_its_checkout_is(tmp_path):
    """Every check reads through the source: the statute library, the code owners and the
    bytes of a stray file give the same findings from git's objects as from the folder."""
    repo = sample_repo(tmp_path / "repo", "2024-03-01T09:00:00+08:00")
    shutil.copytree(PROJECT / "laws", repo.root / "laws")
    for name in ("CODEOWNERS", ".github/CODEOWNERS"):
        (repo.root / name).parent.mkdir(parents=True, exist_ok=True)
        (repo.root / name).write_text("# 过期的代码所有者文件\n", encoding="utf-8")
    repo.write("catalogs/notes.txt", "联系人手机 13912345678\n")  # a stray file with a phone number
    commit = repo.commit("加法规库和说明", "2024-03-02T09:00:00+08:00")
    git_repo = git.open_repo(repo.root)
    tree = sources.Tree(git.tree_files(git_repo, commit, CONTENT_PATHS + EXTRA_PATHS),
                        lambda oids: git.read_blobs(git_repo, oids))
    loaded, _, findings = checks.run(tree)
    folder_loaded, _, folder_findings = checks.run(repo.root)
    assert findings == folder_findings
    assert {"W802", "W110"} <= {f.code for f in findings}
    assert "catalogs/notes.txt" in {f.path for f in findings if f.code.startswith("E6")}
    assert loaded.library is not None and loaded.files_checked == folder_loaded.files_checked
