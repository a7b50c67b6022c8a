"""The statute library of a content repository: ``laws/``, one text file per version of a law
and one metadata file per law, loaded into ``Law`` objects the checks and pages look up.

Layout (``laws add`` writes it; editors never need to)::

    laws/README.md                           where the texts come from
    laws/法律/行政复议法(2017-09-01).md       a text as published, named <short title>(<version date>)
    laws/法律/行政复议法(2023-09-01).md
    laws/法律/行政复议法.yaml                 title, level, issuer, each version's status

The metadata file (schema: ``generator/schema/law.schema.json``) holds what a text does not
say: the level (法律, 行政法规, 部门规章, 地方性法规, 地方政府规章), the issuing body, each version's
status (现行有效, 已修改, 已废止, 尚未施行), the 施行 date when the history lines lack it, and for a
repealed law the law that replaced it. A version's date is the date in its file name.

Each file is parsed once per run (and, in the preview, again only when its bytes change).
Problems come out as findings at file:line; a law whose metadata or text is unusable is left
out, but its titles are remembered so citations of it are not reported a second time as
"not in the library".
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable

from ..findings import Finding, finding
from ..layout import LAWS_DIR
from ..load import files, read_document
from ..load.validate import validate_static
from ..messages import current as msg
from . import statute as statutes
from .citation import Provision, law_key
from .levels import AMENDED, CURRENT, PENDING, REPEALED
from .statute import Article, Statute

if TYPE_CHECKING:
    from ..load import Loaded, Memo
    from ..settings import Settings

SCHEMA = "law.schema.json"
README = "readme.md"
_VERSION_NAME = re.compile(r"^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$")


@dataclass(frozen=True)
class Version:
    path: str  # laws/法律/行政复议法(2023-09-01).md
    date: str  # the version date, from the file name
    status: str  # 现行有效 | 已修改 | 已废止 | 尚未施行
    statute: Statute
    effective: str | None = None  # 施行 date: the metadata's, else the history's

    def article(self, number: int, sub: int = 0) -> Article | None:
        return self.statute.article(number, sub)


@dataclass(frozen=True)
class Law:
    title: str
    level: str
    versions: tuple[Version, ...]  # oldest first
    path: str  # its metadata file
    issuer: str = ""
    source: str = ""
    superseded_by: str = ""  # for a repealed law: the law that replaced it
    aliases: tuple[str, ...] = ()

    @property
    def short_title(self) -> str:
        return short_title(self.title)

    @property
    def current(self) -> Version:
        """The version in force; for a repealed or not yet effective law, its latest text."""
        return next((v for v in self.versions if v.status == CURRENT), self.versions[-1])

    @property
    def repealed(self) -> bool:
        return self.versions[-1].status == REPEALED

    def version(self, wanted: str) -> Version | None:
        """The version named by a date or a year ("2017-09-01", "2017"); the latest of a year."""
        found = [v for v in self.versions if v.date.startswith(wanted)]
        return found[-1] if found else None

    def newer(self, version: Version) -> Version | None:
        """The version that replaced ``version``, if any."""
        later = [v for v in self.versions if v.date > version.date and v.status != PENDING]
        return later[0] if later else None


@dataclass
class Library:
    laws: tuple[Law, ...]
    findings: list[Finding]
    files: int  # files read under laws/
    broken: set[str] = field(default_factory=set)  # title keys of laws left out for errors
    _by_key: dict[str, Law] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for law in self.laws:
            for name in (law.title, *law.aliases):
                self._by_key.setdefault(law_key(name), law)

    def find(self, title: str) -> Law | None:
        """The law called ``title``: with or without 中华人民共和国 and book-title marks."""
        return self._by_key.get(law_key(title))

    def known(self, title: str) -> bool:
        """In the library, or left out because its files have errors (reported already)."""
        return law_key(title) in self._by_key or law_key(title) in self.broken

    def suggest(self, title: str) -> Law | None:
        """The law whose title is closest to a title that is not in the library (a typo)."""
        keys = difflib.get_close_matches(law_key(title), list(self._by_key), n=1, cutoff=0.75)
        return self._by_key[keys[0]] if keys else None


def short_title(title: str) -> str:
    """中华人民共和国行政复议法 → 行政复议法: the name used for files."""
    return title[len("中华人民共和国"):] if title.startswith("中华人民共和国") and len(title) > 7 else title


# --- what a provision says -------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    """The text of one cited provision, or why it does not exist."""

    text: str | None
    missing: str = ""  # "article" | "paragraph" | "item" | "items": what is not there
    count: int = 0  # how many articles / 款 / 项 there are


def enclosing(statute: Statute, provision: Provision) -> list[str]:
    """The texts around a cited 项 or 款, narrowest first: its 款, then its article. A quotation
    of a 项 often keeps the 款's lead sentence (广告不得有下列情形：……（三）……)."""
    article = statute.article(provision.article, provision.sub)
    if article is None or not (provision.paragraph or provision.item):
        return []
    out = []
    if provision.item:
        holder = (article.paragraphs[provision.paragraph - 1] if provision.paragraph
                  and provision.paragraph <= len(article.paragraphs)
                  else next((p for p in article.paragraphs if p.items), None))
        if holder is not None:
            out.append(holder.text)
    return out + [article.text]


