"""Read YAML the way an editor meant it, and remember where every value came from.

libyaml's parser (PyYAML's C binding) gives the events of the file with line/column marks; this
module turns them into plain Python values itself instead of using PyYAML's composer and
constructors, because those
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

# A real catalog has a few thousand nodes per department (about 50 bytes of file per node, so
# even a catalog at the 8 MB file limit has some 160,000); these bounds stop a hostile or broken
# file (a huge flow list, billion-laughs aliases, absurd nesting) after bounded time and memory:
# each value built costs some 350 bytes with its position and text entries.
MAX_NODES = 400_000
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000  # nodes built again through aliases (editors have no need for them)


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem that stops reading the file. ``kind`` selects the message code."""

    kind: str  # syntax | duplicate_key | tag | nodes | aliases | depth | multiple_documents
    line: int
    col: int
    detail: str = ""


@dataclass
class Parsed:
    data: Any
    positions: dict[Path, tuple[int, int]]  # path -> (line, col), 1-based
    texts: list[tuple[Path, str, int, int, str | None]]  # every string: (path, value, line, col, style)


def parse(text: str) -> Parsed:
    """Parse one YAML document. Raises YamlProblem with a 1-based position."""
    parser = yaml.cyaml.CParser(text)
    parsed = Parsed(None, {}, [])
    try:
        parsed.data = _Builder(parsed).document(parser)
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
        parser.dispose()
    return parsed


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """The parser's own words, without its position lines (we print positions ourselves)."""
    parts = [p for p in (exc.context, exc.problem) if p]
    return "；".join(parts)


# Characters the reader refuses in a file, which a double-quoted escape can still produce (XML
# and so XLSX cannot hold them; tab, line feed and carriage return are allowed).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_SEQUENCE, _MAPPING = yaml.SequenceStartEvent, yaml.MappingStartEvent
_SEQUENCE_END, _MAPPING_END = yaml.SequenceEndEvent, yaml.MappingEndEvent
_ENDS = (_SEQUENCE_END, _MAPPING_END)
_NO_KEY = object()  # a mapping's frame between a value and the next key


class _Frame:
    """A collection being filled: where it is, and for a mapping the key awaiting its value."""

    __slots__ = ("value", "path", "depth", "key", "mapping")

    def __init__(self, value: list | dict, path: Path, depth: int) -> None:
        self.value, self.path, self.depth, self.key = value, path, depth, _NO_KEY
        self.mapping = value.__class__ is dict


