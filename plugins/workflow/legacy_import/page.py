"""What an old page holds, whatever form it was saved in, and the rules both
readers share: the date line, "Nguồn tin", the site footer, photo captions."""

import re
from dataclasses import dataclass
from pathlib import Path

from plugins.domain.text import fold

# The old CMS showed the publication time as "24-06-2019 10:27".
DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s+(\d{1,2}):(\d{2}))?(?!\d)")
SOURCE = re.compile(r"^\s*Nguồn(?:\s+tin)?\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
# Lines of the footer every page of the old site ends with.
FOOTER_LINE = re.compile(
    r"^\s*(Trụ sở|Địa chỉ|Điện thoại|Fax|Email|E-mail|Website)\s*:", re.IGNORECASE
)
PUBLISHER = "Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên"

MAX_CAPTION_WORDS = 25
# A sentence ends and another begins: ". Xxx" (the caption is one sentence).
_TWO_SENTENCES = re.compile(r"[.!?…]\s+[A-ZÀ-ỸĐ]")
# "./." closes the text of a Vietnamese official article; a caption never ends so.
_END_MARK = "./."


class LegacyParseError(Exception):
    """A page that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class LegacyPhoto:
    """A photo of the old page: its caption and, if it was saved, its file."""

    caption: str | None = None
    alt: str | None = None
    file: Path | None = None
    original: str | None = None
    """The ``src`` the old page gave, for the file's extension and the report."""


Block = str | LegacyPhoto
"""A Markdown paragraph of the body, or a photo at that place."""


@dataclass(frozen=True)
class LegacyPage:
    source_file: Path
    title: str
    published: str
    """The publication date as the old site wrote it, e.g. ``24-06-2019 10:27``."""
    blocks: tuple[Block, ...]
    news_source: str | None = None
    address: str | None = None
    """The page's own address (canonical link or the browser's "saved from")."""

    @property
    def photos(self) -> tuple[LegacyPhoto, ...]:
        return tuple(b for b in self.blocks if isinstance(b, LegacyPhoto))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b for b in self.blocks if isinstance(b, str))


def find_date(text: str) -> str | None:
    """The first day-first date (with its time, if any) in ``text``, as written."""
    match = DATE.search(text)
    if match is None:
        return None
    day, month, year, hour, minute = match.groups()
    written = f"{int(day):02d}-{int(month):02d}-{year}"
    return f"{written} {int(hour):02d}:{minute}" if hour else written


def is_footer(text: str) -> bool:
    """A line of the site footer: contact lines, or the publisher's name."""
    stripped = text.strip()
    return bool(FOOTER_LINE.match(stripped)) or fold(stripped) == fold(PUBLISHER)


def news_source(text: str) -> str | None:
    """The value of a "Nguồn tin: …" line, cut where the footer was glued on.

    Text copied from the old page runs the source into the footer's heading,
    "Văn PhòngBAN QUẢN LÝ CÁC KHU…": the footer starts at the publisher's name,
    or else where a lower-case letter meets a run of capitals.
    """
    match = SOURCE.match(text)
    if match is None:
        return None
    value = match.group(1).split("\n")[0]
    publisher = fold(PUBLISHER)
    at = next((i for i in range(1, len(value)) if fold(value[i:]).startswith(publisher)), 0)
    if at:
        value = value[:at]
    else:
        for index in range(1, len(value) - 1):
            if value[index - 1].islower() and value[index].isupper() and value[index + 1].isupper():
                value = value[:index]
                break
    return value.strip(" .:-–") or None


def looks_like_caption(text: str) -> bool:
    """A short single sentence: what the old site put under its photos.

    Only used where the page's structure does not say (text copied from the
    browser, where the photos themselves are gone).
    """
    stripped = text.strip()
    if not stripped or len(stripped.split()) > MAX_CAPTION_WORDS:
        return False
    if stripped.endswith((_END_MARK, ":", ";", ",")):
        return False
    return not _TWO_SENTENCES.search(stripped)
