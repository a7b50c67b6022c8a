"""The site's own search in a real browser (Debian's Chromium through Playwright).

The sample is built once per session and served by a stdlib HTTP server at the root of a local
origin and, for the sub-path tests, under /portal/xzzd/ (that server answers 404 outside it).
The tests type queries in both scripts on both versions (search.html and zh-Hant/search.html)
and check what a reader sees: the result links in #search-results, the status line in
#search-status, the filters taken from the URL, the header search box, the <noscript> text.
Every request must stay on the local server and nothing may be logged as an error.

The fold of the query must equal the Python fold for every character of the table: the test
fetches search/fold.txt in the page and runs search.js's own code on it. That code is copied
below as JS string constants, and a test checks that each copy still appears verbatim in
site-template/assets/xz/search.js, so the copies cannot drift from the real code.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest

import sitebuild
from siteserver import Server
from sitebuild import HANT_DIR, PROJECT

from generator import checks
from generator.script import Converter
from generator.view import PublishedView
from generator.outputs import search as index
from generator.outputs import search_terms
from generator.script.fold import fold, table
from test_search import decode_postings, my_normalize, my_runs, read_index

SEARCH_JS = PROJECT / "site-template" / "assets" / "xz" / "search.js"
HANS, HANT = "zh-Hans", "zh-Hant"
VERSIONS = (HANS, HANT)
EXEMPT_ID = "sthj-010"
TIMEOUT_MS = 15_000

# --- search.js code, copied verbatim (test_js_copies_are_verbatim keeps them in step) -------------

JS_ALPHABET = '  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";'
JS_DIGITS = "  for (var i = 0; i < ALPHABET.length; i++) digits[ALPHABET.charAt(i)] = i;"
JS_FOLD_MAP = """\
      var chars = Array.from(text);
      foldMap = new Map();
      for (var i = 0; i + 1 < chars.length; i += 2) foldMap.set(chars[i], chars[i + 1]);"""
JS_FOLD_CHAR = """\
  function foldChar(c) {
    var code = c.codePointAt(0);
    if (code >= 0xFF01 && code <= 0xFF5E) c = String.fromCodePoint(code - 0xFEE0);
    else if (code === 0x3000) c = " ";
    if (c >= "A" && c <= "Z") c = c.toLowerCase();
    return foldMap.get(c) || c;
  }"""
JS_FOLD = """\
  function fold(text) {
    return Array.from(text).map(foldChar);
  }"""
JS_IS_WORD = """\
  var WORD = /^[\\p{L}\\p{N}]$/u;  // Python: [^\\W_] (isalnum)
  function isWord(c) {
    return WORD.test(c);
  }"""
JS_RUNS = """\
  function runs(chars) {
    var out = [], current = [];
    chars.forEach(function (c) {
      if (isWord(c)) current.push(c);
      else if (current.length) { out.push(current); current = []; }
    });
    if (current.length) out.push(current);
    return out;
  }"""
JS_GRAMS_OF = """\
  function gramsOf(run) {
    if (run.length <= 2) return [run.join("")];
    var out = [];
    for (var i = 0; i + 3 <= run.length; i++) out.push(run.slice(i, i + 3).join(""));
    return out;
  }"""
JS_SHARD_OF = """\
  function shardOf(gram, shards) {
    var bytes = new TextEncoder().encode(gram), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % shards;
  }"""
JS_DECODE = """\
  function decode(data) {
    var docs = [], masks = [], doc = -1, n = 0, shift = 0;
    for (var i = 0; i < data.length; i++) {
      var d = digits[data.charAt(i)];
      if (d >= 32) { n += (d - 32) * Math.pow(2, shift); shift += 5; continue; }
      n += d * Math.pow(2, shift);
      doc += Math.floor(n / 8);
      docs.push(doc);
      masks.push(n % 8);
      n = 0; shift = 0;
    }
    return { docs: docs, masks: masks };
  }"""
JS_TERMS = """\
  var DIGIT = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNIT = { "十": 10, "百": 100, "千": 1000 };
  function toInt(text) {
    if (/^[0-9]+$/.test(text)) return parseInt(text, 10);
    var total = 0, digit = null;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c in DIGIT) {
        if (digit !== null && digit !== 0) return null;
        digit = DIGIT[c];
      } else if (c in UNIT) {
        total += (digit === null ? 1 : digit) * UNIT[c];
        digit = null;
      } else return null;
    }
    return total + (digit || 0);
  }
  function citations(text) {
    text = text.split("中华人民共和国").join("").replace(/([法例定则》])([0-9〇零一二两三四五六七八九十百千]+)条/g, "$1第$2条");
    text = text.replace(/第([0-9〇零一二两三四五六七八九十百千]+)([条款项])/g, function (m, n, unit) {
      var value = toInt(n);
      return value === null ? m : "第" + value + unit;
    });
    return text.replace(/[《》]/g, "");
  }
  var synonyms = null;
  function rewrite(text) {
    if (!synonyms.pattern) return text;
    return text.replace(synonyms.pattern, function (word) { return synonyms.lookup.get(word); });
  }
  function loadSynonyms(pairs) {
    if (synonyms) return;
    var escaped = pairs.map(function (p) { return p[0].replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&"); });
    synonyms = { lookup: new Map(pairs), pattern: pairs.length ? new RegExp(escaped.join("|"), "g") : null };
  }
  function normalize(text) {
    return rewrite(citations(text));
  }"""
JS_COPIES = {"ALPHABET": JS_ALPHABET, "digits": JS_DIGITS, "fold map": JS_FOLD_MAP, "foldChar": JS_FOLD_CHAR,
             "fold": JS_FOLD, "isWord": JS_IS_WORD, "runs": JS_RUNS, "gramsOf": JS_GRAMS_OF,
             "shardOf": JS_SHARD_OF, "decode": JS_DECODE,
             "citations and synonyms": JS_TERMS}

# In the page: fetch the fold table and define search.js's functions exactly as it does.
JS_HARNESS = ("async (arg) => {\n"
              "  const text = await (await fetch('search/fold.txt')).text();\n"
              "  var foldMap = null, digits = {};\n"
              f"{JS_ALPHABET}\n{JS_DIGITS}\n{JS_FOLD_MAP}\n{JS_FOLD_CHAR}\n{JS_FOLD}\n{JS_IS_WORD}\n"
              f"{JS_RUNS}\n{JS_GRAMS_OF}\n{JS_SHARD_OF}\n{JS_DECODE}\n{JS_TERMS}\n"
              "  loadSynonyms((await (await fetch('search/info.json')).json()).synonyms);\n"
              "  /*BODY*/\n"
              "}")


def harness(body: str) -> str:
    return JS_HARNESS.replace("/*BODY*/", body)

# --- the queries ------------------------------------------------------------------------------------


# (query as typed, id of an item or case expected among the first 5 results; None: no result)
QUERIES = [
    # 2-character words
    ("整改", "rssj-2025-01"),
    ("台账", "sthj-006"),
    ("童工", "rssj-010"),
    ("噪声", "sthj-007"),
    ("油烟", "zhzf-006"),
    ("燃气", "yjgl-010"),
    ("诊所", "wsjk-004"),
    ("广告", "scjg-005"),
    ("工资", "rssj-004"),
    ("发展", "scjg-002"),
    # partial words
    ("首违", "scjg-2024-02"),
    ("明厨", "scjg-007"),
    ("劳务派", "rssj-009"),
    ("预检分", "wsjk-011"),
    ("双重预防", "yjgl-007"),
    # words
    ("首违不罚", "sthj-2024-01"),
    ("食品经营", "scjg-001"),
    ("信用修复", "yjgl-2024-02"),
    ("健康证明", "scjg-2024-01"),
    ("明码标价", "scjg-006"),
    # department names (full names, and the short names the site displays)
    ("市场监督管理局", "scjg-001"),
    ("卫生健康局", "wsjk-005"),
    ("应急管理局", "yjgl-001"),
    ("综合行政执法局", "zhzf-2025-01"),
    ("人力资源和社会保障局", "rssj-008"),
    ("区市场监管局", "scjg-001"),
    ("区卫健局", "wsjk-005"),
    ("区生态环境分局", "sthj-001"),
    # law names
    ("食品安全法", "scjg-001"),
    ("劳动合同法", "rssj-001"),
    ("安全生产法", "yjgl-002"),
    ("职业病防治法", "wsjk-007"),
    ("大气污染防治法", "sthj-006"),
    ("广告法", "scjg-005"),
    ("中华人民共和国社会保险法", "rssj-006"),
    # 6-character phrases
    ("排污许可管理", "sthj-002"),
    ("公共场所卫生", "wsjk-001"),
    ("环境影响评价", "sthj-001"),
    ("建筑垃圾处理", "zhzf-003"),
    ("社会保险登记", "rssj-006"),
    ("医疗废物管理", "wsjk-2024-02"),
    ("有限空间作业", "yjgl-003"),
    ("油烟净化设施", "zhzf-007"),
    # typed in traditional script (also typed on the simplified version)
    ("發展", "scjg-002"),
    ("職業病", "wsjk-007"),
    ("餐飲油煙", "zhzf-2024-01"),
    ("門頭招牌", "zhzf-2025-01"),
    ("營商環境", "yjgl-008"),
    ("首違不罰", "wsjk-2024-01"),
    ("台帳", "sthj-006"),  # 帳 → 账
    ("主次乾道", "zhzf-010"),  # 乾 → 干 (the text says 主次干道)
    # full-width letters and digits
    ("ＳＣＪＧ－００１", "scjg-001"),
    # words the zh-Hant pages display in a form the fold does not map back
    ("了解情况", "sthj-2025-01"),
    ("答复", "rssj-011"),
    # no result
    ("量子纠缠", None),
]
assert len(QUERIES) >= 30

# What residents type (issue 13): everyday words the catalogs write differently (the synonym
# table, generator/outputs/search_synonyms.yaml), department names and their old or popular
# names, item and power-list codes, citations in any form. Each finds the page in the first 5,
# on both versions, typed in either script (test_query). A department page's id is its code.
READER_QUERIES = [
    ("免罚", "rssj-008"),  # a 劝导警示 item with 不罚清单 entries
    ("轻微免罚", "rssj-008"),
    ("不予处罚", "yjgl-004"),
    ("个体户", "scjg-002"),
    ("餐馆", "zhzf-2024-01"),
    ("饭店", "scjg-2024-01"),
    ("饭馆", "scjg-007"),
    ("书面意见", "rssj-011"),
    ("欠薪", "rssj-004"),
    ("社保", "rssj-006"),
    ("噪音", "sthj-007"),
    ("环评", "sthj-001"),
    ("危废", "sthj-2024-01"),
    ("开店", "scjg-002"),
    ("摆摊", "zhzf-005"),
    ("煤气", "yjgl-010"),
    ("店招", "zhzf-2025-01"),
    ("城管", "zhzf"),
    ("市场监管局", "scjg"),
    ("示例区市场监督管理局", "scjg"),
    ("区卫健局", "wsjk"),
    ("人社局", "rssj"),
    ("环保局", "sthj"),
    ("scjg-004", "scjg-004"),
    ("370303000SC-CF-0126", "scjg-004"),
    ("处罚法33条", "rssj-008"),
    ("行政处罚法第三十三条", "rssj-008"),
    ("《中华人民共和国行政处罚法》第三十三条", "rssj-008"),
    ("劳动合同法第三十条", "rssj-004"),
]
assert len(READER_QUERIES) >= 20


# --- the local servers --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def loaded(sample):
    result, settings, findings = checks.run(sample.root)
    assert result is not None and settings is not None, findings
    return result.content, settings


@pytest.fixture(scope="session")
def converter(loaded) -> Converter:
    return Converter(loaded[1].hant_variant)


@pytest.fixture(scope="session")
def site(loaded) -> PublishedView:
    return PublishedView.of(*loaded)


@pytest.fixture(scope="session")
def search_files(sample):
    return read_index(sample.out / "search")


# --- the browser -------------------------------------------------------------------------------------

class Watch:
    """Everything a page asks the network for, and everything it reports as an error."""

    def __init__(self, page, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text} ({m.location})")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        # A request the browser cancels because the test navigates on (net::ERR_ABORTED for a
        # local favicon, say) is no failure of the site; requests to other hosts are reported
        # by foreign().
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}")
                if not (r.url.startswith(origin + "/") and "ERR_ABORTED" in (r.failure or "")) else None)
        page.on("response", lambda r: self.failed.append(f"{r.url}: HTTP {r.status}")
                if r.status >= 400 else None)
        # Requests are recorded above; none may actually leave this machine.
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith(origin + "/") else route.abort())

    def reset(self) -> None:
        self.requests.clear()
        self.errors.clear()
        self.failed.clear()

    def assert_clean(self) -> None:
        foreign = [u for u in self.requests if not u.startswith(self.origin + "/")]
        assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)
        assert not self.failed, "failed requests:\n" + "\n".join(self.failed)
        assert not self.errors, "errors:\n" + "\n".join(self.errors)


@dataclass
class Tab:
    page: object
    watch: Watch
    server: Server


@pytest.fixture
def new_tab(browser, servers):
    """Factory: a page in a fresh context, watched; checked clean by the test itself."""
    contexts = []

    def make(mount: str = "root", **options) -> Tab:
        server = servers[mount]
        context = browser.new_context(service_workers="block", **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return Tab(page, Watch(page, server.origin), server)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shared_tabs(browser, servers):
    """One page per server for the many query tests (loads are fast; the HTTP cache helps)."""
    tabs, contexts = {}, []
    for mount, server in servers.items():
        context = browser.new_context(service_workers="block")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        tabs[mount] = Tab(page, Watch(page, server.origin), server)
    yield tabs
    for context in contexts:
        context.close()


# --- searching ------------------------------------------------------------------------------------------

DONE = """() => {
  const s = document.getElementById('search-status');
  const t = s ? s.textContent.trim() : '';
  if (!t || t.includes('正在')) return false;
  if (/^找到/.test(t)) return document.querySelectorAll('#search-results li').length > 0;
  return true;
}"""

READ = """() => Array.from(document.querySelectorAll('#search-results li')).map(li => {
  const a = li.querySelector('a');
  const meta = li.querySelector('.xz-result__meta');
  return {href: a.getAttribute('href'), url: a.href, title: a.textContent,
          marks: Array.from(li.querySelectorAll('a mark')).map(m => m.textContent),
          meta: meta ? meta.textContent : ''};
})"""


@dataclass
class Result:
    url: str
    status: str
    rows: list[dict] = field(default_factory=list)

    @property
    def hrefs(self) -> list[str]:
        return [r["href"] for r in self.rows]

    @property
    def ids(self) -> list[str]:
        return [h.rsplit("/", 1)[-1].removesuffix(".html") for h in self.hrefs]

    @property
    def count(self) -> int | None:
        m = re.match(r"找到 (\d+) [条條]", self.status)
        return int(m.group(1)) if m else None

    @property
    def no_result(self) -> bool:
        return self.status.startswith(("没有找到", "沒有找到"))


def wait_done(page) -> None:
    page.wait_for_function(DONE)


def read_results(page, all_pages: bool = False) -> Result:
    wait_done(page)
    if all_pages:
        more = page.locator("#search-more")
        while more.is_visible():
            shown = page.locator("#search-results li").count()
            more.click()
            page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length > {shown}")
    return Result(page.url, page.locator("#search-status").inner_text().strip(), page.evaluate(READ))


def search_url(server: Server, version: str, params: dict[str, str]) -> str:
    return server.base + ("" if version == HANS else HANT_DIR + "/") + "search.html?" + urlencode(params)


_RESULTS: dict[tuple, Result] = {}


def search(tab: Tab, version: str, params: dict[str, str] | str, all_pages: bool = False) -> Result:
    """Open the search page of ``version`` with ``params`` in the URL; the results once shown."""
    if isinstance(params, str):
        params = {"q": params}
    key = (tab.server.base, version, tuple(sorted(params.items())), all_pages)
    short = _RESULTS.get(key[:-1] + (False,))
    if all_pages and short is not None and (short.count or 0) == len(short.rows):
        return short  # all results were on the first page already
    if key not in _RESULTS:
        url = search_url(tab.server, version, params)
        response = tab.page.goto(url, wait_until="load")
        assert response is not None and response.ok, url
        result = read_results(tab.page, all_pages)
        assert "不可用" not in result.status, f"{url}: {result.status}"
        _RESULTS[key] = result
    return _RESULTS[key]


def forms_of(query: str, converter: Converter) -> list[str]:
    """The query as typed, in traditional script, and in simplified script."""
    out = []
    for form in (query, converter.to_hant(query), converter.from_hant(query)):
        if form not in out:
            out.append(form)
    return out


def page_file(sample, version: str, href: str) -> Path:
    return sample.out / href if version == HANS else sample.out / HANT_DIR / href


# --- 1. the fold in the browser equals the Python fold ---------------------------------------------------

def test_js_copies_are_verbatim():
    source = SEARCH_JS.read_text(encoding="utf-8")
    drifted = [name for name, code in JS_COPIES.items() if code not in source]
    assert not drifted, f"search.js changed; update the copies in this test: {drifted}"


def test_js_fold_equals_python_fold_for_every_character_a_query_can_match(new_tab, search_files):
    """search.js folds as Python does every character whose folded form the index holds or the
    query rules read; any other character it may leave as typed: folded or not, it matches
    nothing (the index holds folded text only), so results cannot differ."""
    mapping = table()
    needed = {g for g in search_files.postings if len(g) == 1} | set(search_terms.RULE_CHARACTERS)
    needed |= {c for pair in search_files.info["synonyms"] for c in "".join(pair)}
    chars = sorted(set(mapping) | set(mapping.values()))
    chars += [chr(c) for c in range(0xFF01, 0xFF5F)] + ["\u3000"] + [chr(c) for c in range(0x20, 0x7F)]
    tab = new_tab()
    tab.page.goto(tab.server.base + "search.html", wait_until="load")
    js = tab.page.evaluate(harness("return {each: arg.map(foldChar), joined: fold(arg.join('')).join('')};"),
                           chars)
    expected = [fold(c) if c not in mapping or mapping[c] in needed else c for c in chars]
    wrong = [(c, f"U+{ord(c):04X}", got, want) for c, got, want in zip(chars, js["each"], expected) if got != want]
    assert not wrong, f"{len(wrong)} of {len(chars)} characters fold differently, e.g. {wrong[:10]}"
    assert js["joined"] == "".join(expected)
    left_as_typed = [c for c in chars if c in mapping and mapping[c] not in needed]
    assert not {fold(c) for c in left_as_typed} & set(search_files.postings)
    assert len(chars) - len(left_as_typed) > 1000 and len(left_as_typed) > 1000
    tab.watch.assert_clean()


def test_js_word_characters_equal_python(new_tab):
    """After folding, the browser and Python cut the same runs (a different cut = different grams)."""
    mapping = table()
    folded = sorted({fold(c) for c in set(mapping) | set(mapping.values())})
    folded += [chr(c) for c in range(0x20, 0x7F)] + list("，。、；：“”（）《》〔〕…·　\t\n〇")
    tab = new_tab()
    tab.page.goto(tab.server.base + "search.html", wait_until="load")
    js = tab.page.evaluate(harness("return arg.map(isWord);"), folded)
    wrong = [(c, f"U+{ord(c):04X}", got) for c, got in zip(folded, js) if got != bool(index.grams(c))]
    assert not wrong, f"word characters differ, e.g. {wrong[:10]}"
    tab.watch.assert_clean()


def test_js_query_grams_shards_and_postings_equal_python(new_tab, search_files):
    tab = new_tab()
    tab.page.goto(tab.server.base + "search.html", wait_until="load")
    shards = search_files.info["shards"]
    grams = sorted(search_files.postings)
    got = tab.page.evaluate(harness("return arg.grams.map(g => shardOf(g, arg.shards));"),
                            {"grams": grams, "shards": shards})
    assert got == [index.shard_of(g, shards) for g in grams]
    # postings: the browser's decoder reads what the Python decoder reads
    folder = next(p for p in search_files.files if p.name == "info.json").parent
    data = []
    for path in sorted((folder / "g").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line and not line.split("\t")[1].startswith("@"):
                data.append(line.split("\t")[1])
        if "-" in path.stem:
            data.append(path.read_text(encoding="utf-8"))
    decoded = tab.page.evaluate(harness(
        "return arg.split(' ').map(decode).map(p => p.docs.map((d, k) => d * 8 + p.masks[k]).join(','));"),
        " ".join(data))
    assert len(decoded) == len(data)
    for text, js in zip(data, decoded):
        py = ",".join(str(doc * 8 + mask) for doc, mask in sorted(decode_postings(text).items()))
        assert js == py, text
    # query grams: runs of the folded query; a run of 1–2 characters is its own gram, else its trigrams
    queries = ["食品经营", "發展", "ＳＣＪＧ－００１", "中华人民共和国社会保险法", "a b", "首违，不罚"]
    got = tab.page.evaluate(harness("return arg.map(q => runs(fold(q)).map(r => gramsOf(r)));"), queries)
    for query, js in zip(queries, got):
        want = [[run] if len(run) <= 2 else [run[i:i + 3] for i in range(len(run) - 2)]
                for run in my_runs(fold(query))]
        assert js == want, query
    tab.watch.assert_clean()


# --- 2. queries on the sample --------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", QUERIES + READER_QUERIES)
def test_query(shared_tabs, sample, converter, query, expected):
    tab = shared_tabs["root"]
    tab.watch.reset()
    results = {(version, form): search(tab, version, form)
               for version in VERSIONS for form in forms_of(query, converter)}
    baseline = results[(HANS, query)]
    for (version, form), result in results.items():
        assert result.hrefs == baseline.hrefs, (
            f"{form!r} on {version}: {result.ids}\n differs from {query!r} on {HANS}: {baseline.ids}")
        assert result.count == baseline.count, (version, form, result.status, baseline.status)
    if expected is None:
        for (version, form), result in results.items():
            assert result.no_result and not result.rows, (version, form, result.status, result.ids)
            assert form in result.status
    else:
        for (version, form), result in results.items():
            assert expected in result.ids[:5], f"{form!r} on {version}: {expected} not in {result.ids[:5]}"
            assert result.count and result.count >= len(result.rows) > 0
        # Links lead to the page in the reader's version; titles are in the reader's script.
        for version in VERSIONS:
            result = results[(version, query)]
            prefix = tab.server.base + ("" if version == HANS else HANT_DIR + "/")
            for row in result.rows:
                assert row["url"] == prefix + row["href"], row
                assert page_file(sample, version, row["href"]).is_file(), row["href"]
            first = result.rows[0]
            source = page_file(sample, version, first["href"]).read_text(encoding="utf-8")
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
            assert h1, first["href"]
            heading = sitebuild.squash(html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))))
            assert sitebuild.squash(first["title"]) == heading, (version, first)
    tab.watch.assert_clean()


@pytest.fixture(scope="session")
def reference(loaded):
    """Every searchable document, in index order, with its folded fields."""
    content, settings = loaded
    site = PublishedView.of(content, settings)
    return [(d.path, [fold(f) for f in d.fields]) for d in index.documents(site)]


def expected_ranking(reference, query: str, table: dict[str, str]) -> list[str]:
    """The query as typed (folded) and normalized (citations, synonyms) are searched; every run
    of one of them occurs in a field (a phrase). Matches of the query as typed come first, then
    those found only through the normalized query; within each, title > key fields > body (the
    best field holding all runs), then document order (departments, then newer first)."""
    typed = fold(query)
    alternatives = [typed] + [n for n in [my_normalize(query, table)] if n != typed]
    best: dict[int, tuple[int, str]] = {}
    for k, alternative in enumerate(alternatives):
        runs = my_runs(alternative)
        for number, (path, fields) in enumerate(reference):
            per_run = [{bit for bit, text in zip((1, 2, 4), fields) if run in text} for run in runs]
            if not runs or not all(per_run):
                continue
            common = set.intersection(*per_run)
            score = k * 16 + (min(common) if common else 8)
            if number not in best or best[number][0] > score:
                best[number] = (score, path)
    return [path for _, _, path in sorted((score, number, path) for number, (score, path) in best.items())]


@pytest.mark.parametrize("query", [q[0] for q in QUERIES + READER_QUERIES])
def test_ranking_matches_the_rules(shared_tabs, reference, search_files, query):
    """Title matches first, then key fields, then body; ties newer first — for every result."""
    tab = shared_tabs["root"]
    tab.watch.reset()
    result = search(tab, HANS, {"q": query}, all_pages=True)
    want = expected_ranking(reference, query, dict(search_files.info["synonyms"]))
    assert result.hrefs == want, f"{query}: got {result.ids}\n want {[p.split('/')[1] for p in want]}"
    assert (result.count or 0) == len(want)
    tab.watch.assert_clean()


def test_highlight_in_the_readers_script(shared_tabs):
    tab = shared_tabs["root"]
    tab.watch.reset()
    for version, typed, shown in [(HANS, "職業病", "职业病"), (HANT, "职业病", "職業病"),
                                  (HANS, "食品经营", "食品经营"), (HANT, "食品經營", "食品經營")]:
        result = search(tab, version, typed)
        first = result.rows[0]
        assert first["marks"] and set(first["marks"]) == {shown}, (version, typed, first)
    tab.watch.assert_clean()


# --- 3. filters from the URL --------------------------------------------------------------------------

FILTERS = [
    ("整改", {"kind": "case"}),
    ("整改", {"kind": "item"}),
    ("整改", {"dept": "rssj"}),
    ("整改", {"dept": "yjgl"}),
    ("整改", {"mode": "persuasion_warning"}),
    ("整改", {"year": "2025"}),
    ("整改", {"year": "2024"}),
    ("整改", {"kind": "item", "dept": "yjgl", "year": "2024"}),
    ("首违不罚", {"dept": "scjg", "kind": "case"}),
    ("行政处罚法", {"mode": "case_follow_up"}),
    ("台账", {"mode": "reminder", "kind": "item"}),
]


def _satisfies(row: dict, version: str, filters: dict[str, str], info: dict) -> bool:
    s = 1 if version == HANS else 2
    kind, dept, mode, date = [part.strip() for part in row["meta"].split(" · ")]
    is_case = row["href"].startswith("cases/")
    assert kind == ("典型案例" if is_case else ("事项" if version == HANS else "事項")), row
    ok = True
    if "kind" in filters:
        ok &= is_case == (filters["kind"] == "case")
    if "dept" in filters:
        ok &= dept == next(d[s] for d in info["departments"] if d[0] == filters["dept"])
        ok &= row["href"].split("/")[1].startswith(filters["dept"] + "-")
    if "mode" in filters:
        ok &= mode == next(m[s] for m in info["modes"] if m[0] == filters["mode"])
    if "year" in filters:
        ok &= date.startswith(filters["year"] + "-")
    return ok


@pytest.mark.parametrize("query, filters", FILTERS, ids=[f"{q}-{'-'.join(f.values())}" for q, f in FILTERS])
def test_filters_from_the_url(shared_tabs, search_files, query, filters):
    tab = shared_tabs["root"]
    tab.watch.reset()
    info = search_files.info
    for version in VERSIONS:
        everything = search(tab, version, {"q": query}, all_pages=True)
        narrowed = search(tab, version, {"q": query, **filters}, all_pages=True)
        # the form shows the filters it applied
        for name, value in filters.items():
            assert tab.page.eval_on_selector(f"#xz-search [name={name}]", "e => e.value") == value, name
        want = [r["href"] for r in everything.rows if _satisfies(r, version, filters, info)]
        assert want, f"{query} {filters}: the test needs results that pass the filter"
        assert len(want) < len(everything.rows), f"{query} {filters}: the filter should narrow the results"
        assert narrowed.hrefs == want, f"{version} {filters}: {narrowed.ids}"
        assert narrowed.count == len(want)
        assert all(_satisfies(r, version, filters, info) for r in narrowed.rows)
    tab.watch.assert_clean()


def test_filter_with_no_match_says_so(shared_tabs):
    tab = shared_tabs["root"]
    tab.watch.reset()
    for version in VERSIONS:
        result = search(tab, version, {"q": "童工", "dept": "scjg"})
        assert result.no_result and not result.rows, result.status
    tab.watch.assert_clean()


# --- 4. the exempt item is never found -------------------------------------------------------------------

EXEMPT_QUERIES = ["清洁生产", "清洁生产促进法", "个案技术指导", "污染治理设施改造", "技术指导",
                  "企业清洁生产和污染治理设施改造个案技术指导", "sthj-010", "大气污染防治法", "清洁", "改造"]


@pytest.mark.parametrize("query", EXEMPT_QUERIES)
def test_exempt_item_is_never_found(shared_tabs, converter, loaded, query):
    content, _ = loaded
    exempt = next(i for i in content.items() if i.id == EXEMPT_ID)
    assert not exempt.published
    assert query in exempt.name or query == EXEMPT_ID or any(query in b.law for b in exempt.basis) \
        or query in exempt.content
    tab = shared_tabs["root"]
    tab.watch.reset()
    for version in VERSIONS:
        for form in forms_of(query, converter):
            result = search(tab, version, form, all_pages=True)
            assert not any(EXEMPT_ID in h for h in result.hrefs), (version, form, result.ids)
            assert all(EXEMPT_ID not in r["title"] + r["meta"] for r in result.rows)
            assert (result.count or 0) == len(result.rows)
    tab.watch.assert_clean()


# --- 5. keyboard -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", VERSIONS)
def test_header_search_box_by_keyboard(new_tab, version):
    tab = new_tab()
    page = tab.page
    item_page = ("" if version == HANS else HANT_DIR + "/") + "items/sthj-001.html"
    page.goto(tab.server.base + item_page, wait_until="load")
    for _ in range(60):  # reachable with the Tab key alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "xz-header-q":
            break
    else:
        pytest.fail("the header search box cannot be reached with the Tab key")
    query = "食品经营" if version == HANS else "食品經營"
    page.keyboard.type(query)
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    url = urlsplit(page.url)
    expected_path = tab.server.prefix + ("" if version == HANS else HANT_DIR + "/") + "search.html"
    assert url.path == expected_path, page.url
    assert parse_qs(url.query).get("q") == [query], page.url
    result = read_results(page)
    assert "items/scjg-001.html" in result.hrefs[:5], result.ids
    assert page.evaluate("document.documentElement.lang") == version
    tab.watch.assert_clean()


@pytest.mark.parametrize("version", VERSIONS)
def test_search_page_form_by_keyboard_and_history(new_tab, version):
    tab = new_tab()
    page = tab.page
    page.goto(search_url(tab.server, version, {"q": "童工"}), wait_until="load")
    first = read_results(page)
    assert first.ids[:1] == ["rssj-010"]
    page.locator("#xz-q").focus()
    assert page.locator("#xz-q").input_value() == "童工"  # the field shows the query of the URL
    page.keyboard.press("Control+a")
    page.keyboard.type("燃气")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '燃气'")
    page.wait_for_function("() => document.querySelector('#search-results a') && "
                           "document.querySelector('#search-results a').getAttribute('href') === 'items/yjgl-010.html'")
    second = read_results(page)
    assert second.ids[:1] == ["yjgl-010"] and "rssj-010" not in second.ids
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '童工'")
    page.wait_for_function("() => document.querySelector('#search-results a') && "
                           "document.querySelector('#search-results a').getAttribute('href') === 'items/rssj-010.html'")
    assert read_results(page).hrefs == first.hrefs
    # the results are links reachable from the search box with the Tab key
    page.locator("#xz-q").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#search-results') !== null"):
            break
    else:
        pytest.fail("no result link can be reached with the Tab key")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "items/rssj-010.html"
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.url.endswith(("" if version == HANS else HANT_DIR + "/") + "items/rssj-010.html")
    tab.watch.assert_clean()


# --- 6. requests ------------------------------------------------------------------------------------------

def test_a_query_loads_only_its_own_shards(new_tab, search_files):
    tab = new_tab()
    query = "食品经营"
    tab.page.goto(search_url(tab.server, HANS, {"q": query}), wait_until="load")
    result = read_results(tab.page)
    shards = search_files.info["shards"]
    grams = [query[i:i + 3] for i in range(len(query) - 2)]
    search_base = tab.server.base + "search/"
    loaded = sorted(unquote(u[len(search_base):]) for u in tab.watch.requests if u.startswith(search_base))
    want_g = {f"g/{index.shard_of(g, shards):x}.txt" for g in grams}
    numbers = {path: n for n, path in enumerate(row[1] for row in search_files.meta)}
    chunks = {numbers[h] // search_files.info['metaChunk'] for h in result.hrefs}
    want_m = {f"m/{n:x}.json" for n in chunks}  # own script only
    assert set(loaded) == {"info.json", "fold.txt"} | want_g | want_m, loaded
    assert len(loaded) == len(set(loaded)), f"files fetched twice: {loaded}"
    assert "d.txt" not in loaded  # only for filters
    assert all(u.startswith(tab.server.base) for u in tab.watch.requests)
    tab.watch.assert_clean()


def test_no_request_leaves_the_server(new_tab):
    tab = new_tab()
    for version in VERSIONS:
        for params in ({}, {"q": "首违不罚"}, {"q": "整改", "kind": "case", "year": "2024"}):
            tab.page.goto(search_url(tab.server, version, params), wait_until="load")
            if params:
                read_results(tab.page, all_pages=True)
    assert tab.watch.requests
    tab.watch.assert_clean()


# --- 7. a sub-path ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", VERSIONS)
def test_search_from_a_sub_path(shared_tabs, new_tab, sample, version):
    sub, root = shared_tabs["subpath"], shared_tabs["root"]
    sub.watch.reset()
    root.watch.reset()
    for params in ({"q": "首违"}, {"q": "發展"}, {"q": "整改", "kind": "item"}, {"q": "量子纠缠"}):
        here = search(sub, version, params, all_pages=True)
        there = search(root, version, params, all_pages=True)
        assert here.hrefs == there.hrefs and here.status == there.status, params
        prefix = sub.server.base + ("" if version == HANS else HANT_DIR + "/")
        assert all(r["url"] == prefix + r["href"] for r in here.rows)
    sub.watch.assert_clean()
    root.watch.assert_clean()
    # follow a result from the sub-path
    tab = new_tab("subpath")
    tab.page.goto(search_url(tab.server, version, {"q": "明厨"}), wait_until="load")
    read_results(tab.page)
    with tab.page.expect_navigation(wait_until="load") as nav:
        tab.page.locator("#search-results a").first.click()
    assert nav.value.ok
    assert tab.page.url == tab.server.base + ("" if version == HANS else HANT_DIR + "/") + "items/scjg-007.html"
    tab.watch.assert_clean()


# --- 8. without JavaScript -------------------------------------------------------------------------------

@pytest.mark.parametrize("version", VERSIONS)
def test_message_when_javascript_is_off(new_tab, version):
    tab = new_tab(java_script_enabled=False)
    tab.page.goto(search_url(tab.server, version, {"q": "首违"}), wait_until="load")
    message = tab.page.locator(".xz-search__noscript")
    assert message.count() == 1 and message.is_visible()
    text = message.inner_text()
    assert "JavaScript" in text and ("启用" in text if version == HANS else "啟用" in text), text
    links = message.locator("a")
    assert links.count() >= 1
    href = links.first.get_attribute("href")
    with tab.page.expect_navigation(wait_until="load") as nav:
        links.first.click()
    assert nav.value.ok, href
    tab.watch.assert_clean()


def test_no_noscript_message_when_javascript_is_on(new_tab):
    tab = new_tab()
    tab.page.goto(search_url(tab.server, HANS, {"q": "首违"}), wait_until="load")
    read_results(tab.page)
    assert tab.page.locator(".xz-search__noscript").count() == 0 or not tab.page.locator(
        ".xz-search__noscript").is_visible()
    tab.watch.assert_clean()


# --- 9. readers' words: the normalization in the browser, citations, snippets, switch, file:// -------

def test_js_normalization_equals_python(new_tab, search_files, reference):
    """search.js rewrites the query with the same rule the index was built with."""

    table = tuple(tuple(p) for p in search_files.info["synonyms"])
    words = [w for pair in table for w in pair]
    texts = words + ["".join(words[i:i + 4]) for i in range(0, len(words), 3)] + [
        "处罚法33条", "行政处罚法第三十三条", "《中华人民共和国行政处罚法》第三十三条", "條例第一百零八條第二項",
        "第十条之一", "第二三条", "一条龙", "3条建议", "第〇条", "第两百条", "法第0033条", "《食品安全法》第三十四条第一款",
        "首違不罰", "個體戶開店", "ＳＣＪＧ－００１", "轻微免罚和免罚", "城管局城管"]
    texts += [field for _, fields in reference for field in fields]
    tab = new_tab()
    tab.page.goto(tab.server.base + "search.html", wait_until="load")
    got = tab.page.evaluate(harness("return arg.map(t => normalize(fold(t).join('')));"), texts)
    want = [search_terms.normalize(fold(t), table) for t in texts]
    wrong = [(t, g, w) for t, g, w in zip(texts, got, want) if g != w]
    assert not wrong, f"{len(wrong)} texts normalize differently, e.g. {wrong[:3]}"
    # a site's own words may hold characters that mean something in a regular expression
    hostile = (("a(b", "x"), ("[c]", "y"), ("d.e", "z"), ("f\\g", "w"), ("$h^", "v"), ("i|j", "u"), ("k+?", "t"))
    text = "a(b [c] d.e dxe f\\g $h^ i|j i j k+? kk ab c"
    got = tab.page.evaluate(harness("synonyms = null; loadSynonyms(arg.pairs); return rewrite(arg.text);"),
                            {"pairs": [list(p) for p in hostile], "text": text})
    assert got == search_terms.rewrite(text, tuple(sorted(hostile, key=lambda p: (-len(p[0]), p[0]))))
    assert got == "x y z dxe w v u i j t kk ab c"
    tab.watch.assert_clean()


def test_citation_forms_find_the_same_items(shared_tabs, loaded):
    """处罚法33条, 行政处罚法第三十三条 and 《中华人民共和国行政处罚法》第三十三条: the same list,
    holding every item that cites that article."""
    content, _ = loaded
    citing = {f"items/{i.id}.html" for i in content.published_items()
              if any(b.law.endswith("行政处罚法") and any(p.article == 33 for p in b.provisions) for b in i.basis)}
    assert len(citing) >= 3
    tab = shared_tabs["root"]
    tab.watch.reset()
    for version in VERSIONS:
        lists = [search(tab, version, q, all_pages=True).hrefs
                 for q in ("处罚法33条", "行政处罚法第三十三条", "《中华人民共和国行政处罚法》第三十三条", "處罰法第33條")]
        assert all(hrefs == lists[0] for hrefs in lists), (version, lists)
        assert citing <= set(lists[0]), (version, citing - set(lists[0]))
    tab.watch.assert_clean()


def test_first_violation_lists_items_with_no_penalty_entries(shared_tabs, site):
    """首违不罚 finds the cases tagged so first, and every item whose page lists 不罚清单 entries."""
    with_entries = {f"items/{i.id}.html" for i in site.items if site.entries_of(i)}
    assert len(with_entries) >= 5
    tab = shared_tabs["root"]
    tab.watch.reset()
    for version in VERSIONS:
        result = search(tab, version, "首违不罚", all_pages=True)
        assert with_entries <= set(result.hrefs), (version, with_entries - set(result.hrefs))
        tagged = [h for h in result.hrefs if h.startswith("cases/")][:3]
        assert result.hrefs[:len(tagged)] == tagged, result.ids[:5]
    tab.watch.assert_clean()


SNIPPETS = """() => Array.from(document.querySelectorAll('#search-results li')).map(li => {
  const p = li.querySelector('.xz-result__snippet');
  return {href: li.querySelector('a').getAttribute('href'), text: p.textContent,
          marks: Array.from(p.querySelectorAll('mark')).map(m => m.textContent),
          elements: Array.from(p.querySelectorAll('*')).map(e => e.tagName + e.attributes.length)};
})"""


@pytest.mark.parametrize("version", VERSIONS)
def test_snippet_is_the_passage_around_the_match_highlighted(shared_tabs, search_files, version, converter):
    tab = shared_tabs["root"]
    tab.watch.reset()
    passages = {row[1]: row[6] for row in (search_files.meta if version == HANS else search_files.meta_hant)}
    cut = 0
    table = search_files.info["synonyms"]
    for query, canonical in [("燃气", "燃气"), ("免罚", "不罚"), ("噪音", "噪声"), ("整改", "整改"), ("個體戶", "个体工商户")]:
        # the query's words: as normalized, and every reader's word the table maps onto them
        words = {canonical} | {word for word, target in table if target == canonical}
        tab.page.goto(search_url(tab.server, version, {"q": query}), wait_until="load")
        wait_done(tab.page)
        for row in tab.page.evaluate(SNIPPETS):
            passage = passages[row["href"]]
            text = row["text"]
            assert set(row["elements"]) <= {"MARK0"}, row  # text and bare <mark> only
            inner = text.removeprefix("…").removesuffix("…")
            assert inner and inner in passage, (query, row)
            assert len(inner) <= 90, row
            if any(w in fold(passage) for w in words):
                assert row["marks"] and all(any(w in fold(m) for w in words) for m in row["marks"]), (query, row)
                assert any(w in fold(inner) for w in words), (query, row)
            cut += text.startswith("…") and not passage.startswith(inner)
    assert cut >= 3, "snippets should start at the match, not at the passage's start"
    tab.watch.assert_clean()


@pytest.mark.parametrize("version", VERSIONS)
def test_language_switch_keeps_the_query(new_tab, version):
    tab = new_tab()
    page = tab.page
    other = HANT if version == HANS else HANS
    params = {"q": "个体户", "kind": "item"}
    page.goto(search_url(tab.server, version, params), wait_until="load")
    here = read_results(page)
    with page.expect_navigation(wait_until="load"):
        page.locator("a.xz-lang").click()
    assert urlsplit(page.url).path.endswith(("" if other == HANS else HANT_DIR + "/") + "search.html"), page.url
    assert parse_qs(urlsplit(page.url).query) == {k: [v] for k, v in params.items()}, page.url
    there = read_results(page)
    assert there.hrefs == here.hrefs and there.count == here.count
    assert page.locator("#xz-q").input_value() == "个体户"
    # a new query typed on the page: the switch follows it
    page.locator("#xz-q").fill("煤气")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('a.xz-lang').getAttribute('href').includes('q=%E7%85%A4')")
    assert page.locator("a.xz-lang").get_attribute("href").endswith("search.html?q=%E7%85%A4%E6%B0%94&kind=item")
    tab.watch.assert_clean()


@pytest.mark.parametrize("version", VERSIONS)
def test_opened_from_a_file_the_page_says_it_must_be_served(browser, sample, version):
    context = browser.new_context(java_script_enabled=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        path = page_file(sample, version, "search.html")
        page.goto(path.as_uri() + "?q=" + "免罚", wait_until="load")
        message = page.locator("#search-file")
        message.wait_for(state="visible")
        text = message.inner_text()
        assert ("网址" if version == HANS else "網址") in text, text
        assert not page.locator("#xz-search form").is_visible()
        assert "不可用" not in page.locator("#search-status").inner_text()
        link = message.locator("a").first
        assert (path.parent / link.get_attribute("href")).is_file()
        assert not errors, errors
        assert all(u.startswith("file://") for u in requests), requests
    finally:
        context.close()
