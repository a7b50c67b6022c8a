"""Read YAML the way an editor meant it, and remember where every value came from.

PyYAML's C parser builds the node tree (fast, with line/column marks); this module then turns
nodes into plain Python values itself instead of using PyYAML's constructors, because those
apply YAML 1.1 typing: ``0533`` becomes the octal number 347, ``NO`` becomes False and
``2024-03-01`` a date object. Here every plain scalar stays the text that was typed, except
``true``/``false`` and the empty value (YAML 1.2 core), so nothing is ever silently changed.
Duplicate keys, unknown tags and runaway alias expansion are reported instead of ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]

_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
    None,
}

# A real catalog has a few thousand nodes per department; these bounds stop a hostile or
# broken file (billion-laughs aliases, absurd nesting) from exhausting memory or time.
MAX_NODES = 2_000_000
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000  # nodes built again through aliases (editors have no need for them)


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem that stops reading the file. ``kind`` selects the message code."""

    kind: str  # syntax | duplicate_key | tag | aliases | depth | multiple_documents
    line: int
    col: int
    detail: str = ""


@dataclass
class Parsed:
    data: Any
    positions: dict[Path, tuple[int, int]]  # path -> (line, col), 1-based
    texts: list[tuple[Path, str, int, int, str | None]]  # every string: (path, value, line, col, style)


class _Loader(yaml.CBaseLoader):
    """libyaml's parser and composer with no implicit typing: every scalar is tagged str.

    BaseResolver already does no typing, but walks its (empty) resolver tables for each of
    the half-million nodes of a large catalog; answering directly saves a tenth of the check.
    """

    _TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
             yaml.MappingNode: "tag:yaml.org,2002:map"}

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return self._TAGS[kind]


def parse(text: str) -> Parsed:
    """Parse one YAML document. Raises YamlProblem with a 1-based position."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                mark = exc.problem_mark
                raise YamlProblem("multiple_documents", mark.line + 1, mark.column + 1) from None
            raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # An unclosed quote or bracket is only noticed at the end of the file; the place to fix
        # is where it was opened.
        if exc.context_mark and ("end of stream" in (exc.problem or "")
                                 or "flow" in (exc.context or "") or "quoted" in (exc.context or "")):
            mark = exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlProblem("syntax", line, col, _describe(exc)) from None
    except yaml.reader.ReaderError as exc:  # control characters and the like
        data = text.encode("utf-8")  # libyaml reports a byte offset into the UTF-8 text
        line = data.count(b"\n", 0, exc.position) + 1
        col = len(data[data.rfind(b"\n", 0, exc.position) + 1:exc.position].decode("utf-8", "replace")) + 1
        raise YamlProblem("syntax", line, col, "special characters are not allowed") from None
    except yaml.YAMLError as exc:
        raise YamlProblem("syntax", 0, 0, str(exc).splitlines()[0]) from None
    finally:
        loader.dispose()
    parsed = Parsed(None, {}, [])
    if node is not None:
        parsed.data = _Builder(parsed, "&" in text).build(node, (), 0)
    return parsed


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """The parser's own words, without its position lines (we print positions ourselves)."""
    parts = [p for p in (exc.context, exc.problem) if p]
    return "；".join(parts)


# Characters the reader refuses in a file, which a double-quoted escape can still produce (XML
# and so XLSX cannot hold them; tab, line feed and carriage return are allowed).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class _Builder:
    """Plain values from the node tree, recording where each came from, within the bounds."""

    def __init__(self, parsed: Parsed, shared: bool) -> None:
        self.positions = parsed.positions
        self.texts = parsed.texts
        # Only a text with an anchor ("&") can have a node built twice (through an alias) or a
        # node inside itself; without one, tracking every node's identity is skipped.
        self.shared = shared
        self.nodes = 0
        self.alias_nodes = 0
        self.built: set[int] = set()
        self.open: set[int] = set()

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if self.shared:
            if id(node) in self.built:
                self.alias_nodes += 1
            self.built.add(id(node))
        if self.nodes > MAX_NODES or self.alias_nodes > MAX_ALIAS_NODES:
            raise YamlProblem("aliases", line, col)
        if depth > MAX_DEPTH or self.shared and id(node) in self.open:
            raise YamlProblem("depth", line, col)
        if node.tag not in _PLAIN_TAGS:
            raise YamlProblem("tag", line, col, node.tag)
        if path not in self.positions:
            self.positions[path] = (line, col)
        if isinstance(node, yaml.ScalarNode):
            value = node.value
            if not node.style:  # plain (libyaml reports "", the Python parser None)
                if value in _TRUE:
                    return True
                if value in _FALSE:
                    return False
                if value in _NULL:
                    return None
            if node.style == '"' and _CONTROL.search(value):  # an escape such as "\x01"
                raise YamlProblem("syntax", line, col, "special characters are not allowed")
            self.texts.append((path, value, line, col, node.style))
            return value
        if not self.shared:
            return self._children(node, path, depth)
        self.open.add(id(node))
        try:
            return self._children(node, path, depth)
        finally:
            self.open.discard(id(node))

    def _children(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("syntax", mark.line + 1, mark.column + 1, "mapping key is not a scalar")
            key = key_node.value
            at = path + (key,)
            if key in result:
                raise YamlProblem("duplicate_key", mark.line + 1, mark.column + 1,
                                  f"{key}\x00{self.positions[at][0]}")
            self.positions[at] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, at, depth + 1)
        return result
