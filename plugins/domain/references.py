"""Field types that resolve what an editor wrote into registry records and files.

They read a :class:`Scope` from pydantic's validation context, so one
``model_validate`` call checks the structure *and* every id, date and image of
an article, collecting all errors with their locations.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from .dates import DateError, parse_date, parse_datetime
from .images import ImageFileError, open_image
from .records import Record
from .registries import AwardType, Bloc, Category, EventType, Registries, Unit

IMAGE_FOLDER = "images"


class FileStamp(NamedTuple):
    """A file as written, where it resolves to, and its ``stat`` (None if missing)."""

    path: str
    resolved: str
    stat: tuple[int, ...] | None


def file_stamp(path: Path) -> FileStamp:
    """Taken before the file is read: a change made while it is read changes the stamp."""
    resolved = path.resolve()
    try:
        st = resolved.stat()
    except OSError:
        return FileStamp(str(path), str(resolved), None)
    identity = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    return FileStamp(str(path), str(resolved), identity)


@dataclass(frozen=True)
class Scope:
    """What validating one document needs besides the document."""

    registries: Registries
    content_root: Path
    document_dir: Path
    looked_at: list[FileStamp] = field(default_factory=list, compare=False)
    """Every file validation looked for, found or not: a cached result depends on them."""


def field_error(at: tuple[str | int, ...], message: str) -> PydanticCustomError:
    """An error raised by a model-level check but located at field ``at``."""
    return PydanticCustomError("content", message, {"at": at})


def _scope(info: ValidationInfo) -> Scope:
    return info.context


def _id_string(value: Any, label: str) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "content", f'cần mã {label} (một chữ như "thai-nguyen"), đang ghi "{value}"'
        )
    return value


def _resolve_unit(value: Any, info: ValidationInfo) -> Unit:
    registries = _scope(info).registries
    text = _id_string(value, "đơn vị")
    unit = registries.find_unit(text)
    if unit is None:
        raise PydanticCustomError("content", registries.units.unknown(text))
    return unit


def _table_resolver(attribute: str):
    def resolve(value: Any, info: ValidationInfo):
        table = getattr(_scope(info).registries, attribute)
        text = _id_string(value, table.label)
        if text not in table:
            raise PydanticCustomError("content", table.unknown(text))
        return table[text]

    return resolve


def _date(value: Any) -> date:
    try:
        return parse_date(value)
    except DateError as exc:
        raise PydanticCustomError("content", str(exc)) from None


def _datetime(value: Any) -> datetime:
    try:
        return parse_datetime(value)
    except DateError as exc:
        raise PydanticCustomError("content", str(exc)) from None


class ImageSource(Record):
    """A photo as the editor named it, and the file it resolved to."""

    name: str
    path: Path


def _resolve_image(value: Any, info: ValidationInfo) -> ImageSource:
    scope = _scope(info)
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("content", "cần tên tệp ảnh, ví dụ anh-1.jpg")
    name = value.strip()
    root = scope.content_root.resolve()
    bases = (scope.document_dir, scope.content_root / IMAGE_FOLDER)
    looked_at = [base / name.lstrip("/") for base in bases]
    scope.looked_at.extend(file_stamp(path) for path in looked_at)
    candidates = [path.resolve() for path in looked_at]
    outside = [c for c in candidates if not c.is_relative_to(root)]
    if len(outside) == len(candidates):
        raise PydanticCustomError(
            "content",
            f'ảnh "{name}" nằm ngoài thư mục content/ — hãy chép ảnh vào cạnh bài'
            " viết hoặc vào content/images/",
        )
    found = next((c for c in candidates if c not in outside and c.is_file()), None)
    if found is None:
        shown = " và ".join(
            f"{c.parent.relative_to(root.parent).as_posix()}/"
            for c in candidates
            if c not in outside
        )
        raise PydanticCustomError("content", f'không tìm thấy ảnh "{name}" (đã tìm trong {shown})')
    _check_readable_image(name, found)
    return ImageSource(name=name, path=found)


def _check_readable_image(name: str, path: Path) -> None:
    """Header checks only: decoding every photo on each load would be too slow."""
    try:
        with open_image(path, name) as image:
            image.verify()
    except ImageFileError as exc:
        raise PydanticCustomError("content", exc.message) from None


# A path as the old site's pages were addressed: ASCII path characters only, so
# that it can be written into the nginx configuration and the output folder.
_LEGACY_PATH = re.compile(r"/[A-Za-z0-9\-._~%!&()*+,=:@/]*")


def _legacy_path(value: Any) -> str:
    """``legacy_url``: the path of an article on the old site, without host or query."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and _LEGACY_PATH.fullmatch(text):
        return text
    example = "/tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/content/ten-bai"
    hint = ""
    if isinstance(text, str) and text.startswith(("http://", "https://")):
        hint = " — chỉ ghi phần đường dẫn, bỏ http://tên-miền"
    elif isinstance(text, str) and ("?" in text or "#" in text):
        hint = ' — bỏ phần từ dấu "?" hoặc "#" trở đi'
    raise PydanticCustomError(
        "content",
        f'địa chỉ cũ cần là đường dẫn bắt đầu bằng "/", không dấu, không có dấu cách,'
        f" ví dụ {example} (đang ghi: {value!r}){hint}",
    )


UnitRef = Annotated[Unit, BeforeValidator(_resolve_unit)]
BlocRef = Annotated[Bloc, BeforeValidator(_table_resolver("blocs"))]
AwardTypeRef = Annotated[AwardType, BeforeValidator(_table_resolver("awards"))]
CategoryRef = Annotated[Category, BeforeValidator(_table_resolver("categories"))]
EventTypeRef = Annotated[EventType, BeforeValidator(_table_resolver("event_types"))]
VnDate = Annotated[date, BeforeValidator(_date)]
VnDateTime = Annotated[datetime, BeforeValidator(_datetime)]
ImageRef = Annotated[ImageSource, BeforeValidator(_resolve_image)]
LegacyPath = Annotated[str, BeforeValidator(_legacy_path)]
