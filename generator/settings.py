"""Site operators' settings: the ``extra:`` section of ``mkdocs.yml`` (and its site_name/site_url).

One documented place for everything an operator changes: names shown in the footer, filing
numbers, the list of guidance modes, the traditional-script variant and the 示例 banner.
The keys are declared in ``generator/schema/settings.schema.json`` (which editors also read,
through the ``yaml-language-server`` line of mkdocs.yml): a key it does not declare — a typo
such as ``demo_baner`` — is an error (E205) at its line with a 是不是 suggestion, and the
rest of the file is still read. The values are checked here, in operators' words (E801).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import layout, sources
from .layout import CONFIG_FILE
from .findings import Finding, finding
from .laws.levels import LEVELS
from .messages import current as msg
from .load import validate, yamlsource
from .sources import Source

HANT_VARIANTS = ("s2tw", "s2hk", "s2t")
# The programs that can build the generated projects (outputs/pages/engine.py), default first.
ENGINES = ("mkdocs", "properdocs", "zensical")
REFUSED_VARIANTS = ("s2twp",)
SCHEMA_FILE = "settings.schema.json"  # in generator/schema/


@dataclass(frozen=True)
class Mode:
    code: str
    label: str
    requires_no_penalty: bool = False


@dataclass(frozen=True)
class Remedy:
    """Where and how long a reader may seek remedy, shown in every item's 相对人权利: the time
    limits are the statutes' (行政复议法 2023 第二十条, 行政诉讼法 第四十六条) unless a later law
    changes them; the bodies are the district's (blank: the page names no body)."""

    reconsideration_body: str = ""  # 行政复议机关
    reconsideration_days: int = 60
    litigation_court: str = ""  # 管辖法院
    litigation_months: int = 6


@dataclass(frozen=True)
class Trade:
    """A trade (行业) items serve: 一业一册 gathers every department's items for one trade."""

    code: str
    label: str


@dataclass(frozen=True)
class Settings:
    site_name: str
    site_url: str
    sponsor: str
    organizer: str
    contact: str
    site_id_code: str
    icp: str
    psb: str
    error_report_url: str
    hant_variant: str
    demo_banner: bool
    region: str
    modes: tuple[Mode, ...]
    # The legal office's accounts on the forge (@team): must approve every content change.
    legal_office_reviewers: tuple[str, ...] = ()
    # Levels of law (法律, 行政法规 …) the statute library holds completely: citing one of
    # that level missing from laws/ is an error, not a warning.
    laws_complete_levels: tuple[str, ...] = ()
    # The maintainers' accounts: must approve every change to the program (generator, CI, …).
    maintainer_reviewers: tuple[str, ...] = ()
    # A site's own search synonyms: (reader's word, catalog form), beside the shipped table.
    search_synonyms: tuple[tuple[str, str], ...] = ()
    # The program that builds the pages (ENGINES): the output is the same on mkdocs and properdocs.
    engine: str = ENGINES[0]
    remedy: Remedy = Remedy()
    # The trades (行业) items may name in ``trades:``; each gets a page and a booklet (一业一册).
    trades: tuple[Trade, ...] = ()
    # Print each department's office notice to PDF in the build (WeasyPrint: seconds per PDF,
    # so off unless asked; the notice page is always there and prints from the browser).
    notice_pdf: bool = False

    def trade(self, code: str) -> Trade | None:
        return next((t for t in self.trades if t.code == code), None)

    def mode(self, code: str) -> Mode | None:
        return next((m for m in self.modes if m.code == code), None)

    @property
    def mode_codes(self) -> list[str]:
        return [m.code for m in self.modes]


# A page address an operator sets: printed into every page's links, so nothing but a URL.
_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~!$&()*+,;=:@%/?#-]*)?")
_ACCOUNT = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9_./-]*$")  # as department.reviewers in the schema
_TEXT_KEYS = ("sponsor", "organizer", "contact", "site_id_code", "icp", "psb", "error_report_url", "region")


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported here (an entry of None in sys.modules blocks it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _remedy(raw: object, problem: Callable[..., None]) -> Remedy:
    """``extra.remedy``: texts for the bodies, whole numbers for the time limits."""
    if raw is None:
        return Remedy()
    if not isinstance(raw, dict):
        problem(msg.SETTINGS_REMEDY, "extra", "remedy")
        return Remedy()
    values = {}
    for key, default in vars(Remedy()).items():
        value = raw.get(key, default)
        if isinstance(default, int):  # the reader keeps YAML scalars as written: "60"
            text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
            ok = text.isascii() and text.isdigit() and 0 < int(text) < 1000
            value = int(text) if ok else value
        else:
            ok = isinstance(value, str) and "\n" not in value
        if not ok:
            problem(msg.SETTINGS_REMEDY, "extra", "remedy", key)
            value = default
        values[key] = value
    return Remedy(**values)


def load(root: Path | Source) -> tuple[Settings | None, list[Finding]]:
    """Read settings from a folder or any other source; on problems return findings located
    in mkdocs.yml."""
    source = sources.of(root)
    if source.kind(CONFIG_FILE, follow=True) != sources.FILE:
        return None, [finding(CONFIG_FILE, 0, 0, "E801", detail=msg.SETTINGS_MISSING)]
    try:
        parsed = yamlsource.parse(sources.read_text(source, CONFIG_FILE, "utf-8-sig"))
    except yamlsource.YamlProblem as problem:
        return None, [finding(CONFIG_FILE, problem.line, problem.col, "E801",
                              detail=msg.SETTINGS_YAML.format(detail=problem.detail or problem.kind))]
    except UnicodeDecodeError:
        return None, [finding(CONFIG_FILE, 0, 0, "E101", guess="")]
    data = parsed.data if isinstance(parsed.data, dict) else {}
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    # Keys the schema does not declare: reported, and not read (the settings are still usable).
    unknown, _ = validate.validate_static(CONFIG_FILE, SCHEMA_FILE, parsed, None, frozenset({"additionalProperties"}))
    findings: list[Finding] = []

    def where(*keys: str | int) -> tuple[int, int]:
        return parsed.positions.get(tuple(keys), parsed.positions.get(("extra",), (1, 1)))

    def problem(detail: str, *keys: str | int) -> None:
        findings.append(finding(CONFIG_FILE, *where(*keys), "E801", detail=detail))

    for key in ("site_name",):
        if not isinstance(data.get(key), str) or not data.get(key):
            problem(msg.SETTINGS_SITE_NAME, key)
    texts = {}
    for key in _TEXT_KEYS:
        value = extra.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            problem(msg.SETTINGS_TEXT.format(key=key), "extra", key)
            value = ""
        texts[key] = value
    site_url = data.get("site_url") or ""
    if not isinstance(site_url, str) or (site_url and not _ADDRESS.fullmatch(site_url)):
        problem(msg.SETTINGS_SITE_URL, "site_url")
    if texts["error_report_url"] and not _ADDRESS.fullmatch(texts["error_report_url"]):
        problem(msg.SETTINGS_ERROR_REPORT_URL, "extra", "error_report_url")
    variant = extra.get("hant_variant", "s2tw")
    if variant in REFUSED_VARIANTS:
        findings.append(finding(CONFIG_FILE, *where("extra", "hant_variant"), "E802", variant=variant))
    elif variant not in HANT_VARIANTS:
        problem(msg.SETTINGS_HANT_VARIANT.format(variants="、".join(HANT_VARIANTS)), "extra", "hant_variant")
    engine = extra.get("engine", ENGINES[0])
    if engine not in ENGINES:
        problem(msg.SETTINGS_ENGINE.format(engines="、".join(ENGINES)), "extra", "engine")
    elif not _installed(engine):
        findings.append(finding(CONFIG_FILE, *where("extra", "engine"), "E980", engine=engine))
    demo = extra.get("demo_banner", False)
    if not isinstance(demo, bool):
        problem(msg.SETTINGS_DEMO_BANNER, "extra", "demo_banner")
    raw_modes = extra.get("modes")
    if not isinstance(raw_modes, list) or not raw_modes:
        problem(msg.SETTINGS_MODES, "extra", "modes")
        raw_modes = []
    modes = [Mode(e["code"], e["label"], e.get("requires_no_penalty") is True)
             for e in _coded(raw_modes, "modes", problem, findings, where)]
    trades = _trades(extra.get("trades"), problem, findings, where)
    notice_pdf = extra.get("notice_pdf", False)
    if not isinstance(notice_pdf, bool):
        problem(msg.SETTINGS_NOTICE_PDF, "extra", "notice_pdf")
    legal = extra.get("legal_office_reviewers") or []
    if not (isinstance(legal, list) and all(isinstance(r, str) and _ACCOUNT.match(r) for r in legal)):
        problem(msg.SETTINGS_LEGAL_OFFICE, "extra", "legal_office_reviewers")
        legal = []
    complete = extra.get("laws_complete_levels") or []
    if not (isinstance(complete, list) and all(level in LEVELS for level in complete)):
        problem(msg.LAWS_COMPLETE_LEVELS.format(levels="、".join(LEVELS)), "extra", "laws_complete_levels")
        complete = []
    synonyms = _search_synonyms(extra.get("search_synonyms") or {})
    if synonyms is None:
        problem(msg.SETTINGS_SEARCH_SYNONYMS, "extra", "search_synonyms")
        synonyms = ()
    maintainers = extra.get("maintainer_reviewers") or []
    if not (isinstance(maintainers, list) and all(isinstance(r, str) and _ACCOUNT.match(r) for r in maintainers)):
        problem(msg.SETTINGS_MAINTAINERS, "extra", "maintainer_reviewers")
        maintainers = []
    remedy = _remedy(extra.get("remedy"), problem)
    if findings:
        return None, unknown + findings
    return Settings(
        remedy=remedy,
        legal_office_reviewers=tuple(legal),
        laws_complete_levels=tuple(complete),
        maintainer_reviewers=tuple(maintainers),
        search_synonyms=synonyms,
        site_name=data["site_name"],
        site_url=data.get("site_url") or "",
        hant_variant=variant,
        engine=engine,
        demo_banner=demo,
        modes=tuple(modes),
        trades=tuple(trades),
        notice_pdf=notice_pdf,
        **texts,
    ), unknown


def _search_synonyms(value: object) -> tuple[tuple[str, str], ...] | None:
    """``{catalog form: [reader's word, …]}`` → pairs; None when malformed. A word inside its own
    catalog form would garble the text it is found in (健康证 → 健康证明 makes 健康证明明)."""
    if not isinstance(value, dict):
        return None
    out = []
    for canonical, words in value.items():
        if not (isinstance(canonical, str) and canonical.strip() and isinstance(words, list)):
            return None
        for word in words:
            if not (isinstance(word, str) and word.strip()) or word.strip() in canonical:
                return None
            out.append((word.strip(), canonical.strip()))
    return tuple(out)


def _trades(raw: object, problem, findings: list[Finding], where) -> list[Trade]:
    """``extra.trades``: optional; written like the modes (a code for addresses, a label to show)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problem(msg.SETTINGS_TRADE_ENTRY, "extra", "trades")
        return []
    return [Trade(e["code"], e["label"]) for e in _coded(raw, "trades", problem, findings, where)]


# Per list of coded entries: the names of the messages for a malformed entry and for a code given
# twice, the check code for a code that takes a fixed page's name, that page, and whether the
# label may be blank.
_CODED = {
    "modes": ("SETTINGS_MODE_ENTRY", "SETTINGS_MODE_TWICE", "E803", layout.mode, True),
    "trades": ("SETTINGS_TRADE_ENTRY", "SETTINGS_TRADE_TWICE", "E953", layout.trade, False),
}


def _coded(raw: list, key: str, problem, findings: list[Finding], where) -> list[dict]:
    """The valid entries of ``extra.<key>``, a list of ``{code, label}``: each code names pages,
    so it is an ASCII identifier, given once, and not the name of a fixed page."""
    malformed, twice, reserved, page, blank_label = _CODED[key]
    kept: list[dict] = []
    for i, entry in enumerate(raw):
        if not (isinstance(entry, dict) and isinstance(entry.get("code"), str)
                and isinstance(entry.get("label"), str) and (blank_label or entry["label"].strip())
                and entry["code"].isidentifier() and entry["code"].isascii()):
            problem(getattr(msg, malformed), "extra", key, i)
            continue
        if any(k["code"] == entry["code"] for k in kept):
            problem(getattr(msg, twice).format(code=entry["code"]), "extra", key, i)
            continue
        if entry["code"] in layout.RESERVED:
            findings.append(finding(CONFIG_FILE, *where("extra", key, i, "code"), reserved,
                                    code=entry["code"], page=layout.collides(page(entry["code"]))))
            continue
        kept.append(entry)
    return kept
