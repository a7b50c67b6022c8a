"""What the sanitizer removed from a body, each with its reason and where it was written.

Both the HTML Markdown wrote and the sanitized HTML are read as sequences of start tags;
aligning them shows every element the sanitizer dropped and every attribute it took off an
element it kept (the sanitizer only ever removes, and adds the ``rel`` of links). Each removal
is then found in the body's own text — by the URL it held, the attribute's name, or the tag —
searching forward from the previous one, since both follow the text's order. A reference-style
link is found at its definition, which is where the editor must change it.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

from ..messages import current as msg
from . import policy
from .sanitize import Rendered

# Attributes the sanitizer writes itself; an attribute whose value it rewrote is kept.
_ADDED = frozenset({"rel"})
_ENTITY_OR_ESCAPE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?|\\[!-/:-@\[-`{-~]")


@dataclass(frozen=True)
class Removal:
    offset: int  # in the body text
    code: str
    what: str


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})


class _StartTags(HTMLParser):
    """Start tags in order, each with its attributes and the index of its parent element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.parents: list[int] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parents.append(self._open[-1] if self._open else -1)
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in _VOID:
            self._open.append(len(self.tags) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parents.append(self._open[-1] if self._open else -1)
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self.tags[self._open[depth]][0] == tag:
                del self._open[depth:]
                break


def _start_tags(markup: str) -> _StartTags:
    parser = _StartTags()
    parser.feed(markup)
    parser.close()
    return parser


def removals(text: str, rendered: Rendered) -> list[Removal]:
    """Every removal, in the order of the text."""
    if not rendered.markdown_html or rendered.markdown_html == rendered.html:
        return []
    before = _start_tags(rendered.markdown_html)
    after = _start_tags(rendered.html).tags
    found: list[tuple[policy.Reason, tuple[str, ...]]] = []
    dropped: set[int] = set()  # elements removed with what is inside them reported
    matcher = SequenceMatcher(None, [t for t, _ in before.tags], [t for t, _ in after], autojunk=False)
    for op, b1, b2, a1, _ in matcher.get_opcodes():
        if op == "equal":
            for (tag, old), (_, new) in zip(before.tags[b1:b2], after[a1:a1 + b2 - b1]):
                for name, value in old.items():
                    if name in _ADDED:
                        continue
                    if name not in new:
                        reason = policy.reason_for_attribute(tag, name, value)
                        # Markdown writes href and src from ](…): only the value is in the text.
                        where = (value, f"{name}=") if name in ("href", "src") else (f"{name}=", value)
                        found.append((reason, (*where, f"<{tag}")))
                    elif name == "class" and set(value.split()) - set(new[name].split()):
                        found.append((policy.Reason("E703", msg.MARKUP_WHAT["class"].format(tag=tag, value=value)),
                                      (value, f"<{tag}")))
        elif op in ("delete", "replace"):
            for index in range(b1, b2):
                tag, attrs = before.tags[index]
                if tag in policy.TAGS:
                    continue  # kept, but moved by the parser's repair of broken markup
                if _inside(before.parents, index, dropped):
                    dropped.add(index)
                    continue
                reason = policy.reason_for_tag(tag, attrs)
                if reason.code == "E701":
                    dropped.add(index)
                found.append((reason, (f"<{tag}", *attrs.values())))
    return _locate(text, found)


def _inside(parents: list[int], index: int, dropped: set[int]) -> bool:
    parent = parents[index]
    while parent >= 0:
        if parent in dropped:
            return True
        parent = parents[parent]
    return False


def _locate(text: str, found: list[tuple[policy.Reason, tuple[str, ...]]]) -> list[Removal]:
    view = _DecodedView(text)
    out, cursor = [], 0
    for reason, needles in found:
        offset, end = view.find(needles, cursor)
        if offset >= 0:
            cursor = end  # the next removal is written after this one
        out.append(Removal(max(offset, 0), reason.code, reason.what))
    return out


class _DecodedView:
    """The body as the HTML parser reads it (entities and Markdown escapes decoded, lower
    case), with the offset in the body of every character, so a decoded value is found where
    it was written however it was encoded."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        offsets: list[int] = []
        last = 0
        for match in _ENTITY_OR_ESCAPE.finditer(text):
            chars.append(text[last:match.start()])
            offsets.extend(range(last, match.start()))
            token = match.group()
            decoded = token[1] if token.startswith("\\") else html.unescape(token)
            chars.append(decoded)
            offsets.extend([match.start()] * len(decoded))
            last = match.end()
        chars.append(text[last:])
        offsets.extend(range(last, len(text)))
        self.text = "".join(chars).lower()
        self.offsets = offsets

    def find(self, needles: tuple[str, ...], cursor: int) -> tuple[int, int]:
        """Where the first needle that occurs is written (start, end in the body): after
        ``cursor`` if it is there; (-1, -1) if nowhere."""
        start = bisect_left(self.offsets, cursor)
        for needle in needles:
            needle = needle.strip().lower()
            if len(needle) < 2:
                continue
            for begin in (start, 0):
                position = self.text.find(needle, begin)
                if position >= 0:
                    return self.offsets[position], self.offsets[position + len(needle) - 1] + 1
        return -1, -1
