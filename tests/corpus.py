"""A deterministic generator of a fictional content tree, for tests and benchmarks.

``generate_corpus(target)`` writes ``articles/``, ``pages/`` and ``data/`` into
``target`` and returns a :class:`Corpus` that describes what it wrote, so tests
can state their expectations without parsing the files again.

Everything written is generated: each article's front matter starts with the
comment ``# Tạo tự động cho kiểm thử – không phải tin thật``, each body says
"Bài viết tạo tự động cho kiểm thử" and is otherwise neutral filler text, and
``README.txt`` in ``target`` says so too. The registries are the real ones
(``content/data/*.yml``) plus one fictional merged unit (``so-ke-hoach-cu``,
"Đơn vị thử nghiệm đã sáp nhập"), appended as text so that the comments and
order of the originals stay. The pages are the real ones.

Same arguments, same bytes: all randomness comes from ``random.Random(seed)``
and nothing depends on the clock. No photos are written, so even 10,000
articles take only a few seconds.

What the corpus holds, per publication year ``P`` of ``years``
(``articles_per_year`` articles, the first ones being the bloc's events):

1. the summing-up conference (``hoi-nghi-tong-ket``) of emulation year
   ``P - 1``, held in February: all bloc members as ``units`` (the merged unit
   too while it existed), the leadership of ``P - 1`` and ``P`` as ``roles``,
   proposed awards (``de-nghi``) to units, to one named person and to a count
   of individuals;
2. the award ceremony (``trao-thuong``) that confers (``da-tang``, with a
   decision number and date) what that conference proposed;
3. in some years, a mid-year review (``hoi-nghi-so-ket``) that records the
   leadership of ``P`` again (the same as in 1.: roles agree);
4. ordinary articles with a random mix of the other fields (tags, units,
   events ``trao-thuong``/``phat-dong-thi-dua``/``ky-giao-uoc``, roles, awards,
   people, summary, source, author, modified, an explicit slug, legacy_url).

And besides those: two drafts and one article dated 2099 that carry words, an
award type (:data:`UNPUBLISHED_AWARD_TYPES`) and a unit
(:data:`UNPUBLISHED_UNIT`) used by no other article, and one ``hidden``
article. Some unit references are written as names, aliases, in capitals, in
NFD or with the tone mark moved ("BQL các KCN Hoà Bình"); :attr:`Corpus.spellings`
lists them.

No award is recorded twice (the build would warn) and every role agrees with
:attr:`Corpus.roles`, so the corpus loads with no error and no warning.
"""

import datetime as dt
import json
import random
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from plugins.domain.dates import TZ
from plugins.domain.text import legacy_url_title, slugify

CONTENT = Path(__file__).resolve().parent.parent / "content"

GENERATED_MARK = "# Tạo tự động cho kiểm thử – không phải tin thật"
NOTICE = "Bài viết tạo tự động cho kiểm thử"

BLOC = "khoi-kcn-tdmnpb"
MINISTRY = "bo-khdt"
BOARD_KIND = "ban-quan-ly-kcn"
MERGED_UNIT = "so-ke-hoach-cu"
MERGED_UNIT_NAME = "Đơn vị thử nghiệm đã sáp nhập"
MERGED_UNTIL = 2018
MERGED_SUCCESSOR = "thai-nguyen"
FUTURE_YEAR = 2099

# Used only by the drafts and the future article.
UNPUBLISHED_UNIT = "vu-quan-ly-cac-khu-kinh-te"
UNPUBLISHED_AWARD_TYPES = ("co-thi-dua-chinh-phu", "chien-si-thi-dua-toan-quoc")
DRAFT_WORDS = ("Khuêvănnháp", "Sáoxanhnháp")
FUTURE_WORD = "Hẹngiờxaxôi"
HIDDEN_WORD = "Lặngẩnmình"

# The bloc's own awards: only the conference and the ceremony give them to units.
_BLOC_UNIT_AWARDS = ("co-thi-dua-xuat-sac", "bang-khen-bo-truong")
_PROPOSED_PERSON_AWARD = "chien-si-thi-dua-bo-tinh"
_LEGACY_PREFIX = "/tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/content/"
_LAST_LEGACY_YEAR = 2020  # the old site was replaced after this year

Kind = Literal["published", "draft", "future", "hidden"]
AwardTo = Literal["unit", "person", "individuals"]


# --- What was generated ------------------------------------------------------


@dataclass(frozen=True)
class RoleSpec:
    bloc: str
    year: int
    head: str
    deputy: str


@dataclass(frozen=True)
class EventSpec:
    type: str
    date: dt.date
    year: int
    place: str
    host: str
    bloc: str | None
    activities: tuple[str, ...]


@dataclass(frozen=True)
class AwardSpec:
    """One award as the domain model reads it (unit ids resolved, year defaulted)."""

    type: str
    year: int
    status: Literal["de-nghi", "da-tang"]
    recipient: str | None = None
    person: str | None = None
    unit: str | None = None
    individuals: int | None = None
    by: str | None = None
    decision: str | None = None
    decision_date: dt.date | None = None

    @property
    def to(self) -> AwardTo:
        if self.recipient is not None:
            return "unit"
        return "person" if self.person is not None else "individuals"


@dataclass(frozen=True)
class PersonSpec:
    name: str
    title: str | None
    unit: str | None
    role: str | None


