"""Open data (``/du-lieu/``): the registries and the records of the published
articles as JSON and CSV, and a page that documents every file and field.

Every dataset is declared once below (:data:`DATASETS`): its tables, and for
each table its fields as :class:`Field` (name, kind, meaning, getter). The JSON
records, the CSV header and rows and the page's documentation tables all come
from these declarations, so they cannot disagree.

The output is deterministic: keys in declaration order, records in the
archive's order, and ``cap_nhat`` is the time of the latest article, not the
time of the build. Only published articles are in the archive, so a draft is
in no file.
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals

from plugins.archive.archive import ArchivePageGenerator
from plugins.common.processes import Background, can_fork
from plugins.domain import urls
from plugins.domain.archive import Archive, AwardEntry, EventEntry, award_key
from plugins.domain.articles import Article, Award, Role
from plugins.domain.dates import TZ
from plugins.domain.registries import Bloc, BlocMember, Registries, Unit
from plugins.domain.site import Site
from plugins.domain.text import vi_sort_key
from plugins.incremental import keep_unchanged, renders_at_end
from plugins.model_loader.model_loader import SITE_MODEL

SOURCE = "Ban Quản lý các KCN tỉnh Thái Nguyên"
USE = f"Dữ liệu được công bố để tra cứu, sử dụng lại; khi sử dụng xin ghi nguồn: {SOURCE}."
TEMPLATE = "open_data"

# Kinds of values, as the page names them.
TEXT = "văn bản"
NUMBER = "số nguyên"
DATE = "ngày (YYYY-MM-DD)"
DATETIME = "ngày giờ (ISO 8601, giờ Việt Nam +07:00)"
ID = "mã"
IDS = "danh sách mã"
TEXTS = "danh sách văn bản"
PATH = "đường dẫn trên website"
OBJECTS = "danh sách đối tượng"


# --- the records the fields read ------------------------------------------------


@dataclass(frozen=True)
class AwardRow:
    """One award entry of the archive with its stable id."""

    id: str
    entry: AwardEntry

    @property
    def award(self) -> Award:
        return self.entry.award

    @property
    def article(self) -> Article:
        return self.entry.article


@dataclass(frozen=True)
class EventRow:
    """One event of the archive with the ids of the award rows its article records."""

    id: str
    entry: EventEntry
    award_ids: tuple[str, ...]

    @property
    def article(self) -> Article:
        return self.entry.article

    @property
    def elected(self) -> Role | None:
        """The leadership elected for the next emulation year of the event's bloc."""
        bloc = self.entry.event.bloc
        for role in self.entry.elected:
            if bloc is None or role.bloc.id == bloc.id:
                return role
        return None


@dataclass(frozen=True)
class Sources:
    """What the datasets are made of: the archive and the registries."""

    archive: Archive
    registries: Registries
    awards: tuple[AwardRow, ...]
    events: tuple[EventRow, ...]


def article_id(article: Article) -> str:
    """Stable id of an article: the year and slug of its address."""
    return f"{article.year}-{article.slug}"


def award_id(entry: AwardEntry) -> str:
    """Stable id of an award: its article's id and its 1-based place in ``awards:``."""
    index = next(i for i, a in enumerate(entry.article.awards, 1) if a is entry.award)
    return f"{article_id(entry.article)}-{index}"


def collect(archive: Archive, registries: Registries) -> Sources:
    awards = tuple(AwardRow(award_id(e), e) for e in archive.awards)
    by_object = {id(row.award): row.id for row in awards}
    # An award that an older article already recorded is the older article's row.
    by_key = {award_key(row.award): row.id for row in awards if row.award.individuals is None}
    events = []
    for entry in archive.events:
        ids: list[str] = []
        for award in entry.article.awards:
            found = by_object.get(id(award)) or by_key.get(award_key(award))
            if found is not None and found not in ids:
                ids.append(found)
        events.append(EventRow(article_id(entry.article), entry, tuple(ids)))
    return Sources(archive, registries, awards, tuple(events))


# --- declarations ---------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    description: str
    get: Callable[[Any], Any]


