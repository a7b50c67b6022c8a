"""Simplified ↔ traditional script for the two versions of the site.

OpenCC (phrase-based, dictionaries shipped in the wheel) does the conversion, with
``overrides.yaml`` — a reviewed phrase dictionary for OpenCC's known errors in legal text and
for surnames in 某-form names — placed first in its chain. OpenCC matches longest-first from
the left, so an override phrase must start where the converter stands; each entry carries an
example sentence that the tests convert.

Authors fix a single occurrence inline with ``{{简|繁}}``: the left part is shown on the
simplified site, the right part on the traditional site, e.g. ``{{干|乾}}``.
Text written in traditional script (a department may write its catalog so) is carried through
the page as a *mark* holding both forms, so the traditional site shows the author's own text
and only the simplified site is converted (tw2s/hk2s).

Converting to traditional runs four layers, each a reviewable table (CONTRIBUTING.md, 繁体转换):

1. context rules (``context.py``, ``context.yaml``): 系 meaning "is" → 係, found from the words
   around it; the decision becomes a mark, so OpenCC never sees that character;
2. OpenCC's phrase conversion with one extra dictionary first in its chain: the reviewed
   ``overrides.yaml`` and the generated word-boundary table ``boundaries.tsv``
   (``boundaries.py``), reviewed entries winning, and the generated cut words
   ``word-ends.tsv`` that its segmenter takes whole;
3. OpenCC's regional step (s2tw, s2hk) as shipped;
4. the variant table of the chosen script setting (``variants.yaml``): one spelling per word
   family as the target region writes it (Taiwan 帳/占/家具, Hong Kong 賬 …).
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.metadata
import json
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable

import opencc
import yaml

from . import boundaries, context, opencc_data, variants
from .marks import MARK, mark

HERE = Path(__file__).parent
OVERRIDES = HERE / "overrides.yaml"
# Every file the traditional text depends on: the converter's identity hashes them all.
TABLES = (OVERRIDES, boundaries.TABLE, boundaries.ENDS_TABLE, context.RULES, context.WORDS, variants.TABLE)
VARIANTS = {"s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}

_MARK = MARK  # internal marks carry both forms through rendering (marks.py)
_AUTHOR_MARK = re.compile(r"\{\{([^{}|\n]+)\|([^{}|\n]+)\}\}")


def author_marks(text: str) -> str:
    """Turn an author's ``{{简|繁}}`` fixes into marks."""
    return _AUTHOR_MARK.sub(lambda m: mark(m.group(1), m.group(2)), text)


def plain(text: str) -> str:
    """Simplified reading of text that may hold marks or author fixes (for search, exports).
    Most text holds neither: skipping the two regex passes halved the time of large exports."""
    if "{{" not in text and "\ue000" not in text:
        return text
    return _MARK.sub(r"\1", _AUTHOR_MARK.sub(r"\1", text))


# Short texts recur: a department's name, address and offices in each of its items' documents,
# the same fixed labels in each. Each is converted once: of the 20,000 conversions a district's
# documents asked for, 17,300 repeated an earlier one. The count bounds the memory kept.
_REMEMBERED_LENGTH, _REMEMBERED_COUNT = 160, 20_000
_REMEMBERED_LINES = 60_000  # ``to_hant_by_lines``: under 50 MB, kept while one project is written


class Converter:
    """Converts pages for one site's traditional variant (s2tw, s2hk or s2t)."""

    def __init__(self, variant: str = "s2tw") -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unsupported variant {variant!r}")
        self.variant = variant
        # What the output depends on besides the text: cached conversions are keyed by it.
        digest = hashlib.sha256(f"{variant}\n{_opencc_version()}\n".encode())
        for table in TABLES:
            digest.update(table.read_bytes())
        self.identity = digest.hexdigest()
        self._opencc = opencc.OpenCC(str(_config(variant)))
        self._variant = variants.Table.of(variant)
        self._to_hans = opencc.OpenCC(VARIANTS[variant])
        self._remembered: dict[str, str] = {}  # short text → to_hant(text)

    def to_hant(self, text: str) -> str:
        """Convert simplified text to traditional; marks keep their given traditional form.

        Author fixes must already be marks (``source`` does that for content): page templates
        contain Jinja's ``{{ x | filter }}``, which must not be read as an author fix."""
        if len(text) > _REMEMBERED_LENGTH:
            return self._to_hant(text)
        converted = self._remembered.get(text)
        if converted is None:
            converted = self._to_hant(text)
            if len(self._remembered) < _REMEMBERED_COUNT:
                self._remembered[text] = converted
        return converted

    def _to_hant(self, text: str) -> str:
        return _convert_outside_marks(self._convert, context.marks(text), keep=2)

    def to_hant_by_lines(self) -> Callable[[str], str]:
        """``to_hant`` for the many texts of one project (its pages), each distinct short line
        converted once: the pages repeat their labels and markup line for line.

        No conversion reads across a line break (no phrase of OpenCC's, ours or a context
        rule's holds one), so a line converts alike wherever it stands. A text with a mark
        across lines is converted whole."""
        known: dict[str, str] = {}

        def convert(text: str) -> str:
            if "\ue000" in text and any("\n" in m.group(0) for m in _MARK.finditer(text)):
                return self.to_hant(text)
            lines = text.split("\n")
            fresh = [line for line in dict.fromkeys(lines) if line not in known]
            converted = self.to_hant("\n".join(fresh)).split("\n") if fresh else []
            new = dict(zip(fresh, converted, strict=True))
            for line, hant in new.items():
                if len(line) <= _REMEMBERED_LENGTH and len(known) < _REMEMBERED_LINES:
                    known[line] = hant
            return "\n".join(known[line] if line in known else new[line] for line in lines)

        return convert

    def _convert(self, text: str) -> str:
        return self._variant.apply(self._opencc.convert(text))

    def to_hans(self, text: str) -> str:
        """Resolve marks to their simplified form (the page itself is already simplified)."""
        return _MARK.sub(r"\1", text)

    def from_hant(self, text: str) -> str:
        """Convert traditional text to simplified (tw2s/hk2s/t2s); marks keep their form."""
        return _convert_outside_marks(self._to_hans.convert, text, keep=1)

    def source(self, text: str, script: str = "zh-Hans") -> str:
        """Content as written, ready for a page: traditional sources become marks whose
        simplified form is converted (tw2s/hk2s) and whose traditional form is the original."""
        return self.in_script(author_marks(text), script)

    def in_script(self, text: str, script: str) -> str:
        """``source`` for text whose author fixes are already marks (a rendered case body)."""
        if script != "zh-Hant":
            return text
        return mark(self.from_hant(text), _MARK.sub(r"\2", text))