@dataclass(frozen=True)
class ArticleSpec:
    path: str
    """Relative to the corpus root, e.g. ``articles/2019/tap-huan-....md``."""
    slug: str
    year: int
    """Publication year (of ``date``), as in the article's address."""
    title: str
    date: dt.datetime
    """Publication time, aware, Asia/Ho_Chi_Minh."""
    status: Literal["published", "draft", "hidden"]
    kind: Kind
    """``status``, except that a published article dated 2099 is ``future``."""
    category: str
    tags: tuple[str, ...]
    units: tuple[str, ...]
    event: EventSpec | None
    roles: tuple[RoleSpec, ...]
    awards: tuple[AwardSpec, ...]
    people: tuple[PersonSpec, ...]
    legacy_url: str | None
    explicit_slug: bool
    summary: str | None = None
    source: str | None = None
    author: str | None = None
    modified: dt.datetime | None = None
    words: tuple[str, ...] = ()
    """Distinctive words of a draft, future or hidden article (title, body, tags)."""

    @property
    def url(self) -> str:
        return f"/tin-tuc/{self.year}/{self.slug}/"

    @property
    def emulation_year(self) -> int:
        return self.event.year if self.event is not None else self.year

    @property
    def is_listed(self) -> bool:
        """Shown in listings: published and not in the future."""
        return self.kind == "published"


@dataclass(frozen=True)
class Spelling:
    """A unit reference written as a name rather than an id."""

    path: str
    written: str
    unit: str


@dataclass(frozen=True)
class Corpus:
    """What :func:`generate_corpus` wrote under ``root`` (the content folder)."""

    root: Path
    seed: int
    years: tuple[int, ...]
    articles: tuple[ArticleSpec, ...]
    roles: tuple[RoleSpec, ...]
    """The bloc's leadership, one per emulation year; every article agrees."""
    spellings: tuple[Spelling, ...]
    board_units: tuple[str, ...]
    """The seven management boards, in units.yml order."""
    merged_unit: str = MERGED_UNIT
    merged_until: int = MERGED_UNTIL
    bloc: str = BLOC
    unpublished_unit: str = UNPUBLISHED_UNIT
    unpublished_award_types: tuple[str, ...] = UNPUBLISHED_AWARD_TYPES
    unpublished_words: tuple[str, ...] = (
        *DRAFT_WORDS,
        FUTURE_WORD,
        *(slugify(w) for w in (*DRAFT_WORDS, FUTURE_WORD)),
    )
    """Words (and their slugs) found only in the drafts and the future article."""
    hidden_words: tuple[str, ...] = (HIDDEN_WORD, slugify(HIDDEN_WORD))

    # Selections
    def of_kind(self, kind: Kind) -> tuple[ArticleSpec, ...]:
        return tuple(a for a in self.articles if a.kind == kind)

    @property
    def published(self) -> tuple[ArticleSpec, ...]:
        """Articles a build (after the corpus years, before 2099) lists."""
        return self.of_kind("published")

    @property
    def drafts(self) -> tuple[ArticleSpec, ...]:
        return self.of_kind("draft")

    @property
    def future(self) -> tuple[ArticleSpec, ...]:
        return self.of_kind("future")

    @property
    def hidden(self) -> tuple[ArticleSpec, ...]:
        return self.of_kind("hidden")

    @property
    def unpublished(self) -> tuple[ArticleSpec, ...]:
        """Drafts and the future article: they must appear nowhere in a build."""
        return self.drafts + self.future

    def by_year(self, year: int) -> tuple[ArticleSpec, ...]:
        return tuple(a for a in self.published if a.year == year)

    def with_unit(self, unit: str) -> tuple[ArticleSpec, ...]:
        return tuple(a for a in self.published if unit in a.units)

    def with_event(self, event_type: str) -> tuple[ArticleSpec, ...]:
        return tuple(a for a in self.published if a.event and a.event.type == event_type)

    def article(self, year: int, slug: str) -> ArticleSpec:
        return next(a for a in self.articles if a.year == year and a.slug == slug)

    def file(self, article: ArticleSpec) -> Path:
        return self.root / article.path

    def awards(
        self,
        *,
        to: AwardTo | None = None,
        status: str | None = None,
        type: str | None = None,
        kinds: tuple[Kind, ...] = ("published",),
    ) -> list[tuple[ArticleSpec, AwardSpec]]:
        """Awards of the articles of ``kinds`` (default: listed ones), filtered."""
        return [
            (article, award)
            for article in self.articles
            if article.kind in kinds
            for award in article.awards
            if (to is None or award.to == to)
            and (status is None or award.status == status)
            and (type is None or award.type == type)
        ]

    @property
    def event_types(self) -> frozenset[str]:
        return frozenset(a.event.type for a in self.published if a.event)

    @property
    def units_used(self) -> frozenset[str]:
        return frozenset(u for a in self.published for u in a.units)

    def role(self, year: int) -> RoleSpec:
        return next(r for r in self.roles if r.year == year)


# --- Generation ----------------------------------------------------------------

