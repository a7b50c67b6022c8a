"""Run git and read content files straight from its object store.

Reviews and the change history read other revisions than the working tree — in CI on a pull
request, or on a bare clone — so files come from ``git ls-tree`` / ``git cat-file``, never
from a checkout. Every git failure becomes a ``GitError`` carrying a Chinese message.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..messages import current as msg

_BLOB_MODES = ("100644", "100755")


class GitError(Exception):
    """A git problem explained for the user (unknown revision, not a repository …)."""


class NotARepository(GitError):
    """The folder is in no git repository (a plain copy of the content)."""


@dataclass(frozen=True)
class Repo:
    """A git repository seen from a content root (which may be a sub-folder of it)."""

    root: Path  # the content root the user gave
    prefix: str  # the root's path inside the repository, '' or ending in '/'
    shallow: bool


def run(root: Path, *args: str, input: bytes | None = None, check: bool = True) -> bytes:
    """``git -C root ARGS``; stdout as bytes. Output is never localised or paged."""
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0",
           "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        proc = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args],
                              input=input, capture_output=True, env=env, timeout=600)
    except FileNotFoundError:
        raise GitError(msg.GIT_MISSING) from None
    if check and proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace")
        if "not a git repository" in stderr.lower():
            raise NotARepository(msg.GIT_NOT_A_REPO.format(root=root))
        raise GitError(_explain(stderr, args))
    return proc.stdout


def open_repo(root: Path) -> Repo:
    """The repository holding ``root``; ``GitError`` when there is none."""
    if not root.is_dir():
        raise NotARepository(msg.GIT_NOT_A_REPO.format(root=root))
    out = run(root, "rev-parse", "--is-bare-repository", "--is-shallow-repository").split()
    bare, shallow = out[0] == b"true", out[1] == b"true"
    prefix = "" if bare else run(root, "rev-parse", "--show-prefix").decode("utf-8").strip()
    return Repo(root, prefix, shallow)


def resolve(repo: Repo, revision: str) -> str:
    """The full commit id of ``revision`` (a branch, tag, sha, ``HEAD~1`` …)."""
    if not revision or revision.startswith("-"):
        raise GitError(msg.GIT_BAD_REVISION.format(rev=revision))
    out = run(repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}",
              check=False)
    sha = out.decode("ascii", "replace").strip()
    if not sha:
        raise GitError(msg.GIT_BAD_REVISION.format(rev=revision))
    return sha


def merge_base(repo: Repo, base: str, head: str) -> str:
    """Where ``head`` branched from ``base`` (what the forge compares); ``base`` if unrelated."""
    out = run(repo.root, "merge-base", base, head, check=False).decode("ascii").strip()
    return out or base


def tree_files(repo: Repo, commit: str, paths: tuple[str, ...]) -> dict[str, str]:
    """relative path (to the content root) → blob id, for regular files under ``paths``."""
    specs = [repo.prefix + p for p in paths]
    out = run(repo.root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *specs)
    files: dict[str, str] = {}
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split(" ")
        path = name.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in _BLOB_MODES or not path.startswith(repo.prefix):
            continue  # symbolic links and submodules are never content
        files[path[len(repo.prefix):]] = oid
    return files


def read_blobs(repo: Repo, oids: list[str]) -> dict[str, bytes]:
    """Contents of many blobs with one ``git cat-file --batch``."""
    unique = sorted(set(oids))
    if not unique:
        return {}
    out = run(repo.root, "cat-file", "--batch", input=("\n".join(unique) + "\n").encode("ascii"))
    blobs: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii").split(" ")
        if len(header) < 3:  # "<oid> missing"
            raise GitError(msg.GIT_OBJECT_MISSING.format(oid=header[0]))
        size = int(header[2])
        blobs[header[0]] = out[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return blobs


def write_files(dest: Path, files: dict[str, str], blobs: dict[str, bytes]) -> None:
    """Write ``files`` (path → blob id) under ``dest``; paths never leave ``dest``."""
    for rel, oid in sorted(files.items()):
        parts = PurePosixPath(rel).parts
        if not parts or any(part in ("", ".", "..") for part in parts) or rel.startswith("/"):
            continue
        target = dest.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[oid])


def _explain(stderr: str, args: tuple[str, ...]) -> str:
    text = stderr.strip()
    lower = text.lower()
    if "dubious ownership" in lower:
        return msg.GIT_DUBIOUS
    if "bad revision" in lower or "unknown revision" in lower or "not a valid object name" in lower:
        return msg.GIT_BAD_REVISION.format(rev=" ".join(a for a in args if not a.startswith("-"))[-80:])
    first = text.splitlines()[0] if text else ""
    return msg.GIT_FAILED.format(command=args[0] if args else "", detail=first[:200])
