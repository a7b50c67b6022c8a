"""MkDocs hooks of the generated projects (MkDocs and ProperDocs; Zensical reads none).

Copied into each project as ``hooks.py`` and named by its ``mkdocs.yml``. They change how the
engine works, never a page it writes (``tests/test_engines.py``: the same bytes as a build
without them):

- MkDocs renders its sitemap (every page's address) and compresses it on every run, a dirty
  preview run too: the site's sitemap is ours, for both scripts (``outputs/sitemap.py``), and
  MkDocs' was never copied into the site. It is not made (``on_config``).
- MkDocs makes a new ``Markdown`` instance for every page, with every extension registered
  again: 0.24 s of a district script's 3 s. One instance per process is reused here (``reset``
  between pages, as Python-Markdown intends), with MkDocs' own per-page processors pointed at
  the page being rendered.
- Our front matter is one JSON value per line (``engine.write_project``); reading it as JSON
  instead of with MkDocs' YAML loader saves 0.27 s per script.
- MkDocs converts every page to HTML first and only then puts each into its template, so all
  pages' HTML is in memory at once. A page of ours (it has a ``title`` in its front matter,
  so no other page needs its HTML for its title) is converted just before its template instead
  (``on_page_context``), and its HTML and Markdown are let go once it is written.

Runs inside the engine's process: it imports nothing of the generator.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

_FRONT = "---\n"


def on_config(config: Any) -> Any:
    config.theme.static_templates.discard("sitemap.xml")
    return config


def on_page_read_source(page: Any, config: Any) -> str | None:
    """The page's Markdown without its front matter, which is kept for ``on_page_markdown``."""
    with open(page.file.abs_src_path, encoding="utf-8-sig") as source:
        text = source.read()
    if not text.startswith(_FRONT):
        return None  # not one of ours: MkDocs reads it as it always does
    end = text.index("\n" + _FRONT, len(_FRONT) - 1)
    meta = {}
    for line in text[len(_FRONT):end + 1].splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value)
    body = text[end + 1 + len(_FRONT):].lstrip("\n")
    if not body.startswith(("#", "<")):
        return None  # MkDocs would read a first line "key: value" as metadata: let it do so
    page.__dict__["_generator_meta"] = meta
    return body


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    meta = page.__dict__.pop("_generator_meta", None)
    if meta is not None:
        page.meta = meta
    return markdown


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    convert = page.__dict__.pop("_generator_convert", None)
    if convert is not None:
        convert()
        page.__dict__["_generator_converted_late"] = True
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    if page.__dict__.pop("_generator_converted_late", False):
        page.content = page.markdown = ""  # written: only the title (from the meta) is asked again
    return output


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Each documentation page renders with the reused Markdown instance."""
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.__class__ = _reusing(type(file.page))
    return nav


_CLASSES: dict[type, type] = {}


def _reusing(page_class: type) -> type:
    if page_class in _CLASSES or page_class in _CLASSES.values():
        return _CLASSES.get(page_class, page_class)
    engine = sys.modules[page_class.__module__]  # mkdocs.structure.pages, or ProperDocs' copy
    toc = sys.modules[page_class.__module__.rsplit(".", 1)[0] + ".toc"]
    state: dict[str, Any] = {}

    def render(self: Any, config: Any, files: Any) -> None:
        """``Page.render`` of MkDocs 1.6 with one Markdown instance for all pages; for a page
        with a title of its own, only once its template is about to be filled."""
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if "title" in self.meta:
            self.content = ""  # MkDocs asks for one now; the page's HTML comes in on_page_context
            self.__dict__["_generator_convert"] = lambda: convert(self, config, files)
        else:
            convert(self, config, files)

    def convert(self: Any, config: Any, files: Any) -> None:
        if not state:
            import markdown

            md = markdown.Markdown(extensions=config["markdown_extensions"],
                                   extension_configs=config["mdx_configs"] or {})
            state["raw"] = engine._RawHTMLPreprocessor()
            state["raw"]._register(md)
            state["anchors"] = engine._ExtractAnchorsTreeprocessor(self.file, files, config)
            state["anchors"]._register(md)
            state["links"] = engine._RelativePathTreeprocessor(self.file, files, config)
            state["links"]._register(md)
            state["title"] = engine._ExtractTitleTreeprocessor()
            state["title"]._register(md)
            state["md"] = md
        md = state["md"]
        md.reset()
        state["raw"].present_anchor_ids = set()
        state["anchors"].present_anchor_ids = set()
        state["links"].file, state["links"].files, state["links"].links_to_anchors = self.file, files, {}
        state["title"].title = None
        self.content = md.convert(self.markdown)
        self.toc = toc.get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = state["title"].title
        self.present_anchor_ids = state["anchors"].present_anchor_ids | state["raw"].present_anchor_ids
        if engine.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = state["links"].links_to_anchors

    _CLASSES[page_class] = type(page_class.__name__, (page_class,), {"render": render})
    return _CLASSES[page_class]
