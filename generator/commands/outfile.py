"""The one file an officer asks a command to write (``document``, ``notice``): a new file, in a
folder that exists, with the right ending, written all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def refusal(out: Path, suffix: str, wrong_suffix: str) -> str | None:
    """Why ``out`` cannot be written (a message for the user), or None. Never overwrites: the
    name may be the officer's own file."""
    from ..messages import current as msg

    if out.suffix.lower() != suffix:
        return wrong_suffix
    if out.exists() or out.is_symlink():
        return msg.DOCUMENT_OUT_EXISTS.format(out=out)
    if not out.parent.is_dir():
        return msg.DOCUMENT_OUT_FOLDER.format(folder=out.parent)
    return None


def write(out: Path, data: bytes) -> None:
    """All or nothing: a half-written file never appears under the name asked for."""
    fd, tmp = tempfile.mkstemp(prefix=".generator-", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
