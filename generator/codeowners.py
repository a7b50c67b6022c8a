"""Code owners generated from the catalogs: who must approve, and who is asked, for each file.

Every content file (catalogs, typical cases, the statute library, the site settings) and the files that define the
review process itself (code owners, CI) belong to the legal office (``extra.legal_office_
reviewers`` in mkdocs.yml); each department's catalog and cases are also routed to that
department's reviewers (``department.reviewers``). The program and everything that decides what
a build or a CI run does (generator, templates, CI scripts, dependencies, tests) belong to the
maintainers (``extra.maintainer_reviewers``; the legal office when none are set): CI checks a
request with the base branch's program, so a change to the program only acts once merged, and
whoever approves it must be able to read code. Two forms are written:

- ``.github/CODEOWNERS`` for GitHub, where the last matching line wins and any one owner on it
  may approve: the legal office is on every content line; that only the legal office can merge
  is enforced by the branch rules (documented in CONTRIBUTING.md);
- ``CODEOWNERS`` for GitLab, with sections: ``[法制审核][1]`` is required for all content,
  ``[程序维护][1]`` for the program (the CI files are in both), and an optional section per
  department asks its reviewers.

``check`` reports W802 when a committed file differs from what the catalogs say now.
"""

from __future__ import annotations

from pathlib import Path

from . import sources
from .findings import Finding, finding
from .layout import CASES_DIR, CATALOG_DIR, CONFIG_FILE, LAWS_DIR, POWERS_DIR
from .load import Loaded
from .messages import current as msg
from .model import Department
from .settings import Settings
from .sources import Source

GITHUB = ".github/CODEOWNERS"
GITLAB = "CODEOWNERS"
# Content, and the files that decide how content is reviewed and published.
LEGAL_PATHS = (f"/{CATALOG_DIR}/", f"/{CASES_DIR}/", f"/{LAWS_DIR}/", f"/{POWERS_DIR}/", f"/{CONFIG_FILE}", "/CODEOWNERS",
               "/.github/",
               "/.gitlab/", "/.gitlab-ci.yml")
# The program, and what decides what a build or a CI run does.
CODE_PATHS = ("/generator/", "/site-template/", "/.ci/", "/Makefile", "/requirements.in", "/requirements.lock",
              "/pyproject.toml", "/.pre-commit-config.yaml", "/bench/", "/tests/", "/.github/", "/.gitlab/",
              "/.gitlab-ci.yml")


def expected(departments: list[Department], settings: Settings) -> dict[str, str]:
    """path → the text each code-owners file should have."""
    departments = sorted(departments, key=lambda d: d.code)
    legal = " ".join(settings.legal_office_reviewers)
    maintainers = settings.maintainer_reviewers or settings.legal_office_reviewers
    owners_of = {path: list(settings.legal_office_reviewers) for path in LEGAL_PATHS}
    for path in CODE_PATHS:
        owners_of[path] = list(dict.fromkeys(owners_of.get(path, []) + list(maintainers)))
    github = [msg.CODEOWNERS_HEADER, msg.CODEOWNERS_GITHUB_NOTE, "\n"]
    github += [f"{path} {' '.join(owners)}".rstrip() + "\n" for path, owners in owners_of.items()]
    for d in departments:
        owners = " ".join([*settings.legal_office_reviewers, *d.reviewers])
        github += ["\n", f"# {_comment(d.name)}\n", f"/{CATALOG_DIR}/{d.code}.yaml {owners}".rstrip() + "\n",
                   f"/{CASES_DIR}/{d.code}/ {owners}".rstrip() + "\n"]
    gitlab = [msg.CODEOWNERS_HEADER, msg.CODEOWNERS_GITLAB_NOTE, "\n", f"[法制审核][1] {legal}".rstrip() + "\n"]
    if settings.maintainer_reviewers:
        gitlab += [path + "\n" for path in LEGAL_PATHS]
        gitlab += ["\n", f"[程序维护][1] {' '.join(settings.maintainer_reviewers)}\n"]
        gitlab += [path + "\n" for path in CODE_PATHS]
    else:
        gitlab += [path + "\n" for path in owners_of]
    for d in departments:
        if not d.reviewers:
            continue
        gitlab += ["\n", f"^[{d.code} {_section(d.name)}] {' '.join(d.reviewers)}\n",
                   f"/{CATALOG_DIR}/{d.code}.yaml\n", f"/{CASES_DIR}/{d.code}/\n"]
    return {GITHUB: "".join(github), GITLAB: "".join(gitlab)}


def check(root: Path | Source, loaded: Loaded, settings: Settings) -> list[Finding]:
    """W802 for each committed code-owners file that differs from the generated text."""
    if any(f.severity == "error" and f.path.startswith(f"{CATALOG_DIR}/") for f in loaded.findings):
        return []  # a catalog that does not load would look like a removed department
    want = expected(list(loaded.content.departments), settings)
    source = sources.of(root)
    return [finding(path, 0, 0, "W802", path=path)
            for path, text in want.items()
            if source.kind(path, follow=True) == sources.FILE and _text(source.read_bytes(path)) != text]


def read(path: Path) -> str:
    return _text(path.read_bytes())


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


def _comment(text: str) -> str:
    return text.replace("\n", " ").replace("@", "")


def _section(text: str) -> str:
    """A department name as a GitLab section name (no brackets)."""
    return _comment(text).replace("[", "（").replace("]", "）")
