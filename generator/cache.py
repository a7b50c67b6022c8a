"""One keying rule for every cache: an entry is valid while what it was made from is unchanged.

A cache entry is keyed by the content of its inputs — never by a file's time, size or name
alone — so a cache can only ever be stale by being missing, never by being wrong. ``digest`` is
that key where inputs are bytes or text; the caches of the generator and their keys
(docs/architecture.md lists them with the reasons):

- the load memo (``load.Memo``): a content file's digest and the settings → its parsed
  document, findings and model object; a document's derived values live as long as it does;
- the render memo (``outputs.pages.render.Memo``): a page's inputs, the model objects it
  shows (compared by value: they are made from the file contents) → its Markdown;
- the engine manifest (``outputs.pages.engine``, ``.manifest.json`` in the build cache): the
  digest of a page's text and the converter → its converted file; the digest of the theme,
  the settings and the page list → MkDocs' finished site;
- the documents store (``outputs.documents``, ``.build-cache/documents/``): the digest of a
  template's bytes, the script, the converter and the field values → the filled .docx;
- the notice PDF store (``outputs.notices``, ``.build-cache/notices/``): the digest of a notice's
  HTML and WeasyPrint's version → its PDF;
- the history file cache (``history.revision.FileCache``): git's object ids of the settings
  and of one file version (git's own content hash) → the model that version holds;
- ``LastCall`` (for the preview; author texts in every build, page texts in the preview only):
  an immutable object made from content (a department, a case, a page) and a stamp of
  everything else used → what the last call made from it. Objects of
  unchanged files are the very same objects again (the load memo), so identity is content.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    """The key of what an entry was made from: SHA-256 over ``parts``, each with its length,
    so that no two different lists of parts give the same key."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()


def share(source: str | Path, target: str | Path) -> None:
    """Put a file kept in the build cache into the new site without writing its bytes again: a
    hard link, or a copy where the two folders are on different file systems.

    A link is one file under two names, so this is safe only because nothing ever rewrites a
    cached file in place: the documents and PDF stores write a new file and move it over the
    old one, and ``outputs.pages.engine`` removes every page MkDocs is about to write again
    before a ``--dirty`` run (MkDocs opens an existing file and overwrites it)."""
    try:
        os.link(source, target)
        return
    except FileExistsError:  # the preview's site, updated in place: put the new file over the old
        if os.path.samefile(source, target):
            return
    except OSError:
        pass
    temporary = Path(target).with_name(f".{Path(target).name}.new")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


class LastCall:
    """What the last call made from each object, for the next call only: the preview works
    again through all 17,600 pages of a city after an edit of one file, and most of what it
    made (author texts resolved, page texts and their digests) is made from the very same
    immutable objects as last time. Entries hold their object, so an id cannot be reused while
    it is a key; each ``begin`` drops what the previous call did not use again."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Any, Hashable, Any]] = {}
        self._made: dict[int, tuple[Any, Hashable, Any]] = {}

    def begin(self) -> None:
        self._kept, self._made = self._made, {}

    def get(self, obj: Any, stamp: Hashable, make: Callable[[], T]) -> T:
        hit = self._kept.get(id(obj))
        result = hit[2] if hit is not None and hit[0] is obj and hit[1] == stamp else make()
        self._made[id(obj)] = (obj, stamp, result)
        return result
