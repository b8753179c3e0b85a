"""Split a content file into YAML front matter and body, keeping line numbers.

The YAML is loaded with a deliberately small schema (close to YAML 1.2's core
schema): ``yes``/``no``/``on``/``off`` and dates stay strings, because the
content format wants strings there and YAML 1.1 would silently turn
``country: NO`` into ``False`` and ``date: 2017-08`` into nonsense. Duplicate
keys are errors instead of last-one-wins. Every mapping and list remembers the
line of each of its entries so that validation can point at ``path:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

try:  # libyaml's parser is several times faster; the constructor stays ours.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader

MAX_FILE_BYTES = 5 * 1024 * 1024


class FrontMatterError(ValueError):
    """A file that cannot be read as front matter + body."""

    def __init__(self, message: str, line: int | None = None, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field


class LineDict(dict):
    """A mapping that knows the source line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the source line of itself and of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Resolver(yaml.resolver.BaseResolver):
    pass


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# No leading zeros: "007" or "08" stay text, so an id or a code keeps its digits.
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class SourceInt(int):
    """A number that remembers how it was written, for fields that want text."""

    source: str


class SourceFloat(float):
    source: str


_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _Loader(_BaseLoader):
    # PyYAML's resolver also supports path-based resolvers, which front matter never
    # uses; these lean versions decide a scalar's type from its first character only.
    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind, value, implicit):
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, pattern in SITE_RESOLVERS.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP


# CSafeLoader mixes in the YAML 1.1 resolver; put ours first in the lookup.
SITE_RESOLVERS = _Resolver.yaml_implicit_resolvers
_Loader.yaml_implicit_resolvers = SITE_RESOLVERS


_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def _number(text: str) -> SourceInt | SourceFloat:
    if text.lower() in _SPECIAL_FLOATS:
        result = SourceFloat(_SPECIAL_FLOATS[text.lower()])
    elif any(c in text for c in ".eE") and not text.startswith(("0x", "0o")):
        result = SourceFloat(float(text))
    else:
        base = {"0o": 8, "0x": 16}.get(text[:2], 10)
        result = SourceInt(int(text[2:] if base != 10 else text, base))
    result.source = text
    return result


def _unknown_tag(node: yaml.Node) -> FrontMatterError:
    return FrontMatterError(
        f"invalid YAML: could not determine a constructor for the tag {node.tag!r}", node.start_mark.line + 1
    )


class _Builder:
    """Values from the composed YAML nodes, with the line of every entry.

    Building from the nodes directly (rather than through PyYAML's generic
    constructor) keeps reading fast, and makes the rules plain: text, numbers,
    true/false, null, mappings with text keys, lists — anything else is refused.
    """

    def __init__(self, anchored: bool) -> None:
        # Only a document with anchors can have aliases, which make one node appear
        # in several places; most front matter has none and skips the bookkeeping.
        self.anchored = anchored
        self.done: dict[int, object] = {}  # aliases share their value: no exponential blow-up
        self.open: set[int] = set()  # nodes being built: an alias to one of them is a loop

    def build(self, node: yaml.Node):
        cls = node.__class__
        if cls is _ScalarNode:
            return node.value if node.tag == _STR else _scalar(node)
        if not self.anchored:
            return self._collection(node)
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.open:
            raise FrontMatterError("a YAML alias refers to itself", node.start_mark.line + 1)
        self.open.add(key)
        result = self._collection(node)
        self.open.discard(key)
        self.done[key] = result
        return result

    def _collection(self, node: yaml.Node) -> LineDict | LineList:
        if node.__class__ is _MappingNode and node.tag == _MAP:
            return self._mapping(node)
        if node.__class__ is _SequenceNode and node.tag == _SEQ:
            result = LineList()
            lines = result.item_lines = []
            for child in node.value:
                # Text is most of what front matter holds: take it without a call.
                result.append(
                    child.value if child.__class__ is _ScalarNode and child.tag == _STR else self.build(child)
                )
                lines.append(child.start_mark.line + 1)
            result.line = node.start_mark.line + 1
            return result
        raise _unknown_tag(node)

    def _mapping(self, node: yaml.MappingNode) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        key_lines = result.key_lines = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.__class__ is _ScalarNode and key_node.tag == _STR else self.build(key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                kind = "a list" if isinstance(key, list) else type(key).__name__
                raise FrontMatterError(f"keys must be text, not {kind} ({key!r})", line)
            if key in key_lines:
                raise FrontMatterError(f"duplicate key '{key}' (first given on line {key_lines[key]})", line, key)
            if value_node.__class__ is _ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node)
            key_lines[key] = line
        return result


def _scalar(node: yaml.ScalarNode):
    """A scalar that is not text (text is taken where it is met, in :class:`_Builder`)."""
    tag = node.tag
    if tag in (_INT, _FLOAT):
        return _number(node.value)
    if tag == _BOOL:
        return node.value.lower() == "true"
    if tag == _NULL:
        return None
    raise _unknown_tag(node)


@dataclass
class SplitFile:
    """A content file's front matter (as line-aware values) and its body."""

    meta: LineDict
    body: str
    body_line: int
    front_matter: str = ""  # the block's text, as read


def decode(raw: bytes) -> str:
    """Decode a content file's bytes, refusing what is not UTF-8 text."""
    if not raw.strip():
        raise FrontMatterError("the file is empty", 1)
    if len(raw) > MAX_FILE_BYTES:
        raise FrontMatterError(f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}", 1)
    if b"\x00" in raw[:8192]:
        raise FrontMatterError("the file is binary, not text", raw.count(b"\n", 0, raw.index(b"\x00")) + 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FrontMatterError(
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at line {line}); save it as UTF-8", line
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> SplitFile:
    """Separate the ``---`` front matter block from the body and load it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("the file does not start with a '---' front matter block", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            closing = index
            break
    else:
        raise FrontMatterError("the front matter block opened on line 1 is never closed with '---'", 1)
    header = "\n" * 1 + "\n".join(lines[1:closing])
    meta = load_yaml(header)
    if meta is None:
        raise FrontMatterError("the front matter block is empty", 1)
    if not isinstance(meta, LineDict):
        kind = "a list" if isinstance(meta, list) else f"a single value ({meta!r})"
        raise FrontMatterError(f"the front matter must be a mapping of fields, not {kind}", 2)
    body = "\n".join(lines[closing + 1 :])
    return SplitFile(meta, body, closing + 2, header)


def load_yaml(text: str):
    """Load YAML with our schema; errors carry the 1-based line in ``text``."""
    if "\t" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                raise FrontMatterError("tab used for indentation; YAML needs spaces", number)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder("&" in text).build(node)
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at_end = mark is not None and mark.index >= len(text.rstrip())
        if error.context_mark and at_end:
            mark = error.context_mark  # where the unclosed quote or bracket began
        line = mark.line + 1 if mark else None
        problem = error.problem or "invalid YAML"
        context = f" {error.context}" if error.context else ""
        raise FrontMatterError(f"invalid YAML: {problem}{context}", line) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(f"invalid YAML: {error}", None) from None
    finally:
        loader.dispose()
