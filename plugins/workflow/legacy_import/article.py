"""A :class:`LegacyPage` as a Markdown article of the editors' contract.

What the page says becomes values: title, date, source, photos with their
captions, the old address. What the text only suggests becomes a proposal the
editor confirms (units, the category). What only a person can know (event,
bloc leadership, awards, people) stays a commented example marked TODO. The
file is valid as written: photos whose files were not saved are listed as
comments, so the build does not stop for them.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from plugins.domain import urls
from plugins.domain.dates import DateError, parse_datetime
from plugins.domain.registries import Registries
from plugins.domain.site import ARTICLES_FOLDER
from plugins.domain.text import legacy_url_title, match_key, nfc, slugify

from .. import front_matter
from .page import LegacyPage, LegacyParseError, LegacyPhoto
from .units import UnitFinder

DEFAULT_PORTLET = "ndELOWDiCSjm"
LEGACY_PREFIX = "/tin-tuc-su-kien/-/asset_publisher/{portlet}/content/"
_PHOTO_NAME_WORDS = 6
_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
_PATH_SAFE = "/-._~!&()*+,=:@%"
_ONLY_A_PERSON_KNOWS = ("event", "roles", "awards", "people")


@dataclass(frozen=True)
class PlannedPhoto:
    name: str
    """File name beside the article."""
    photo: LegacyPhoto
    after_paragraph: int
    """How many paragraphs of the body come before it."""

    @property
    def available(self) -> bool:
        return self.photo.file is not None


@dataclass(frozen=True)
class ImportedArticle:
    page: LegacyPage
    year: int
    slug: str
    legacy_url: str
    photos: tuple[PlannedPhoto, ...]
    text: str

    @property
    def address(self) -> urls.Address:
        return urls.article(self.year, self.slug)

    @property
    def relative_path(self) -> Path:
        """Under ``content/``: a folder for its photos, or a single file."""
        folder = Path(ARTICLES_FOLDER) / str(self.year)
        if self.photos:
            return folder / self.slug / "index.md"
        return folder / f"{self.slug}.md"


@dataclass(frozen=True)
class Vocabulary:
    """What the importer needs to know of the site it imports into."""

    registries: Registries
    category: str
    portlet: str = DEFAULT_PORTLET
    base_url: str | None = None
    sources: tuple[str, ...] = ()
    """"Nguồn tin" as the site already writes them: an old page's spelling
    ("Văn Phòng") is replaced by the site's ("Văn phòng") when they match."""


def legacy_url(page: LegacyPage, vocabulary: Vocabulary) -> str:
    """The page's own path on the old site, else the one Liferay gave its title."""
    if page.address:
        address = urljoin(vocabulary.base_url or "", page.address)
        parts = urlsplit(address)
        base_host = urlsplit(vocabulary.base_url or "").netloc
        same_site = not base_host or not parts.netloc or parts.netloc == base_host
        if same_site and parts.path not in ("", "/"):
            return quote(parts.path, safe=_PATH_SAFE)
    prefix = LEGACY_PREFIX.format(portlet=vocabulary.portlet)
    return prefix + legacy_url_title(page.title)


def build_article(page: LegacyPage, vocabulary: Vocabulary) -> ImportedArticle:
    try:
        year = parse_datetime(page.published).year
    except DateError as exc:
        raise LegacyParseError(f"ngày đăng không đọc được: {exc}") from None
    slug = slugify(page.title)
    if not slug:
        raise LegacyParseError("tiêu đề không có chữ nào để đặt tên bài")
    photos = _plan_photos(page)
    old_address = legacy_url(page, vocabulary)
    text = "\n".join(
        [
            "---",
            *_front_matter(page, vocabulary, photos, old_address),
            "---",
            _body(page, photos),
        ]
    )
    text = nfc(text)  # old pages mix NFC and NFD; the content is NFC
    return ImportedArticle(page, year, slug, old_address, photos, text)


def _front_matter(
    page: LegacyPage, vocabulary: Vocabulary, photos: tuple[PlannedPhoto, ...], old: str
) -> list[str]:
    registries = vocabulary.registries
    mentions = UnitFinder(registries).find(
        page.title, *page.paragraphs, *(p.caption or "" for p in page.photos)
    )
    lines = [
        f"# Nhập từ website cũ bằng invoke import-legacy (tệp {page.source_file.name}).",
        "# Hãy đọc lại bài, làm các việc ghi TODO rồi xóa các dòng TODO.",
        front_matter.HEADER,
        f"title: {front_matter.quoted(page.title)}",
        f"date: {page.published}",
        "# TODO: kiểm tra chuyên mục.",
        front_matter.category_help(registries),
        f"category: {vocabulary.category}",
    ]
    source = _source_spelling(page.news_source, vocabulary.sources)
    lines.append(
        f"source: {front_matter.quoted(source)}" if source else front_matter.OPTIONAL_HELP["source"]
    )
    lines += _units(mentions.boards, mentions.others)
    lines += _images(photos)
    lines.append(f"legacy_url: {old}")
    lines += [
        "",
        "# TODO: những điều chỉ người biên tập biết — sự kiện, Trưởng/Phó khối, khen",
        "# thưởng, người được nêu tên: ghi vào các trường dưới đây nếu bài có.",
        "",
        front_matter.commented(list(_ONLY_A_PERSON_KNOWS)),
    ]
    return lines


