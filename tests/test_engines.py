"""The engine is a setting: the sample built by ProperDocs is the sample built by MkDocs, byte
for byte; a chosen engine that is not installed is a finding (E980), not a traceback; the
preview server is ours (no engine's internals) and reloads the page after a rebuild.

Zensical is compared article by article by ``bench/engines.py zensical`` (a CI job that may
fail while Zensical is younger than 1.0).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import sitebuild
from conftest import PROJECT, line_of

sys.path.insert(0, str(PROJECT / "bench"))
import engines  # noqa: E402  (bench/engines.py)


def test_properdocs_builds_the_sample_byte_for_byte_as_mkdocs(sample, tmp_path: Path) -> None:
    root = engines.with_engine(sample.root, tmp_path / "repo", "properdocs")
    out = tmp_path / "site"
    sitebuild.build_ok(root, out)
    assert (root / ".build-cache" / "zh-Hans" / "mkdocs.yml").read_text(encoding="utf-8").count("material") == 1
    mkdocs, properdocs = sitebuild.tree_digest(sample.out), sitebuild.tree_digest(out)
    assert len(mkdocs) > 200
    assert sorted(set(mkdocs) ^ set(properdocs)) == []
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []


def test_the_hooks_change_no_byte(sample, tmp_path: Path) -> None:
    """MkDocs with our hooks (one Markdown instance reused, front matter read as JSON) writes
    what MkDocs without them writes, page for page, in both scripts."""
    import os

    for script in ("zh-Hans", "zh-Hant"):
        project = sample.root / ".build-cache" / script
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        assert "hooks:\n- hooks.py\n" in config and (project / "hooks.py").is_file()
        plain = project / "plain.yml"
        plain.write_text(config.replace("hooks:\n- hooks.py\n", ""), encoding="utf-8")
        out = tmp_path / script
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(out)],
                             cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300)
        plain.unlink()
        assert run.returncode == 0, run.stderr
        pages = sorted(p.relative_to(out) for p in out.rglob("*.html"))
        assert len(pages) > 100
        differ = [p for p in pages if (out / p).read_bytes() != (project / "site" / p).read_bytes()]
        assert differ == [], differ[:5]


def test_the_article_comparison_sees_a_changed_word(sample, tmp_path: Path) -> None:
    """bench/engines.py compares what readers see: one changed character is a difference,
    escaping and attribute order are not."""
    page = next(iter(sorted((sample.out / "items").glob("*.html"))))
    text = page.read_text(encoding="utf-8")
    same = tmp_path / "same.html"
    same.write_text(text.replace('href="../index.html"', 'href="..&#x2f;index.html"'), encoding="utf-8")
    changed = tmp_path / "changed.html"
    changed.write_text(re.sub(r"(<article[^>]*>.*?<h1[^>]*>)(.)", r"\1X", text, count=1, flags=re.S), encoding="utf-8")
    assert engines.article(page) == engines.article(same)
    assert engines.article(page) != engines.article(changed)


def test_an_engine_that_is_not_installed_is_reported_at_its_line(tmp_path: Path) -> None:
    root = engines.with_engine(PROJECT, tmp_path / "repo", "zensical")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # A Python in which zensical cannot be imported (an entry of None blocks an import).
    code = ("import runpy, sys; sys.modules['zensical'] = None; "
            f"sys.argv = ['generator', 'check', '--root', {str(root)!r}, '--format', 'json']; "
            "runpy.run_module('generator', run_name='__main__')")
    run = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    findings = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "E980"]
    assert [(f["path"], f["line"]) for f in findings] == [("mkdocs.yml", line_of(config, "engine: zensical"))]
    assert "zensical" in findings[0]["message"] and "mkdocs" in findings[0]["message"]


def test_serve_uses_no_engine_internals() -> None:
    source = (PROJECT / "generator" / "serve.py").read_text(encoding="utf-8")
    source += (PROJECT / "generator" / "livereload.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+(mkdocs|properdocs|zensical)\b", source, re.M)


def test_the_preview_server_reloads_the_page_after_a_rebuild(tmp_path: Path) -> None:
    from generator import livereload

    site, watched = tmp_path / "site", tmp_path / "catalogs"
    site.mkdir(), watched.mkdir()
    (site / "index.html").write_text("<html><body><p>第一版</p></body></html>", encoding="utf-8")
    rebuilt = threading.Event()

    def rebuild() -> None:
        (site / "index.html").write_text("<html><body><p>第二版</p></body></html>", encoding="utf-8")
        rebuilt.set()

    server = livereload.Server(rebuild, "127.0.0.1", 0, site)
    server.watch(watched)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.httpd.server_address[1]}"

    def get(path: str) -> str:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.read().decode("utf-8")
    try:
        page = get("/")
        assert "第一版" in page and f'<script src="{livereload.SCRIPT_PATH}"></script></body>' in page
        assert livereload.RELOAD_PATH in get(livereload.SCRIPT_PATH)
        assert get(livereload.RELOAD_PATH) == "0"
        (watched / "demo.yaml").write_text("changed", encoding="utf-8")
        assert rebuilt.wait(timeout=60)
        for _ in range(600):  # the number grows just after the rebuild returns
            if get(livereload.RELOAD_PATH) == "1":
                break
            threading.Event().wait(0.05)
        assert get(livereload.RELOAD_PATH) == "1"
        assert "第二版" in get("/index.html")
    finally:
        server.shutdown()


def test_pages_converted_line_by_line_equal_pages_converted_whole(tmp_path):
    """The zh-Hant project converts each distinct line of its pages once
    (``Converter.to_hant_by_lines``): every page of the sample, and a text with a mark across
    two lines and a context rule's character, come out as converting each text whole does."""
    from generator import checks, layout
    from generator.outputs.pages import engine, render
    from generator.script import Converter, mark
    from generator.view import PublishedView

    root = sitebuild.copy_content(tmp_path / "repo")
    loaded, settings, findings = checks.run(root)
    assert loaded is not None and settings is not None, findings
    converter = Converter(settings.hant_variant)
    view = PublishedView.of(loaded.content, settings, converter=converter)
    texts = [engine._text(page, layout.HANT, settings.site_url, converter)[1] for page in render.render(view)]
    texts.append("当事人系个体工商户\n" + mark("台湾\n地区", "臺灣\n地區") + "的账户\n当事人系个体工商户")
    texts += [mark("台湾", "臺\n灣") + "的", "乙" + mark("台湾", "臺\n灣") + "的"]  # a line of a mark, seen before
    by_lines = converter.to_hant_by_lines()
    assert len(texts) > 100
    assert [by_lines(text) for text in texts] == [converter.to_hant(text) for text in texts]