_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan",
)  # fmt: skip
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Thu", "Ngọc", "Xuân")
_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
    "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc",
    "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Trung", "Tuấn", "Vân", "Yến",
)  # fmt: skip
_POSITIONS = (
    "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng",
    "Trưởng phòng Quản lý doanh nghiệp", "Chuyên viên",
)  # fmt: skip
_ACTIONS = (
    "Tập huấn", "Hội thảo về", "Triển khai", "Kiểm tra", "Hướng dẫn",
    "Làm việc về", "Trao đổi kinh nghiệm về", "Thông báo về", "Kế hoạch", "Rà soát",
)  # fmt: skip
_TOPICS = (
    "công tác thi đua, khen thưởng", "quản lý lao động", "bảo vệ môi trường",
    "an toàn, vệ sinh lao động", "cải cách hành chính", "chuyển đổi số",
    "phòng cháy, chữa cháy", "quản lý dự án đầu tư", "chế độ báo cáo thống kê",
    "công tác văn thư, lưu trữ", "phát triển hạ tầng", "hỗ trợ doanh nghiệp",
)  # fmt: skip
_WHEN = (
    "quý I", "quý II", "quý III", "quý IV", "6 tháng đầu năm", "6 tháng cuối năm",
    "tháng {month}", "đợt {round}",
)  # fmt: skip
_TAGS = (
    "Thi đua", "Khen thưởng", "Hội nghị", "Tập huấn", "Môi trường", "Lao động",
    "Đầu tư", "Chuyển đổi số", "Cải cách hành chính", "Khu công nghiệp",
)  # fmt: skip
_SOURCES = ("Văn phòng", "Phòng Quản lý doanh nghiệp", "Phòng Quản lý đầu tư")
_CATEGORIES = ("tin-tuc-su-kien", "thi-dua-khen-thuong", "thong-bao")
_WORDS = (
    "kế hoạch", "nội dung", "thực hiện", "phối hợp", "đơn vị", "báo cáo", "thống nhất",
    "triển khai", "hướng dẫn", "tổng hợp", "đánh giá", "kết quả", "nhiệm vụ",
    "phong trào", "thi đua", "cán bộ", "tập thể", "cá nhân", "chỉ tiêu", "định kỳ",
    "kiểm tra", "đề xuất", "ý kiến", "văn bản", "hồ sơ", "quy trình", "trao đổi",
    "kinh nghiệm", "công tác", "tiến độ", "chất lượng", "hiệu quả", "tiếp tục",
    "đẩy mạnh", "rà soát", "cập nhật", "theo dõi", "lĩnh vực", "chuyên môn", "mẫu",
)  # fmt: skip
_TONE_MOVES = {
    unicodedata.normalize("NFC", base + tone + follower): unicodedata.normalize(
        "NFC", base + follower + tone
    )
    for base, follower in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
}
_TONE_MOVE = re.compile("(?:" + "|".join(_TONE_MOVES) + r")(?!\w)")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLAIN = re.compile(r"[^\W\d_](?:[\w ]*\w)?")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})

README = """\
Dữ liệu thử nghiệm — tạo tự động bởi tests/corpus.py (seed {seed}).
Mọi bài viết trong articles/ là bài tạo tự động cho kiểm thử, không phải tin thật.
data/ và pages/ chép từ content/ thật; units.yml và blocs.yml có thêm đơn vị
hư cấu "{merged}" ({merged_id}) ở cuối tệp.

Generated test data (tests/corpus.py, seed {seed}). The articles are fictional.
"""


