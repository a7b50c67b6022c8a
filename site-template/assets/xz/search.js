/* 站内检索。读取 generator/outputs/search.py 生成的索引（search/ 文件夹），只向本站请求文件。
 * 查询与索引用同一张逐字折叠表（search/fold.txt，只含折叠后索引或改写规则用得到的字），所以简体、繁体输入得到相同的结果；
 * 引用条文的写法和同义词按 generator/outputs/search_terms.py 的同一规则统一（citations、rewrite）。
 * Hand-written, no framework; see generator/outputs/search.py for the file formats. */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var PAGE = 10;
  var root = document.getElementById("xz-search");
  if (!root) return;
  var hant = document.documentElement.lang === "zh-Hant";
  var base = (hant ? "../" : "") + root.getAttribute("data-index");
  var form = root.querySelector("form");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var cache = {};
  var digits = {};
  for (var i = 0; i < ALPHABET.length; i++) digits[ALPHABET.charAt(i)] = i;

  function get(path, asJson) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return asJson ? r.json() : r.text();
      });
    }
    return cache[path];
  }

  /* ---- folding: the same rules as generator/search/fold.py ---- */
  var foldMap = null;
  function loadFold() {
    return get("fold.txt").then(function (text) {
      if (foldMap) return foldMap;
      var chars = Array.from(text);
      foldMap = new Map();
      for (var i = 0; i + 1 < chars.length; i += 2) foldMap.set(chars[i], chars[i + 1]);
      return foldMap;
    });
  }
  function foldChar(c) {
    var code = c.codePointAt(0);
    if (code >= 0xFF01 && code <= 0xFF5E) c = String.fromCodePoint(code - 0xFEE0);
    else if (code === 0x3000) c = " ";
    if (c >= "A" && c <= "Z") c = c.toLowerCase();
    return foldMap.get(c) || c;
  }
  function fold(text) {
    return Array.from(text).map(foldChar);
  }
  var WORD = /^[\p{L}\p{N}]$/u;  // Python: [^\W_] (isalnum)
  function isWord(c) {
    return WORD.test(c);
  }
  function runs(chars) {
    var out = [], current = [];
    chars.forEach(function (c) {
      if (isWord(c)) current.push(c);
      else if (current.length) { out.push(current); current = []; }
    });
    if (current.length) out.push(current);
    return out;
  }
  function gramsOf(run) {
    if (run.length <= 2) return [run.join("")];
    var out = [];
    for (var i = 0; i + 3 <= run.length; i++) out.push(run.slice(i, i + 3).join(""));
    return out;
  }

  /* ---- citations and synonyms: the rule of generator/outputs/search_terms.py ---- */
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
    var escaped = pairs.map(function (p) { return p[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    synonyms = { lookup: new Map(pairs), pattern: pairs.length ? new RegExp(escaped.join("|"), "g") : null };
  }
  function normalize(text) {
    return rewrite(citations(text));
  }
  /* The query as typed (folded) and normalized: a document matching either is found. */
  function alternatives(query) {
    var folded = fold(query).join(""), normalized = normalize(folded);
    return (normalized === folded ? [folded] : [folded, normalized]).map(function (text) {
      return runs(Array.from(text));
    }).filter(function (r) { return r.length; });
  }

  /* ---- index files ---- */
  function shardOf(gram, shards) {
    var bytes = new TextEncoder().encode(gram), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % shards;
  }
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
  }
  function postings(gram, info) {
    var shard = shardOf(gram, info.shards).toString(16);
    return get("g/" + shard + ".txt").then(function (text) {
      var lines = text.split("\n");
      for (var i = 0; i < lines.length; i++) {
        var tab = lines[i].indexOf("\t");
        if (lines[i].slice(0, tab) !== gram) continue;
        var data = lines[i].slice(tab + 1);
        if (data.charAt(0) === "@") return get("g/" + shard + "-" + data.slice(1) + ".txt").then(decode);
        return decode(data);
      }
      return { docs: [], masks: [] };
    });
  }

  /* ---- matching and ranking ---- */
  function match(queryRuns, info) {
    var grams = [];
    queryRuns.forEach(function (run) { gramsOf(run).forEach(function (g) { if (grams.indexOf(g) < 0) grams.push(g); }); });
    return Promise.all(grams.map(function (g) { return postings(g, info); })).then(function (lists) {
      var perRun = queryRuns.map(function (run) {
        return gramsOf(run).map(function (g) { return lists[grams.indexOf(g)]; });
      });
      var combined = null;
      perRun.forEach(function (runLists) {
        runLists.sort(function (a, b) { return a.docs.length - b.docs.length; });
        var masks = new Map();
        runLists[0].docs.forEach(function (doc, k) { masks.set(doc, runLists[0].masks[k]); });
        runLists.slice(1).forEach(function (list) {
          var next = new Map();
          list.docs.forEach(function (doc, k) {
            if (masks.has(doc)) { var m = masks.get(doc) & list.masks[k]; if (m) next.set(doc, m); }
          });
          masks = next;
        });
        if (combined === null) { combined = new Map(); masks.forEach(function (m, doc) { combined.set(doc, { all: m, each: true }); }); return; }
        var merged = new Map();
        masks.forEach(function (m, doc) {
          if (combined.has(doc)) { var c = combined.get(doc); merged.set(doc, { all: c.all & m, each: true }); }
        });
        combined = merged;
      });
      var ranked = [];
      (combined || new Map()).forEach(function (value, doc) {
        var tier = value.all & 1 ? 0 : value.all & 2 ? 1 : value.all & 4 ? 2 : 3;
        ranked.push([tier, doc]);
      });
      return ranked;
    });
  }
  /* Every alternative of the query: documents matching the query as typed first, then those
   * found only through the normalized query; within each, by tier; ties: lower number first. */
  function matchAll(alts, info) {
    return Promise.all(alts.map(function (queryRuns) { return match(queryRuns, info); })).then(function (lists) {
      var best = new Map();
      lists.forEach(function (list, k) {
        list.forEach(function (r) {
          var score = k * 4 + r[0];
          if (!best.has(r[1]) || best.get(r[1]) > score) best.set(r[1], score);
        });
      });
      var ranked = [];
      best.forEach(function (tier, doc) { ranked.push([tier, doc]); });
      ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      return ranked;
    });
  }

  function applyFilters(ranked, filters) {
    if (!filters.dept && !filters.mode && !filters.kind && !filters.year) return Promise.resolve(ranked);
    return Promise.all([get("info.json", true), get("d.txt")]).then(function (loaded) {
      var info = loaded[0], rows = loaded[1].split("\n");
      var dept = filters.dept ? info.departments.map(function (d) { return d[0]; }).indexOf(filters.dept) : null;
      var mode = filters.mode ? info.modes.map(function (m) { return m[0]; }).indexOf(filters.mode) : null;
      var kind = filters.kind === "item" ? "i" : filters.kind === "case" ? "c" : null;
      return ranked.filter(function (r) {
        var f = rows[r[1]].split(",");
        return (dept === null || +f[0] === dept) && (mode === null || +f[1] === mode) &&
          (kind === null || f[2] === kind) && (!filters.year || f[3] === filters.year);
      });
    });
  }

  /* ---- display: DOM nodes and textContent only, never markup from the index ---- */
  var SNIPPET = 90, BEFORE = 24;
  /* What to mark in the results: the runs of every alternative, and the readers' words the
   * synonym table turns into a normalized run (免罚 marks 不予行政处罚 too). */
  function markTerms(alts) {
    var terms = [].concat.apply([], alts), normalized = alts[alts.length - 1].map(function (r) { return r.join(""); });
    synonyms.lookup.forEach(function (canonical, word) {
      if (normalized.some(function (run) { return run.indexOf(canonical) >= 0; })) terms.push(Array.from(word));
    });
    return terms;
  }
  /* Which characters of text match a term (compared folded). */
  function marks(chars, terms) {
    var folded = chars.map(foldChar), marked = new Array(chars.length);
    terms.forEach(function (run) {
      for (var i = 0; i + run.length <= folded.length; i++) {
        var hit = true;
        for (var k = 0; k < run.length; k++) if (folded[i + k] !== run[k]) { hit = false; break; }
        if (hit) for (var k2 = 0; k2 < run.length; k2++) marked[i + k2] = true;
      }
    });
    return marked;
  }
  /* Append chars[from, to) to parent, the marked ones inside <mark>. */
  function appendMarked(parent, chars, marked, from, to) {
    var i = from;
    while (i < to) {
      var j = i;
      while (j < to && !!marked[j] === !!marked[i]) j++;
      var text = document.createTextNode(chars.slice(i, j).join(""));
      if (marked[i]) { var mark = document.createElement("mark"); mark.appendChild(text); parent.appendChild(mark); }
      else parent.appendChild(text);
      i = j;
    }
  }
  function highlighted(tag, className, text, terms) {
    var node = document.createElement(tag), chars = Array.from(text);
    node.className = className;
    appendMarked(node, chars, marks(chars, terms), 0, chars.length);
    return node;
  }
  /* The passage around its first match (else its start), the matches marked. */
  function snippet(text, terms) {
    var node = document.createElement("p"), chars = Array.from(text), marked = marks(chars, terms);
    node.className = "xz-result__snippet";
    var first = marked.indexOf(true);
    var from = first > BEFORE ? first - BEFORE : 0, to = Math.min(chars.length, from + SNIPPET);
    if (to === chars.length) from = Math.max(0, Math.min(from, to - SNIPPET));
    if (from > 0) node.appendChild(document.createTextNode("…"));
    appendMarked(node, chars, marked, from, to);
    if (to < chars.length) node.appendChild(document.createTextNode("…"));
    return node;
  }
  /* A document's row in the reader's script: kind, path, title, department, mode, date, passage. */
  function meta(doc, info) {
    var chunk = Math.floor(doc / info.metaChunk).toString(16);
    return get("m/" + chunk + (hant ? "-t" : "") + ".json", true).then(function (rows) { return rows[doc % info.metaChunk]; });
  }
  var KINDS = { item: ["事项", "事項"], "case": ["典型案例", "典型案例"], department: ["实施部门", "實施部門"] };
  function render(ranked, shown, terms, info) {
    var slice = ranked.slice(shown, shown + PAGE);
    return Promise.all(slice.map(function (r) { return meta(r[1], info); })).then(function (rows) {
      var list = results.querySelector("ol") || results.appendChild(document.createElement("ol"));
      rows.forEach(function (row) {
        var s = hant ? 1 : 0;
        var dept = info.departments[row[3]], mode = info.modes[row[4]];
        var li = document.createElement("li");
        var link = highlighted("a", "xz-result__title", row[2], terms);
        link.setAttribute("href", row[1]);
        li.appendChild(link);
        li.appendChild(snippet(row[6], terms));
        var facts = [label.apply(null, KINDS[row[0]] || KINDS.item)];
        if (row[0] !== "department") facts.push(dept ? dept[1 + s] : "", mode ? mode[1 + s] : "", row[5]);
        var p = document.createElement("p");
        p.className = "xz-result__meta";
        p.textContent = facts.join(" · ");
        li.appendChild(p);
        list.appendChild(li);
      });
      var total = shown + slice.length;
      more.hidden = total >= ranked.length;
      return total;
    });
  }
  function label(hans, hantText) { return hant && hantText ? hantText : hans; }

  /* ---- the page ---- */
  function params() {
    var p = new URLSearchParams(location.search);
    return { q: p.get("q") || "", dept: p.get("dept") || "", mode: p.get("mode") || "",
      kind: p.get("kind") || "", year: p.get("year") || "" };
  }
  function fillFilters(info) {
    var s = hant ? 2 : 1;
    fillSelect("dept", info.departments.map(function (d) { return [d[0], d[s]]; }));
    fillSelect("mode", info.modes.map(function (m) { return [m[0], m[s]]; }));
    fillSelect("year", info.years.map(function (y) { return [y, y]; }));
  }
  function fillSelect(name, options) {
    var select = form.elements[name];
    if (!select || select.options.length > 1) return;
    options.forEach(function (o) { select.add(new Option(o[1], o[0])); });
  }
  /* The language switch leads to the same query on the other version's search page. */
  function keepQueryAcrossSwitch() {
    var other = document.querySelector("a.xz-lang");
    if (other) other.setAttribute("href", other.getAttribute("href").split("?")[0] + location.search);
  }
  var current = null;
  function run() {
    var p = params();
    ["q", "dept", "mode", "kind", "year"].forEach(function (k) { if (form.elements[k]) form.elements[k].value = p[k]; });
    keepQueryAcrossSwitch();
    results.textContent = "";
    more.hidden = true;
    var info;
    return Promise.all([get("info.json", true), loadFold()]).then(function (loaded) {
      info = loaded[0];
      loadSynonyms(info.synonyms);
      fillFilters(info);
      ["dept", "mode", "year"].forEach(function (k) { if (form.elements[k]) form.elements[k].value = p[k]; });
      var alts = alternatives(p.q.trim());
      if (!alts.length) { status.textContent = p.q ? label("请输入汉字、字母或数字。", "請輸入漢字、字母或數字。") : ""; return; }
      status.textContent = label("正在检索……", "正在檢索……");
      return matchAll(alts, info).then(function (ranked) {
        return applyFilters(ranked, p);
      }).then(function (ranked) {
        current = { ranked: ranked, terms: markTerms(alts), shown: 0 };
        if (!ranked.length) {
          status.textContent = label("没有找到与“" + p.q + "”相关的事项或案例。可以换一个词，或按部门浏览。",
            "沒有找到與「" + p.q + "」相關的事項或案例。可以換一個詞，或按部門瀏覽。");
          return;
        }
        status.textContent = label("找到 " + ranked.length + " 条结果。", "找到 " + ranked.length + " 條結果。");
        return render(ranked, 0, current.terms, info).then(function (shown) { current.shown = shown; });
      });
    }).catch(function () {
      status.textContent = label("检索暂时不可用，请稍后再试。", "檢索暫時不可用，請稍後再試。");
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new URLSearchParams();
    ["q", "dept", "mode", "kind", "year"].forEach(function (k) {
      if (form.elements[k] && form.elements[k].value) data.set(k, form.elements[k].value);
    });
    history.pushState(null, "", "?" + data.toString());
    run();
  });
  more.addEventListener("click", function () {
    if (!current) return;
    get("info.json", true).then(function (info) {
      return render(current.ranked, current.shown, current.terms, info);
    }).then(function (shown) { current.shown = shown; });
  });
  window.addEventListener("popstate", run);
  if (location.protocol === "file:") {  // browsers refuse to read the index from a local file
    document.getElementById("search-file").hidden = false;
    form.hidden = true;
    return;
  }
  root.classList.add("xz-search--ready");
  run();
})();