def _convert_outside_marks(convert: Callable[[str], str], text: str, keep: int) -> str:
    if "\ue000" not in text:
        return convert(text)
    out, last = [], 0
    for m in _MARK.finditer(text):
        out.append(convert(text[last:m.start()]))
        out.append(m.group(keep))
        last = m.end()
    out.append(convert(text[last:]))
    return "".join(out)


def overrides() -> list[dict[str, str]]:
    """The reviewed override entries (phrase, hant, why, example, expect)."""
    return yaml.safe_load(OVERRIDES.read_text(encoding="utf-8"))


def _opencc_version() -> str:
    return importlib.metadata.version("opencc")


def reviewed_converter() -> Callable[[str], str]:
    """OpenCC's first step (s2t) with the reviewed overrides only: what the boundary table is
    computed against."""
    return opencc.OpenCC(str(_config("s2t", with_boundaries=False))).convert


def word_ends_table() -> str:
    """The text of word-ends.tsv, generated again (``python -m generator.script``)."""
    return boundaries.generate_ends(reviewed_converter())


def boundary_table() -> str:
    """The text of boundaries.tsv, generated again (``python -m generator.script``)."""
    return boundaries.generate(reviewed_converter(), {e["phrase"] for e in overrides()})


def _phrase_lines(with_boundaries: bool) -> str:
    """Our dictionary for OpenCC: reviewed overrides, then generated boundaries not reviewed."""
    reviewed = {e["phrase"]: e["hant"] for e in overrides()}
    lines = [f"{phrase}\t{hant}\n" for phrase, hant in reviewed.items()]
    if with_boundaries:
        lines += [f"{text}\t{hant}\n" for text, hant, _, _ in boundaries.entries() if text not in reviewed]
    return "".join(lines)


@lru_cache(maxsize=None)
def _config(variant: str, with_boundaries: bool = True) -> Path:
    """An OpenCC config for ``variant`` with our override dictionary first in its chain."""
    folder = Path(tempfile.mkdtemp(prefix="xzzd-opencc-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    text = folder / "overrides.txt"
    text.write_text(_phrase_lines(with_boundaries), encoding="utf-8")
    phrases = folder / "overrides.ocd2"
    opencc_data.compile_text(text, phrases)
    config = json.loads((opencc_data.SHARE / f"{variant}.json").read_text(encoding="utf-8"))

    def absolute(d: dict) -> None:
        if "file" in d:
            d["file"] = str(opencc_data.SHARE / d["file"])
        for child in d.get("dicts", []):
            absolute(child)

    if "segmentation" not in config:  # s2t converts without one; our phrases need it
        config["segmentation"] = {"type": "mmseg", "dict": {"type": "group", "match_policy": "union", "dicts": [
            {"type": "ocd2", "file": "STPhrases.ocd2"},
            {"type": "ocd2", "file": "STPhrases_GeneratedFromRegionalPhrases.ocd2"}]}}
    for entry in config.get("normalization", []):
        absolute(entry["dict"])
    absolute(config["segmentation"]["dict"])
    for step in config["conversion_chain"]:
        absolute(step["dict"])
    ours = {"type": "ocd2", "file": str(phrases)}
    # Segmentation must cut text where our phrases start, and the first conversion step must
    # try our phrases before OpenCC's own.
    _first_group(config["segmentation"]["dict"]).insert(0, ours)
    if with_boundaries:  # cut words only segment: inside them OpenCC converts as before
        ends = folder / "word-ends.txt"
        ends.write_text("".join(f"{word}\t{hant}\n" for word, hant, _ in boundaries.end_entries()),
                        encoding="utf-8")
        opencc_data.compile_text(ends, folder / "word-ends.ocd2")
        _first_group(config["segmentation"]["dict"]).insert(1, {"type": "ocd2", "file": str(folder / "word-ends.ocd2")})
    _first_group(config["conversion_chain"][0]["dict"]).insert(0, ours)
    path = folder / f"{variant}.json"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def _first_group(d: dict) -> list:
    if d.get("type") == "group":
        return d["dicts"]
    raise ValueError("unexpected OpenCC config shape")
