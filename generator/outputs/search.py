"""Build the search index: one folded, sharded index for both versions of the site.

Documents are the department pages (first: a department's name finds its page before its
items), then the published items and cases, newest first (so "ties by date" is "lower number
first" and the top results of a common query sit in the same metadata file). Every field is
folded (``fold``), its normalized form (``search_terms.normalize``: citations and synonyms) is
added beside it when it differs, and the text is cut into runs of word characters; each run
contributes its character unigrams, bigrams and trigrams. A query of one character looks up
unigrams, of two a bigram, of three or more its overlapping trigrams: requiring them all in the
same field is an exact phrase test up to three characters and a very close one beyond, without the
positions that would make the postings of common words too large for a phone.

Files under ``search/`` (see ``site-template/assets/xz/search.js`` for the reader):
- ``info.json`` — counts, shard count, departments, modes and years for the filters, and the
  synonym table (``synonyms``: [reader's word, catalog form] pairs in the order they are tried).
- ``fold.txt`` — the fold table as pairs of characters (the browser folds queries with it), only
  the pairs onto characters the index or the query rules hold (``fold_pairs``).
- ``g/<shard>.txt`` — ``gram<TAB>postings`` lines; a gram with long postings points to its
  own file ``g/<shard>-<n>.txt`` instead (``gram<TAB>@n``) so shards stay small.
- ``m/<chunk>.json`` and ``m/<chunk>-t.json`` — what the results show of ``META_CHUNK``
  documents, in simplified and in traditional script (a reader's browser loads only its own
  script's file): kind (item, case or department), path, title, department, mode (-1: none),
  date ("" for a department) and the passage the snippet is cut from around the match (at most
  ``PASSAGE_CHARS`` of the main text).
- ``d.txt`` — one line per document: department, mode, kind (i, c, d), year (loaded only for
  filters).

Postings are (document-number delta × 8 + field mask) as base-32 varints in 64 URL-safe
characters: a digit below 32 ends a number. Field mask: 1 title, 2 key fields, 4 body.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, repeat
from operator import add
from pathlib import Path

from .. import layout, script
from . import search_terms
from ..model import Case, Department, Item
from ..view import PublishedView
from ..script.fold import WORD_RUN, fold, table

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
TITLE, KEY, BODY = 1, 2, 4
META_CHUNK = 4
# Balance of files against bytes: a query fetches one shard (≤ ~SHARD_TARGET_BYTES, about half of
# it with gzip) per gram, plus the gram's own file if long. At items10k (bench/search.py) 8 KB /
# 2 KB write 1,309 postings files instead of 5,331 with 4 KB / 1 KB, and a six-gram query fetches
# 25 KB gzip besides the script; 12 KB / 3 KB save only 230 more files but cost 31 KB.
SHARD_TARGET_BYTES = 8_000
OWN_FILE_BYTES = 2_000  # postings longer than this get their own file
PASSAGE_CHARS = 400  # snippets are cut from this much of a document's main text
NO_PENALTY_LIST = "不罚清单"  # a key word of the items whose page lists 不罚清单 entries
_MARKDOWN = re.compile(r"[#>*_`|\[\]()!-]+")


@dataclass(frozen=True)
class Document:
    kind: str  # item | case | department
    path: str  # page path relative to a version's root, e.g. items/scjg-001.html
    title: str  # simplified, marks resolved
    passage: str  # the text snippets are cut from
    department: str
    mode: str
    date: str  # YYYY-MM-DD or YYYY-MM; "" for a department
    fields: tuple[str, str, str]  # title, key fields, body (simplified)


def documents(site: PublishedView) -> list[Document]:
    """The department pages (first: a department's name finds its page before its items), then
    items and cases newest first; every field with its normalized form beside it."""
    docs = [_item_document(site, i) for i in site.items] + [_case_document(site, c) for c in site.cases]
    docs.sort(key=lambda d: (_negate(d.date), d.kind, d.path))
    docs[:0] = [_department_document(site, d) for d in site.departments]
    table = search_terms.pairs(site.settings.search_synonyms)
    return [replace(d, fields=tuple(_with_normalized(f, table) for f in d.fields)) for d in docs]


def _with_normalized(text: str, table: search_terms.Pairs) -> str:
    folded = fold(text)
    normalized = search_terms.normalize(folded, table)
    return text if normalized == folded else f"{text}\n{normalized}"


def _negate(date: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in date.split("-"))


def _item_document(site: PublishedView, item: Item) -> Document:
    department = site.department_by_code[item.department]
    laws = " ".join(f"{b.law}{b.article_label or ''}" for b in item.basis)
    provisions = " ".join(b.text or "" for b in item.basis)
    entries = site.entries_of(item)
    key = " ".join([laws, department.name, department.short_name or "", site.mode_label(item.mode),
                    item.office, item.subjects, item.id, *item.power_codes, NO_PENALTY_LIST if entries else ""])
    entry_text = " ".join(" ".join([e.violation, e.field, *e.conditions, e.violation_basis, e.penalty_basis])
                       for e in entries)
    body = " ".join([item.situations, item.content, *item.procedure, *item.rights, provisions, entry_text,
                     item.note or ""])
    passage = " ".join([item.content, item.situations, *item.procedure, *item.rights])
    return Document("item", layout.url(layout.item(item.id)), script.plain(item.name), _passage(passage),
                    item.department, item.mode, item.effective_date,
                    (script.plain(item.name), script.plain(key), script.plain(body)))


def _case_document(site: PublishedView, case: Case) -> Document:
    department = site.department_by_code.get(case.department)
    names = [department.name, department.short_name or ""] if department else []
    key = " ".join([*case.tags, *names, site.mode_label(case.mode), case.counterpart, case.region])
    body = _MARKDOWN.sub(" ", script.plain(case.body))
    text = " ".join(line for line in case.body.splitlines() if not line.startswith("#"))
    return Document("case", layout.url(layout.case(case.id)), script.plain(case.title),
                    _passage(_MARKDOWN.sub(" ", text)), case.department, case.mode, case.month,
                    (script.plain(case.title), script.plain(key), body))


def _department_document(site: PublishedView, department: Department) -> Document:
    """A department's page: found by its full and short name and its code."""
    key = " ".join([department.short_name or "", department.code])
    passage = " ".join([department.short_name or "", department.address, department.office_phone])
    return Document("department", layout.url(layout.department(department.code)), script.plain(department.name),
                    _passage(passage), department.code, "", "",
                    (script.plain(department.name), script.plain(key), ""))


def _passage(text: str) -> str:
    text = " ".join(script.plain(text).split())
    return text if len(text) <= PASSAGE_CHARS else text[:PASSAGE_CHARS] + "…"


def grams(text: str) -> set[str]:
    """Unigrams, bigrams and trigrams of every run of word characters in the folded text."""
    out: set[str] = set()
    for run in WORD_RUN.findall(fold(text)):
        pairs = list(map(add, run, run[1:]))
        out.update(run, pairs, map(add, pairs, run[2:]))
    return out


def _by_mask(title: set[str], key: set[str], body: set[str]) -> Iterator[tuple[int, set[str]]]:
    """The document's grams grouped by field mask (the seven parts of the three fields' Venn
    diagram): seven set operations instead of three membership tests per gram."""
    fields = ((TITLE, title), (KEY, key), (BODY, body))
    for mask in range(1, 8):
        inside = [f for bit, f in fields if mask & bit]
        members = inside[0].intersection(*inside[1:]).difference(*(f for bit, f in fields if not mask & bit))
        if members:
            yield mask, members


def _encode_one(n: int) -> str:
    out = []
    while n >= 32:
        out.append(ALPHABET[32 + (n & 31)])
        n >>= 5
    out.append(ALPHABET[n])
    return "".join(out)


# Nearly every delta is small: its encoding is looked up rather than computed (a city's index
# encodes tens of millions of them).
_ENCODED = [_encode_one(n) for n in range(1 << 15)]


def _posting_list() -> array[int]:
    """A gram's postings as 4-byte machine integers (room for 268 million documents), not a list
    of pointers: a city's index holds tens of millions of postings at once, in a list 8 bytes each."""
    return array("i")


def _deltas(values: Sequence[int]) -> list[int]:
    """(number × 8 + mask) → (delta from the previous number × 8 + mask); -1 precedes the first.
    The previous value with its mask cleared is the previous number × 8, so each delta is one
    subtraction (-8 stands for the number -1)."""
    return [value - (previous & -8) for previous, value in zip(chain((-8,), values), values)]


def encode(numbers: list[int]) -> str:
    try:
        return "".join(map(_ENCODED.__getitem__, numbers))
    except IndexError:  # a delta beyond the table: rare, computed
        return "".join(_encode_one(n) for n in numbers)


def shard_of(gram: str, shards: int) -> int:
    """FNV-1a (32-bit) of the gram's UTF-8 bytes; search.js computes the same."""
    h = 0x811C9DC5
    for byte in gram.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def write(site: PublishedView, out: Path) -> dict[str, int]:
    """Write the index into the site ``out`` (its ``search/`` folder); return size figures."""
    converter = site.converter
    out = out / layout.SEARCH_DIR
    docs = documents(site)
    postings: dict[str, array[int]] = defaultdict(_posting_list)  # gram -> [document number * 8 + mask]
    for number, doc in enumerate(docs):
        for mask, members in _by_mask(*(grams(f) for f in doc.fields)):
            # one append per posting, done by map rather than a Python loop
            deque(map(array.append, map(postings.__getitem__, members), repeat(number * 8 + mask)), maxlen=0)
    encoded = {gram: encode(_deltas(postings.pop(gram))) for gram in list(postings)}
    # Shards hold the short postings only (a long one is a pointer line there).
    total = sum(len(g.encode()) + (len(p) if len(p) <= OWN_FILE_BYTES else 4) + 2 for g, p in encoded.items())
    shards = 16
    while total / shards > SHARD_TARGET_BYTES:
        shards *= 2
    (out / "g").mkdir(parents=True, exist_ok=True)
    (out / "m").mkdir(parents=True, exist_ok=True)
    lines: dict[int, list[str]] = defaultdict(list)
    own_files: dict[int, int] = defaultdict(int)
    for gram in sorted(encoded):
        shard = shard_of(gram, shards)
        data = encoded[gram]
        if len(data) > OWN_FILE_BYTES:
            own_files[shard] += 1
            n = own_files[shard]
            (out / "g" / f"{shard:x}-{n}.txt").write_text(data, encoding="utf-8")
            data = f"@{n}"
        lines[shard].append(f"{gram}\t{data}")
    for shard in range(shards):
        (out / "g" / f"{shard:x}.txt").write_text("\n".join(lines.get(shard, [])), encoding="utf-8")
    departments = sorted({d.department for d in docs})
    modes = [m.code for m in site.settings.modes]
    for start in range(0, len(docs), META_CHUNK):
        chunk = docs[start:start + META_CHUNK]
        hans = [[d.kind, d.path, d.title, departments.index(d.department),
                 modes.index(d.mode) if d.mode in modes else -1, d.date, d.passage] for d in chunk]
        _json(out / "m" / f"{start // META_CHUNK:x}.json", hans)
        _json(out / "m" / f"{start // META_CHUNK:x}-t.json",
              [[*row[:2], converter.to_hant(row[2]), *row[3:6], converter.to_hant(row[6])] for row in hans])
    (out / "d.txt").write_text("\n".join(
        f"{departments.index(d.department)},{modes.index(d.mode) if d.mode in modes else -1},"
        f"{d.kind[0]},{d.date[:4]}" for d in docs), encoding="utf-8")
    names = {d.code: d.short_name or d.name for d in site.departments}
    _json(out / "info.json", {
        "version": 1,
        "documents": len(docs),
        "shards": shards,
        "metaChunk": META_CHUNK,
        "departments": [[code, names.get(code, code), converter.to_hant(names.get(code, code))] for code in departments],
        "modes": [[m.code, m.label, converter.to_hant(m.label)] for m in site.settings.modes],
        "years": sorted({d.date[:4] for d in docs if d.date}, reverse=True),
        "synonyms": search_terms.pairs(site.settings.search_synonyms),
    })
    (out / "fold.txt").write_text(fold_pairs(encoded, site.settings.search_synonyms), encoding="utf-8")
    return {"documents": len(docs), "grams": len(encoded), "shards": shards}


def fold_pairs(grams: Iterable[str], extra: search_terms.Pairs) -> str:
    """The fold table's pairs whose folded character the browser can need: one the index holds,
    or one the citation and synonym rules read. Any other character of a query finds nothing
    folded or not (a folded index holds no unfolded character), so leaving it out changes no
    result and keeps the table, on every first query's path, a fraction of its 20 KB."""
    needed = {g for g in grams if len(g) == 1} | set(search_terms.RULE_CHARACTERS)
    needed |= {c for word, canonical in search_terms.pairs(extra) for c in word + canonical}
    return "".join(k + v for k, v in sorted(table().items()) if v in needed)


def _json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
