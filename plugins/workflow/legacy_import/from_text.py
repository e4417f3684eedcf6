"""Pages copied out of the browser as plain text, like the seed article.

The layout is the old page's, line by line: the title, the date line, the
paragraphs, photo captions where the photos were, "Nguồn tin: …", the footer.
"""

import unicodedata
from pathlib import Path

from .markdown import escape_paragraph
from .page import (
    Block,
    LegacyPage,
    LegacyParseError,
    LegacyPhoto,
    find_date,
    is_footer,
    looks_like_caption,
    news_source,
)

# The date line follows the title within a few lines, or it is not this layout.
_DATE_WITHIN = 4


def read_text(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LegacyParseError(
            "tệp văn bản không phải UTF-8 — hãy lưu lại với bảng mã UTF-8"
        ) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


def parse_text(path: Path) -> LegacyPage:
    lines = [line.strip() for line in read_text(path).split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise LegacyParseError("tệp trống")
    title, rest = lines[0], lines[1:]
    published = None
    for index, line in enumerate(rest[:_DATE_WITHIN]):
        published = find_date(line) if len(line) <= 20 else None
        if published:
            rest = rest[index + 1 :]
            break
    if published is None:
        raise LegacyParseError(
            "không thấy dòng ngày đăng (dạng 24-06-2019 10:27) ngay dưới tiêu đề"
        )
    blocks: list[Block] = []
    source = None
    for line in rest:
        found = news_source(line)
        if found is not None or line.lower().startswith("nguồn"):
            source = found
            break  # the footer follows
        if is_footer(line):
            continue
        if blocks and looks_like_caption(line):
            blocks.append(LegacyPhoto(caption=line))
        else:
            blocks.append(escape_paragraph(line))
    if not any(isinstance(b, str) for b in blocks):
        raise LegacyParseError("không thấy đoạn văn nào của bài")
    return LegacyPage(path, title, published, tuple(blocks), news_source=source)
