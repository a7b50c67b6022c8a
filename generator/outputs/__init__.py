"""Everything a build writes into the site, each behind one contract: ``write(view, out)``.

Every output reads the published view (``generator.view``) and writes under ``out``, the new
site's folder; none reads the model or the files again, and none imports ``review``. The
build (``generator.build``) loops over the lists below:

- ``pages.Pages`` renders every page and runs MkDocs on both scripts (it needs the cache
  folder, so it is a small class with the same ``write``); it also writes the sitemap;
- ``BESIDE_PAGES`` run in a forked child while MkDocs builds: pure Python, and no path in
  common with the pages;
- ``AFTER_PAGES`` run once the pages are in place, in the build's own process, reusing what
  rendering cached (the case bodies);
- ``documents.Documents`` (the guidance documents, .docx) joins ``BESIDE_PAGES`` in the forked
  child, and ``notices.NoticePdfs`` (the office notices as PDF, when the settings ask) runs in a
  child of its own: both need what the build holds beside the view (``documents/``, the statute
  library) and their caches, so ``build.generate`` makes them.

A new output is a module with ``write(view, out)`` added to one of these lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..view import PublishedView
from . import exports, feed, media, search


class Output(Protocol):
    def write(self, view: PublishedView, out: Path) -> object: ...


BESIDE_PAGES: tuple[Output, ...] = (exports, search, feed)
AFTER_PAGES: tuple[Output, ...] = (media,)
