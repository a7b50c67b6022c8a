"""Tests on the real built site: the sample content is built once, as an operator builds it.

Every assertion reads the output files (HTML, CSS, sitemaps…) of ``python -m generator build``;
what a page must show is taken from the content through the generator's own loader, so the
tests follow the content when the sample data changes.
"""

from __future__ import annotations

import gzip
import html
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
import yaml

import sitebuild
from sitebuild import HANT_DIR, parse, rel, squash, visible_text

from generator import checks
from generator.script import Converter

HANS, HANT = "zh-Hans", "zh-Hant"


# --- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(sample) -> Path:
    return sample.out


@pytest.fixture(scope="session")
def model(sample):
    """(content, settings, converter) as the generator reads the sample content."""
    loaded, settings, findings = checks.run(sample.root)
    assert loaded is not None and settings is not None, findings
    return loaded.content, settings, Converter(settings.hant_variant)


@pytest.fixture(scope="session")
def site_url(sample) -> str:
    data = yaml.safe_load((sample.root / "mkdocs.yml").read_text(encoding="utf-8"))
    url = data.get("site_url") or ""
    assert url, "the sample mkdocs.yml sets site_url"
    return url


@pytest.fixture(scope="session")
def own_host(site_url) -> str:
    return urlsplit(site_url).hostname


@pytest.fixture(scope="session")
def pages(site) -> dict[str, sitebuild.Page]:
    """Every HTML file of the output, parsed: relative path → page."""
    return {rel(site, p): parse(p) for p in sitebuild.html_pages(site)}


def other_script(path: str) -> str:
    """items/x.html ↔ zh-Hant/items/x.html"""
    prefix = HANT_DIR + "/"
    return path[len(prefix):] if path.startswith(prefix) else prefix + path


def expected(text: str, script: str, owner_script: str, converter: Converter) -> str:
    """What the page in ``script`` must show for ``text`` written in ``owner_script``."""
    source = converter.source(text, owner_script)
    shown = converter.to_hant(source) if script == HANT else converter.to_hans(source)
    return squash(shown)


def page_file(site: Path, script: str, path: str) -> Path:
    return site / (f"{HANT_DIR}/{path}" if script == HANT else path)


# --- 1. every disclosure field is on the pages, in both scripts --------------------------------

def test_sample_has_published_and_exempt_items(model):
    content, _, _ = model
    assert content.published_items(), "the sample has published items"
    assert [i for i in content.items() if not i.published], "the sample has an exempt item"
    assert content.cases, "the sample has typical cases"


@pytest.mark.parametrize("script", [HANS, HANT])
def test_item_pages_show_every_disclosure_field(site, model, script):
    content, settings, converter = model
    scripts = {d.code: d.script for d in content.departments}
    problems = []
    for item in content.published_items():
        path = page_file(site, script, f"items/{item.id}.html")
        if not path.is_file():
            problems.append(f"{rel(site, path)}: missing")
            continue
        page = parse(path)
        if page.lang != script:
            problems.append(f"{rel(site, path)}: <html lang={page.lang!r}>, expected {script}")
        text = squash(page.text)
        owner = scripts[item.department]
        mode = settings.mode(item.mode)
        fields = [("事项名称", item.name, owner), ("指导内容", item.content, owner)]
        fields += [("指导依据", b.law, owner) for b in item.basis]
        fields += [("指导方式", mode.label if mode else item.mode, HANS)]
        fields += [("指导程序", step, owner) for step in item.procedure]
        fields += [("相对人权利", right, owner) for right in item.rights]
        for label, value, written_in in fields:
            want = expected(value, script, written_in, converter)
            if want not in text:
                problems.append(f"{rel(site, path)}: {label} not shown: {want}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script", [HANS, HANT])
def test_every_phone_number_can_be_tapped_to_call(site, model, script):
    """A reader on a phone calls the supervision line, the office and the legal office with one
    tap: each number is a tel: link dialling exactly that number."""
    content, _, _ = model
    pages = [(f"items/{i.id}.html", [i.supervision_phone]) for i in content.published_items()]
    pages += [(f"departments/{d.code}.html", [d.office_phone, d.legal_office.phone]) for d in content.departments]
    pages.append(("departments/index.html", [d.office_phone for d in content.departments]))
    missing = []
    for page, numbers in pages:
        text = page_file(site, script, page).read_text(encoding="utf-8")
        for number in numbers:
            if f'href="tel:{number}">{number}</a>' not in text:
                missing.append(f"{page}: {number}")
    assert not missing, "\n".join(missing)