def _scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when unambiguous, else double-quoted."""
    if _ID.fullmatch(text) or (_PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: dict[str, str | int | None]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in items.items() if v is not None) + "}"


def _iso_date(day: dt.date) -> str:
    return day.isoformat()


def _day_first(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _moved_tone(text: str) -> str:
    return _TONE_MOVE.sub(lambda m: _TONE_MOVES[m.group()], text)


@dataclass
class _Doc:
    """An article being put together; rendered by :meth:`_Generator._emit`."""

    year: int
    title: str
    date: dt.datetime
    date_text: str
    category: str
    kind: Kind = "published"
    status: str = "published"
    slug: str = ""
    explicit_slug: bool = False
    modified: dt.datetime | None = None
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    source: str | None = None
    author: str | None = None
    units: list[tuple[str, str]] = field(default_factory=list)  # (id, written)
    event: EventSpec | None = None
    event_host: str = ""
    event_date_text: str = ""
    roles: list[tuple[RoleSpec, str]] = field(default_factory=list)
    awards: list[tuple[AwardSpec, str]] = field(default_factory=list)
    people: list[tuple[PersonSpec, str]] = field(default_factory=list)
    legacy_url: str | None = None
    body: str = ""
    words: tuple[str, ...] = ()
    spellings: list[tuple[str, str]] = field(default_factory=list)  # (written, id)

    def unit_ids(self) -> list[str]:
        return [u for u, _ in self.units]


class _Generator:
    def __init__(self, target: Path, years: range, per_year: int, seed: int) -> None:
        self.target = target
        self.years = years
        self.per_year = per_year
        self.rng = random.Random(seed)
        self.seed = seed
        self.specs: list[ArticleSpec] = []
        self.spellings: list[Spelling] = []
        self.award_keys: set[tuple] = set()
        self.legacy_urls: set[str] = set()
        self.slugs: dict[int, set[str]] = {}
        self.proposals: dict[int, list[AwardSpec]] = {}
        self.ordinary_seen = False
        self._load_registries()
        self.roles = self._role_table()

    # Registries ------------------------------------------------------------

    def _load_registries(self) -> None:
        data = self.target / "data"
        units = yaml.safe_load((data / "units.yml").read_text(encoding="utf-8"))
        awards = yaml.safe_load((data / "awards.yml").read_text(encoding="utf-8"))
        blocs = yaml.safe_load((data / "blocs.yml").read_text(encoding="utf-8"))
        self.units = {u["id"]: u for u in units}
        self.boards = tuple(
            u["id"] for u in units if u.get("kind") == BOARD_KIND and u["id"] != MERGED_UNIT
        )
        self.award_types = {a["id"]: a for a in awards}
        self.bloc = next(b for b in blocs if b["id"] == BLOC)
        for needed in (MINISTRY, UNPUBLISHED_UNIT, MERGED_UNIT, MERGED_SUCCESSOR):
            if needed not in self.units:
                raise ValueError(f"units.yml has no {needed!r}: tests/corpus.py needs it")
        if len(self.boards) < 3:
            raise ValueError("units.yml needs at least three management boards")
        for needed in (*UNPUBLISHED_AWARD_TYPES, *_BLOC_UNIT_AWARDS, _PROPOSED_PERSON_AWARD):
            if needed not in self.award_types:
                raise ValueError(f"awards.yml has no {needed!r}: tests/corpus.py needs it")
        usable = [a for a in awards if a["id"] not in UNPUBLISHED_AWARD_TYPES]
        self.unit_award_types = tuple(
            a["id"]
            for a in usable
            if "tap-the" in a["recipients"] and a["id"] not in _BLOC_UNIT_AWARDS
        )
        self.person_award_types = tuple(a["id"] for a in usable if "ca-nhan" in a["recipients"])
        self.variants = {uid: self._variants(unit) for uid, unit in self.units.items()}

    @staticmethod
    def _variants(unit: dict) -> tuple[str, ...]:
        """Other ways of writing the unit that must still find it."""
        names = [n for n in (unit["name"], unit.get("short_name"), *unit.get("aliases", ())) if n]
        found: list[str] = []
        for name in names:
            for variant in (
                _moved_tone(name),
                unicodedata.normalize("NFD", name),
                name.upper(),
            ):
                if variant not in found:
                    found.append(variant)
        return tuple(found)

    def _role_table(self) -> tuple[RoleSpec, ...]:
        """Each year the deputy becomes head, as in the seed article."""
        order = list(self.boards)
        self.rng.shuffle(order)
        first = self.years.start - 1
        return tuple(
            RoleSpec(
                BLOC,
                year,
                order[(year - first) % len(order)],
                order[(year - first + 1) % len(order)],
            )
            for year in range(first, self.years.stop)
        )

    def role(self, year: int) -> RoleSpec:
        return self.roles[year - (self.years.start - 1)]

    def members(self, year: int) -> list[str]:
        return [*self.boards, *([MERGED_UNIT] if year <= MERGED_UNTIL else [])]

    # Small random pieces ------------------------------------------------------

    def ref(self, doc: _Doc, unit: str, chance: float = 0.1) -> str:
        """The unit as written: usually its id, sometimes a name or alias."""
        variants = self.variants[unit]
        if variants and self.rng.random() < chance:
            return self.spell(doc, unit, self.rng.choice(variants))
        return unit

    def spell(self, doc: _Doc, unit: str, written: str) -> str:
        doc.spellings.append((written, unit))
        return _scalar(written)

    def name(self) -> str:
        rng = self.rng
        return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"

    def sentence(self, words: tuple[str, ...] = ()) -> str:
        rng = self.rng
        chosen = rng.choices(_WORDS, k=rng.randint(7, 14))
        for word in words:
            chosen.insert(rng.randrange(1, len(chosen)), word)
        text = " ".join(chosen)
        return text[0].upper() + text[1:] + "."

    def body(self, words: tuple[str, ...] = (), mentions: tuple[str, ...] = ()) -> str:
        rng = self.rng
        first = [
            f"{NOTICE}: văn bản dưới đây được sinh ngẫu nhiên, không phải tin thật.",
            self.sentence(words),
        ]
        if mentions:
            first.append(f"Đơn vị được nêu để thử hiển thị: {', '.join(mentions)}.")
        paragraphs = [" ".join(first)]
        for _ in range(rng.randint(1, 3)):
            paragraphs.append(" ".join(self.sentence() for _ in range(rng.randint(2, 4))))
        return "\n\n".join(paragraphs) + "\n"

    def moment(self, day: dt.date) -> dt.datetime:
        rng = self.rng
        return dt.datetime(
            day.year, day.month, day.day, rng.randint(7, 17), rng.randrange(0, 60, 5)
        )

    def date_text(self, moment: dt.datetime, style: int | None = None) -> str:
        style = self.rng.randrange(4) if style is None else style
        return (
            moment.strftime("%Y-%m-%d %H:%M"),
            moment.strftime("%d/%m/%Y %H:%M"),
            moment.strftime("%d-%m-%Y %H:%M"),
            moment.strftime("%Y-%m-%dT%H:%M:%S"),
        )[style]

    def day_text(self, day: dt.date) -> str:
        return _iso_date(day) if self.rng.random() < 0.5 else _day_first(day)

    def place(self, unit: str) -> str:
        province = self.units[unit].get("province")
        return f"Tỉnh {province}" if province else "Thành phố Thái Nguyên"

    def unique_title(self, year: int, title: str) -> tuple[str, str]:
        """``title``, numbered if its slug is taken in ``year``, and its slug."""
        taken = self.slugs.setdefault(year, set())
        base = slugify(title)
        candidate, slug, number = title, base, 1
        while slug in taken:
            number += 1
            candidate, slug = f"{title} (lần {number})", f"{base}-lan-{number}"
        taken.add(slug)
        return candidate, slug

    def legacy(self, title: str) -> str:
        base = _LEGACY_PREFIX + legacy_url_title(title)
        url, number = base, 1
        while url in self.legacy_urls:
            number += 1
            url = f"{base}-{number}"
        self.legacy_urls.add(url)
        return url

    def new_doc(self, year: int, title: str, moment: dt.datetime, category: str, **kw) -> _Doc:
        title, slug = self.unique_title(year, title)
        kw.setdefault("date_text", self.date_text(moment))
        return _Doc(year=year, title=title, date=moment, category=category, slug=slug, **kw)

    # Awards and people --------------------------------------------------------

    def award(self, doc: _Doc, type_: str, *, status: str, **fields) -> AwardSpec | None:
        """Add an award unless the corpus already records the same one."""
        explicit_year = fields.pop("year", None)
        year = explicit_year or (doc.event.year if doc.event else doc.date.year)
        spec = AwardSpec(type=type_, year=year, status=status, **fields)
        if spec.individuals is None:
            key = (type_, year, spec.recipient, spec.person, status)
            if key in self.award_keys:
                return None
            self.award_keys.add(key)
        written: dict[str, str | int | None] = {"type": type_}
        if spec.recipient is not None:
            written["recipient"] = self.ref(doc, spec.recipient, 0.05)
        if spec.person is not None:
            written["person"] = _scalar(spec.person)
            if spec.unit is not None:
                written["unit"] = self.ref(doc, spec.unit, 0.05)
        written["individuals"] = spec.individuals
        written["year"] = explicit_year
        written["by"] = spec.by
        written["status"] = status if status == "de-nghi" or self.rng.random() < 0.7 else None
        written["decision"] = _scalar(spec.decision) if spec.decision else None
        if spec.decision_date is not None:
            written["decision_date"] = self.day_text(spec.decision_date)
        doc.awards.append((spec, _flow(written)))
        return spec

    def person_award(self, doc: _Doc, type_: str, unit: str, *, status: str, **fields) -> None:
        for _ in range(20):
            if self.award(doc, type_, status=status, person=self.name(), unit=unit, **fields):
                return

    def decision(self) -> str:
        return f"{self.rng.randint(100, 2999)}/QĐ-BKHĐT"

    def by(self, type_: str, unit: str) -> str | None:
        level = self.award_types[type_]["level"]
        return {"co-so": unit, "bo-tinh": MINISTRY}.get(level)

    def person(self, doc: _Doc, unit: str, *, role: str | None = None, title: str | None = None):
        title = title or f"{self.rng.choice(_POSITIONS)}, {self.units[unit].get('short_name')}"
        spec = PersonSpec(self.name(), title, unit, role)
        written = {
            "name": _scalar(spec.name),
            "title": _scalar(title),
            "unit": self.ref(doc, unit, 0.05),
            "role": _scalar(role) if role else None,
        }
        doc.people.append((spec, _flow(written)))

    def add_roles(self, doc: _Doc, *years: int) -> None:
        for year in years:
            role = self.role(year)
            written = {
                "bloc": role.bloc,
                "year": role.year,
                "head": self.ref(doc, role.head, 0.05),
                "deputy": self.ref(doc, role.deputy, 0.05),
            }
            doc.roles.append((role, _flow(written)))

    def set_event(self, doc: _Doc, type_: str, day: dt.date, year: int, host: str, **kw) -> None:
        doc.event = EventSpec(
            type=type_,
            date=day,
            year=year,
            place=kw.get("place") or self.place(host),
            host=host,
            bloc=kw.get("bloc"),
            activities=tuple(kw.get("activities", ())),
        )
        doc.event_host = self.ref(doc, host)
        doc.event_date_text = self.day_text(day)

    # The articles of one year ---------------------------------------------------

    def year(self, year: int) -> None:
        builders = [self.conference, self.ceremony]
        if self.rng.random() < 0.6:
            builders.append(self.review)
        for index in range(self.per_year):
            if index < len(builders):
                builders[index](year)
            else:
                self.ordinary(year)

    def conference(self, year: int) -> None:
        """The summing-up conference of ``year - 1``, held in February."""
        rng, summed = self.rng, year - 1
        role = self.role(summed)
        day = dt.date(year, 2, rng.randint(10, 28))
        moment = self.moment(day + dt.timedelta(days=rng.randint(0, 5)))
        doc = self.new_doc(
            year,
            f"Hội nghị tổng kết công tác thi đua năm {summed} – {self.bloc['short_name']}",
            moment,
            "thi-dua-khen-thuong",
            date_text=self.date_text(moment, 1),
            source=_SOURCES[0],
            tags=["Thi đua", "Hội nghị"],
        )
        members = self.members(summed)
        forced = self._forced_spellings() if year == self.years.start else {}
        for unit in members:
            if unit in forced:
                doc.units.append((unit, self.spell(doc, unit, forced[unit])))
            else:
                doc.units.append((unit, self.ref(doc, unit)))
        self.set_event(
            doc,
            "hoi-nghi-tong-ket",
            day,
            summed,
            role.head,
            bloc=BLOC,
            activities=["phat-dong-thi-dua", "ky-giao-uoc"],
        )
        self.add_roles(doc, summed, year)
        others = [u for u in self.boards if u not in (role.head, role.deputy)]
        recipients = [role.deputy, rng.choice(others)]
        if summed <= MERGED_UNTIL:
            recipients.append(MERGED_UNIT)
        self.award(doc, "co-thi-dua-xuat-sac", recipient=role.head, by=MINISTRY, status="de-nghi")
        for unit in recipients:
            self.award(doc, "bang-khen-bo-truong", recipient=unit, by=MINISTRY, status="de-nghi")
        self.award(
            doc,
            "bang-khen-bo-truong",
            individuals=rng.randint(3, 12),
            by=MINISTRY,
            status="de-nghi",
        )
        self.person_award(
            doc, _PROPOSED_PERSON_AWARD, rng.choice(self.boards), status="de-nghi", by=MINISTRY
        )
        self.proposals[summed] = [a for a, _ in doc.awards]
        self.person(doc, MINISTRY, title="Đại diện Vụ Thi đua – Khen thưởng")
        self.person(doc, role.head, role="chủ trì")
        self.person(doc, role.deputy, role="đồng chủ trì")
        doc.body = self.body(mentions=tuple(self.units[u]["short_name"] for u in members[:3]))
        self._emit(doc)

    def _forced_spellings(self) -> dict[str, str]:
        """At least one moved tone mark and one NFD name, whatever the dice say."""
        forced: dict[str, str] = {}
        for uid in self.boards:
            short = self.units[uid]["short_name"]
            if _moved_tone(short) != short:
                forced[uid] = _moved_tone(short)
                break
        nfd_unit = next(uid for uid in self.boards if uid not in forced)
        forced[nfd_unit] = unicodedata.normalize("NFD", self.units[nfd_unit]["name"])
        return forced

    def ceremony(self, year: int) -> None:
        """Conferring what the conference of ``year`` proposed for ``year - 1``."""
        rng, summed = self.rng, year - 1
        day = dt.date(year, rng.randint(9, 11), rng.randint(1, 28))
        moment = self.moment(day + dt.timedelta(days=rng.randint(0, 3)))
        doc = self.new_doc(
            year,
            f"Trao khen thưởng thành tích thi đua năm {summed} cho các đơn vị trong Khối",
            moment,
            "thi-dua-khen-thuong",
            date_text=self.date_text(moment, 0),
            tags=["Khen thưởng"],
        )
        self.set_event(doc, "trao-thuong", day, summed, MINISTRY, place="Hà Nội", bloc=BLOC)
        decided = day - dt.timedelta(days=rng.randint(5, 30))
        number = self.decision()
        for proposed in self.proposals.get(summed, []):
            fields = {
                "recipient": proposed.recipient,
                "person": proposed.person,
                "unit": proposed.unit,
                "individuals": proposed.individuals,
            }
            self.award(
                doc,
                proposed.type,
                status="da-tang",
                by=proposed.by,
                decision=number,
                decision_date=decided,
                **fields,
            )
            unit = proposed.recipient or proposed.unit
            if unit and unit not in doc.unit_ids():
                doc.units.append((unit, self.ref(doc, unit)))
        self.person(doc, MINISTRY, title="Lãnh đạo Bộ Kế hoạch và Đầu tư", role="trao thưởng")
        doc.body = self.body()
        self._emit(doc)

    def review(self, year: int) -> None:
        """The mid-year review: records this year's leadership again."""
        rng = self.rng
        role = self.role(year)
        day = dt.date(year, 7, rng.randint(5, 25))
        moment = self.moment(day + dt.timedelta(days=rng.randint(0, 4)))
        doc = self.new_doc(
            year,
            f"Hội nghị sơ kết công tác thi đua 6 tháng đầu năm {year}",
            moment,
            "thi-dua-khen-thuong",
            legacy_url=None,
        )
        doc.units = [(u, self.ref(doc, u)) for u in (role.head, role.deputy)]
        self.set_event(
            doc, "hoi-nghi-so-ket", day, year, role.deputy, bloc=BLOC, activities=["ky-giao-uoc"]
        )
        self.add_roles(doc, year)
        self.award(
            doc, "giay-khen", individuals=rng.randint(2, 6), by=role.deputy, status="da-tang"
        )
        self.person(doc, role.deputy, role="chủ trì")
        if year <= _LAST_LEGACY_YEAR:
            doc.legacy_url = self.legacy(doc.title)
        doc.body = self.body()
        self._emit(doc)

    def ordinary(self, year: int) -> None:
        rng = self.rng
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        moment = self.moment(day)
        units = rng.sample(self.boards, rng.randint(0, 3))
        if year <= MERGED_UNTIL and rng.random() < 0.3:
            units.append(MERGED_UNIT)
        when = rng.choice(_WHEN).format(month=rng.randint(1, 12), round=rng.randint(1, 4))
        title = f"{rng.choice(_ACTIONS)} {rng.choice(_TOPICS)} {when} năm {year}"
        if units and rng.random() < 0.5:
            title += f" tại {self.units[units[0]]['short_name']}"
        doc = self.new_doc(year, title, moment, rng.choice(_CATEGORIES))
        doc.units = [(u, self.ref(doc, u)) for u in units]
        doc.tags = rng.sample(_TAGS, rng.choice((0, 1, 1, 2, 3)))
        first, self.ordinary_seen = not self.ordinary_seen, True  # has every optional field
        if first or rng.random() < 0.3:
            doc.summary = f"{self.sentence()} ({NOTICE.lower()})"
        if first or rng.random() < 0.5:
            doc.source = rng.choice(_SOURCES)
        if first or rng.random() < 0.2:
            doc.author = self.name()
        if first or rng.random() < 0.15:
            doc.modified = moment + dt.timedelta(days=rng.randint(1, 20))
        if first or rng.random() < 0.05:
            short = "-".join(doc.slug.split("-")[:6])
            if short not in self.slugs[year]:
                self.slugs[year].add(short)
                doc.slug, doc.explicit_slug = short, True
        host = units[0] if units and units[0] != MERGED_UNIT else rng.choice(self.boards)
        if rng.random() < 0.25:
            type_ = rng.choice(("trao-thuong", "phat-dong-thi-dua", "ky-giao-uoc"))
            event_day = max(dt.date(year, 1, 1), day - dt.timedelta(days=rng.randint(0, 3)))
            activities = rng.sample(("phat-dong-thi-dua", "ky-giao-uoc"), rng.randint(0, 1))
            bloc = BLOC if rng.random() < 0.5 else None
            self.set_event(doc, type_, event_day, year, host, bloc=bloc, activities=activities)
        if rng.random() < 0.08:
            self.add_roles(doc, year)
        if rng.random() < 0.3:
            self._ordinary_awards(doc, units, host)
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            self.person(doc, rng.choice(units) if units else host)
        if year <= _LAST_LEGACY_YEAR and rng.random() < 0.25:
            doc.legacy_url = self.legacy(doc.title)
        doc.body = self.body()
        self._emit(doc)

    def _ordinary_awards(self, doc: _Doc, units: list[str], host: str) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            status = rng.choice(("de-nghi", "da-tang"))
            unit = rng.choice(units) if units else host
            extra: dict = {}
            if rng.random() < 0.15:
                extra["year"] = doc.date.year - rng.randint(0, 1)
            if status == "da-tang" and rng.random() < 0.6:
                extra["decision"] = self.decision()
                if rng.random() < 0.7:
                    extra["decision_date"] = doc.date.date() - dt.timedelta(rng.randint(3, 40))
            to = rng.choice(("unit", "person", "individuals"))
            if to == "unit":
                type_ = rng.choice(self.unit_award_types)
                extra["by"] = self.by(type_, unit)
                self.award(doc, type_, recipient=unit, status=status, **extra)
            else:
                person_unit = unit if unit != MERGED_UNIT else host
                type_ = rng.choice(self.person_award_types)
                extra["by"] = self.by(type_, person_unit)
                if to == "person":
                    self.person_award(doc, type_, person_unit, status=status, **extra)
                else:
                    self.award(doc, type_, individuals=rng.randint(1, 20), status=status, **extra)

    # Drafts, the future article, the hidden one -------------------------------------

    def unlisted(self) -> None:
        years = list(self.years)
        for number, (word, year) in enumerate(zip(DRAFT_WORDS, (years[0], years[-1]), strict=True)):
            moment = self.moment(dt.date(year, 6, 10 + number))
            doc = self.new_doc(
                year,
                f"Bản nháp {word} chưa đăng",
                moment,
                "thi-dua-khen-thuong",
                kind="draft",
                status="draft",
                tags=[f"Thẻ {word}"],
                words=(word,),
            )
            doc.units = [
                (UNPUBLISHED_UNIT, UNPUBLISHED_UNIT),
                (self.boards[number], self.boards[number]),
            ]
            if number == 0:
                self.award(doc, "co-thi-dua-chinh-phu", recipient=self.boards[0], status="de-nghi")
            else:
                self.award(
                    doc,
                    "chien-si-thi-dua-toan-quoc",
                    person=f"Phạm Thị {word}",
                    unit=self.boards[1],
                    status="da-tang",
                    decision="1/QĐ-TTg",
                    decision_date=moment.date(),
                )
            self.person(doc, UNPUBLISHED_UNIT, title=f"Chuyên viên {word}")
            doc.body = self.body(words=(word,))
            self._emit(doc)

        moment = dt.datetime(FUTURE_YEAR, 1, 1, 8, 0)
        doc = self.new_doc(
            FUTURE_YEAR,
            f"Bài hẹn giờ {FUTURE_WORD} năm {FUTURE_YEAR}",
            moment,
            "tin-tuc-su-kien",
            kind="future",
            date_text=self.date_text(moment, 1),
            tags=[f"Thẻ {FUTURE_WORD}"],
            words=(FUTURE_WORD,),
        )
        board = self.boards[-1]
        doc.units = [(UNPUBLISHED_UNIT, UNPUBLISHED_UNIT), (board, board)]
        self.set_event(doc, "trao-thuong", dt.date(FUTURE_YEAR - 1, 12, 30), FUTURE_YEAR - 1, board)
        self.award(doc, "co-thi-dua-chinh-phu", recipient=board, status="da-tang")
        self.award(
            doc,
            "chien-si-thi-dua-toan-quoc",
            person=f"Hoàng Văn {FUTURE_WORD}",
            unit=board,
            status="de-nghi",
        )
        self.person(doc, UNPUBLISHED_UNIT, title=f"Chuyên viên {FUTURE_WORD}")
        doc.body = self.body(words=(FUTURE_WORD,))
        self._emit(doc)

        year = years[-1]
        moment = self.moment(dt.date(year, 8, 8))
        doc = self.new_doc(
            year,
            f"Bài ẩn {HIDDEN_WORD} khỏi danh sách",
            moment,
            "thong-bao",
            kind="hidden",
            status="hidden",
            words=(HIDDEN_WORD,),
        )
        doc.units = [(self.boards[0], self.boards[0])]
        self.person_award(doc, "lao-dong-tien-tien", self.boards[0], status="da-tang")
        doc.body = self.body(words=(HIDDEN_WORD,))
        self._emit(doc)

    # Writing -----------------------------------------------------------------------

    def _emit(self, doc: _Doc) -> None:
        lines = ["---", GENERATED_MARK, f"title: {_scalar(doc.title)}", f"date: {doc.date_text}"]
        if doc.modified:
            lines.append(f"modified: {doc.modified:%Y-%m-%d %H:%M}")
        if doc.explicit_slug:
            lines.append(f"slug: {doc.slug}")
        lines.append(f"category: {doc.category}")
        if doc.status != "published":
            lines.append(f"status: {doc.status}")
        if doc.tags:
            lines.append(f"tags: [{', '.join(_scalar(t) for t in doc.tags)}]")
        for key in ("summary", "source", "author"):
            value = getattr(doc, key)
            if value:
                lines.append(f"{key}: {_scalar(value)}")
        if doc.units:
            lines.append(f"units: [{', '.join(w for _, w in doc.units)}]")
        if doc.event:
            event = doc.event
            lines += ["event:", f"  type: {event.type}", f"  date: {doc.event_date_text}"]
            lines += [f"  place: {_scalar(event.place)}", f"  host: {doc.event_host}"]
            if event.bloc:
                lines.append(f"  bloc: {event.bloc}")
            lines.append(f"  year: {event.year}")
            if event.activities:
                lines.append(f"  activities: [{', '.join(event.activities)}]")
        for key, items in (("roles", doc.roles), ("awards", doc.awards), ("people", doc.people)):
            if items:
                lines.append(f"{key}:")
                lines += [f"  - {written}" for _, written in items]
        if doc.legacy_url:
            lines.append(f"legacy_url: {doc.legacy_url}")
        lines.append("---")
        relative = f"articles/{doc.year}/{doc.slug}.md"
        path = self.target / relative
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n" + doc.body, encoding="utf-8", newline="\n")
        self.spellings += [Spelling(relative, w, u) for w, u in doc.spellings]
        self.specs.append(
            ArticleSpec(
                path=relative,
                slug=doc.slug,
                year=doc.year,
                title=doc.title,
                date=doc.date.replace(tzinfo=TZ),
                status=doc.status,  # type: ignore[arg-type]
                kind=doc.kind,
                category=doc.category,
                tags=tuple(doc.tags),
                units=tuple(doc.unit_ids()),
                event=doc.event,
                roles=tuple(r for r, _ in doc.roles),
                awards=tuple(a for a, _ in doc.awards),
                people=tuple(p for p, _ in doc.people),
                legacy_url=doc.legacy_url,
                explicit_slug=doc.explicit_slug,
                summary=doc.summary,
                source=doc.source,
                author=doc.author,
                modified=doc.modified and doc.modified.replace(tzinfo=TZ),
                words=doc.words,
            )
        )


