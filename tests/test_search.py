"""The search index in Python: the fold, grams and runs, the postings encoding, the shard hash
and the files written under ``search/`` for the sample (generator/search/).

The index files are read back with a decoder written here from the format described in the
docstring of ``generator/outputs/search.py`` (not with generator code), and compared with
postings recomputed here from the documents' folded fields. The sample is the real build
(``python -m generator build``, once per session, shared with the browser tests).
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

import sitebuild
from sitebuild import PROJECT

from generator import checks
from generator.script import Converter
from generator.view import PublishedView
from generator.outputs import search as index
from generator.outputs import search_terms
from generator.script import fold as fold_module
from generator.script.fold import fold, table

TITLE, KEY, BODY = 1, 2, 4
EXEMPT_ID = "sthj-010"  # the one item of the sample with disclosure 商业秘密


# --- a decoder written from the docstring of generator/outputs/search.py ----------------------------

def decode_numbers(data: str, alphabet: str) -> list[int]:
    """Base-32 varints, least significant group first: a digit below 32 ends a number."""
    digits = {c: i for i, c in enumerate(alphabet)}
    out, n, shift = [], 0, 0
    for char in data:
        d = digits[char]
        if d >= 32:
            n += (d - 32) << shift
            shift += 5
        else:
            out.append(n + (d << shift))
            n, shift = 0, 0
    assert shift == 0 and n == 0, f"{data!r} ends inside a number"
    return out


def decode_postings(data: str) -> dict[int, int]:
    """(document-number delta × 8 + field mask) → {document number: field mask}."""
    out: dict[int, int] = {}
    doc = -1
    for n in decode_numbers(data, index.ALPHABET):
        delta, mask = divmod(n, 8)
        assert delta >= 1, f"document numbers must increase: {data!r}"
        assert 1 <= mask <= 7, f"empty field mask in {data!r}"
        doc += delta
        out[doc] = mask
    return out


@dataclass
class IndexFiles:
    info: dict
    postings: dict[str, dict[int, int]]  # gram → {document: mask}
    meta: list[list]  # one row per document, in document order (m/<chunk>.json)
    meta_hant: list[list]  # the same rows in traditional script (m/<chunk>-t.json)
    rows: list[list[str]]  # d.txt
    files: list[Path]


def read_index(folder: Path) -> IndexFiles:
    info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
    shards = info["shards"]
    postings: dict[str, dict[int, int]] = {}
    expected_files = {folder / "info.json", folder / "fold.txt", folder / "d.txt"}
    for shard in range(shards):
        path = folder / "g" / f"{shard:x}.txt"
        expected_files.add(path)
        text = path.read_text(encoding="utf-8")
        for line in text.split("\n") if text else []:
            gram, data = line.split("\t")
            assert gram not in postings, f"{gram!r} twice in the index"
            assert index.shard_of(gram, shards) == shard, f"{gram!r} is in shard {shard:x}"
            if data.startswith("@"):
                own = folder / "g" / f"{shard:x}-{int(data[1:])}.txt"
                expected_files.add(own)
                data = own.read_text(encoding="utf-8")
            postings[gram] = decode_postings(data)
    chunk = info["metaChunk"]
    meta: list[list] = []
    meta_hant: list[list] = []
    for n in range(math.ceil(info["documents"] / chunk)):
        hans, hant = (folder / "m" / f"{n:x}.json", folder / "m" / f"{n:x}-t.json")
        expected_files |= {hans, hant}
        pair = [json.loads(path.read_text(encoding="utf-8")) for path in (hans, hant)]
        assert len(pair[0]) == len(pair[1]) == min(chunk, info["documents"] - n * chunk), hans
        meta.extend(pair[0])
        meta_hant.extend(pair[1])
    rows = [line.split(",") for line in (folder / "d.txt").read_text(encoding="utf-8").split("\n")]
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert set(files) == expected_files, f"unexpected or missing files: {set(files) ^ expected_files}"
    return IndexFiles(info, postings, meta, meta_hant, rows, files)


# --- grams recomputed here ------------------------------------------------------------------------

def is_word_char(char: str) -> bool:
    """Letters and numbers (Unicode categories L* and N*) form terms; the rest separates them."""
    return unicodedata.category(char)[0] in "LN"


def my_runs(text: str) -> list[str]:
    """Maximal runs of word characters of already folded text."""
    runs, current = [], ""
    for char in text:
        if is_word_char(char):
            current += char
        elif current:
            runs.append(current)
            current = ""
    return runs + ([current] if current else [])


def my_grams(text: str) -> set[str]:
    out = set()
    for run in my_runs(fold(text)):
        for n in (1, 2, 3):
            out.update(run[i:i + n] for i in range(len(run) - n + 1))
    return out


def my_normalize(text: str, table: dict[str, str]) -> str:
    """The search's normalization (generator/outputs/search_terms.py): citations, then synonyms
    (the rule written out in test_search_terms.scan_rewrite)."""
    from test_search_terms import scan_rewrite

    return scan_rewrite(search_terms.citations(fold(text)), table)


# --- fixtures --------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def loaded(sample):
    result, settings, findings = checks.run(sample.root)
    assert result is not None and settings is not None, findings
    return result.content, settings


@pytest.fixture(scope="session")
def site(loaded) -> PublishedView:
    content, settings = loaded
    return PublishedView.of(content, settings)


@pytest.fixture(scope="session")
def converter(loaded) -> Converter:
    return Converter(loaded[1].hant_variant)


@pytest.fixture(scope="session")
def built(sample) -> IndexFiles:
    return read_index(sample.out / "search")


@pytest.fixture(scope="session")
def docs(site) -> list[index.Document]:
    return index.documents(site)


# --- fold -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, folded", [
    ("乾", "干"), ("幹", "干"), ("干", "干"),
    ("著", "着"), ("着", "着"),
    ("裏", "里"), ("裡", "里"), ("里", "里"),
    ("爲", "为"), ("為", "为"), ("为", "为"),
    ("帳", "账"), ("賬", "账"), ("帐", "账"), ("账", "账"),
    ("發", "发"), ("髮", "发"), ("发", "发"),
    ("發展", "发展"), ("臺帳", "台账"), ("首違不罰", "首违不罚"),
])
def test_fold_characters(source, folded):
    assert fold(source) == folded


def test_fold_is_per_character_not_per_phrase():
    """A phrase converter keeps 乾隆; the fold maps each character on its own."""
    assert fold("乾隆") == "干隆"
    assert fold("乾淨") == fold("干净") == "干净"
    assert fold("顯著") == fold("显着") == "显着"


def test_fold_full_width_and_case():
    full = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    ascii_ = "".join(chr(c) for c in range(0x21, 0x7F))
    assert fold(full) == ascii_.lower()
    assert fold("ＡＢＣＸＹＺａｂｃｘｙｚ０１２９") == "abcxyzabcxyz0129"
    assert fold("ＳＣＪＧ－００１") == "scjg-001"
    assert fold("ABCxyz") == "abcxyz"
    assert fold("\u3000") == " "
    assert fold("Ａ發") == "a发"


def test_fold_keeps_length_and_ordinary_text():
    text = "食品经营许可申请政策辅导 (2024年): abc 123。、“”《》"
    assert fold(text) == text
    for key, value in table().items():
        assert len(key) == 1 and len(value) == 1 and key != value, (key, value)
        assert len(fold(key)) == 1


def test_fold_table_values_are_fixed_points_and_fold_is_idempotent():
    mapping = table()
    assert len(mapping) > 2000, "the table comes from the OpenCC character dictionaries"
    not_fixed = {v: fold(v) for v in set(mapping.values()) if fold(v) != v}
    assert not not_fixed, f"values that fold further: {not_fixed}"
    for char in set(mapping) | set(mapping.values()):
        assert fold(fold(char)) == fold(char), char
    assert all(fold(k) == v for k, v in mapping.items())
    full = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000ABCZ"
    assert fold(fold(full)) == fold(full)


def test_fold_extra_entries_are_applied():
    extra = Path(fold_module.__file__).with_name("fold-extra.txt")
    pairs = [line.split()[:2] for line in extra.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert pairs
    for key, value in pairs:
        assert fold(key) == fold(value), (key, value)


def test_word_and_separator_characters():
    for char in "aZ09食發ＡＳ":
        assert index.grams(char) == {fold(char)}, char
    for char in " -_,.，。、；：“”（）《》〔〕\t\n…·":
        assert index.grams(char) == set(), repr(char)


# --- grams and runs ---------------------------------------------------------------------------------

def test_grams_of_a_word():
    assert index.grams("食品经营") == {"食", "品", "经", "营", "食品", "品经", "经营", "食品经", "品经营"}


def test_grams_are_folded_and_split_at_non_word_characters():
    assert index.grams("發展，ＡＢ") == {"发", "展", "发展", "a", "b", "ab"}
    grams = index.grams("首违，不罚")
    assert "违不" not in grams and "首违" in grams and "不罚" in grams
    assert index.grams("") == set()
    assert index.grams("，。 ") == set()
    assert index.grams("SCJG-001") == my_grams("scjg 001")


def test_runs():
    """Runs are cut at every non-word character; no gram spans two runs."""
    grams = index.grams("sthj-010 危险废物。識別標志")
    assert {"sthj", "010", "危险废", "险废物", "识别标", "别标志"} <= {g for g in grams if len(g) >= 3} | {"sthj"}
    assert not {g for g in grams if len(g) > 3}
    assert not any(sep in g for g in grams for sep in "-。 ")
    assert "物识" not in grams and "j0" not in grams and "10危" not in grams
    assert index.grams("、a") == {"a"}


@pytest.mark.parametrize("text", ["中华人民共和国食品安全法 第三十五条", "首違不罰（第一次）", "ab-CD ｘ１"])
def test_grams_agree_with_a_plain_reimplementation(text):
    assert index.grams(text) == my_grams(text)


# --- encode -----------------------------------------------------------------------------------------

def test_alphabet_is_64_url_safe_characters():
    assert len(index.ALPHABET) == len(set(index.ALPHABET)) == 64
    assert re.fullmatch(r"[A-Za-z0-9_-]{64}", index.ALPHABET)


def test_encode_round_trip():
    rng = random.Random(4)
    cases = [[], [0], [31], [32], [33], [1023], [1024], [2**31 - 1], [2**40 + 5],
             [0, 31, 32, 63, 64, 1 << 20], [rng.randrange(0, 1 << rng.randrange(1, 36)) for _ in range(500)]]
    for numbers in cases:
        data = index.encode(numbers)
        assert set(data) <= set(index.ALPHABET)
        assert decode_numbers(data, index.ALPHABET) == numbers


def test_encode_is_base32_little_endian():
    assert index.encode([0]) == "0"
    assert index.encode([31]) == index.ALPHABET[31]
    assert index.encode([32]) == index.ALPHABET[32] + index.ALPHABET[1]
    assert index.encode([8 * 3 + 5]) == index.ALPHABET[29]


def test_postings_round_trip():
    postings = {0: TITLE, 1: BODY, 7: KEY | BODY, 100: TITLE | KEY | BODY, 5000: KEY}
    values, last = [], -1
    for doc, mask in postings.items():
        values.append((doc - last) * 8 + mask)
        last = doc
    assert decode_postings(index.encode(values)) == postings


# --- shard_of ----------------------------------------------------------------------------------------

def test_shard_of_is_fnv1a_32():
    # Known FNV-1a 32-bit values: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    assert index.shard_of("", 1 << 32) == 0x811C9DC5
    assert index.shard_of("a", 1 << 32) == 0xE40C292C
    assert index.shard_of("foobar", 1 << 32) == 0xBF9CF968


def test_shard_of_is_deterministic_and_in_range():
    grams = ["食", "食品", "食品经", "a", "scj", "𠀾", "发展"]
    for shards in (16, 32, 128, 1024):
        for gram in grams:
            shard = index.shard_of(gram, shards)
            assert 0 <= shard < shards
            assert shard == index.shard_of(gram, shards)
    here = [index.shard_of(g, 128) for g in grams]
    code = ("import json, sys; from generator.outputs.search import shard_of; "
            f"print(json.dumps([shard_of(g, 128) for g in {grams!r}]))")
    for seed in ("1", "12345"):  # not Python's randomised str hash
        proc = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        assert json.loads(proc.stdout) == here


# --- the index files of the sample -------------------------------------------------------------------

def test_sample_info(built, docs, site):
    info = built.info
    assert info["documents"] == len(built.meta) == len(built.rows) == len(docs)
    assert info["shards"] >= 16 and info["shards"] & (info["shards"] - 1) == 0
    assert [d[0] for d in info["departments"]] == sorted({d.department for d in docs})
    assert [m[0] for m in info["modes"]] == [m.code for m in site.settings.modes]
    assert info["years"] == sorted({d.date[:4] for d in docs if d.date}, reverse=True)
    assert [tuple(p) for p in info["synonyms"]] == list(search_terms.pairs(site.settings.search_synonyms))


def test_sample_fold_file_is_the_table_onto_what_a_query_can_match(sample, built, site):
    """fold.txt keeps a pair when its folded character is in the index or read by the citation
    and synonym rules; for any other character the folded and unfolded query find the same
    nothing, so the browser does without it."""
    chars = list((sample.out / "search" / "fold.txt").read_text(encoding="utf-8"))
    assert len(chars) % 2 == 0
    needed = {g for g in built.postings if len(g) == 1} | set(search_terms.RULE_CHARACTERS)
    needed |= {c for pair in built.info["synonyms"] for c in "".join(pair)}
    assert dict(zip(chars[0::2], chars[1::2])) == {k: v for k, v in table().items() if v in needed}
    assert {"條", "違", "罰", "個", "體", "戶", "發", "項"} <= set(chars[0::2])
    assert len(chars) < len(table())  # the sample's table is under half the full one


def test_every_published_item_case_and_department_is_in_the_metadata(built, loaded, sample):
    content, _ = loaded
    expected = {f"items/{i.id}.html" for i in content.published_items()} | {
        f"cases/{c.id}.html" for c in content.cases} | {f"departments/{d.code}.html" for d in content.departments}
    paths = [row[1] for row in built.meta]
    assert len(paths) == len(set(paths))
    assert set(paths) == expected
    items = {i.id: i for i in content.items()}
    cases = {c.id: c for c in content.cases}
    departments = {d.code: d for d in content.departments}
    for row in built.meta:
        kind, path = row[0], row[1]
        ident = path.split("/")[1][:-len(".html")]
        assert (sample.out / path).is_file() and (sample.out / sitebuild.HANT_DIR / path).is_file(), path
        if kind == "department":
            assert path.startswith("departments/") and row[5] == "" and row[4] == -1
            assert row[2] == departments[ident].name
        elif kind == "item":
            assert path.startswith("items/") and row[5] == items[ident].effective_date
            assert row[2] == items[ident].name
        else:
            assert kind == "case" and path.startswith("cases/") and row[5] == cases[ident].month
            assert row[2] == cases[ident].title


def _date_key(date: str) -> tuple[int, ...]:
    return tuple(int(p) for p in date.split("-"))


def test_documents_are_numbered_newest_first(built, loaded):
    """Department pages first (a department's name finds its page before its items), then items
    and cases newest first."""
    kinds = [row[0] for row in built.meta]
    count = len(loaded[0].departments)
    assert kinds[:count] == ["department"] * count and "department" not in kinds[count:]
    dates = [row[5] for row in built.meta[count:]]
    for n, (newer, older) in enumerate(zip(dates, dates[1:])):
        a, b = _date_key(newer), _date_key(older)
        assert a[:2] >= b[:2], f"document {n} ({newer}) is older than document {n + 1} ({older})"
        if a[:2] == b[:2] and len(a) == len(b) == 3:
            assert a >= b, f"document {n} ({newer}) is older than document {n + 1} ({older})"
    assert dates[0][:4] == built.info["years"][0]


def test_filter_rows_agree_with_metadata(built):
    departments = [d[0] for d in built.info["departments"]]
    for n, (row, meta) in enumerate(zip(built.rows, built.meta)):
        dept, mode, kind, year = row
        own = re.split(r"[-.]", meta[1].split("/")[1])[0]
        assert int(dept) == meta[3] and departments[int(dept)] == own, n
        assert int(mode) == meta[4] and (int(mode) >= 0) == (meta[0] != "department"), n
        assert kind == {"item": "i", "case": "c", "department": "d"}[meta[0]], n
        assert year == meta[5][:4], n


def test_metadata_is_in_both_scripts(built, converter):
    for hans, hant in zip(built.meta, built.meta_hant, strict=True):
        assert hant == [*hans[:2], converter.to_hant(hans[2]), *hans[3:6], converter.to_hant(hans[6])]
        assert hans[6] and len(hans[6]) <= index.PASSAGE_CHARS + 1


def test_document_order_matches_metadata(built, docs):
    assert [d.path for d in docs] == [row[1] for row in built.meta]


def test_postings_are_exactly_the_grams_of_each_field(built, docs):
    expected: dict[str, dict[int, int]] = defaultdict(dict)
    for number, doc in enumerate(docs):
        for bit, text in zip((TITLE, KEY, BODY), doc.fields):
            for gram in my_grams(text):
                expected[gram][number] = expected[gram].get(number, 0) | bit
    assert set(built.postings) == set(expected)
    wrong = [g for g in expected if built.postings[g] != expected[g]]
    assert not wrong, f"{len(wrong)} grams with wrong postings, e.g. {wrong[:5]}: " + \
        repr({g: (built.postings[g], expected[g]) for g in wrong[:3]})


def test_title_postings_agree_with_displayed_titles(built):
    """Independent of the generator's documents: the title bit is set exactly for the grams of
    the title shown in the results."""
    table = dict(built.info["synonyms"])
    title_grams = {n: my_grams(row[2]) | my_grams(my_normalize(row[2], table)) for n, row in enumerate(built.meta)}
    for gram, postings in built.postings.items():
        for n in range(len(built.meta)):
            has_bit = bool(postings.get(n, 0) & TITLE)
            assert has_bit == (gram in title_grams[n]), (gram, built.meta[n][1])


@pytest.mark.parametrize("gram, paths", [
    ("首违", {"cases/rssj-2024-01.html", "cases/scjg-2024-01.html", "cases/scjg-2024-02.html",
             "cases/sthj-2024-01.html", "cases/wsjk-2024-01.html", "cases/yjgl-2024-01.html",
             "cases/zhzf-2024-01.html"}),
    ("明厨亮", {"items/scjg-007.html"}),
    ("童工", {"items/rssj-010.html"}),
])
def test_postings_of_a_gram_decode_to_the_documents_that_contain_it(built, docs, gram, paths):
    found = {built.meta[n][1] for n in built.postings[gram]}
    assert paths <= found
    assert found == {d.path for d in docs if any(gram in fold(f) for f in d.fields)}


def test_exempt_item_is_absent_from_every_search_file(built, loaded, converter, docs):
    content, _ = loaded
    exempt = next(i for i in content.items() if i.id == EXEMPT_ID)
    assert not exempt.published and exempt.disclosure == "商业秘密"
    needles = [EXEMPT_ID, exempt.name, converter.to_hant(exempt.name), exempt.content.strip()[:20]]
    for path in built.files:
        text = path.read_text(encoding="utf-8")
        for needle in needles:
            assert needle not in text, f"{needle!r} in {path}"
    assert f"items/{EXEMPT_ID}.html" not in {row[1] for row in built.meta}
    # Grams that only the exempt item has must not be in the index at all.
    published = set().union(*(my_grams(f) for d in docs for f in d.fields))
    own = (my_grams(exempt.name) | my_grams(exempt.content) | my_grams(exempt.situations)) - published
    assert len(own) > 20, "the exempt item has words of its own (清洁生产, 个案技术指导 …)"
    assert not own & set(built.postings), sorted(own & set(built.postings))[:10]
    assert "清洁生" not in built.postings and "个案技" not in built.postings


def test_long_postings_get_their_own_file(site, converter, tmp_path, monkeypatch, built):
    """With a tiny threshold the long postings move to g/<shard>-<n>.txt; same index."""
    monkeypatch.setattr(index, "OWN_FILE_BYTES", 8)
    out = tmp_path / "search"
    index.write(site, tmp_path)
    small = read_index(out)
    own_files = [p for p in small.files if re.fullmatch(r"[0-9a-f]+-\d+\.txt", p.name)]
    assert len(own_files) > 10
    assert small.postings == built.postings
    assert small.meta == built.meta


def test_write_is_deterministic(site, converter, tmp_path, sample):
    out = tmp_path / "search"
    index.write(site, tmp_path)
    assert sitebuild.tree_digest(out) == sitebuild.tree_digest(sample.out / "search")


# --- known bugs --------------------------------------------------------------------------------------

def test_department_short_names_are_indexed(built, site):
    for department in site.departments:
        name = department.short_name
        if not name:
            continue
        grams = [name[i:i + 3] for i in range(len(name) - 2)]
        own = {n for n, row in enumerate(built.meta) if row[1].split("/")[1].startswith(department.code + "-")}
        for gram in grams:
            found = {n for n, mask in built.postings.get(gram, {}).items() if mask & KEY}
            assert own <= found, f"{gram!r} of {name} is not in the key fields of {department.code}'s documents"


def test_traditional_text_of_the_site_folds_to_the_indexed_text(docs, converter):
    mismatches = defaultdict(int)
    for doc in docs:
        for text in doc.fields:
            hant = converter.to_hant(text)
            assert len(hant) == len(text)
            for a, b in zip(fold(text), fold(hant)):
                if a != b:
                    mismatches[(a, b)] += 1
    assert not mismatches, dict(mismatches)