def _headings(markdown: str) -> list[str]:
    """The ATX headings of a case body, without attribute lists ({ #id })."""
    out = []
    for m in re.finditer(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", markdown, re.M):
        out.append(re.sub(r"\s*\{[^{}]*\}\s*$", "", m.group(1)))
    return out


@pytest.mark.parametrize("script", [HANS, HANT])
def test_case_pages_show_title_and_sections(site, model, script):
    content, _, converter = model
    problems = []
    for case in content.cases:
        path = page_file(site, script, f"cases/{case.id}.html")
        if not path.is_file():
            problems.append(f"{rel(site, path)}: missing")
            continue
        page = parse(path)
        if page.lang != script:
            problems.append(f"{rel(site, path)}: <html lang={page.lang!r}>, expected {script}")
        text = squash(page.text)
        headings = _headings(case.body)
        assert headings, f"{case.id} has section headings (基本案情 …)"
        for label, value in [("标题", case.title)] + [("小标题", h) for h in headings]:
            want = expected(value, script, case.script, converter)
            if want not in text:
                problems.append(f"{rel(site, path)}: {label} not shown: {want}")
    assert not problems, "\n".join(problems)


def test_html_lang_matches_script(pages):
    wrong = {path: page.lang for path, page in pages.items()
             if page.lang != (HANT if path.startswith(HANT_DIR + "/") else HANS)}
    assert not wrong, wrong


def test_pages_carry_no_template_indentation(site):
    """Every phone downloads the page chrome with every page: the templates' indentation is not
    sent (it was an eighth of an item page), and what a reader sees keeps its words apart."""
    for page in sitebuild.html_pages(site):
        text = page.read_text(encoding="utf-8")
        body = re.sub(r"<(pre|textarea)\b.*?</\1>", "", text, flags=re.S | re.I)
        indented = [line for line in body.split("\n") if line[:1] in (" ", "\t")]
        assert not indented, (rel(site, page), indented[:3])
    item = (site / "items" / "scjg-001.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-skip">\s*跳到正文\s*</a>', item)


# --- 2. every internal link resolves ------------------------------------------------------------

LINK_ATTRS = ("href", "src", "action", "poster", "data")


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _link_values(page: sitebuild.Page) -> list[tuple[sitebuild.Element, str]]:
    out = []
    for e in page.elements:
        for name, value in e.attrs:
            if name in LINK_ATTRS:
                out.append((e, value.strip()))
            elif name == "srcset":
                out += [(e, v) for v in _srcset_urls(value)]
    return out


def resolve(site: Path, page_path: str, url: str, site_path: str) -> tuple[str, str | None]:
    """Where a link of the page ``page_path`` leads inside the output.

    Returns (kind, target): kind "file" (target is the file's relative path), "dir" (a
    folder), "missing", "outside" (leaves the site), "self" (only a fragment or empty), or
    "skip" (mailto:, tel:, data: or an absolute URL, checked by other tests).
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return "skip", None
    path = unquote(parts.path)
    if not path:
        return "self", page_path
    if path.startswith("/"):
        # Root-relative links (404.html) only work when they start with site_url's path.
        if not path.startswith(site_path):
            return "outside", path
        target = path[len(site_path):]
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        if target == ".":
            target = ""
    if target.startswith("../") or target == "..":
        return "outside", target
    full = site / target
    if full.is_dir():
        return "dir", target
    if full.is_file():
        return "file", target
    return "missing", target


def test_every_relative_link_resolves(site, pages, site_url):
    site_path = urlsplit(site_url).path or "/"
    broken = []
    for path, page in pages.items():
        for element, url in _link_values(page):
            kind, target = resolve(site, path, url, site_path)
            if kind in ("missing", "outside"):
                broken.append(f"{path}:{element.line}: {url!r} → {kind} {target}")
            elif kind == "dir" and not (site / target / "index.html").is_file():
                broken.append(f"{path}:{element.line}: {url!r} → folder without index.html")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:80])


def test_no_link_points_to_a_folder(site, pages, site_url):
    """use_directory_urls is off so the site also works from disk (file://) and on servers
    without directory indexes: every link must name its file (zh-Hant/index.html, not zh-Hant/)."""
    site_path = urlsplit(site_url).path or "/"
    folders = []
    for path, page in pages.items():
        for element, url in _link_values(page):
            kind, target = resolve(site, path, url, site_path)
            if kind == "dir":
                folders.append(f"{path}:{element.line}: <{element.tag}> {url!r} → folder {target or '.'}/")
    assert not folders, "\n".join(folders[:80])


def test_css_relative_urls_resolve(site):
    broken = []
    for css in sitebuild.files_of(site):
        if css.suffix != ".css":
            continue
        for url in css_urls(css.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (css.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{rel(site, css)}: url({url})")
    assert not broken, "\n".join(broken)


def test_fragments_resolve(site, pages, site_url):
    """A link to page#anchor lands on an element with that id."""
    site_path = urlsplit(site_url).path or "/"
    broken = []
    for path, page in pages.items():
        for element, url in _link_values(page):
            fragment = urlsplit(url).fragment
            if not fragment or element.get("href") is None:
                continue
            kind, target = resolve(site, path, url, site_path)
            if kind == "dir":
                kind, target = "file", posixpath.join(target, "index.html")
            if kind not in ("file", "self") or not target.endswith(".html"):
                continue
            if unquote(fragment) not in pages[target].ids:
                broken.append(f"{path}:{element.line}: {url!r}: no id {unquote(fragment)!r} in {target}")
    assert not broken, "\n".join(broken[:80])


def test_language_switch_leads_to_same_page_in_other_script(site, pages, site_url):
    site_path = urlsplit(site_url).path or "/"
    problems = []
    for path, page in pages.items():
        switches = page.find("a", cls="xz-lang")
        if path in ("404.html", f"{HANT_DIR}/404.html"):
            continue  # an error page is not a page of the site's content
        if len(switches) != 1:
            problems.append(f"{path}: {len(switches)} language-switch links (class xz-lang)")
            continue
        link = switches[0]
        kind, target = resolve(site, path, link.get("href", ""), site_path)
        if kind == "dir":
            target = posixpath.join(target, "index.html") if target else "index.html"
        want = other_script(path)
        if target != want:
            problems.append(f"{path}: xz-lang href={link.get('href')!r} leads to {target}, expected {want}")
        want_lang = HANS if path.startswith(HANT_DIR + "/") else HANT
        if link.get("hreflang") != want_lang or link.get("lang") != want_lang:
            problems.append(f"{path}: xz-lang hreflang/lang {link.get('hreflang')}/{link.get('lang')}, expected {want_lang}")
    assert not problems, "\n".join(problems)


def test_every_page_has_its_counterpart_in_the_other_script(site, pages):
    missing = sorted(p for p in pages if other_script(p) not in pages)
    assert not missing, missing


def test_own_host_urls_point_into_the_site(site, pages, site_url, own_host):
    """Canonical links and sitemap entries name a file that exists under site_url."""
    base = site_url.rstrip("/") + "/"
    urls = [(path, e.get("href") or e.get("src") or "") for path, page in pages.items()
            for e in page.elements if urlsplit(e.get("href") or e.get("src") or "").hostname == own_host]
    for sitemap in site.rglob("sitemap.xml"):
        urls += [(rel(site, sitemap), u) for u in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>",
                                                               sitemap.read_text(encoding="utf-8"))]
    assert urls, "canonical links and sitemaps use site_url"
    bad = []
    for where, url in urls:
        if not url.startswith(base):
            bad.append(f"{where}: {url} is not under {base}")
            continue
        target = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
        if not (site / target).is_file() and not (site / target / "index.html").is_file():
            bad.append(f"{where}: {url} → no file {target}")
    assert not bad, "\n".join(bad[:80])


def test_canonical_of_each_page_is_itself(pages, site_url):
    base = site_url.rstrip("/") + "/"
    bad = []
    for path, page in pages.items():
        if path.endswith("404.html"):
            continue
        canonical = [e.get("href") for e in page.find("link") if e.get("rel") == "canonical"]
        if canonical and canonical[0] not in (base + path,) and not (
                path.endswith("index.html") and canonical[0] == base + path[:-len("index.html")]):
            bad.append(f"{path}: canonical {canonical[0]}")
    assert not bad, "\n".join(bad)


# --- 3. exempt items never appear --------------------------------------------------------------

def _views(path: Path) -> list[str]:
    """The file's text as stored and decoded the ways a reader or a tool would decode it."""
    text = sitebuild.read_text(path)
    views = [text]
    views.append(html.unescape(text))
    views.append(unquote(text))
    views.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text))
    return views


def test_exempt_items_appear_in_no_file(site, model):
    content, _, converter = model
    scripts = {d.code: d.script for d in content.departments}
    exempt = [i for i in content.items() if not i.published]
    assert exempt
    needles: list[tuple[str, str]] = []
    for item in exempt:
        owner = scripts[item.department]
        needles.append((f"{item.id} id", item.id))
        for what, value in (("name", item.name), ("exemption_reason", item.exemption_reason),
                            ("content", item.content.strip())):
            if not value:
                continue
            for script in (HANS, HANT):
                source = converter.source(value, owner)
                shown = converter.to_hant(source) if script == HANT else converter.to_hans(source)
                needles.append((f"{item.id} {what} ({script})", shown.strip()))
                needles.append((f"{item.id} {what} ({script}, percent-encoded)", quote(shown.strip())))
    # The build must not leave anything beside the site either: search every file of the output.
    files = sitebuild.files_of(site)
    assert any(p.name == "sitemap.xml" for p in files)
    found = []
    for path in files:
        views = _views(path)
        for label, needle in needles:
            if any(needle in v for v in views):
                found.append(f"{rel(site, path)}: {label}")
    assert not found, "\n".join(found)


def _cjk_bigrams(text: str) -> set[str]:
    text = squash(text)
    return {text[i:i + 2] for i in range(len(text) - 1)
            if all("\u3400" <= ch <= "\u9fff" for ch in text[i:i + 2])}


def test_exempt_items_leave_no_trace_in_indexes(site, model, pages):
    """A search index splits text into n-grams, where whole names are never found. Every pair
    of characters of an exempt item's text that occurs on no page of the site (in either
    script) must occur in no file of the output either."""
    content, _, converter = model
    public = "\n".join([page.text for page in pages.values()]
                       + [value for page in pages.values() for e in page.elements for _, value in e.attrs])
    exempt = [i for i in content.items() if not i.published]
    problems = []
    for item in exempt:
        texts = [item.name, item.content, item.exemption_reason or "", item.note or "",
                 *item.procedure, *item.rights, *(b.law for b in item.basis)]
        grams = set()
        for text in texts:
            plain = converter.to_hans(converter.source(text))
            grams |= _cjk_bigrams(plain) | _cjk_bigrams(converter.to_hant(converter.source(text)))
        own = sorted(g for g in grams if g not in public)
        assert len(own) >= 10, f"{item.id}: too few distinctive character pairs to search for: {own}"
        for path in sitebuild.files_of(site):
            text = sitebuild.read_text(path)
            hits = [g for g in own if g in text]
            if hits:
                problems.append(f"{rel(site, path)}: {item.id}: {hits[:20]}")
    assert not problems, "\n".join(problems)


def test_exempt_items_are_not_counted(site, model):
    """The home page's figures count published items only (not the exempt one)."""
    content, _, _ = model
    text = visible_text(site / "index.html")
    published = len(content.published_items())
    assert re.search(rf"(?<!\d){published}项", text), text[:400]
    assert not re.search(rf"(?<!\d){len(content.items())}项", text), text[:400]


# --- 4. no request to another host ----------------------------------------------------------

_ATTR_URL = re.compile(r"(?i)(?:\b([a-z][a-z0-9+.\-]*):)?//([^\s/\"'<>\\)(,;?#]+)")
_JS_URL = re.compile(r"(?i)\b(?:https?|wss?):\\?/\\?/([^\s/\"'`<>\\)(,;?#]+)")
XML_NAMESPACE_HOST = "www.w3.org"


def strip_css_comments(css: str) -> str:
    """CSS without /* comments */ (strings are kept: a comment mark inside a string is text)."""
    out, i, n = [], 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            out.append(css[i:j + 1])
            i = j + 1
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


_CSS_URL = re.compile(r"""(?i)\burl\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)""")
_CSS_IMPORT = re.compile(r"""(?i)@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""")


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import target of a stylesheet, comments removed."""
    css = strip_css_comments(css)
    urls = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    urls += [m.group(1) for m in _CSS_IMPORT.finditer(css)]
    return list(dict.fromkeys(u.strip() for u in urls))


def _host_of(url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() == "data":
        return None
    if parts.netloc:
        return (parts.hostname or parts.netloc).lower()
    if parts.scheme and parts.scheme.lower() not in ("mailto", "tel", "javascript"):
        return f"{parts.scheme}:"  # e.g. file:, ftp: without host: not a local link either
    return None


def test_no_url_to_another_host(site, own_host):
    bad = []
    for path in sitebuild.files_of(site):
        where = rel(site, path)
        if path.suffix == ".html":
            page = parse(path)
            for e in page.elements:
                for name, value in e.attrs:
                    if value.strip().lower().startswith("data:"):
                        continue  # an inline resource, not a request
                    for m in _ATTR_URL.finditer(value):
                        scheme, host = (m.group(1) or "").lower(), m.group(2).lower().split(":")[0]
                        if scheme in ("mailto", "tel"):
                            continue
                        if host == own_host:
                            continue
                        if host == XML_NAMESPACE_HOST and (name == "xmlns" or name.startswith("xmlns:")):
                            continue
                        bad.append(f"{where}:{e.line}: <{e.tag} {name}={value!r}>")
            for css in page.styles:
                bad += [f"{where}: <style> url({u})" for u in css_urls(css)
                        if _host_of(u) not in (None, own_host)]
            for js in page.scripts:
                bad += [f"{where}: <script> {m.group(0)}" for m in _JS_URL.finditer(js)
                        if m.group(1).lower().split(":")[0] != own_host]
        elif path.suffix == ".css":
            bad += [f"{where}: url({u})" for u in css_urls(path.read_text(encoding="utf-8"))
                    if _host_of(u) not in (None, own_host)]
        elif path.suffix in (".js", ".mjs"):
            bad += [f"{where}: {m.group(0)}" for m in _JS_URL.finditer(path.read_text(encoding="utf-8"))
                    if m.group(1).lower().split(":")[0] != own_host]
    assert not bad, f"{len(bad)} references to other hosts:\n" + "\n".join(bad[:80])


def test_css_checker_ignores_comments_and_data_uris():
    """The checker itself: a URL in a comment or inside a data: URI is not a request."""
    css = ('/* see https://example.com/a.png */ a{background:url("data:image/svg+xml,'
           "<svg xmlns='http://www.w3.org/2000/svg'><!-- https://fontawesome.com --></svg>\")}"
           ' b{background:url(https://cdn.example.com/x.png)} @import "https://fonts.example/f.css";'
           ' c{content:"/* not a comment */"} d{background:url(../img/y.png)}')
    urls = css_urls(css)
    hosts = {_host_of(u) for u in urls}
    assert hosts == {None, "cdn.example.com", "fonts.example"}, urls
    assert "../img/y.png" in urls


# --- 5. a broken catalog leaves the previous site alone ----------------------------------------

def break_yaml(path: Path) -> int:
    """Make one line of a catalog a YAML syntax error ("mapping values are not allowed here");
    return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if re.match(r"^\s+office:\s*\S", line))
    lines[n] += ": 多余的冒号"
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


@pytest.mark.parametrize("keep_cases", [
    pytest.param(True, id="with-its-cases"),
    pytest.param(False, id="cases-removed"),
])
def test_broken_catalog_keeps_previous_output(tmp_path, site, keep_cases):
    root = sitebuild.copy_content(tmp_path / "repo")
    catalog = sorted((root / "catalogs").glob("*.yaml"))[0]
    line = break_yaml(catalog)
    if not keep_cases:
        shutil.rmtree(root / "typical-cases" / catalog.stem, ignore_errors=True)
    out = tmp_path / "out" / "site"
    shutil.copytree(site, out)
    before = sitebuild.tree_digest(out)
    neighbours_before = sorted(p.name for p in out.parent.iterdir())

    run = sitebuild.run_build(root, out)

    assert "Traceback" not in run.output, run.output
    assert run.code == 1, f"exit {run.code}:\n{run.output}"
    where = f"catalogs/{catalog.name}:{line}"
    assert re.search(rf"^{re.escape(where)}(:\d+)?: E102\b", run.stdout, re.M), run.output
    assert sitebuild.tree_digest(out) == before, "the previous site was changed"
    assert sorted(p.name for p in out.parent.iterdir()) == neighbours_before, "left files beside the site"


def test_broken_case_keeps_previous_output(tmp_path, site):
    root = sitebuild.copy_content(tmp_path / "repo")
    case = sorted((root / "typical-cases").rglob("*.md"))[0]
    text = case.read_text(encoding="utf-8")
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[n] += ": 多余的冒号"
    case.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = sitebuild.tree_digest(out)

    run = sitebuild.run_build(root, out)

    assert "Traceback" not in run.output, run.output
    assert run.code == 1, f"exit {run.code}:\n{run.output}"
    where = rel(root, case) + f":{n + 1}"
    assert re.search(rf"^{re.escape(where)}(:\d+)?: E102\b", run.stdout, re.M), run.output
    assert sitebuild.tree_digest(out) == before


