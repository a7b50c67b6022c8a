"""Messages users read. One module per language; the checker speaks simplified Chinese."""

from . import zh_hans as current

__all__ = ["current", "text"]


def text(code: str, /, **params: object) -> str:
    return current.MESSAGES[code].format(**params)