def _copy_registries_and_pages(target: Path) -> None:
    for folder, pattern in (("data", "*.yml"), ("pages", "*.md")):
        (target / folder).mkdir(parents=True)
        for source in sorted((CONTENT / folder).glob(pattern)):
            shutil.copyfile(source, target / folder / source.name)
    _append(
        target / "data" / "units.yml",
        f"""
# --- Tạo tự động cho kiểm thử (tests/corpus.py): đơn vị hư cấu, không có thật. ---

- id: {MERGED_UNIT}
  name: {MERGED_UNIT_NAME}
  short_name: ĐV thử nghiệm đã sáp nhập
  aliases: [Đơn vị thử nghiệm cũ]
  kind: {BOARD_KIND}
  until: {MERGED_UNTIL}
  successor: {MERGED_SUCCESSOR}
""",
    )
    blocs = target / "data" / "blocs.yml"
    indents = re.findall(r"^( *)- unit:", blocs.read_text(encoding="utf-8"), re.MULTILINE)
    if not indents:
        raise ValueError("blocs.yml has no members list to extend")
    pad = indents[-1]
    _append(
        blocs,
        f"{pad}# Tạo tự động cho kiểm thử: đơn vị hư cấu.\n"
        f"{pad}- unit: {MERGED_UNIT}\n{pad}  until: {MERGED_UNTIL}\n",
    )
    appended = yaml.safe_load(blocs.read_text(encoding="utf-8"))
    bloc = next((b for b in appended if b.get("id") == BLOC), None)
    if bloc is None or {"unit": MERGED_UNIT, "until": MERGED_UNTIL} not in bloc["members"]:
        raise ValueError(f"blocs.yml must end with the members of {BLOC} to append to them")


