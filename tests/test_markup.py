"""The case-body sanitizer, the image cleaner and the output guard, each on its own.

The sanitizer is driven with the tricks that got script into pages before (event attributes
without a space, entity-encoded or tab-split ``javascript:``, reference-style definitions,
attribute lists, remote images, ``<svg>``, ``<math>``, forms, ``<meta refresh>``, ``<base>``):
what it returns is read back with the standard library's HTML parser, and what the checker
says it removed must point at the line the trick is written on. Images are read back with
Pillow. The guard is shown a real page of the sample site, then the same page with one thing
added that must never reach a reader.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import fixtures
from conftest import PROJECT
from generator import casebody, htmlguard, imagemeta
from generator.casebody.sanitize import MAX_TAGS
from generator.messages import zh_hans
from generator.outputs.pages import body as page_body

MEDIA = casebody.Media(frozenset({"shop-front.jpg"}), "../media/demo/")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(markup: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.elements


def removals_at(text: str) -> list[tuple[int, str]]:
    rendered = casebody.render(text, MEDIA)
    return [(text.count("\n", 0, r.offset) + 1, r.code) for r in casebody.removals(text, rendered)]


# Each trick on line 3 of a body; what the sanitizer must not let through, and the code.
TRICKS = {
    "event-attribute-without-space": ("文字<img/onerror=alert(1) src=x>后面", "E701"),
    "uppercase-event": ('<IMG SRC="shop-front.jpg" ONERROR="alert(1)">', "E701"),
    "entity-encoded-javascript": ("[附件](javascript&#58;alert(1))", "E701"),
    "tab-split-javascript": ('<a href="java&#x09;script:alert(1)">附件</a>', "E701"),
    "newline-split-javascript": ('<a href="java\nscript:alert(1)">附件</a>', "E701"),
    "data-html-link": ("[看](data:text/html;base64,PHNjcmlwdD4=)", "E701"),
    "vbscript-link": ('<a href="vbscript:msgbox(1)">附件</a>', "E701"),
    "script": ("<script>alert(1)</script>", "E701"),
    "svg-onload": ('<svg onload="alert(1)"><circle r="1"></circle></svg>', "E701"),
    "math": ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", "E701"),
    "form": ('<form action="https://evil.example/"><input name="q"></form>', "E701"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "E701"),
    "base": ('<base href="https://evil.example/">', "E701"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "E701"),
    "object": ('<object data="https://evil.example/x"></object>', "E701"),
    "embed": ('<embed src="https://evil.example/x">', "E701"),
    "style-element": ("<style>body{background:url(https://evil.example/p)}</style>", "E701"),
    "link-element": ('<link rel="stylesheet" href="https://evil.example/x.css">', "E701"),
    "template": ("<template><img src=x onerror=alert(1)></template>", "E701"),
    "font": ('<font color="red">红字</font>', "E702"),
    "style-attribute": ('<span style="color:red">红字</span>', "E703"),
    "id-attribute": ('<p id="__drawer">冒充页面元素</p>', "E703"),
    "class-attribute": ('<div class="md-header">冒充页眉</div>', "E703"),
    "http-link": ("[条例](http://law.example.gov.cn/x.html)", "E704"),
    "root-relative-link": ("[首页](/index.html)", "E704"),
    "ftp-link": ("[文件](ftp://files.example.com/x)", "E704"),
    "data-image": ("![图](data:image/png;base64,iVBORw0KGgo=)", "E704"),
    "remote-image": ("![图](https://img.example.com/p.gif)", "E705"),
    "protocol-relative-image": ("![图](//img.example.com/p.gif)", "E705"),
    "backslash-image": ("![图](/\\img.example.com/p.gif)", "E705"),
    "remote-html-image": ('<img src="https://img.example.com/p.gif">', "E705"),
    "css-url": ('<span style="background:url(https://img.example.com/p.gif)">字</span>', "E705"),
    "remote-video": ('<video src="https://v.example.com/a.mp4"></video>', "E705"),
    "remote-audio-source": ('<audio><source src="https://v.example.com/a.mp3"></audio>', "E705"),
    "missing-image": ("![图](missing.png)", "E706"),
}


@pytest.mark.parametrize("trick", list(TRICKS))
def test_sanitizer_removes_trick_and_checker_names_its_line(trick: str) -> None:
    snippet, code = TRICKS[trick]
    text = f"## 基本案情\n\n{snippet}\n\n最后一段。\n"
    rendered = casebody.render(text, MEDIA)
    for tag, attrs in elements(rendered.html):
        assert tag in casebody.policy.TAGS, (tag, rendered.html)
        for name, value in attrs.items():
            assert not name.startswith("on") and name not in ("style", "id", "srcdoc", "action"), rendered.html
            flat = re.sub(r"\s", "", value).lower()
            assert not flat.startswith(("javascript:", "vbscript:", "data:", "http:", "//", "/")), rendered.html
            if name == "src":
                assert value == "../media/demo/shop-front.jpg", rendered.html
            if name == "class":
                assert set(value.split()) <= casebody.policy.CLASSES.get(tag, set()), rendered.html
    assert "最后一段" in rendered.html  # the rest of the body is kept
    found = removals_at(text)
    assert (3, code) in found, found


def test_reference_definition_is_reported_where_it_is_defined() -> None:
    text = "## 指导过程\n\n整改情况见[回访记录][回访]。\n\n其他内容。\n\n[回访]: javascript:alert(1)\n"
    assert removals_at(text) == [(7, "E701")]
    assert "javascript" not in casebody.render(text, MEDIA).html


def test_ordinary_markdown_passes_untouched() -> None:
    """What editors write every day: nothing is removed, the HTML is what Markdown wrote."""
    text = ("## 基本案情\n\n执法人员**依法**说明了*目的*，见[政策解读](https://www.example.gov.cn/a.html)、"
            "[办事指南](../items/demo-002.md#指导程序)和[联系](mailto:office@example.gov.cn)。\n\n"
            "1. 第一步\n2. 第二步\n\n- 甲\n    - 乙\n\n> 引用的条文。\n\n"
            "| 项目 | 数量 |\n|:--|--:|\n| 整改 | 3 |\n\n![整改后的店门](shop-front.jpg)\n\n"
            "<b>加粗</b>、<sub>下标</sub>和 a < b 的比较。\n\n    缩进的代码\n")
    rendered = casebody.render(text, MEDIA)
    assert casebody.removals(text, rendered) == []
    assert 'href="../items/demo-002.html#指导程序"' in rendered.html  # a page link as MkDocs wrote it
    assert '<td align="right">3</td>' in rendered.html  # no style="…": no inline CSS
    assert 'src="../media/demo/shop-front.jpg"' in rendered.html
    assert rendered.images == frozenset({"shop-front.jpg"})


def test_page_markdown_keeps_headings_for_the_table_of_contents() -> None:
    html = casebody.render("## 基本<em>案情</em> & *更多*\n\n段落一\n\n段落二\n\n| a |\n|---|\n| 1 |\n", MEDIA).html
    page = page_body.page_markdown(html)
    blocks = page.split("\n\n")
    assert blocks[0] == "## 基本案情 &amp; 更多"  # escaped text: MkDocs gives it an id
    assert blocks[1] == "<p>段落一</p>" and blocks[2] == "<p>段落二</p>"
    assert blocks[3].startswith('<div class="xz-table" role="region"')
    assert all("\n\n" not in block for block in blocks)


def test_no_blank_line_inside_a_stored_block() -> None:
    """A blank line would end the HTML block and hand the rest to MkDocs as Markdown."""
    html = casebody.render("<pre>第一行\n\n   \n*第三行*</pre>\n", MEDIA).html
    page = page_body.page_markdown(html)
    assert not re.search(r"\n[ \t]*\n", page), page


def test_deep_nesting_is_refused_not_crashing() -> None:
    for text in ("- " * 3000 + "x\n", "> " * 3000 + "x\n", "\n".join("    " * i + "- x" for i in range(60))):
        rendered = casebody.render(text, MEDIA)
        assert rendered.too_deep_line >= 1
        assert "<" not in rendered.html.replace("<p>", "").replace("</p>", "")  # shown as text
    many = "<b>x</b>" * (MAX_TAGS + 10)
    assert casebody.render(many, MEDIA).too_deep_line == 1


def test_traditional_case_keeps_its_image_paths() -> None:
    """A case written in traditional script is carried as a mark; its image path survives."""
    from generator.script import Converter, author_marks
    converter = Converter("s2tw")
    media = casebody.Media(frozenset({"a.png"}), "\ue000../\ue001../../\ue002media/demo/")
    html = casebody.render(author_marks("## 基本案情\n\n圖片：![說明](a.png)\n"), media).html
    segment = converter.in_script(page_body.page_markdown(html), "zh-Hant")
    assert 'src="../media/demo/a.png"' in converter.to_hans(segment)
    assert 'src="../../media/demo/a.png"' in converter.to_hant(segment)
    assert "说明" in converter.to_hans(segment) and "說明" in converter.to_hant(segment)


# --- images ----------------------------------------------------------------------------------

def _jpeg_with_gps(orientation: int = 6) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x013B] = "王某某"  # Artist
    exif[0x8825] = {1: "N", 2: (36.0, 48.0, 12.5), 3: "E", 4: (118.0, 3.0, 1.25)}  # GPS
    out = io.BytesIO()
    Image.new("RGB", (8, 4), (200, 30, 30)).save(out, "JPEG", exif=exif, comment=b"camera owner")
    return out.getvalue()


def test_jpeg_loses_place_and_owner_keeps_orientation_and_picture() -> None:
    from PIL import Image

    original = _jpeg_with_gps() + b"TRAILER Wang Jianguo"  # some phones append data after the end
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test image has GPS
    cleaned = imagemeta.strip(original, ".jpg")
    image = Image.open(io.BytesIO(cleaned))
    exif = image.getexif()
    assert dict(exif) == {0x0112: 6}
    assert not exif.get_ifd(0x8825)
    assert b"camera owner" not in cleaned and "王某某".encode() not in cleaned and b"Wang" not in cleaned
    assert image.size == (8, 4) and image.convert("RGB").getpixel((0, 0))[0] > 150


def test_png_loses_text_chunks() -> None:
    from PIL import Image

    original = fixtures.png(text=b"Author\x00Wang Jianguo")
    cleaned = imagemeta.strip(original, ".png")
    assert b"Wang Jianguo" in original and b"Wang Jianguo" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == (2, 1)


def test_webp_and_gif_lose_metadata() -> None:
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Wang Jianguo"
    webp = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 200, 10)).save(webp, "WEBP", exif=exif)
    assert b"Wang Jianguo" in webp.getvalue()
    cleaned = imagemeta.strip(webp.getvalue(), ".webp")
    assert b"Wang Jianguo" not in cleaned and Image.open(io.BytesIO(cleaned)).size == (4, 4)
    gif = io.BytesIO()
    Image.new("P", (4, 4)).save(gif, "GIF", comment=b"Wang Jianguo")
    assert b"Wang Jianguo" in gif.getvalue()
    cleaned = imagemeta.strip(gif.getvalue(), ".gif")
    assert b"Wang Jianguo" not in cleaned and Image.open(io.BytesIO(cleaned)).size == (4, 4)


@pytest.mark.parametrize("data,suffix", [(b"<html><script>alert(1)</script>", ".jpg"), (fixtures.png()[:30], ".png"),
                                         (b"GIF89a\x01", ".gif"), (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ".webp")])
def test_what_is_not_a_whole_image_is_refused(data: bytes, suffix: str) -> None:
    with pytest.raises((ValueError, IndexError)):
        imagemeta.strip(data, suffix)


# --- the output guard ------------------------------------------------------------------------

SITE_URL = "https://xzzd.example.gov.cn/xzzd/"


@pytest.fixture(scope="module")
def real_page(sample) -> tuple[Path, str]:
    """A case page of the built sample site (it has a table of contents, links, a table)."""
    page = next(iter(sorted((sample.out / "cases").glob("*-*.html"))))
    return sample.out, page.relative_to(sample.out).as_posix()


def guard(site: Path, page: str, text: str) -> str | None:
    return htmlguard.check_page(text, htmlguard._Page(site, page, SITE_URL), set())


def test_guard_accepts_every_page_of_the_sample_site(sample) -> None:
    assert htmlguard.check_site(sample.out, SITE_URL) == []


INJECTIONS = {
    "event-attribute": '<p onclick="alert(1)">x</p>',
    "uppercase-event": '<IMG SRC="../assets/images/favicon.png" ONERROR="alert(1)">',
    "event-without-space": '<img/onerror=alert(1) src=x>',
    "javascript-link": '<a href="javascript:alert(1)">x</a>',
    "tab-split-javascript": '<a href="java&#x09;script:alert(1)">x</a>',
    "entity-javascript": '<a href="&#106;avascript:alert(1)">x</a>',
    "inline-script": "<script>alert(1)</script>",
    "remote-script": '<script src="https://evil.example/x.js"></script>',
    "script-outside-site": '<script src="../../evil.js"></script>',
    "style-element": "<style>body{color:red}</style>",
    "style-attribute": '<p style="color:red">x</p>',
    "remote-image": '<img src="https://img.example.com/p.gif">',
    "protocol-relative-image": '<img src="//img.example.com/p.gif">',
    "svg-data-image": '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "remote-stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "preload": '<link rel="preload" href="../assets/x.css">',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base": '<base href="https://evil.example/">',
    "iframe": '<iframe src="../index.html"></iframe>',
    "object": '<object data="x"></object>',
    "embed": '<embed src="x">',
    "math": "<math><mi>x</mi></math>",
    "comment": "<!-- x -->",
    "cdata": "<![CDATA[x]]>",
    "raw-less-than": "<p>a <b c</p>",
    "tag-in-attribute": '<p title="</noscript><img src=x onerror=alert(1)>">x</p>',
    "svg-remote-paint": '<svg viewBox="0 0 1 1"><rect width="1" height="1" fill="url(https://evil.example/#p)"/></svg>',
    "svg-xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "form-elsewhere": '<form action="https://evil.example/"><button>x</button></form>',
    "form-post": '<form action="../search.html" method="post"><button>x</button></form>',
    "formaction": '<input type="submit" formaction="https://evil.example/">',
    "srcset": '<img src="x.png" srcset="https://evil.example/p.png 2x">',
    "canonical-elsewhere": '<link rel="canonical" href="https://evil.example/">',
}


@pytest.mark.parametrize("what", list(INJECTIONS))
def test_guard_refuses_what_must_never_reach_a_reader(real_page, what: str) -> None:
    site, page = real_page
    text = (site / page).read_text(encoding="utf-8")
    assert guard(site, page, text) is None
    spoiled = text.replace("<h2 ", INJECTIONS[what] + "\n<h2 ", 1)
    assert spoiled != text
    assert guard(site, page, spoiled), what


def test_guard_refuses_a_page_without_the_policy_first(real_page) -> None:
    site, page = real_page
    text = (site / page).read_text(encoding="utf-8")
    policy = re.search(r"\s*<meta http-equiv=[^>]*>", text).group()
    assert guard(site, page, text.replace(policy, "", 1)) == "<head> 中没有 Content-Security-Policy"
    moved = text.replace(policy, "", 1).replace("</head>", policy + "</head>", 1)
    assert guard(site, page, moved) == "Content-Security-Policy 不在页面开头"
    weaker = text.replace("script-src &#39;self&#39;", "script-src &#39;unsafe-inline&#39;", 1)
    assert guard(site, page, weaker).startswith("<meta http-equiv")


def test_guard_refuses_a_title_holding_markup(real_page) -> None:
    site, page = real_page
    text = (site / page).read_text(encoding="utf-8")
    spoiled = re.sub(r"<title>", "<title><img src=x onerror=alert(1)>", text, count=1)
    assert guard(site, page, spoiled)


@pytest.mark.parametrize("body", ["=\n" * 2_000, "[" * 50_000, "第一段。\n\n" + "![" * 30_000, "[[" * 20_000])
def test_a_body_markdown_would_render_in_quadratic_time_is_shown_as_text(body: str) -> None:
    """Blocks of thousands of lines, or thousands of unclosed brackets, made Python-Markdown work
    for minutes; they are refused (E707) and shown as text instead of being rendered."""
    from generator.casebody import sanitize

    rendered = sanitize.render(body)
    assert rendered.too_deep_line >= 1 and rendered.markdown_html == ""
    assert "<p>" in rendered.html
