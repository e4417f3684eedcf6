"""The registries of ``content/data/``: units, blocs, award types, categories,
event types. Articles refer to their entries by id."""

import difflib
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, PositiveInt, ValidationError

from . import urls
from .messages import format_loc, translate_errors
from .problems import Report
from .records import Id, Record, Text
from .source import LineMap, SourceError, decode_text, parse_yaml
from .text import match_key, vi_sort_key

UnitKind = Literal["ban-quan-ly-kcn", "bo", "vu", "ubnd", "phong", "khac"]
UNIT_KIND_NAMES: dict[str, str] = {
    "ban-quan-ly-kcn": "Ban Quản lý các khu công nghiệp",
    "bo": "Bộ",
    "vu": "Vụ, cục thuộc bộ",
    "ubnd": "Ủy ban nhân dân",
    "phong": "Phòng, ban",
    "khac": "Cơ quan, tổ chức khác",
}
AWARD_LEVEL_NAMES: dict[str, str] = {
    "nha-nuoc": "Nhà nước",
    "chinh-phu": "Chính phủ",
    "bo-tinh": "Bộ, ngành, tỉnh",
    "co-so": "Cơ sở",
}
AWARD_KIND_NAMES: dict[str, str] = {
    "danh-hieu": "Danh hiệu thi đua",
    "hinh-thuc": "Hình thức khen thưởng",
}


class Unit(Record):
    id: Id
    name: Text
    short_name: Text | None = None
    aliases: tuple[Text, ...] = ()
    kind: UnitKind
    province: Text | None = None
    parent: Id | None = None
    website: Text | None = None
    since: int | None = None
    until: int | None = None
    successor: Id | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def kind_name(self) -> str:
        return UNIT_KIND_NAMES[self.kind]

    @property
    def address(self) -> urls.Address:
        return urls.unit(self.id)


class BlocMember(Record):
    unit: Id
    since: int | None = None
    until: int | None = None

    def active_in(self, year: int) -> bool:
        return (self.since or year) <= year <= (self.until or year)


class Bloc(Record):
    id: Id
    name: Text
    short_name: Text | None = None
    organizer: Id | None = None
    members: tuple[BlocMember, ...] = ()

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def address(self) -> urls.Address:
        return urls.bloc(self.id)


class AwardType(Record):
    id: Id
    name: Text
    kind: Literal["danh-hieu", "hinh-thuc"]
    level: Literal["nha-nuoc", "chinh-phu", "bo-tinh", "co-so"]
    recipients: tuple[Literal["tap-the", "ca-nhan"], ...] = Field(min_length=1)
    rank: int
    description: Text | None = None

    @property
    def for_units(self) -> bool:
        return "tap-the" in self.recipients

    @property
    def for_people(self) -> bool:
        return "ca-nhan" in self.recipients

    @property
    def level_name(self) -> str:
        return AWARD_LEVEL_NAMES[self.level]

    @property
    def kind_name(self) -> str:
        return AWARD_KIND_NAMES[self.kind]

    @property
    def address(self) -> urls.Address:
        return urls.award_type(self.id)


class Category(Record):
    id: Id
    name: Text
    description: Text | None = None
    order: PositiveInt = 100

    @property
    def address(self) -> urls.Address:
        return urls.category(self.id)


class EventType(Record):
    id: Id
    name: Text


R = TypeVar("R", bound=Record)


def _suggestions(value: str, ids: list[str]) -> list[str]:
    """Ids that look like ``value``: similar spelling, or containing it."""
    similar = difflib.get_close_matches(value, ids, n=3)
    containing = [i for i in ids if value and value in i and i not in similar]
    return (similar + containing)[:3]


@dataclass(frozen=True)
class Table(Mapping[str, R]):
    """One registry: its entries by id, with the file name used in messages."""

    label: str
    path: str
    entries: dict[str, R]

    def __getitem__(self, key: str) -> R:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def unknown(self, value: object) -> str:
        """Vietnamese message for an id that is not in this registry."""
        message = f'không có {self.label} "{value}" trong {self.path}'
        close = _suggestions(str(value), list(self.entries))
        if close:
            return message + " — có phải " + " hay ".join(f'"{c}"' for c in close) + "?"
        return message


@dataclass(frozen=True)
class Registries:
    units: Table[Unit]
    blocs: Table[Bloc]
    awards: Table[AwardType]
    categories: Table[Category]
    event_types: Table[EventType]
    unit_names: dict[str, str]
    """match_key of every unit id, name, short name and alias → unit id."""
    digest: str
    """sha256 of the registry files as read: what a cached document depends on."""

    def find_unit(self, value: str) -> Unit | None:
        """A unit by id, or by name or alias whatever the case or tone placement."""
        if value in self.units:
            return self.units[value]
        unit_id = self.unit_names.get(match_key(value))
        return self.units[unit_id] if unit_id else None

    def units_sorted(self) -> list[Unit]:
        return sorted(self.units.values(), key=lambda u: vi_sort_key(u.name))