def _append(path: Path, text: str) -> None:
    original = path.read_text(encoding="utf-8")
    if not original.endswith("\n"):
        original += "\n"
    path.write_text(original + text, encoding="utf-8", newline="\n")


def generate_corpus(
    target: Path,
    *,
    years: range = range(2016, 2022),
    articles_per_year: int = 12,
    seed: int = 7,
) -> Corpus:
    """Write a generated content tree into ``target`` (absent or empty) and describe it.

    Each year of ``years`` gets ``articles_per_year`` published articles; two
    drafts, one article dated 2099 and one hidden article come on top.
    """
    if years.step != 1 or len(years) < 1 or years.start < 1950 or years.stop > FUTURE_YEAR:
        raise ValueError("years must be a non-empty range of consecutive years before 2099")
    if articles_per_year < 1:
        raise ValueError("articles_per_year must be at least 1")
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    _copy_registries_and_pages(target)
    (target / "articles").mkdir()
    generator = _Generator(target, years, articles_per_year, seed)
    for year in years:
        generator.year(year)
    generator.unlisted()
    (target / "README.txt").write_text(
        README.format(seed=seed, merged=MERGED_UNIT_NAME, merged_id=MERGED_UNIT),
        encoding="utf-8",
        newline="\n",
    )
    return Corpus(
        root=target,
        seed=seed,
        years=tuple(years),
        articles=tuple(generator.specs),
        roles=generator.roles,
        spellings=tuple(generator.spellings),
        board_units=generator.boards,
    )


def iter_files(root: Path) -> Iterator[tuple[str, bytes]]:
    """Every file under ``root`` as (relative posix path, bytes), sorted."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path.relative_to(root).as_posix(), path.read_bytes()