class _Builder:
    """Plain values straight from libyaml's event stream, recording where each came from.

    No node tree is built: values are made as events arrive, so the bounds (nodes, depth,
    alias expansions) stop a hostile file after a bounded amount of work and memory instead
    of after the whole tree exists. An anchored part is kept as its list of events and built
    again at each alias. Problems of meaning (duplicate key, tag, escaped control character)
    are reported only once the rest of the document has parsed, because a syntax error there
    is the one to fix first (and was reported first when a composer built the tree).
    """

    def __init__(self, parsed: Parsed) -> None:
        self.positions = parsed.positions
        self.texts = parsed.texts
        self.nodes = 0
        self.alias_nodes = 0
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.anchors: dict[str, tuple[list[yaml.Event], yaml.Mark]] = {}  # anchor -> events, where
        self.recording: list[tuple[str, list[yaml.Event], int]] = []  # open anchors: events, level
        self.replaying = 0
        self.problem: YamlProblem | None = None

    def document(self, parser: yaml.cyaml.CParser) -> Any:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        event = parser.get_event()
        self.feed(event)
        stack, feed, get, positions, texts = self.stack, self.feed, parser.get_event, self.positions, self.texts
        while stack:
            event = get()
            kind = event.__class__
            if self.recording:
                self._record(event)
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                stack.pop()
                continue
            elif kind is _SCALAR and event.anchor is None and event.tag is None:
                # The common events, built here as feed and _key would build them: a mapping's key,
                # and a plain, single- or block-quoted value (not an alias, anchor or tag).
                frame = stack[-1]
                value = event.value
                key = frame.key
                if key is _NO_KEY and frame.mapping:
                    if value not in frame.value:
                        mark = event.start_mark
                        positions[frame.path + (value,)] = (mark.line + 1, mark.column + 1)
                        frame.key = value
                        self.nodes += 1
                        continue
                elif (frame.depth < MAX_DEPTH and self.nodes < MAX_NODES
                      and (event.style != '"' or not _CONTROL.search(value))):
                    self.nodes += 1
                    mark = event.start_mark
                    line, col = mark.line + 1, mark.column + 1
                    if key is _NO_KEY:
                        at = frame.path + (len(frame.value),)
                        positions[at] = (line, col)
                    else:
                        at = frame.path + (key,)
                    style = event.style
                    if not style and (value in _TRUE or value in _FALSE or value in _NULL):
                        built = True if value in _TRUE else False if value in _FALSE else None
                    else:
                        built = value
                        texts.append((at, value, line, col, style))
                    if key is _NO_KEY:
                        frame.value.append(built)
                    else:
                        frame.value[key] = built
                        frame.key = _NO_KEY
                    continue
            feed(event)
            if self.problem is not None:
                self._drain(parser)
                break
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            mark = parser.get_event().start_mark
            raise YamlProblem("multiple_documents", mark.line + 1, mark.column + 1)
        if self.problem is not None:
            raise self.problem
        return self.root

    def feed(self, event: yaml.Event) -> None:
        """Build what one event says; an alias builds its anchor's events again."""
        kind = event.__class__
        if kind in _ENDS:
            self.stack.pop()
            return
        stack = self.stack
        if stack:
            frame = stack[-1]
            key = frame.key
            if key is _NO_KEY:
                if frame.mapping:
                    self._key(frame, event)
                    return
                at = frame.path + (len(frame.value),)
            else:
                at = frame.path + (key,)
            depth = frame.depth + 1
        else:
            frame, at, depth = None, (), 0
        if kind is _ALIAS:
            self._alias(event)
            return
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        self.nodes += 1
        if self.replaying:
            self.alias_nodes += 1
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise YamlProblem("aliases", line, col)
        if self.nodes > MAX_NODES:
            raise YamlProblem("nodes", line, col)
        if depth > MAX_DEPTH:
            raise YamlProblem("depth", line, col)
        if event.tag not in _PLAIN_TAGS:
            self._fail(YamlProblem("tag", line, col, event.tag), event, at, depth)
            return
        if at not in self.positions:
            self.positions[at] = (line, col)
        if kind is _SCALAR:
            value = event.value
            style = event.style
            if not style:  # plain (libyaml reports "", the Python parser None)
                if value in _TRUE:
                    value = True
                elif value in _FALSE:
                    value = False
                elif value in _NULL:
                    value = None
            if value.__class__ is str:
                if style == '"' and _CONTROL.search(value):  # an escape such as "\x01"
                    self.problem = YamlProblem("syntax", line, col, "special characters are not allowed")
                    return
                self.texts.append((at, value, line, col, style))
            if event.anchor is not None and not self.replaying:
                self._define(event.anchor, [event], mark)
        else:
            value = [] if kind is _SEQUENCE else {}
            if event.anchor is not None and not self.replaying:
                self._define(event.anchor, [event], mark)
                self.recording.append((event.anchor, self.anchors[event.anchor][0], len(self.stack) + 1))
            self.stack.append(_Frame(value, at, depth))
        if frame is None:
            self.root = value
        elif frame.key is _NO_KEY:
            frame.value.append(value)
        else:
            frame.value[frame.key] = value
            frame.key = _NO_KEY

    def _key(self, frame: _Frame, event: yaml.Event) -> None:
        first = event
        if event.__class__ is _ALIAS:
            first = self._anchored(event)[0][0]
        mark = first.start_mark
        if first.__class__ is not _SCALAR:
            self._fail(YamlProblem("syntax", mark.line + 1, mark.column + 1, "mapping key is not a scalar"),
                       event, frame.path, frame.depth + 1)
            return
        self.nodes += 1
        key = first.value
        at = frame.path + (key,)
        if key in frame.value:
            self.problem = YamlProblem("duplicate_key", mark.line + 1, mark.column + 1,
                                       f"{key}\x00{self.positions[at][0]}")
            return
        self.positions[at] = (mark.line + 1, mark.column + 1)
        frame.key = key
        if event.anchor is not None and not self.replaying and event.__class__ is _SCALAR:
            self._define(event.anchor, [event], mark)

    def _alias(self, event: yaml.AliasEvent) -> None:
        events, mark = self._anchored(event)
        if any(anchor == event.anchor for anchor, _, _ in self.recording):  # an alias inside itself
            raise YamlProblem("depth", mark.line + 1, mark.column + 1)
        self.replaying += 1
        level = len(self.stack)
        try:
            for replayed in events:
                self.feed(replayed)
                if self.problem is not None:
                    del self.stack[level:]  # the rest is drained as the file's own events
                    return
        finally:
            self.replaying -= 1

    def _anchored(self, event: yaml.AliasEvent) -> tuple[list[yaml.Event], yaml.Mark]:
        if event.anchor not in self.anchors:
            mark = event.start_mark
            raise YamlProblem("syntax", mark.line + 1, mark.column + 1, "found undefined alias")
        return self.anchors[event.anchor]

    def _define(self, anchor: str, events: list[yaml.Event], mark: yaml.Mark) -> None:
        if anchor in self.anchors:
            raise YamlProblem("syntax", mark.line + 1, mark.column + 1,
                              "found duplicate anchor; first occurrence；second occurrence")
        self.anchors[anchor] = (events, mark)

    def _fail(self, problem: YamlProblem, event: yaml.Event, at: Path, depth: int) -> None:
        """Remember ``problem`` and stop building; a collection it starts still needs its end."""
        self.problem = problem
        if event.__class__ is _SEQUENCE or event.__class__ is _MAPPING:
            self.stack.append(_Frame([], at, depth))

    def _record(self, event: yaml.Event) -> None:
        """Keep ``event`` in every anchored collection still open; close those it ends."""
        for _, events, _ in self.recording:
            events.append(event)
        if event.__class__ in _ENDS:
            level = len(self.stack)
            while self.recording and self.recording[-1][2] == level:
                self.recording.pop()

    def _drain(self, parser: yaml.cyaml.CParser) -> None:
        """Parse the rest of the document without building it: a syntax error, an undefined
        alias or a duplicate anchor there comes before the problem already found."""
        depth = len(self.stack)
        while depth:
            event = parser.get_event()
            kind = event.__class__
            if kind in _ENDS:
                depth -= 1
            elif kind is _ALIAS:
                self._anchored(event)
            else:
                if event.anchor is not None:
                    self._define(event.anchor, [], event.start_mark)
                if kind is _SEQUENCE or kind is _MAPPING:
                    depth += 1
