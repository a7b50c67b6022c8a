"""Write one MkDocs project per script and run MkDocs on both, in parallel.

Each project is plain Markdown plus a generated ``mkdocs.yml`` — no hooks or plugins — so a
successor engine that reads MkDocs projects can build the same folders. The theme overrides
are converted to traditional script for the zh-Hant project like the pages are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .render import Page
from .script import Converter
from .settings import Settings

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "site-template"
HANS, HANT = "zh-Hans", "zh-Hant"
SCRIPTS = (HANS, HANT)
HANT_DIR = "zh-Hant"  # the traditional site lives under site/zh-Hant/
LANG_LABELS = {HANS: "简体", HANT: "繁體"}
# Material's own JavaScript (its bundle can load code from a CDN, e.g. for diagrams) and its
# search assets are removed from the output; the site works without them.
REMOVED_THEME_ASSETS = ("assets/javascripts",)


class EngineError(Exception):
    """MkDocs failed: a bug in the generator or its templates, not in the content."""


def write_project(project: Path, script: str, pages: list[Page], settings: Settings,
                  converter: Converter, nav: list[dict[str, Any]], site_dir: Path) -> Path:
    """Write docs/, overrides/ and mkdocs.yml for ``script``; return the config path."""
    convert = converter.to_hant if script == HANT else converter.to_hans
    docs = project / "docs"
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = dict(page.meta, **_alternates(page, script))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1_000_000)
        target.write_text(convert(f"---\n{front}---\n\n{page.body}"), encoding="utf-8")
    shutil.copytree(TEMPLATE_DIR / "assets", docs / "assets", dirs_exist_ok=True)
    overrides = project / "overrides"
    for source in sorted((TEMPLATE_DIR / "overrides").rglob("*")):
        if source.is_file():
            target = overrides / source.relative_to(TEMPLATE_DIR / "overrides")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(convert(source.read_text(encoding="utf-8")), encoding="utf-8")
    config = _config(settings, script, convert, nav, site_dir)
    path = project / "mkdocs.yml"
    # Heading anchors keep their Chinese text (the default slug drops it, giving "_1", "_2").
    # A Python name cannot be written by safe_dump, so this one line is appended as text.
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("- toc:\n    permalink: false\n",
                        "- toc:\n    permalink: false\n    slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n")
    path.write_text(text, encoding="utf-8")
    return path


def run(configs: list[Path], env: dict[str, str]) -> None:
    """Run ``mkdocs build`` on every config at once (one process per core is plenty)."""
    processes = [
        subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(c)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **env})
        for c in configs
    ]
    failures = []
    for config, process in zip(configs, processes):
        output, _ = process.communicate()
        if process.returncode != 0:
            failures.append(f"{config}:\n{output.decode('utf-8', 'replace')}")
    if failures:
        raise EngineError("\n".join(failures))


def strip_theme_assets(site_dir: Path) -> None:
    for relative in REMOVED_THEME_ASSETS:
        shutil.rmtree(site_dir / relative, ignore_errors=True)


def _alternates(page: Page, script: str) -> dict[str, str]:
    """Relative links to the same page in the other script, and to itself."""
    depth = page.path.count("/")
    up = "../" * depth
    if script == HANS:
        return {"alternate": f"{up}{HANT_DIR}/{page.url}", "self_url": f"{up}{page.url}"}
    return {"alternate": f"../{up}{page.url}", "self_url": f"{up}{page.url}"}


def _config(settings: Settings, script: str, convert: Any, nav: list[dict[str, Any]],
            site_dir: Path) -> dict[str, Any]:
    other = HANT if script == HANS else HANS
    site_url = settings.site_url
    if site_url and script == HANT:
        site_url = site_url.rstrip("/") + f"/{HANT_DIR}/"
    extra = {
        key: convert(getattr(settings, key))
        for key in ("sponsor", "organizer", "contact", "site_id_code", "icp", "psb", "error_report_url", "region")
    }
    extra.update(
        demo_banner=settings.demo_banner,
        site_domain=urlsplit(settings.site_url).hostname or "",
        lang=script,
        other_lang=other,
        other_lang_label=LANG_LABELS[other],
    )
    return {
        "site_name": convert(settings.site_name),
        "site_url": site_url or None,
        "use_directory_urls": False,
        "docs_dir": "docs",
        "site_dir": str(site_dir),
        "theme": {
            "name": "material",
            "language": script,
            "font": False,
            "custom_dir": "overrides",
            "features": [],
        },
        "plugins": [],
        "markdown_extensions": ["tables", "admonition", "attr_list", {"toc": {"permalink": False}}],
        "extra_css": ["assets/stylesheets/site.css"],
        "extra": extra,
        "nav": _convert_nav(nav, convert),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }


def _convert_nav(nav: list[dict[str, Any]], convert: Any) -> list[dict[str, Any]]:
    out = []
    for entry in nav:
        (title, target), = entry.items()
        out.append({convert(title): _convert_nav(target, convert) if isinstance(target, list) else target})
    return out
