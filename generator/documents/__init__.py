"""Guidance documents (行政指导文书): a pre-filled Word document per published item and kind.

The legal office keeps the document kinds, the numbering and the remedy bodies in
``documents/kinds.yaml`` and one Word template per kind in ``documents/templates/``, editable in
Word (``config``). For an item, the program fills what it knows — department, item, legal basis
with article text, guidance content, the counterpart's remedies, phones, the 示例 mark for
sample data — and leaves the case facts as grey 【请填写】 blanks for the officer.

Modules, each with one job:

- ``config``     ``load(root, settings, content)`` → ``Config`` (``kinds``, ``numbering``,
                 ``remedies``; ``kinds_for(mode)``, ``kind(code)``) or findings (E950–E952,
                 W950–W951); ``present(root)``.
- ``fields``     ``values(...)`` → the template fields of one item (plain data: cache key).
- ``filler``     ``compile_template(bytes, convert)`` → ``Template``; ``Template.fill(values)``
                 → .docx bytes. Parses once; deterministic bytes.
- ``templates``  ``python -m generator.documents.templates``: writes the first templates.

For the build (one call per output; everything a document depends on is an argument):

    context, findings = load_context(root, settings, loaded, year)   # None when documents/ has errors
    data = write_for_item(item, department, context, kind, converter, "zh-Hant")

``Context`` keeps each template compiled once per script, so calling ``write_for_item`` for
every item is the fast batch path (``bench/documents.py`` measures it). The command
``python -m generator document ITEM --kind KIND --out FILE`` is ``generator.commands.document``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from . import config as config_module
from . import fields, filler
from .config import Config, Kind
from .fields import ExemptItem

if TYPE_CHECKING:
    from ..laws.library import Library
    from ..model import Department, Item
    from ..script import Converter

SCRIPTS = ("zh-Hans", "zh-Hant")
__all__ = ["Context", "ExemptItem", "Kind", "kinds_for", "write_for_item"]


@dataclass
class Context:
    """What every document of one build shares: settings, statute library, compiled templates."""

    config: Config
    modes: Mapping[str, str]  # mode code → label
    library: Library | None
    root: Path  # the content repository: templates are read from it once
    year: int | None = None  # printed in the number (〔2025〕); None leaves it blank
    _templates: dict[tuple[str, str, str], filler.Template] = field(default_factory=dict, repr=False)
    _bytes: dict[str, bytes] = field(default_factory=dict, repr=False)

    def template_bytes(self, kind: Kind) -> bytes:
        if kind.template not in self._bytes:
            self._bytes[kind.template] = (self.root / kind.template).read_bytes()
        return self._bytes[kind.template]

    def template_hash(self, kind: Kind) -> str:
        """For a cache key: a document is a function of this, its values and the script."""
        return hashlib.sha256(self.template_bytes(kind)).hexdigest()

    def template(self, kind: Kind, converter: Converter, script: str) -> filler.Template:
        key = (kind.template, script, converter.identity if script == "zh-Hant" else "")
        if key not in self._templates:
            convert = converter.to_hant if script == "zh-Hant" else None
            self._templates[key] = filler.compile_template(self.template_bytes(kind), convert)
        return self._templates[key]


def kinds_for(item: Item, context: Context) -> tuple[Kind, ...]:
    """The documents an item gets: those of its mode, if it is published and in force."""
    if not item.published or item.status != "有效":
        return ()
    return context.config.kinds_for(item.mode)


def values(item: Item, department: Department, context: Context, kind: Kind, converter: Converter,
           script: str = "zh-Hans", year: int | None = None) -> dict[str, filler.Value]:
    """The template fields for ``item`` in ``script`` (raises ``ExemptItem`` for an exempt item);
    ``year`` (printed in the number) overrides the context's."""
    if script not in SCRIPTS:
        raise ValueError(script)
    if script == "zh-Hant":
        def text(s: str) -> str:
            return converter.to_hant(converter.source(s, department.script))

        fixed = converter.to_hant
    else:
        def text(s: str) -> str:
            return converter.to_hans(converter.source(s, department.script))

        def fixed(s: str) -> str:
            return s
    return fields.values(item, department, kind, context.config, context.modes, context.library,
                         context.year if year is None else year, text, fixed)


def write_for_item(item: Item, department: Department, context: Context, kind: Kind, converter: Converter,
                   script: str = "zh-Hans") -> bytes:
    """The .docx of ``kind`` for ``item`` in ``script``: a pure function of its arguments."""
    return context.template(kind, converter, script).fill(values(item, department, context, kind, converter, script))


def load_context(root: Path, settings, loaded, year: int | None = None):
    """(Context or None, findings): the document settings checked against the loaded content."""
    config, findings = config_module.load(root, settings, loaded.content if loaded else None)
    if config is None:
        return None, findings
    modes = {m.code: m.label for m in settings.modes}
    return Context(config, modes, loaded.library if loaded else None, root, year), findings
