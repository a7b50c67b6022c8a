"""Where each page of the site lives: its path under the MkDocs ``docs/`` folder.

The render writes every page through these names, and the check refuses a department or mode
code that would take the name of a fixed page (a department coded ``index`` would overwrite
``departments/index.md``). Kept apart from the render so the check need not import it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

HOME = "index.md"
DEPARTMENTS = "departments/index.md"
CASES = "cases/index.md"
MODES = "modes/index.md"
SEARCH = "search.md"
STATS = "stats.md"
DATA = "data.md"
CHANGES = "changes.md"
ABOUT = "about.md"
STAGE_SLUGS = {"事前": "before", "事中": "during", "事后": "after"}


def department(code: str) -> str:
    return f"departments/{code}.md"


def item(item_id: str) -> str:
    return f"items/{item_id}.md"


def case(case_id: str) -> str:
    return f"cases/{case_id}.md"


def mode(code: str) -> str:
    return f"modes/{code}.md"


def stage(name: str) -> str:
    return f"stages/{STAGE_SLUGS[name]}.md"


# Every page that is not one per department, item, case or mode.
FIXED = (HOME, DEPARTMENTS, CASES, MODES, *(stage(name) for name in STAGE_SLUGS),
         SEARCH, STATS, DATA, CHANGES, ABOUT)
# Names a code must not take: a fixed page's name in any folder (a name that is a page in one
# folder would be confusing in another, and pages may move between folders).
RESERVED = frozenset(PurePosixPath(path).stem for path in FIXED)


def collides(page: str) -> str:
    """The fixed page whose name the page ``page`` would take (the one it would overwrite if
    there is one), or ''."""
    if page in FIXED:
        return page
    stem = PurePosixPath(page).stem
    return next((path for path in FIXED if PurePosixPath(path).stem == stem), "")