def unit(statute: Statute, provision: Provision) -> Unit:
    article = statute.article(provision.article, provision.sub)
    if article is None:
        return Unit(None, "article", len(statute.articles))
    paragraphs = article.paragraphs
    if provision.paragraph:
        if provision.paragraph > len(paragraphs):
            return Unit(None, "paragraph", len(paragraphs))
        paragraph = paragraphs[provision.paragraph - 1]
        if not provision.item:
            return Unit(paragraph.text)
        items = paragraph.items
    elif provision.item:
        # 第九条第三项: the 项 of the article's one 款 that has them.
        items = next((p.items for p in paragraphs if p.items), ())
    else:
        return Unit(article.text)
    if not items:
        return Unit(None, "items", 0)
    item = next((i for i in items if i.number == provision.item), None)
    return Unit(item.text, "", len(items)) if item else Unit(None, "item", len(items))


# --- loading ---------------------------------------------------------------------------------

def with_library(loaded: Loaded, root: Path, settings: Settings, memo: Memo | None = None) -> Loaded:
    """``loaded`` with the library under ``root``: its findings and files counted with the content's.
    The loader does not read the library itself: the library reads its files with the loader."""
    library = load(root, settings, memo)
    if library is None:
        return loaded
    return dataclasses.replace(loaded, findings=loaded.findings + library.findings,
                               files_checked=loaded.files_checked + library.files, library=library)


def load(root: Path, settings: Settings, memo: Memo | None = None) -> Library | None:
    """The library under ``root/laws``; None when the repository has none."""
    folder = root / LAWS_DIR
    if not folder.is_dir():
        return None
    texts: list[str] = []
    metas: list[str] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(root).as_posix()
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_symlink() or not path.is_file() or hidden:
            continue  # a link could point anywhere: the library holds files only
        if path.suffix == ".md" and path.name.lower() != README:
            texts.append(rel)
        elif path.suffix in (".yaml", ".yml"):
            metas.append(rel)

    def read(rel: str, how: Callable[[Path, str, Any], Any]) -> Any:
        return how(root, rel, settings) if memo is None else memo.file(root, rel, settings, how)

    findings: list[Finding] = []
    parsed: dict[str, Statute] = {}
    for rel in texts:
        problems, statute = read(rel, _text_file)
        findings += problems
        if statute is not None:
            parsed[rel] = statute
    laws: list[Law] = []
    broken: set[str] = set()
    claimed: dict[str, str] = {}  # text file → metadata file that lists it
    titles: dict[str, str] = {}  # title key → metadata file
    for rel in metas:
        doc, problems, bad = read(rel, _meta_file)
        findings += problems
        if doc is None:
            continue
        law, more = _law(doc, bad, parsed, claimed, titles)
        findings += more
        if law is None:
            broken |= {law_key(name) for name in _names(doc, parsed)}
        else:
            laws.append(law)
    for rel in texts:
        if rel not in claimed:
            findings.append(finding(rel, 0, 0, "W904"))
    laws.sort(key=lambda law: (law.level, law.title))
    return Library(tuple(laws), findings, len(texts) + len(metas), broken)


