"""The Markdown extension every generated MkDocs project loads (generator/htmlblocks.py), run
through real Python-Markdown with the extensions the engine configures."""

from __future__ import annotations

import re

import markdown

from generator import casebody
from generator.outputs.pages import body as page_body, engine


def convert(text: str) -> str:
    names, options = [], {}
    for entry in engine.MARKDOWN_EXTENSIONS:
        if isinstance(entry, dict):
            (name, value), = entry.items()
            names.append(name)
            options[name] = value
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=options).convert(text)


def test_generated_html_is_shown_as_written():
    # Text inside generated HTML was escaped by the generator; Markdown must not read it again.
    html = '<div><p>第*一*条 a_b_c [链接](x.md) 1. 项</p></div>'
    out = convert(f"# 标题\n\n{html}\n\n## 指导依据\n\n<ul>\n<li>《法》</li>\n</ul>\n")
    assert html in out
    assert "<em>" not in out and "<a " not in out
    assert re.search(r'<h2 id="[^"]+">指导依据</h2>', out)
    assert "<ul>\n<li>《法》</li>\n</ul>" in out


def test_block_ends_at_blank_line_so_following_markdown_is_read():
    out = convert("<p>说明</p>\n\n**注意**：以上为示例。\n")
    assert "<p>说明</p>" in out
    assert "<strong>注意</strong>" in out


def test_inline_html_at_line_start_stays_in_its_paragraph():
    out = convert("<a href=\"x.html\">某局</a>负责解释。\n")
    assert out == '<p><a href="x.html">某局</a>负责解释。</p>'


def test_markdown_table_of_an_editor_scrolls_in_a_focusable_region():
    body = casebody.render("案情如下。\n\n| 时间 | 事项 |\n|---|---|\n| 5月 | 检查 |\n").html
    out = convert(page_body.page_markdown(body))
    region = re.search(r"<div ([^>]*)>\s*<table>.*<td>检查</td>.*</table>\s*</div>", out, re.DOTALL)
    assert region, out
    assert set(re.findall(r'\S+="[^"]*"', region.group(1))) == {
        'class="xz-table"', 'role="region"', 'aria-label="表格"', 'tabindex="0"'}
