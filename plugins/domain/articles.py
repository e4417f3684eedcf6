"""Articles and static pages: the editors' contract (docs/design/front-matter.md)."""

import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, PositiveInt, model_validator

from . import urls
from .dates import DateError, parse_datetime
from .records import Id, Record, Text
from .references import (
    AwardTypeRef,
    BlocRef,
    CategoryRef,
    EventTypeRef,
    ImageRef,
    LegacyPath,
    UnitRef,
    VnDate,
    VnDateTime,
    field_error,
)
from .text import slugify

_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")

Status = Literal["published", "draft", "hidden"]
AwardStatus = Literal["de-nghi", "da-tang"]
AWARD_STATUS_NAMES: dict[str, str] = {"de-nghi": "Đề nghị", "da-tang": "Đã tặng"}


class Event(Record):
    type: EventTypeRef
    date: VnDate | None = None
    place: Text | None = None
    host: UnitRef | None = None
    bloc: BlocRef | None = None
    year: int | None = Field(default=None, ge=1945, le=2100)
    activities: tuple[EventTypeRef, ...] = ()


class Role(Record):
    """Head and deputy of a bloc for one emulation year."""

    bloc: BlocRef
    year: int = Field(ge=1945, le=2100)
    head: UnitRef
    deputy: UnitRef | None = None

    @model_validator(mode="after")
    def _distinct(self) -> "Role":
        if self.deputy is not None and self.deputy.id == self.head.id:
            raise field_error(("deputy",), "Phó khối không thể trùng với Trưởng khối")
        return self


class Award(Record):
    type: AwardTypeRef
    recipient: UnitRef | None = None
    person: Text | None = None
    unit: UnitRef | None = None
    individuals: PositiveInt | None = None
    year: int | None = Field(default=None, ge=1945, le=2100)
    by: UnitRef | None = None
    status: AwardStatus = "da-tang"
    decision: Text | None = None
    decision_date: VnDate | None = None

    @model_validator(mode="after")
    def _one_recipient(self) -> "Award":
        given = [
            name
            for name in ("recipient", "person", "individuals")
            if getattr(self, name) is not None
        ]
        if len(given) != 1:
            written = f" (đang ghi: {', '.join(given)})" if given else ""
            raise field_error(
                (),
                "cần đúng một trong recipient (đơn vị), person (tên người) hoặc"
                f" individuals (số cá nhân){written}",
            )
        if self.recipient is not None and not self.type.for_units:
            raise field_error(
                ("recipient",),
                f'"{self.type.name}" chỉ trao cho cá nhân — ghi person hoặc'
                " individuals thay cho recipient",
            )
        if self.recipient is None and not self.type.for_people:
            raise field_error(
                (given[0],),
                f'"{self.type.name}" chỉ trao cho tập thể — ghi recipient'
                " (mã đơn vị) thay cho person/individuals",
            )
        if self.unit is not None and self.person is None:
            raise field_error(("unit",), "unit chỉ dùng kèm person (đơn vị của người đó)")
        return self

    @property
    def status_name(self) -> str:
        return AWARD_STATUS_NAMES[self.status]


class Person(Record):
    name: Text
    title: Text | None = None
    unit: UnitRef | None = None
    role: Text | None = None


class Photo(Record):
    src: ImageRef
    caption: Text | None = None
    alt: Text | None = None

    @property
    def alt_text(self) -> str:
        return self.alt or self.caption or ""


class Document(Record):
    """What articles and pages share: where they come from and their body."""

    path: str
    body: str
    body_line: int
    front_digest: str
    """sha256 (hex) of the front matter as written, in NFC: tells a build what changed."""
    body_digest: str
    """sha256 (hex) of the body as written, in NFC."""
    title: Text
    slug: Id | None = None
    summary: Text | None = None
    status: Status = "published"

    @model_validator(mode="before")
    @classmethod
    def _default_slug(cls, data: Any) -> Any:
        if isinstance(data, dict) and "slug" not in data:
            title = data.get("title")
            if isinstance(title, str):
                data = {**data, "slug": slugify(title)}
        return data


