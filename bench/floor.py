"""The floor for the build's pages: the same page work done competently, run the way the build
is run (a fresh process given the content folder). Not a test; bench/run.py times it.

    python bench/floor.py --root CONTENT --chrome-from SITE --out DIR

It loads, checks and renders the content as the build does, then forks one process per script
(the two run in parallel, like the build's two MkDocs). Each converts its pages with OpenCC
(traditional) or resolves the script marks (simplified), turns them into HTML with one reused
Python-Markdown instance carrying the engine's extensions (``engine.MARKDOWN_EXTENSIONS``, our
``htmlblocks`` included, anchors slugified as the engine's mkdocs.yml asks), puts each into the
chrome of a real page of the same site (``SITE``, a build's output: header, navigation,
footer — everything around the article) and writes each page file once.

Left out, so this is a floor for the pages only: the data files (exports, search index, feed),
the theme's static assets, the sitemap and the change history read from git.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Callable

import markdown
from markdown.extensions.toc import slugify_unicode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator import checks, layout  # noqa: E402
from generator.outputs.pages import engine, render  # noqa: E402
from generator.script import Converter  # noqa: E402
from generator.view import PublishedView  # noqa: E402

ARTICLE = '<article class="md-content__inner md-typeset">'


def markdown_instance() -> markdown.Markdown:
    """One Markdown with the extensions and settings the engine's projects use."""
    names, configs = [], {}
    for extension in engine.MARKDOWN_EXTENSIONS:
        if isinstance(extension, dict):
            (name, config), = extension.items()
            configs[name] = dict(config)
        else:
            name = extension
        names.append(name)
    configs.setdefault("toc", {})["slugify"] = slugify_unicode
    return markdown.Markdown(extensions=names, extension_configs=configs)


class Chrome:
    """The HTML around the article of a built page, with slots where that page's title and
    address stood, to be filled with each page's own."""

    def __init__(self, page_file: Path, title: str, url: str) -> None:
        text = page_file.read_text(encoding="utf-8")
        start, end = text.find(ARTICLE), text.rfind("</article>")
        if start < 0 or end < start:
            raise SystemExit(f"{page_file}: no {ARTICLE} … </article> to take the page chrome from")
        self.title, self.url = html.escape(title, quote=False), url
        slots = re.compile(f"({re.escape(self.title)}|{re.escape(url)})")
        # Even indices are literal HTML, odd ones the slot that stood there.
        self.before = slots.split(text[:start + len(ARTICLE)])
        self.after = slots.split(text[end:])

    def fill(self, title: str, url: str, article: str) -> str:
        values = {self.title: html.escape(title, quote=False), self.url: url}
        before = "".join(values[part] if n % 2 else part for n, part in enumerate(self.before))
        after = "".join(values[part] if n % 2 else part for n, part in enumerate(self.after))
        return before + article + after


def write_pages(pages: list[render.Page], convert: Callable[[str], str], chrome: Chrome, out: Path) -> None:
    md = markdown_instance()
    for folder in sorted({(out / page.url).parent for page in pages}):
        folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        title, body = convert(f"{page.meta['title']}\n{page.body}").split("\n", 1)
        with open(out / page.url, "wb") as file:
            file.write(chrome.fill(title, page.url, md.reset().convert(body)).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--chrome-from", type=Path, required=True, help="a built site of the same content")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    loaded, settings, _ = checks.run(args.root)
    if loaded is None or settings is None:
        raise SystemExit("content has errors")
    converter = Converter(settings.hant_variant)
    pages = render.render(PublishedView.of(loaded.content, settings, converter=converter))
    model = next(p for p in pages if p.path.startswith("items/"))
    scripts = ((converter.to_hans, args.chrome_from, args.out),
               (converter.to_hant, args.chrome_from / layout.HANT_DIR, args.out / layout.HANT_DIR))
    children = []
    for convert, site, out in scripts:
        chrome = Chrome(site / model.url, convert(model.meta["title"]), model.url)
        pid = os.fork()
        if pid == 0:
            try:
                write_pages(pages, convert, chrome, out)
                os._exit(0)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
        children.append(pid)
    if any(os.waitpid(pid, 0)[1] for pid in children):
        raise SystemExit("a page writer failed")


if __name__ == "__main__":
    main()
