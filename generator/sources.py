"""Where content is read from: a folder, a git tree, or another source with some files replaced.

The loader and the settings read every content file through a ``Source`` and never open a path
themselves. So the change history loads a commit's files straight from git objects (a ``Tree``,
no temporary folder), and a new file can be checked together with the rest of the repository
without copying it (an ``Overlay`` of the folder with that file replaced).

Paths are relative to the content root, with ``/``; ``""`` is the root itself. A symbolic link is
reported as ``LINK`` and not followed: a file outside the repository would be published without
ever being reviewed (only a folder on disk has links; ``follow=True`` asks what one points to,
for the few files the checks have always read through a link: ``mkdocs.yml``, ``laws/``).
Nothing here imports the rest of the generator.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator, Mapping, Protocol

FILE, FOLDER, LINK, OTHER = "file", "folder", "link", "other"  # OTHER: a device, a pipe …


class Source(Protocol):
    """A tree of content files, read-only."""

    def kind(self, rel: str, follow: bool = False) -> str | None:
        """``FILE``, ``FOLDER``, ``LINK``, ``OTHER``, or None when there is nothing at ``rel``
        (with ``follow``, a link is the kind of what it points to, None when that is missing)."""

    def names(self, rel: str) -> list[str]:
        """The entries of the folder ``rel`` (or of the folder a link there points to), sorted;
        empty when it is no folder."""

    def size(self, rel: str) -> int:
        """Bytes in the file ``rel``; ``OSError`` when there is none."""

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        """The bytes of the file ``rel`` (its first ``limit`` bytes); ``OSError`` when there is none."""


class Folder:
    """A folder on disk: the working copy ``check`` and ``build`` read."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"Folder({str(self.root)!r})"

    def path(self, rel: str) -> Path:
        return self.root / rel if rel else self.root

    def kind(self, rel: str, follow: bool = False) -> str | None:
        try:
            mode = (os.stat if follow else os.lstat)(self.path(rel)).st_mode
        except (OSError, ValueError):
            return None
        if stat.S_ISLNK(mode):
            return LINK
        return FOLDER if stat.S_ISDIR(mode) else FILE if stat.S_ISREG(mode) else OTHER

    def names(self, rel: str) -> list[str]:
        if self.kind(rel, follow=True) != FOLDER:
            return []
        with os.scandir(self.path(rel)) as scan:
            return sorted(entry.name for entry in scan)

    def size(self, rel: str) -> int:
        return self.path(rel).stat().st_size

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        if limit is None:
            return self.path(rel).read_bytes()
        with open(self.path(rel), "rb") as file:
            return file.read(limit)


class Tree:
    """Files named by their object id in a content-addressed store: a git tree at a commit, or
    the few file versions the change history loads together. ``read`` gets the bytes of many
    objects at once (``history.git.read_blobs``); it is called once, on the first read."""

    def __init__(self, files: Mapping[str, str], read: Callable[[list[str]], dict[str, bytes]]) -> None:
        self.files = {rel: oid for rel, oid in files.items() if _is_relative(rel)}
        self._read = read
        self._blobs: dict[str, bytes] | None = None
        self._folders: dict[str, set[str]] = {"": set()}
        for rel in self.files:
            parts = PurePosixPath(rel).parts
            for depth in range(len(parts)):
                folder = "/".join(parts[:depth])
                self._folders.setdefault(folder, set()).add(parts[depth])

    def kind(self, rel: str, follow: bool = False) -> str | None:
        return FILE if rel in self.files else FOLDER if rel in self._folders else None

    def names(self, rel: str) -> list[str]:
        return sorted(self._folders.get(rel, ()))

    def size(self, rel: str) -> int:
        return len(self.read_bytes(rel))

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        if rel not in self.files:
            raise FileNotFoundError(rel)
        if self._blobs is None:
            self._blobs = self._read(list(self.files.values()))
        return self._blobs[self.files[rel]][:limit]


class Overlay:
    """``base`` with some files replaced or added (``files``: path → bytes): a new version of one
    file checked together with everything it refers to, nothing copied."""

    def __init__(self, base: Source, files: Mapping[str, bytes]) -> None:
        self.base = base
        self.files = {rel: data for rel, data in files.items() if _is_relative(rel)}
        self._folders: set[str] = set()
        for rel in self.files:
            parts = PurePosixPath(rel).parts
            self._folders |= {"/".join(parts[:depth]) for depth in range(len(parts))}

    def kind(self, rel: str, follow: bool = False) -> str | None:
        if rel in self.files:
            return FILE
        return FOLDER if rel in self._folders else self.base.kind(rel, follow)

    def names(self, rel: str) -> list[str]:
        added = {PurePosixPath(p).parts[len(PurePosixPath(rel).parts)]
                 for p in self.files if rel == "" or p.startswith(rel + "/")}
        return sorted(set(self.base.names(rel)) | added)

    def size(self, rel: str) -> int:
        return len(self.files[rel]) if rel in self.files else self.base.size(rel)

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        return self.files[rel][:limit] if rel in self.files else self.base.read_bytes(rel, limit)


def of(where: Path | Source) -> Source:
    """A source for ``where``: a path is the folder there."""
    return Folder(where) if isinstance(where, Path) else where


def walk(source: Source, folder: str) -> Iterator[tuple[str, str | None]]:
    """Every entry under ``folder`` with its kind, depth first in name order; a link is named,
    never entered."""
    for name in source.names(folder):
        rel = f"{folder}/{name}" if folder else name
        kind = source.kind(rel)
        yield rel, kind
        if kind == FOLDER:
            yield from walk(source, rel)


def read_text(source: Source, rel: str, encoding: str = "utf-8") -> str:
    """A file's text as Python's text mode reads it (``\\r\\n`` and ``\\r`` become ``\\n``)."""
    return source.read_bytes(rel).decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def _is_relative(rel: str) -> bool:
    """A path that stays inside the root (what git or a caller names could say otherwise)."""
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and all(part not in ("", ".", "..") for part in parts)