class Article(Document):
    date: VnDateTime
    modified: VnDateTime | None = None
    category: CategoryRef
    tags: tuple[Text, ...] = ()
    source: Text | None = None
    author: Text | None = None
    image: ImageRef | None = None
    image_alt: Text | None = None
    units: tuple[UnitRef, ...] = ()
    event: Event | None = None
    roles: tuple[Role, ...] = ()
    awards: tuple[Award, ...] = ()
    people: tuple[Person, ...] = ()
    images: tuple[Photo, ...] = ()
    legacy_url: LegacyPath | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_award_years(cls, data: Any) -> Any:
        """An award's emulation year defaults to ``event.year``, else the date's."""
        if not isinstance(data, dict) or not isinstance(data.get("awards"), list):
            return data
        event = data.get("event")
        year = event.get("year") if isinstance(event, dict) else None
        if not isinstance(year, int):
            try:
                year = parse_datetime(data.get("date")).year
            except DateError:
                return data
        awards = [
            {"year": year, **a} if isinstance(a, dict) and "year" not in a else a
            for a in data["awards"]
        ]
        return {**data, "awards": awards}

    @model_validator(mode="after")
    def _image_needs_alt(self) -> "Article":
        if self.image is not None and self.image_alt is None:
            raise field_error(
                ("image",),
                "ảnh đại diện cần image_alt: một câu mô tả ảnh cho người khiếm thị",
            )
        return self

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def emulation_year(self) -> int:
        if self.event is not None and self.event.year is not None:
            return self.event.year
        return self.year

    @property
    def address(self) -> urls.Address:
        return urls.article(self.year, self.slug or "")

    def is_public(self, now: dt.datetime) -> bool:
        return self.status == "published" and self.date <= now

    @property
    def event_date(self) -> dt.date | None:
        return self.event.date if self.event else None

    @property
    def placed_photo_names(self) -> frozenset[str]:
        """Photos of ``images:`` that the body places itself with ``![](name)``."""
        written = set(_MARKDOWN_IMAGE.findall(self.body))
        return frozenset(p.src.name for p in self.images if p.src.name in written)

    @property
    def gallery(self) -> tuple[Photo, ...]:
        """Photos the body does not place: shown as a gallery after the text."""
        placed = self.placed_photo_names
        return tuple(p for p in self.images if p.src.name not in placed)

    @property
    def lead_photo(self) -> Photo | None:
        """The lead image, else the first photo: for cards and Open Graph."""
        if self.image is not None:
            # Already resolved and checked: built without validating again.
            return Photo.model_construct(src=self.image, alt=self.image_alt)
        return self.images[0] if self.images else None

    def photo_address(self, photo: Photo) -> urls.Address:
        """The photo at full size in JPEG, published by plugins.photos: a stable address."""
        stem = slugify(photo.src.path.stem) or "anh"
        return urls.article_file(self.year, self.slug or "", f"{stem}.jpg")

    @property
    def share_image_address(self) -> urls.Address | None:
        """The Open Graph image (1200×630, from :attr:`lead_photo`), if there is a photo."""
        if self.lead_photo is None:
            return None
        return urls.article_share_image(self.year, self.slug or "")


class Page(Document):
    lang: Literal["vi", "en"] = "vi"
    order: int = 100

    @property
    def address(self) -> urls.Address:
        return urls.page(self.slug or "")


SOURCE_FIELDS = frozenset({"path", "body", "body_line", "front_digest", "body_digest"})
"""Fields the loader fills from the file itself: not for editors to write."""
ARTICLE_FIELDS = frozenset(Article.model_fields) - SOURCE_FIELDS
PAGE_FIELDS = frozenset(Page.model_fields) - SOURCE_FIELDS
NESTED_FIELDS = frozenset().union(
    Event.model_fields,
    Role.model_fields,
    Award.model_fields,
    Person.model_fields,
    Photo.model_fields,
)