REGISTRY_FILES: dict[str, tuple[str, str, type[Record]]] = {
    "units": ("units.yml", "đơn vị", Unit),
    "blocs": ("blocs.yml", "khối thi đua", Bloc),
    "awards": ("awards.yml", "loại khen thưởng", AwardType),
    "categories": ("categories.yml", "chuyên mục", Category),
    "event_types": ("event-types.yml", "loại sự kiện", EventType),
}


@dataclass(frozen=True)
class _Loaded:
    """A registry file's valid entries, where each was written, and its lines."""

    entries: dict[str, Record]
    positions: dict[str, int]
    lines: LineMap


_UNREADABLE = _Loaded({}, {}, LineMap({}))


def load_registries(data_dir: Path, root: Path, report: Report) -> Registries:
    """Load and validate every registry, reporting problems instead of raising."""
    tables: dict[str, Table] = {}
    loaded: dict[str, _Loaded] = {}
    digest = hashlib.sha256()
    for name, (filename, label, model) in REGISTRY_FILES.items():
        path = data_dir / filename
        shown = _shown(path, root)
        raw = _read(path)
        digest.update(_framed(shown, raw))
        loaded[name] = _load_table(raw, shown, model, report)
        tables[name] = Table(label, shown, loaded[name].entries)
    registries = Registries(
        unit_names=_unit_name_index(tables["units"]), digest=digest.hexdigest(), **tables
    )
    _check_references(registries, loaded, report)
    return registries


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None if it is missing."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _framed(shown: str, raw: bytes | None) -> bytes:
    """Name, length and bytes, for a digest: a missing file differs from an empty one."""
    return f"{shown}\0{-1 if raw is None else len(raw)}\0".encode() + (raw or b"")


def _load_table(raw: bytes | None, shown: str, model: type[Record], report: Report) -> _Loaded:
    if raw is None:
        report.error(shown, 1, "", "thiếu tệp danh mục này")
        return _UNREADABLE
    try:
        document = parse_yaml(decode_text(raw))
    except SourceError as exc:
        report.error(shown, exc.line, "", exc.message)
        return _UNREADABLE
    data = document.data if document.data is not None else []
    if not isinstance(data, list):
        report.error(shown, 1, "", "danh mục phải là một danh sách (mỗi mục bắt đầu bằng '- ')")
        return _UNREADABLE
    loaded = _Loaded({}, {}, document.lines)
    for index, item in enumerate(data):
        try:
            entry = model.model_validate(item)
        except ValidationError as exc:
            for loc, message in translate_errors(exc):
                loc = (index, *loc)
                report.error(shown, document.lines.line(loc), format_loc(loc), message)
            continue
        if entry.id in loaded.entries:
            report.error(
                shown,
                document.lines.line((index, "id")),
                f"[{index}].id",
                f'mã "{entry.id}" bị trùng — mỗi mục cần một id riêng',
            )
            continue
        loaded.entries[entry.id] = entry
        loaded.positions[entry.id] = index
    return loaded


def _unit_name_index(units: Table[Unit]) -> dict[str, str]:
    index: dict[str, str] = {}
    for unit in units.values():
        for name in (unit.id, unit.name, unit.short_name, *unit.aliases):
            if name:
                index.setdefault(match_key(name), unit.id)
    return index


def _unit_references(entry: Record) -> list[tuple[tuple, str | None]]:
    """(location, unit id) of every unit a registry entry names."""
    if isinstance(entry, Unit):
        return [(("parent",), entry.parent), (("successor",), entry.successor)]
    if isinstance(entry, Bloc):
        return [(("organizer",), entry.organizer)] + [
            (("members", i, "unit"), m.unit) for i, m in enumerate(entry.members)
        ]
    return []


def _check_references(registries: Registries, loaded: dict[str, _Loaded], report: Report) -> None:
    """Ids that registry entries use for other entries must exist."""
    units = registries.units
    for table_name in ("units", "blocs"):
        table: Table = getattr(registries, table_name)
        source = loaded[table_name]
        for entry_id, entry in source.entries.items():
            for loc, value in _unit_references(entry):
                if value is not None and value not in units:
                    full = (source.positions[entry_id], *loc)
                    report.error(
                        table.path, source.lines.line(full), format_loc(full), units.unknown(value)
                    )