def _names(doc: Any, parsed: dict[str, Statute]) -> list[str]:
    """Every title a broken law's files give it: its metadata's and its texts'."""
    data = doc.parsed.data if isinstance(doc.parsed.data, dict) else {}
    names = [data.get("title"), *(data.get("aliases") if isinstance(data.get("aliases"), list) else [])]
    folder = PurePosixPath(doc.path).parent
    for entry in data.get("versions") if isinstance(data.get("versions"), list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            statute = parsed.get((folder / entry["file"]).as_posix())
            names.append(statute.title if statute else None)
    return [n for n in names if isinstance(n, str) and n]


def _text_file(root: Path, rel: str, settings: Settings) -> tuple[list[Finding], Statute | None]:
    text, problems = files.read_text(root, rel)
    if text is None:
        return problems, None
    statute = statutes.parse(text, rel)
    return problems + [_problem(rel, p) for p in statute.problems], statute


def _problem(rel: str, problem: statutes.Problem) -> Finding:
    template = msg.LAW_TEXT_PROBLEMS[problem.key]
    detail = template.format(*problem.detail.split("|")) if problem.detail else template
    return finding(rel, problem.line, 0, "E901" if problem.error else "W902", detail=detail)


def _meta_file(root: Path, rel: str, settings: Settings) -> tuple[Any, list[Finding], set]:
    doc, problems = read_document(root, rel, "law")
    if doc is None:
        return None, problems, set()
    invalid, bad = validate_static(rel, SCHEMA, doc.parsed, settings)
    return doc, problems + invalid, bad


def _law(doc: Any, bad: set, parsed: dict[str, Statute], claimed: dict[str, str],
         titles: dict[str, str]) -> tuple[Law | None, list[Finding]]:
    rel = doc.path
    data: dict[str, Any] = doc.parsed.data
    findings: list[Finding] = []

    def problem(pointer: tuple, key: str, **params: object) -> None:
        detail = msg.LAW_META_PROBLEMS[key].format(**params)
        findings.append(finding(rel, *doc.position(pointer), "E903", detail=detail))

    folder = PurePosixPath(rel).parent
    if bad:  # schema errors are reported already; its texts are still its own, not strays
        for entry in data.get("versions") if isinstance(data.get("versions"), list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                claimed.setdefault((folder / entry["file"]).as_posix(), rel)
        return None, findings
    usable = True
    for name in [data["title"], *data.get("aliases", [])]:
        key = law_key(name)
        if key in titles:
            problem(("title",), "duplicate_title", title=name, other=titles[key])
            usable = False
        titles.setdefault(key, rel)
    versions: list[Version] = []
    for i, entry in enumerate(data["versions"]):
        file_rel = (folder / entry["file"]).as_posix()
        where = ("versions", i, "file")
        if file_rel in claimed:
            problem(where, "listed_twice", file=entry["file"], other=claimed[file_rel])
            usable = False
            continue
        statute = parsed.get(file_rel)
        if statute is None:
            problem(where, "missing_file", file=entry["file"])
            usable = False
            continue
        claimed[file_rel] = rel
        if not statute.title or not statute.articles:
            usable = False  # E901 at the text says why
            continue
        if re.sub(r"\s+", "", statute.title) != re.sub(r"\s+", "", data["title"]):
            problem(("title",), "title_mismatch", title=data["title"], file=entry["file"], text_title=statute.title)
            usable = False
        date = _VERSION_NAME.match(entry["file"]).group(2)  # the schema checked the form
        latest = statute.version_date
        if latest and latest > date:
            line = next(e.line for e in statute.events if e.date == latest)
            findings.append(finding(file_rel, line, 0, "W902",
                                    detail=msg.LAW_TEXT_PROBLEMS["name_date"].format(date, latest)))
        if versions and date <= versions[-1].date:
            problem(where, "order", file=entry["file"])
            usable = False
        versions.append(Version(file_rel, date, entry["status"], statute,
                                entry.get("effective") or statute.effective_date))
    if usable and versions:
        statuses = [v.status for v in versions]
        if statuses.count(CURRENT) > 1:
            problem(("versions",), "two_current")
        if statuses[-1] == AMENDED:
            problem(("versions", len(versions) - 1, "status"), "amended_last")
    if not usable or not versions:
        return None, findings
    return Law(data["title"], data["level"], tuple(versions), rel, data.get("issuer", ""),
               data.get("source", ""), data.get("superseded_by", ""), tuple(data.get("aliases", []))), findings