def _units(boards, others) -> list[str]:
    lines = []
    if others:
        named = ", ".join(f"{u.id} ({u.name})" for u in others)
        lines += ["# Bài còn nhắc tới (thêm vào units nếu bài nói về đơn vị đó):"]
        lines += [f"#   {line}" for line in _wrap(named)]
    if boards:
        lines.insert(0, "# TODO: đơn vị đề xuất từ tên đơn vị, tên tỉnh trong bài — kiểm tra lại.")
        lines.append(f"units: [{', '.join(u.id for u in boards)}]")
    else:
        lines.insert(0, "# TODO: không tìm thấy đơn vị nào trong bài — ghi đơn vị nếu có.")
        lines.append("# units: [thai-nguyen]")
    return lines


def _images(photos: tuple[PlannedPhoto, ...]) -> list[str]:
    if not photos:
        return []
    available = [p for p in photos if p.available]
    missing = [p for p in photos if not p.available]
    lines = []
    if missing:
        lines += [
            "# TODO: ảnh dưới đây không có trong bản lưu của trang cũ. Chép ảnh vào",
            "# thư mục của bài này với tên tệp đã ghi, bỏ dấu # ở đầu các dòng đó,",
            "# rồi chèn ![](tên-tệp) vào thân bài ở chỗ ghi trong ngoặc.",
        ]
    if available:
        lines.append("images:")
        lines += [f"  - {_photo_entry(p)}" for p in available]
    else:
        lines.append("# images:")
    lines += [f"#   - {_photo_entry(p)}  # (sau đoạn {p.after_paragraph})" for p in missing]
    return lines


def _photo_entry(planned: PlannedPhoto) -> str:
    fields = [f"src: {planned.name}"]
    if planned.photo.caption:
        fields.append(f"caption: {front_matter.quoted(planned.photo.caption)}")
    if planned.photo.alt and planned.photo.alt != planned.photo.caption:
        fields.append(f"alt: {front_matter.quoted(planned.photo.alt)}")
    return "{" + ", ".join(fields) + "}"


def _body(page: LegacyPage, photos: tuple[PlannedPhoto, ...]) -> str:
    planned = iter(photos)  # one per photo block, in order
    parts = []
    for block in page.blocks:
        if isinstance(block, str):
            parts.append(block)
            continue
        photo = next(planned)
        if photo.available:
            parts.append(f"![]({photo.name})")
    return "\n\n".join(parts) + "\n"


def _plan_photos(page: LegacyPage) -> tuple[PlannedPhoto, ...]:
    planned: list[PlannedPhoto] = []
    used: set[str] = set()
    paragraphs = 0
    for block in page.blocks:
        if isinstance(block, str):
            paragraphs += 1
            continue
        words = slugify(block.caption or "").split("-")[:_PHOTO_NAME_WORDS]
        stem = "-".join(w for w in words if w) or f"anh-{len(planned) + 1}"
        name = _unique(stem, _suffix(block), used)
        planned.append(PlannedPhoto(name, block, paragraphs))
    return tuple(planned)


def _suffix(photo: LegacyPhoto) -> str:
    for candidate in (photo.file, Path(urlsplit(photo.original or "").path)):
        suffix = candidate.suffix.lower() if candidate else ""
        if suffix in _PHOTO_SUFFIXES:
            return ".jpg" if suffix == ".jpeg" else suffix
    return ".jpg"


def _unique(stem: str, suffix: str, used: set[str]) -> str:
    """A name whose stem no other photo of the article has (the photos' rule)."""
    unique, number = stem, 2
    while unique in used:
        unique, number = f"{stem}-{number}", number + 1
    used.add(unique)
    return unique + suffix


def _source_spelling(source: str | None, known: tuple[str, ...]) -> str | None:
    if source is None:
        return None
    spellings = {match_key(k): k for k in known}
    return spellings.get(match_key(source), source)


def _wrap(text: str, width: int = 74) -> list[str]:
    lines, line = [], ""
    for word in re.split(r"(?<=,) ", text):
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines
