"""No script and no other host, in a real browser (Debian's Chromium through Playwright).

A case body holding every script trick is built past its check (``hostile``): opened, hovered
and left to run, its page must raise no dialog, go nowhere, ask no other host for anything and
break no rule of its Content-Security-Policy — the sanitizer and the policy hold even when the
check is bypassed. Then every kind of page of the sample site, in both scripts, is opened and
must break no rule of the policy and ask no other host for anything (the search page runs a
query: its script and the index it fetches are the site's own).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

import hostile
import siteserver
from sitebuild import HANT_DIR

from generator import checks

# Records every policy violation from the first moment of the page (Playwright's init scripts
# run outside the page's policy).
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


class Watch:
    """What a page does that a reader never asked for."""

    def __init__(self, page, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.navigations: list[str] = []
        page.add_init_script(LISTEN)
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("framenavigated", lambda f: self.navigations.append(f.url) if f.parent_frame is None else None)
        # Nothing may leave this machine during the test: other hosts are recorded, then refused.
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith(origin + "/") else route.abort())

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.origin + "/")]

    def assert_clean(self, page, url: str) -> None:
        violations = page.evaluate("window.__violations || []")
        assert not violations, f"{url}: Content-Security-Policy violations:\n" + "\n".join(violations)
        assert not self.foreign(), f"{url}: requests to other hosts:\n" + "\n".join(self.foreign())
        assert not self.dialogs, f"{url}: dialogs: {self.dialogs}"
        assert not self.errors, f"{url}: errors:\n" + "\n".join(self.errors)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    _, out = hostile.hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    server = siteserver.serve(out, "/")
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_hostile_case_runs_nothing_and_loads_nothing_from_elsewhere(browser, hostile_server, script) -> None:
    path = (f"{HANT_DIR}/" if script == "zh-Hant" else "") + hostile.CASE_PAGE
    url = hostile_server.base + path
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, hostile_server.origin)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok
        # Give every trick its chance: hover and focus what the body holds, let timers and a
        # meta refresh fire.
        for element in page.locator("article *").all()[:400]:
            if element.is_visible():
                element.hover(timeout=2000)
        page.keyboard.press("Tab")
        page.wait_for_timeout(1500)
        assert watch.navigations == [url], watch.navigations
        assert page.url == url
        assert page.evaluate("typeof window.__violations") == "object"
        watch.assert_clean(page, url)
        assert watch.requests and all(r.startswith(hostile_server.origin) for r in watch.requests)
    finally:
        context.close()


@pytest.fixture(scope="session")
def every_kind(sample) -> dict[str, str]:
    """One page of each kind of the sample site, as a path under the site root."""
    loaded, settings, findings = checks.run(sample.root)
    assert loaded is not None and settings is not None, findings
    content = loaded.content
    department = sorted(content.departments, key=lambda d: d.code)[0]
    item = sorted(content.published_items(), key=lambda i: i.id)[0]
    case = sorted(content.cases, key=lambda c: c.id)[0]
    return {
        "home": "index.html",
        "departments": "departments/index.html",
        "department": f"departments/{department.code}.html",
        "item": f"items/{item.id}.html",
        "cases": "cases/index.html",
        "case": f"cases/{case.id}.html",
        "modes": "modes/index.html",
        "mode": f"modes/{settings.modes[0].code}.html",
        "stage": "stages/before.html",
        "search": "search.html?q=%E9%A3%9F%E5%93%81",  # 食品
        "stats": "stats.html",
        "data": "data.html",
        "changes": "changes.html",
        "about": "about.html",
        "404": "404.html",
    }


KINDS = ("home", "departments", "department", "item", "cases", "case", "modes", "mode", "stage",
         "search", "stats", "data", "changes", "about", "404")


@pytest.fixture(scope="module")
def deployed(sample):
    """The sample served at its site_url's path: the 404 page's links start with that path."""
    site_url = yaml.safe_load((sample.root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    server = siteserver.serve(sample.out, urlsplit(site_url).path)
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_page_keeps_its_policy(browser, servers, deployed, every_kind, kind, script) -> None:
    server = deployed if kind == "404" else servers["subpath"]
    path = (f"{HANT_DIR}/" if script == "zh-Hant" else "") + every_kind[kind]
    url = server.base + path
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, server.origin)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        page.wait_for_load_state("networkidle")
        if kind == "search":  # the site's own script ran and fetched the site's own index
            page.wait_for_selector("#search-results li", timeout=15000)
            assert any("/search/" in r for r in watch.requests), watch.requests
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1 and "script-src 'self'" in policy.get_attribute("content")
        watch.assert_clean(page, url)
    finally:
        context.close()
