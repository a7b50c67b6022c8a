"""One sitemap.xml for both scripts, at the site root.

MkDocs writes a sitemap per build, so the site had two, each unaware of the other version and
dated from the build. Search engines want one list in which every page names its other-script
version (``xhtml:link`` hreflang alternates). No ``lastmod``: a date shown to anyone must
come from the record, and the build clock is not one.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterable
from urllib.parse import quote
from xml.sax.saxutils import quoteattr, escape

from ..layout import HANS, HANT, HANT_DIR

SITEMAP = "sitemap.xml"


def write(site_dir: Path, page_urls: Iterable[str], site_url: str) -> list[Path]:
    """Replace MkDocs' sitemaps with one listing ``page_urls`` (relative, e.g. items/x.html)
    in both scripts. Absolute URLs when ``site_url`` is set (the format requires them)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    urls = sorted(set(page_urls))
    entries = []
    for script in (HANS, HANT):
        for url in urls:
            versions = {HANS: base + quote(url), HANT: base + quote(f"{HANT_DIR}/{url}")}
            links = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>'
                for lang, href in ((HANS, versions[HANS]), (HANT, versions[HANT]), ("x-default", versions[HANS])))
            entries.append(f"  <url>\n    <loc>{escape(versions[script])}</loc>{links}\n  </url>\n")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "".join(entries) + "</urlset>\n")
    for folder in (site_dir / HANT_DIR,):
        for name in (SITEMAP, SITEMAP + ".gz"):
            (folder / name).unlink(missing_ok=True)
    data = text.encode("utf-8")
    plain_file, packed = site_dir / SITEMAP, site_dir / (SITEMAP + ".gz")
    plain_file.write_bytes(data)
    packed.write_bytes(gzip.compress(data, mtime=0))
    return [plain_file, packed]