# --- 6. reproducible ---------------------------------------------------------------------------

def test_two_builds_are_byte_identical(tmp_path, sample):
    again = tmp_path / "elsewhere" / "site-2"
    sitebuild.build_ok(sample.root, again)
    first, second = sitebuild.tree_digest(sample.out), sitebuild.tree_digest(again)
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differ = sorted(p for p in first if first[p] != second[p])
    assert not differ, differ
    leftovers = [p.name for p in again.parent.iterdir() if p.name != again.name]
    assert not leftovers, f"the build left {leftovers} beside the site"


def test_gzip_sitemaps_are_reproducible(site):
    """sitemap.xml.gz holds the same sitemap as sitemap.xml."""
    for gz in site.rglob("sitemap.xml.gz"):
        data = gz.read_bytes()
        assert gzip.decompress(data) == (gz.parent / "sitemap.xml").read_bytes()


# --- 7. the 示例 marker follows demo_banner -------------------------------------------------

@pytest.fixture(scope="module")
def scrubbed_builds(tmp_path_factory) -> dict[bool, Path]:
    """The sample with 示例 replaced in every content file (the sample district is called
    示例区), built with demo_banner true and false: any 示例 left comes from the site itself."""
    built = {}
    for banner in (True, False):
        base = tmp_path_factory.mktemp(f"banner-{banner}")
        root = sitebuild.copy_content(base / "repo")
        for path in sitebuild.files_of(root):
            if path.suffix in (".yaml", ".yml", ".md"):  # not the Word templates of documents/
                path.write_text(path.read_text(encoding="utf-8").replace("示例", "样板"), encoding="utf-8")
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert len(re.findall(r"^  demo_banner: true\s*$", text, re.M)) == 1
        config.write_text(re.sub(r"^  demo_banner: true\s*$", f"  demo_banner: {str(banner).lower()}",
                                 text, flags=re.M), encoding="utf-8")
        out = base / "site"
        sitebuild.build_ok(root, out)
        built[banner] = out
    return built


def test_demo_marker_on_every_page_when_demo_banner_true(scrubbed_builds):
    site = scrubbed_builds[True]
    missing = [rel(site, p) for p in sitebuild.html_pages(site) if "示例" not in visible_text(p)]
    assert not missing, missing


def test_no_demo_marker_when_demo_banner_false(scrubbed_builds):
    site = scrubbed_builds[False]
    found = [rel(site, p) for p in sitebuild.html_pages(site)
             if "示例" in p.read_text(encoding="utf-8") or parse(p).find(cls="xz-demo")]
    assert not found, found


def test_sample_site_shows_demo_banner_on_every_page(site, pages):
    """The sample mkdocs.yml has demo_banner: true: each page carries the 示例 banner."""
    missing = [path for path, page in pages.items() if not page.find(cls="xz-demo")]
    assert not missing, missing


# --- 8. government meta tags -------------------------------------------------------------------

@pytest.mark.parametrize("script", [HANS, HANT])
def test_item_pages_have_government_meta_tags(site, model, script):
    content, settings, converter = model
    departments = {d.code: d for d in content.departments}
    convert = converter.to_hant if script == HANT else converter.to_hans
    problems = []
    for item in content.published_items():
        path = page_file(site, script, f"items/{item.id}.html")
        page = parse(path)
        department = departments[item.department]
        want = {
            "SiteName": convert(settings.site_name),
            "SiteIDCode": settings.site_id_code,
            "ContentSource": squash(expected(department.name, script, department.script, converter)),
        }
        for name, value in want.items():
            got = page.meta(name)
            if got is None or squash(got) != squash(value):
                problems.append(f"{rel(site, path)}: <meta name={name}> is {got!r}, expected {value!r}")
        for name in ("ColumnName", "PubDate"):
            if not (page.meta(name) or "").strip():
                problems.append(f"{rel(site, path)}: <meta name={name}> missing or empty")
        pub = page.meta("PubDate") or ""
        if pub and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
            problems.append(f"{rel(site, path)}: PubDate {pub!r} is not a date (YYYY-MM-DD)")
    assert not problems, "\n".join(problems)
