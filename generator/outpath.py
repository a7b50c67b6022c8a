"""Where ``build`` may write: it never deletes what it did not make.

A build replaces its output folder as a whole: the new site is moved into place and the previous
one is moved aside and deleted. So the target must be something this program may delete, and
only these are accepted (an allowlist, not a list of forbidden names):

- a path that does not exist yet;
- an empty folder;
- a folder holding the mark of a site this program built (``.xzzd-site`` in its root, written
  into every site; a small, constant text file, harmless when deployed).

Everything else is refused before any work, and checked again just before the swap: a file, the
repository or a folder containing it, a folder of content or code, any other non-empty folder.
The build cache (``.build-cache``) is accepted on the same terms, with its own mark.
"""

from __future__ import annotations

import os
from pathlib import Path

from .layout import SCRIPTS
from .messages import current as msg

SITE_MARK = ".xzzd-site"
CACHE_MARK = ".xzzd-cache"
_MARK_TEXT = {
    SITE_MARK: b"A site built by python -m generator build. The next build replaces this whole folder.\n",
    CACHE_MARK: b"The build cache of python -m generator build. It may be deleted at any time.\n",
}
# What a cache made before caches were marked holds (a lock and one project per script).
_UNMARKED_CACHE = {".lock", *SCRIPTS}


class OutPathError(Exception):
    """The output or cache folder is not one the build may replace (a usage error)."""


def check_out_path(root: Path, out: Path) -> None:
    """Raise OutPathError unless ``out`` may be replaced by a new site."""
    out, root = out.resolve(), root.resolve()
    if out == root or out in root.parents:
        raise OutPathError(msg.OUT_IS_REPOSITORY.format(out=out))
    _replaceable(out, SITE_MARK)


def swap(new: Path, out: Path, aside: Path) -> None:
    """Move the finished site ``new`` to ``out``; a previous site goes to ``aside`` (which the
    caller deletes). ``out`` is checked again: the build took a while."""
    _replaceable(out, SITE_MARK)
    if out.exists():
        out.rename(aside)
    new.rename(out)


def mark_site(site: Path) -> None:
    (site / SITE_MARK).write_bytes(_MARK_TEXT[SITE_MARK])


def check_cache(cache: Path) -> None:
    """Raise OutPathError unless ``cache`` is missing, empty or a cache of ours.

    MkDocs empties each project's ``site`` folder, and pages are written to and deleted from
    ``docs``: a build never makes a link there, so a cache holding any link is not ours."""
    if cache.is_symlink() or cache.exists() and not cache.is_dir():
        raise OutPathError(msg.CACHE_NOT_OURS.format(cache=cache))
    if cache.is_dir() and not _marked(cache, CACHE_MARK):
        names = {p.name for p in cache.iterdir()}
        if not names <= _UNMARKED_CACHE:
            raise OutPathError(msg.CACHE_NOT_OURS.format(cache=cache))
    if cache.is_dir() and _holds_a_link(cache):
        raise OutPathError(msg.CACHE_NOT_OURS.format(cache=cache))


def mark_cache(cache: Path) -> None:
    (cache / CACHE_MARK).write_bytes(_MARK_TEXT[CACHE_MARK])


def _holds_a_link(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink() or entry.is_dir(follow_symlinks=False) and _holds_a_link(Path(entry.path)):
                return True
    return False


def _replaceable(out: Path, mark: str) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise OutPathError(msg.OUT_IS_FILE.format(out=out))
    if _marked(out, mark) or not any(out.iterdir()):
        return
    raise OutPathError(msg.OUT_NOT_OURS.format(out=out, mark=mark))


def _marked(folder: Path, mark: str) -> bool:
    path = folder / mark
    return path.is_file() and not path.is_symlink() and path.read_bytes() == _MARK_TEXT[mark]
