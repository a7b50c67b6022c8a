"""The images case pages show, copied into the site without their metadata (``generator.media``)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .. import casebody, media
from ..view import PublishedView


def write(view: PublishedView, out: Path) -> None:
    media.publish(view.media, shown_images(view), out)


def shown_images(view: PublishedView) -> set[tuple[str, str]]:
    """(folder, name) of every image a case shows (after rendering the pages: cached)."""
    images = media.for_case_pages(view.media)
    return {(PurePosixPath(case.origin.path).parent.name, name) for case in view.cases
            for name in casebody.of_case(case.origin.path, case.body, images)[1].images}
