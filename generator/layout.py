"""Names and paths, in one place: of the content repository, of the build, and of the site.

Every module names a file or folder through these constants, so moving one is one edit here.
The page paths are what the render writes under MkDocs' ``docs/`` folder; the check refuses a
department or mode code that would take the name of a fixed page (a department coded ``index``
would overwrite ``departments/index.md``). Nothing here imports the rest of the generator.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# --- the content repository (relative to its root) -------------------------------------------
CONFIG_FILE = "mkdocs.yml"  # the site settings an operator edits
CATALOG_DIR = "catalogs"  # catalogs/<department>.yaml
CASES_DIR = "typical-cases"  # typical-cases/<department>/<case>.md, and images beside them
LAWS_DIR = "laws"  # the statute library: laws/<level>/
POWERS_DIR = "powers"  # the departments' 权责清单: powers/<department>.yaml (optional)
# Every folder whose files are content: published with the repository, scanned byte by byte.
CONTENT_DIRS = (CATALOG_DIR, CASES_DIR)
# What the loader reads (a git revision's content is these paths at that commit).
CONTENT_PATHS = (CONFIG_FILE, *CONTENT_DIRS)
CODEOWNERS_FILES = ("CODEOWNERS", ".github/CODEOWNERS")
# Files ``check`` reads beside the content: the code owners it compares with the catalogs and
# the statute library it checks citations against.
EXTRA_PATHS = (*CODEOWNERS_FILES, LAWS_DIR, POWERS_DIR)
SITE_DIR = "site"  # build's default output folder
CACHE_DIR = ".build-cache"  # build's MkDocs projects, kept between builds

# --- the program (this checkout) ---------------------------------------------------------------
PROGRAM_DIR = Path(__file__).resolve().parents[1]  # holds generator/ and site-template/
TEMPLATE_DIR = PROGRAM_DIR / "site-template"  # pages/ (Jinja2), overrides/ and assets/ (the theme)

# --- the site ----------------------------------------------------------------------------------
HANS, HANT = "zh-Hans", "zh-Hant"
SCRIPTS = (HANS, HANT)
HANT_DIR = "zh-Hant"  # the traditional site lives under site/zh-Hant/
DATA_DIR = "data"  # open data: site/data/
SEARCH_DIR = "search"  # the search index, shared by both scripts: site/search/
FEED_FILE = "feed.xml"  # the Atom feed, in each script's root
DOCUMENTS_DIR = "documents"  # the guidance documents (.docx) of each script: site/documents/

# --- pages: paths under docs/ ------------------------------------------------------------------
HOME = "index.md"
DEPARTMENTS = "departments/index.md"
CASES = "cases/index.md"
MODES = "modes/index.md"
TRADES = "trades/index.md"  # 按行业查看: one page (and booklet) per trade under trades/
SEARCH = "search.md"
STATS = "stats.md"
DATA = "data.md"
CHANGES = "changes.md"
ABOUT = "about.md"
ACCESSIBILITY = "accessibility.md"  # 无障碍声明
NO_PENALTY = "no-penalty.md"  # every department's 不罚清单 entries of published items
STAGE_SLUGS = {"事前": "before", "事中": "during", "事后": "after"}


def url(page: str) -> str:
    """A page's URL relative to its script's root (use_directory_urls is off): items/x.html."""
    return page[:-3] + ".html"


def department(code: str) -> str:
    return f"departments/{code}.md"


def item(item_id: str) -> str:
    return f"items/{item_id}.md"


def case(case_id: str) -> str:
    return f"cases/{case_id}.md"


def item_version(item_id: str, version: str) -> str:
    """An earlier published version of an item (``record.Version.key``: date and commit)."""
    return f"items/{item_id}/v/{version}.md"


def case_version(case_id: str, version: str) -> str:
    return f"cases/{case_id}/v/{version}.md"


def mode(code: str) -> str:
    return f"modes/{code}.md"


def law(slug: str) -> str:
    return f"laws/{slug}.md"


LAW_INDEX = "laws/index.md"  # 依据索引: the laws the published items cite (not in the navigation)


def trade(code: str) -> str:
    return f"trades/{code}.md"


def notice(code: str) -> str:
    """A department's office notice (办公场所公示): a page, and its PDF beside it when made."""
    return f"notices/{code}.md"


def notice_pdf(code: str) -> str:
    return f"notices/{code}.pdf"


def document(item_id: str, kind: str) -> str:
    """A guidance document's pre-filled .docx, under each script's root (not a page)."""
    return f"{DOCUMENTS_DIR}/{item_id}-{kind}.docx"


def stage(name: str) -> str:
    return f"stages/{STAGE_SLUGS[name]}.md"


# Every page that is not one per department, item, case or mode.
FIXED = (HOME, DEPARTMENTS, CASES, MODES, TRADES, *(stage(name) for name in STAGE_SLUGS),
         SEARCH, STATS, DATA, CHANGES, ABOUT, ACCESSIBILITY, NO_PENALTY)
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
