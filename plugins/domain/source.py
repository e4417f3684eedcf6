"""Reading an editor's file: encoding, NFC, front matter, and YAML with line numbers.

The YAML is composed into nodes first so that every value keeps the line it was
written on; validation errors then point at that line.
"""

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe YAML that leaves dates as written: ``plugins.domain.dates`` reads
    them, day-first forms included, with messages an editor understands."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }


Loc = tuple[str | int, ...]


class SourceError(Exception):
    """A file that cannot be read at all; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class LineMap:
    """1-based line of every value (and mapping) in a YAML document, by path."""

    lines: dict[Loc, int]
    offset: int = 0

    def line(self, loc: Loc) -> int:
        """The line of ``loc`` or of its nearest written ancestor."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc, 1) + self.offset


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: LineMap


@dataclass(frozen=True)
class FrontMatterDocument:
    front: YamlDocument
    body: str
    body_line: int
    front_text: str
    """The YAML between the ``---`` lines, as read (NFC)."""

    @property
    def front_digest(self) -> str:
        return _sha256(self.front_text)

    @property
    def body_digest(self) -> str:
        return _sha256(self.body)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


_ENCODING_GUESSES = (
    ("utf-16", "UTF-16"),
    ("cp1258", "Windows-1258 (tiếng Việt cũ của Windows)"),
    ("cp1252", "Windows-1252"),
)


def read_text(path: Path) -> str:
    """UTF-8 text in NFC; a file in another encoding is a :class:`SourceError`."""
    return decode_text(path.read_bytes())


def decode_text(raw: bytes) -> str:
    """:func:`read_text` of bytes already read."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            line,
            f"tệp không phải UTF-8 (có vẻ là {_guess_encoding(raw)}) — hãy lưu"
            " lại tệp với bảng mã UTF-8",
        ) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


def _guess_encoding(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    for codec, label in _ENCODING_GUESSES[1:]:
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return label
    return "một bảng mã khác"


def parse_yaml(text: str, *, offset: int = 0) -> YamlDocument:
    """Parse YAML, keeping lines; ``offset`` is added to every reported line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 1 if mark else 1) + offset
        raise SourceError(line, _explain_yaml(exc.problem or "")) from None
    if node is None:
        return YamlDocument(None, LineMap({(): 1}, offset))
    lines: dict[Loc, int] = {}
    try:
        data = _construct(node, (), lines, yaml.constructor.SafeConstructor())
    except SourceError as exc:
        raise SourceError(exc.line + offset, exc.message) from None
    return YamlDocument(data, LineMap(lines, offset))


_YAML_PROBLEMS = (
    (
        "mapping values are not allowed",
        "có dấu ':' đặt sai chỗ — nếu giá trị chứa dấu ':', hãy đặt cả giá trị trong ngoặc kép",
    ),
    ("found character '\\t'", "có ký tự tab — hãy thụt lề bằng dấu cách"),
    (
        "did not find expected",
        "thiếu dấu đóng ngoặc ] hoặc }, dấu phẩy, hoặc thụt lề chưa đều",
    ),
    (
        "found undefined alias",
        "dấu '*' ở đầu giá trị — hãy đặt giá trị trong ngoặc kép",
    ),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
)


def _explain_yaml(problem: str) -> str:
    for needle, explanation in _YAML_PROBLEMS:
        if needle in problem:
            return f"YAML không hợp lệ: {explanation}"
    return f"YAML không hợp lệ ({problem or 'lỗi cú pháp'}) — kiểm tra thụt lề và dấu ':'"


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _construct(node: yaml.Node, loc: Loc, lines: dict[Loc, int], constructor) -> Any:
    """The value of ``node``, recording the line of it and of everything in it.

    Plain strings, mappings and lists (nearly all front matter) are built here
    in the same walk that records lines, which is much faster than PyYAML's
    constructor; anything else (numbers, booleans, tags, merge keys) is left to
    that constructor, so the values are the same as ``yaml.safe_load`` gives.
    """
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        lines[loc] = node.start_mark.line + 1
        return node.value
    plain_map = isinstance(node, yaml.MappingNode) and node.tag == _MAP
    if plain_map and all(k.tag == _STR for k, _ in node.value):
        lines[loc] = node.start_mark.line + 1
        mapping = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if (*loc, key) in lines:
                raise _written_twice(key_node)
            mapping[key] = _construct(value_node, (*loc, key), lines, constructor)
            lines[(*loc, key)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        lines[loc] = node.start_mark.line + 1
        return [
            _construct(item, (*loc, index), lines, constructor)
            for index, item in enumerate(node.value)
        ]
    _collect_lines(node, loc, lines)
    return constructor.construct_object(node, deep=True)


def _written_twice(key_node: yaml.Node) -> SourceError:
    return SourceError(
        key_node.start_mark.line + 1,
        f'trường "{key_node.value}" được ghi hai lần — xóa một trong hai dòng',
    )


def _collect_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if (*loc, key) in lines:
                raise _written_twice(key_node)
            _collect_lines(value_node, (*loc, key), lines)
            lines[(*loc, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*loc, index), lines)


def split_front_matter(text: str) -> FrontMatterDocument:
    """Split ``---`` YAML front matter from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(
            1,
            "thiếu phần khai báo đầu bài (front matter) — tệp phải bắt đầu bằng dòng '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            front = parse_yaml(yaml_text, offset=1)
            return FrontMatterDocument(front, body, index + 2, yaml_text)
    raise SourceError(1, "phần khai báo đầu bài chưa được đóng — thêm dòng '---' sau nó")
