"""All content checks, run in one pass so editors see every problem at once."""

from __future__ import annotations

from pathlib import Path

from .. import schema as schemas
from .. import settings as settings_module
from .. import codeowners, powers, public_names, sources
from ..documents import config as documents_config
from ..findings import Finding, finding
from ..laws.library import with_library
from ..load import Document, Loaded, Memo, load
from ..settings import Settings
from ..sources import Source
from . import citations, filescan, markup, openness, personal, references, textscan, texts, trades, withdrawn


def run(where: Path | Source, memo: Memo | None = None) -> tuple[Loaded | None, Settings | None, list[Finding]]:
    """Load and check everything in ``where``: a folder (a path), or any ``sources.Source`` (a
    git revision, a folder with a new version of one file). Findings come sorted by file and
    line. A ``memo`` kept between runs skips the files that did not change (the preview)."""
    root = sources.of(where)
    settings, settings_findings = settings_module.load(root)
    if settings is None:  # nothing can be loaded; the committed bytes are still published
        return None, None, sorted(set(settings_findings + filescan.scan(root, None, ())))
    loaded = powers.with_powers(with_library(load(root, settings, memo), root, settings, memo), root, settings)
    findings = settings_findings + list(loaded.findings)
    for doc in loaded.documents:
        findings += _scan(doc) if memo is None else memo.derived(doc, "textscan", lambda: _scan(doc))
    findings += references.check(loaded, settings)
    findings += withdrawn.check(loaded, references.item_ids(loaded))
    findings += trades.check(loaded, settings)
    findings += openness.check(loaded, settings, memo)
    findings += filescan.scan(root, loaded, public_names.allowed_everywhere(loaded))
    findings += citations.check(loaded, settings)
    findings += powers.check(loaded)
    findings += markup.check(loaded)
    findings += _schema_files(settings)
    findings += codeowners.check(root, loaded, settings)
    findings += documents_config.check(root, settings, loaded.content)
    return loaded, settings, sorted(set(findings))


def _scan(doc: Document) -> list[Finding]:
    spans = texts.Spans(doc)
    return list(textscan.scan(spans)) + personal.scan(spans)


def _schema_files(settings: Settings) -> list[Finding]:
    """The editor schemas must list the same mode codes and labels (and trades) as the settings."""
    stale = [
        finding(f"generator/schema/{path.name}", 0, 0, "W801", path=f"generator/schema/{path.name}")
        for kind, path in schemas.KINDS.items()
        if schemas.modes_in_file(kind) != [(m.code, m.label) for m in settings.modes]
    ]
    if schemas.trades_in_file() != [(t.code, t.label) for t in settings.trades]:
        path = f"generator/schema/{schemas.KINDS['catalog'].name}"
        stale.append(finding(path, 0, 0, "W953", path=path))
    return stale
