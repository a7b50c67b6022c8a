"""The built sample site in a real browser (Debian's Chromium through Playwright).

The site is served by a local stdlib HTTP server twice: at the server's root and under a
sub-path (/portal/xzzd/, as a district portal's 专栏 would host it; that server answers 404
outside the sub-path). For the home page, a department, an item and a case, in both scripts
and at phone and desktop widths, the tests check that every request stays on the local server,
that nothing is logged as an error, that the language switch leads to the same page in the
other script, and that axe-core finds no serious or critical accessibility violation.
Screenshots go to test-output/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

import sitebuild
from siteserver import Server
from sitebuild import HANT_DIR


SCREENSHOTS = sitebuild.PROJECT / "test-output" / "screenshots"
HANS, HANT = "zh-Hans", "zh-Hant"
WIDTHS = (375, 1280)
KINDS = ("home", "department", "item", "case")
MOUNTS = ("subpath", "root")


# --- the local server --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def targets(sample) -> dict[str, str]:
    """The page of each kind to open, as a path relative to the (simplified) site root."""
    item, case = sitebuild.richest_item_and_case(sample.root)
    return {
        "home": "index.html",
        "department": f"departments/{item.department}.html",
        "item": f"items/{item.id}.html",
        "case": f"cases/{case.id}.html",
    }


# --- the browser -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


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
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: self.failed.append(f"{r.url}: HTTP {r.status}")
                if r.status >= 400 else None)
        # Requests are recorded above; none may actually leave this machine during the test.
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith(origin + "/") else route.abort())

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.origin + "/")]


def _url(server: Server, path: str) -> str:
    return server.base + path


def _path_of(server: Server, url: str) -> str:
    """The site-relative page path of a URL served by ``server`` (folder URLs → index.html)."""
    path = unquote(urlsplit(url).path)
    assert path.startswith(server.prefix), f"{url} is outside {server.base}"
    path = path[len(server.prefix):]
    return path + "index.html" if path == "" or path.endswith("/") else path


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v.get('help')} ({v.get('helpUrl', '').split('?')[0]})")
        for node in v.get("nodes", [])[:8]:
            lines.append(f"    {node.get('target')}: {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


class SeriousAxeViolations(AssertionError):
    """axe-core found serious or critical violations (raised last, after every other check)."""


def _params():
    for mount in MOUNTS:
        for script in (HANS, HANT):
            for kind in KINDS:
                # The server's root is one more way to deploy: one width is enough there.
                for width in WIDTHS if mount == "subpath" else (1280,):
                    yield pytest.param(mount, script, kind, width,
                                       id=f"{mount}-{script}-{kind}-{width}")


@pytest.mark.parametrize(("mount", "script", "kind", "width"), list(_params()))
def test_page_in_browser(browser, axe, servers, targets, mount, script, kind, width):
    server = servers[mount]
    path = targets[kind] if script == HANS else f"{HANT_DIR}/{targets[kind]}"
    other = targets[kind] if script == HANT else f"{HANT_DIR}/{targets[kind]}"
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, server.origin)
        response = page.goto(_url(server, path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        page.wait_for_load_state("networkidle")  # scripts' own requests too, none cut off by the click
        assert page.evaluate("document.documentElement.lang") == script

        serious = []
        if mount == "subpath":  # the deployed layout; one screenshot and one audit per page
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{script}-{kind}-{width}.png"), full_page=True)
            violations = axe.run(page).response["violations"]
            serious = [v for v in violations if v.get("impact") in ("serious", "critical")]

        # The language switch: visible, usable, and it leads to the same page in the other script.
        switch = page.locator("a.xz-lang")
        assert switch.count() == 1, f"{path}: {switch.count()} language-switch links"
        with page.expect_navigation(wait_until="load"):
            switch.click()
        assert _path_of(server, page.url) == other, f"{path}: switch led to {page.url}"
        assert page.evaluate("document.documentElement.lang") == (HANT if script == HANS else HANS)

        foreign = watch.foreign()
        assert not foreign, f"{path}: requests to other hosts:\n" + "\n".join(foreign)
        assert watch.requests, "requests are recorded"
        assert not watch.failed, f"{path}: failed requests:\n" + "\n".join(watch.failed)
        assert not watch.errors, f"{path}: errors:\n" + "\n".join(watch.errors)
        if serious:
            raise SeriousAxeViolations(f"{path} at {width}px: axe violations:\n{_describe(serious)}")
    finally:
        context.close()


def test_subpath_server_serves_nothing_outside_its_path(servers):
    """The sub-path server proves the site needs nothing at the host's root."""
    import urllib.error
    import urllib.request

    server = servers["subpath"]
    with urllib.request.urlopen(server.base + "index.html") as r:
        assert r.status == 200
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(server.origin + "/index.html")
    assert e.value.code == 404
