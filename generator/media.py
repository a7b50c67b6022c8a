"""Images editors store beside their cases, and where the site publishes them.

A case body shows an image with ``![说明](文件名.jpg)``: the file lies in the case's own folder
(``typical-cases/<部门代码>/``). Only the images some case shows are published, under
``media/<部门代码>/`` of the site, without the metadata a camera or phone writes into them
(time, place, device; ``imagemeta``). No SVG: it is a document that can hold script.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import imagemeta
from .casebody import Media
from .messages import current as msg
from .model import MediaFile
from .script import mark
from .sources import Source

# Plain ASCII names: the same in both scripts, in a URL and on every file system.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
MAX_BYTES = 5 * 1024 * 1024  # a photo for a web page is well under 1 MB
SITE_DIR = "media"
# Case pages live in cases/; the traditional site is one folder further down (zh-Hant/).
_UP_FROM_CASE_PAGE = mark("../", "../../")


def problem(source: Source, rel: str) -> str | None:
    """Why a file beside the cases cannot be published (the E708 detail), or None."""
    path = PurePosixPath(rel)
    if not NAME.fullmatch(path.name):
        return msg.MEDIA_PROBLEMS["name"]
    if source.size(rel) > MAX_BYTES:
        return msg.MEDIA_PROBLEMS["size"].format(limit=MAX_BYTES // 1024 // 1024)
    try:
        imagemeta.strip(source.read_bytes(rel), path.suffix)
    except (ValueError, IndexError):
        return msg.MEDIA_PROBLEMS["content"].format(suffix=path.suffix)
    return None


def for_case_pages(files: tuple[MediaFile, ...]) -> dict[str, Media]:
    """Each case folder's images, as case pages link them."""
    names: dict[str, set[str]] = {}
    for file in files:
        names.setdefault(file.folder, set()).add(file.name)
    return {folder: Media(frozenset(found), f"{_UP_FROM_CASE_PAGE}{SITE_DIR}/{folder}/")
            for folder, found in names.items()}


def publish(files: tuple[MediaFile, ...], shown: set[tuple[str, str]], site: Path) -> None:
    """Copy the images shown by some case (``(folder, name)``) into the site, cleaned."""
    for file in files:
        if (file.folder, file.name) not in shown:
            continue
        target = site / SITE_DIR / file.folder / file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(imagemeta.strip(file.source.read_bytes(file.path), PurePosixPath(file.name).suffix))