@dataclass(frozen=True)
class Table:
    key: str
    """Key of the list in the JSON file."""
    title: str
    noun: str
    """What one record is, for counts: "đơn vị", "khen thưởng"."""
    fields: tuple[Field, ...]
    items: Callable[[Sources], Sequence[Any]]

    def records(self, sources: Sources) -> list[dict[str, Any]]:
        return [{f.name: f.get(item) for f in self.fields} for item in self.items(sources)]


@dataclass(frozen=True)
class Dataset:
    name: str
    """File name without extension."""
    title: str
    description: str
    order: str
    """How the records are ordered, for the page."""
    tables: tuple[Table, ...]
    csv: bool = False
    """Also published as CSV (one table only)."""

    @property
    def formats(self) -> tuple[str, ...]:
        return ("json", "csv") if self.csv else ("json",)


def _iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _iso_time(value: dt.datetime | None) -> str | None:
    return value.astimezone(TZ).isoformat() if value is not None else None


def _path(address: urls.Address) -> str:
    return "/" + address.url


def _id(value: Unit | Bloc | None) -> str | None:
    return value.id if value is not None else None


def _name(value: Unit | Bloc | None) -> str | None:
    return value.name if value is not None else None


def _recipient_kind(award: Award) -> str:
    if award.recipient is not None:
        return "don-vi"
    return "ca-nhan" if award.person is not None else "so-ca-nhan"


def _recipient_name(award: Award) -> str:
    if award.recipient is not None:
        return award.recipient.name
    if award.person is not None:
        return award.person
    return f"{award.individuals} cá nhân"


def _member(member: BlocMember) -> dict[str, Any]:
    return {"ma_don_vi": member.unit, "tu_nam": member.since, "den_nam": member.until}


ARTICLE_URL = Field(
    "url_bai_viet", PATH, "Địa chỉ bài viết ghi nhận", lambda r: _path(r.article.address)
)
ARTICLE_TITLE = Field("tieu_de_bai_viet", TEXT, "Tiêu đề bài viết", lambda r: r.article.title)

UNITS = Table(
    key="ban_ghi",
    title="Đơn vị",
    noun="đơn vị",
    items=lambda s: s.registries.units_sorted(),
    fields=(
        Field("ma", ID, "Mã đơn vị, dùng trong các tệp khác", lambda u: u.id),
        Field("ten", TEXT, "Tên đầy đủ", lambda u: u.name),
        Field("ten_ngan", TEXT, "Tên viết gọn", lambda u: u.short_name),
        Field("ten_khac", TEXTS, "Các cách gọi khác gặp trong bài viết", lambda u: list(u.aliases)),
        Field(
            "loai",
            ID,
            "Loại đơn vị: ban-quan-ly-kcn, bo, vu, ubnd, phong hoặc khac",
            lambda u: u.kind,
        ),
        Field("ten_loai", TEXT, "Tên loại đơn vị", lambda u: u.kind_name),
        Field("tinh", TEXT, "Tỉnh, thành phố", lambda u: u.province),
        Field("ma_don_vi_cap_tren", ID, "Mã đơn vị cấp trên", lambda u: u.parent),
        Field("website", TEXT, "Trang thông tin điện tử của đơn vị", lambda u: u.website),
        Field("tu_nam", NUMBER, "Năm bắt đầu hoạt động (nếu biết)", lambda u: u.since),
        Field("den_nam", NUMBER, "Năm thôi hoạt động (nếu biết)", lambda u: u.until),
        Field(
            "ma_don_vi_ke_thua",
            ID,
            "Mã đơn vị tiếp nhận khi đơn vị sáp nhập hoặc đổi tên",
            lambda u: u.successor,
        ),
        Field("url", PATH, "Trang của đơn vị trên website", lambda u: _path(u.address)),
    ),
)

BLOCS = Table(
    key="khoi_thi_dua",
    title="Khối thi đua",
    noun="khối thi đua",
    items=lambda s: sorted(s.registries.blocs.values(), key=lambda b: vi_sort_key(b.name)),
    fields=(
        Field("ma", ID, "Mã khối thi đua", lambda b: b.id),
        Field("ten", TEXT, "Tên đầy đủ", lambda b: b.name),
        Field("ten_ngan", TEXT, "Tên viết gọn", lambda b: b.short_name),
        Field("ma_don_vi_to_chuc", ID, "Mã đơn vị tổ chức khối", lambda b: b.organizer),
        Field(
            "thanh_vien",
            OBJECTS,
            "Các đơn vị thành viên, mỗi mục gồm ma_don_vi, tu_nam, den_nam (năm vào, năm rời"
            " khối; trống nếu không ghi)",
            lambda b: [_member(m) for m in b.members],
        ),
        Field("url", PATH, "Trang của khối trên website", lambda b: _path(b.address)),
    ),
)

AWARDS = Table(
    key="ban_ghi",
    title="Khen thưởng",
    noun="khen thưởng",
    items=lambda s: s.awards,
    fields=(
        Field(
            "ma",
            ID,
            "Mã bản ghi, không đổi giữa các lần cập nhật: năm và tên bài viết trong địa chỉ,"
            " cùng số thứ tự của khen thưởng trong bài",
            lambda r: r.id,
        ),
        Field("nam", NUMBER, "Năm thi đua được khen thưởng", lambda r: r.entry.year),
        Field("ma_loai", ID, "Mã danh hiệu, hình thức khen thưởng", lambda r: r.award.type.id),
        Field(
            "ten_loai", TEXT, "Tên danh hiệu, hình thức khen thưởng", lambda r: r.award.type.name
        ),
        Field(
            "cap",
            ID,
            "Cấp khen thưởng: nha-nuoc, chinh-phu, bo-tinh hoặc co-so",
            lambda r: r.award.type.level,
        ),
        Field("ten_cap", TEXT, "Tên cấp khen thưởng", lambda r: r.award.type.level_name),
        Field(
            "doi_tuong",
            ID,
            "Đối tượng được khen: don-vi (tập thể), ca-nhan (cá nhân có tên) hoặc so-ca-nhan"
            " (một số cá nhân không nêu tên)",
            lambda r: _recipient_kind(r.award),
        ),
        Field(
            "ma_don_vi_nhan",
            ID,
            "Mã đơn vị được khen (khi đối tượng là don-vi)",
            lambda r: _id(r.award.recipient),
        ),
        Field(
            "ten_doi_tuong",
            TEXT,
            "Tên đơn vị, tên cá nhân, hoặc số cá nhân được khen (ví dụ: 8 cá nhân)",
            lambda r: _recipient_name(r.award),
        ),
        Field("ca_nhan", TEXT, "Tên cá nhân được khen", lambda r: r.award.person),
        Field(
            "ma_don_vi_ca_nhan", ID, "Mã đơn vị công tác của cá nhân", lambda r: _id(r.award.unit)
        ),
        Field(
            "so_ca_nhan",
            NUMBER,
            "Số cá nhân được khen (khi bài không nêu tên)",
            lambda r: r.award.individuals,
        ),
        Field("ma_don_vi_tang", ID, "Mã cơ quan khen thưởng", lambda r: _id(r.award.by)),
        Field("ten_don_vi_tang", TEXT, "Tên cơ quan khen thưởng", lambda r: _name(r.award.by)),
        Field(
            "trang_thai",
            ID,
            "Tình trạng: de-nghi (mới đề nghị) hoặc da-tang (đã tặng)",
            lambda r: r.award.status,
        ),
        Field("ten_trang_thai", TEXT, "Tên tình trạng", lambda r: r.award.status_name),
        Field("so_quyet_dinh", TEXT, "Số quyết định khen thưởng", lambda r: r.award.decision),
        Field(
            "ngay_quyet_dinh",
            DATE,
            "Ngày ký quyết định",
            lambda r: _iso_date(r.award.decision_date),
        ),
        ARTICLE_URL,
        ARTICLE_TITLE,
    ),
)


def _elected(part: str) -> Callable[[EventRow], str | None]:
    def get(row: EventRow) -> str | None:
        role = row.elected
        unit = getattr(role, part) if role is not None else None
        return _id(unit)

    return get


EVENTS = Table(
    key="ban_ghi",
    title="Hội nghị, sự kiện",
    noun="hội nghị, sự kiện",
    items=lambda s: s.events,
    fields=(
        Field("ma", ID, "Mã sự kiện: năm và tên bài viết trong địa chỉ", lambda r: r.id),
        Field("ma_loai", ID, "Mã loại sự kiện", lambda r: r.entry.event.type.id),
        Field("ten_loai", TEXT, "Tên loại sự kiện", lambda r: r.entry.event.type.name),
        Field(
            "ngay",
            DATE,
            "Ngày tổ chức (trống nếu bài viết không ghi)",
            lambda r: _iso_date(r.entry.event.date),
        ),
        Field(
            "nam_to_chuc",
            NUMBER,
            "Năm tổ chức (theo ngày tổ chức, nếu không có thì theo ngày đăng bài)",
            lambda r: r.entry.year,
        ),
        Field(
            "nam_thi_dua",
            NUMBER,
            "Năm thi đua mà sự kiện tổng kết, sơ kết",
            lambda r: r.entry.event.year,
        ),
        Field("dia_diem", TEXT, "Địa điểm", lambda r: r.entry.event.place),
        Field("ma_don_vi_dang_cai", ID, "Mã đơn vị đăng cai", lambda r: _id(r.entry.event.host)),
        Field(
            "ten_don_vi_dang_cai", TEXT, "Tên đơn vị đăng cai", lambda r: _name(r.entry.event.host)
        ),
        Field("ma_khoi", ID, "Mã khối thi đua", lambda r: _id(r.entry.event.bloc)),
        Field("ten_khoi", TEXT, "Tên khối thi đua", lambda r: _name(r.entry.event.bloc)),
        Field(
            "hoat_dong",
            IDS,
            "Mã các hoạt động trong sự kiện (phát động thi đua, ký giao ước…)",
            lambda r: [a.id for a in r.entry.event.activities],
        ),
        Field(
            "ten_hoat_dong",
            TEXTS,
            "Tên các hoạt động, cùng thứ tự với hoat_dong",
            lambda r: [a.name for a in r.entry.event.activities],
        ),
        Field(
            "truong_khoi_moi",
            ID,
            "Mã đơn vị được bầu làm Trưởng khối năm thi đua tiếp theo",
            _elected("head"),
        ),
        Field(
            "pho_khoi_moi",
            ID,
            "Mã đơn vị được bầu làm Phó khối năm thi đua tiếp theo",
            _elected("deputy"),
        ),
        Field(
            "khen_thuong",
            IDS,
            "Mã các khen thưởng bài viết ghi nhận (trường ma của khen-thuong.json)",
            lambda r: list(r.award_ids),
        ),
        ARTICLE_URL,
        ARTICLE_TITLE,
    ),
)

ARTICLES = Table(
    key="ban_ghi",
    title="Bài viết",
    noun="bài viết",
    items=lambda s: s.archive.articles,
    fields=(
        Field("url", PATH, "Địa chỉ bài viết", lambda a: _path(a.address)),
        Field("tieu_de", TEXT, "Tiêu đề", lambda a: a.title),
        Field("ngay_dang", DATETIME, "Thời điểm đăng", lambda a: _iso_time(a.date)),
        Field(
            "ngay_sua", DATETIME, "Thời điểm sửa nội dung gần nhất", lambda a: _iso_time(a.modified)
        ),
        Field("ma_chuyen_muc", ID, "Mã chuyên mục", lambda a: a.category.id),
        Field("ten_chuyen_muc", TEXT, "Tên chuyên mục", lambda a: a.category.name),
        Field("the", TEXTS, "Các thẻ (từ khóa)", lambda a: list(a.tags)),
        Field("don_vi", IDS, "Mã các đơn vị bài viết đề cập", lambda a: [u.id for u in a.units]),
        Field("nguon", TEXT, "Nguồn tin", lambda a: a.source),
        Field("tom_tat", TEXT, "Tóm tắt do biên tập viên viết (nếu có)", lambda a: a.summary),
        Field(
            "loai_su_kien",
            ID,
            "Mã loại sự kiện bài viết tường thuật (nếu có)",
            lambda a: a.event.type.id if a.event else None,
        ),
        Field(
            "so_khen_thuong", NUMBER, "Số khen thưởng bài viết ghi nhận", lambda a: len(a.awards)
        ),
        Field("dia_chi_cu", PATH, "Địa chỉ của bài trên website cũ", lambda a: a.legacy_url),
    ),
)

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        name="khen-thuong",
        title="Khen thưởng",
        description=(
            "Các danh hiệu thi đua, hình thức khen thưởng mà bài viết ghi nhận, mỗi khen"
            " thưởng một bản ghi; phân biệt khen thưởng mới đề nghị với khen thưởng đã tặng."
        ),
        order="năm thi đua mới nhất trước, rồi theo thứ bậc khen thưởng và tên đối tượng",
        tables=(AWARDS,),
        csv=True,
    ),
    Dataset(
        name="hoi-nghi",
        title="Hội nghị, sự kiện",
        description=(
            "Các hội nghị, sự kiện thi đua mà bài viết tường thuật: loại, ngày, nơi tổ chức,"
            " đơn vị đăng cai, khối, hoạt động, Trưởng khối và Phó khối được bầu, khen thưởng."
        ),
        order="mới nhất trước",
        tables=(EVENTS,),
    ),
    Dataset(
        name="don-vi",
        title="Đơn vị và khối thi đua",
        description=(
            "Danh mục các đơn vị (cơ quan, tổ chức) mà bài viết nhắc tới và các khối thi"
            " đua; các tệp khác dẫn chiếu đơn vị, khối bằng mã."
        ),
        order="theo thứ tự chữ cái tiếng Việt của tên",
        tables=(UNITS, BLOCS),
    ),
    Dataset(
        name="bai-viet",
        title="Bài viết",
        description="Thông tin các bài viết đã đăng (không gồm nội dung bài).",
        order="mới nhất trước",
        tables=(ARTICLES,),
    ),
)


@dataclass(frozen=True)
class Whole:
    """What the keys of a JSON file before its records describe."""

    dataset: Dataset
    sources: Sources


ENVELOPE: tuple[Field, ...] = (
    Field("tieu_de", TEXT, "Tên bộ dữ liệu", lambda w: w.dataset.title),
    Field("mo_ta", TEXT, "Nội dung bộ dữ liệu", lambda w: w.dataset.description),
    Field("nguon", TEXT, "Cơ quan công bố", lambda _: SOURCE),
    Field("su_dung", TEXT, "Điều kiện sử dụng", lambda _: USE),
    Field("tai_lieu", PATH, "Trang mô tả các tệp và các trường", lambda _: _path(urls.OPEN_DATA)),
    Field(
        "cap_nhat",
        DATETIME,
        "Thời điểm đăng hoặc sửa gần nhất của các bài viết mà dữ liệu phản ánh"
        " (không phải thời điểm dựng website)",
        lambda w: _iso_time(updated(w.sources.archive.articles)),
    ),
)
"""Keys of every JSON file before its lists of records."""


# --- serialising ----------------------------------------------------------------


def updated(articles: Iterable[Article]) -> dt.datetime | None:
    """When the data last changed: the latest publication or change of an article."""
    return max((max(a.date, a.modified or a.date) for a in articles), default=None)


def json_bytes(dataset: Dataset, sources: Sources) -> bytes:
    """The envelope's keys one per line, then each table's records, one per line:
    readable, and written by the json module's C encoder, which an indented
    layout cannot use (at 10,000 articles, 0.1 s instead of a second)."""
    whole = Whole(dataset, sources)
    lines = [f" {_json(f.name)}: {_json(f.get(whole))}" for f in ENVELOPE]
    for table in dataset.tables:
        records = ",\n".join(f"  {_json(record)}" for record in table.records(sources))
        listed = f"[\n{records}\n ]" if records else "[]"
        lines.append(f" {_json(table.key)}: {listed}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def csv_bytes(dataset: Dataset, sources: Sources) -> bytes:
    """UTF-8 with BOM and CRLF line ends, as Excel expects."""
    (table,) = dataset.tables
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(f.name for f in table.fields)
    for record in table.records(sources):
        writer.writerow(_cell(v) for v in record.values())
    return buffer.getvalue().encode("utf-8-sig")


SERIALISERS: dict[str, tuple[str, Callable[[Dataset, Sources], bytes]]] = {
    "json": ("JSON (UTF-8)", json_bytes),
    "csv": ("CSV (UTF-8 có BOM, mở được bằng Excel)", csv_bytes),
}


@dataclass
class PublishedFile:
    address: urls.Address
    format: str
    size: int | None
    """None while the file is being made (:func:`sizes_known` fills it in)."""

    @property
    def name(self) -> str:
        return Path(self.address.save_as).name

    @property
    def size_text(self) -> str:
        return f"{self.size / 1000:.1f}".replace(".", ",") + " kB"


@dataclass(frozen=True)
class PublishedDataset:
    dataset: Dataset
    files: tuple[PublishedFile, ...]
    counts: tuple[tuple[Table, int], ...]

    @property
    def counts_text(self) -> str:
        return "; ".join(f"{n} {table.noun}" for table, n in self.counts)


BACKGROUND_MIN = 1000
"""Fewer published articles than this and the data files are made at once: forking costs more."""
_MAKING = "OPEN_DATA_MAKING"
"""Settings key of the data files being made in the background, and the work."""


_Making = tuple[str, Dataset, str]
"""A data file to write: its name in the output, its dataset, its format."""


def _write_data(root: Path, sources: Sources, making: _Making) -> int:
    """Write one data file into the output folder ``root``; its size."""
    save_as, dataset, extension = making
    target = (root / save_as).resolve()
    if not target.is_relative_to(root):
        raise ValueError(f"{save_as} is outside the output folder {root}")
    data = SERIALISERS[extension][1](dataset, sources)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return len(data)


class OpenDataGenerator(ArchivePageGenerator):
    """Writes the files of ``/du-lieu/`` and the page that documents them."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        site: Site = self.settings[SITE_MODEL]
        sources = collect(self.archive, site.registries)
        published = []
        to_make: list[tuple[PublishedFile, _Making]] = []
        for dataset in DATASETS:
            files = []
            for extension in dataset.formats:
                address = urls.open_data(f"{dataset.name}.{extension}")
                size = keep_unchanged(self.settings, address.save_as)  # shows no body
                file = PublishedFile(address, SERIALISERS[extension][0], size)
                if size is None:
                    to_make.append((file, (address.save_as, dataset, extension)))
                files.append(file)
            counts = tuple((t, len(t.items(sources))) for t in dataset.tables)
            published.append(PublishedDataset(dataset, tuple(files), counts))
        self._make(to_make, sources)
        latest = updated(sources.archive.articles)
        self.write(
            writer,
            urls.OPEN_DATA,
            TEMPLATE,
            datasets=published,
            envelope=ENVELOPE,
            use=USE,
            updated=latest.astimezone(TZ) if latest else None,
        )

    def _make(self, files: list[tuple[PublishedFile, _Making]], sources: Sources) -> None:
        """Write the data files; with many articles, in the background, on the
        core the build's own process leaves idle while it goes on: each file's
        size is known when the pages are about to be rendered (:func:`sizes_known`)."""
        make = partial(_write_data, Path(self.output_path).resolve(), sources)
        later = renders_at_end(self.settings) and can_fork()
        if not later or len(sources.archive.articles) < BACKGROUND_MIN:
            for file, making in files:
                file.size = make(making)
        elif files:
            work = Background(make, [making for _, making in files], workers=1)
            self.settings[_MAKING] = ([file for file, _ in files], work)


def sizes_known(pelican) -> None:
    """The data files made in the background are written: their sizes go into
    the page that lists them, before it is rendered."""
    making = pelican.settings.pop(_MAKING, None)
    if making is not None:
        files, work = making
        for file, size in zip(files, work.results(), strict=True):
            file.size = size


def add_generator(_pelican):
    return OpenDataGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.finalized.connect(sizes_known)  # before the incremental writer renders
