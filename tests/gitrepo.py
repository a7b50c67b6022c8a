"""Real temporary git repositories for the review, history and CI tests (no mocks).

``Repo`` runs the real ``git`` in a folder with a fixed identity and no user or system git
configuration, and commits with explicit dates, so each test knows exactly which date every
change must carry. ``sample_repo`` starts from a copy of the project's own sample content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
CONTENT = ("mkdocs.yml", "catalogs", "typical-cases")

if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))


def git_env(date: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="示例编辑",
               GIT_AUTHOR_EMAIL="editor@example.gov.cn", GIT_COMMITTER_NAME="示例编辑",
               GIT_COMMITTER_EMAIL="editor@example.gov.cn", LC_ALL="C")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return env


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str, date: str | None = None) -> str:
        proc = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, env=git_env(date),
                              timeout=120)
        assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr.decode('utf-8', 'replace')}"
        return proc.stdout.decode("utf-8").strip()

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))

    def replace_in_item(self, rel: str, item_id: str, old: str, new: str) -> None:
        """Replace ``old`` once inside the block of item ``item_id`` only."""
        text = self.read(rel)
        start = text.index(f"  - id: {item_id}\n")
        end = text.find("\n  - id: ", start + 1)
        end = len(text) if end < 0 else end
        block = text[start:end]
        assert block.count(old) == 1, f"{old!r} occurs {block.count(old)} times in {item_id}"
        self.write(rel, text[:start] + block.replace(old, new) + text[end:])

    def remove_item(self, rel: str, item_id: str) -> None:
        text = self.read(rel)
        start = text.index(f"  - id: {item_id}\n")
        ends = [i for i in (text.find("\n  - id: ", start + 1), text.find("\nno_penalty:", start)) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        self.write(rel, text[:start] + text[end:])

    def commit(self, message: str, date: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")

    def merge(self, branch: str, message: str, date: str) -> str:
        self.git("merge", "-q", "--no-ff", "-m", message, branch, date=date)
        return self.git("rev-parse", "HEAD")


def sample_repo(root: Path, date: str) -> Repo:
    """A new repository at ``root`` holding the project's sample content in one commit on main."""
    root.mkdir(parents=True)
    for name in CONTENT:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("导入示例区的目录清单和典型案例", date)
    return repo


def run_generator(*args: str, cwd: Path = PROJECT, timeout: float = 600) -> tuple[int, str, str]:
    """``python -m generator ARGS`` as a real subprocess → (exit code, stdout, stderr)."""
    env = {**git_env(), "PYTHONPATH": str(PROJECT)}
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=env)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
