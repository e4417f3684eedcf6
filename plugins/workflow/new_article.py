"""``invoke new "Tiêu đề"``: a new article from the commented template.

The file is valid as written: the required fields have values (today's date
in Vietnamese time, the first category) and every other field is a commented
example, so ``make check`` and the preview accept it before the editor has
touched anything.
"""

import datetime as dt
from pathlib import Path

from plugins.domain.dates import TZ
from plugins.domain.problems import Report
from plugins.domain.registries import Registries, load_registries
from plugins.domain.site import ARTICLES_FOLDER, DATA_FOLDER
from plugins.domain.text import nfc, slugify

from . import front_matter

BODY = """\
Viết nội dung bài ở đây: mỗi đoạn văn cách nhau một dòng trống. Đoạn đầu nên
nói đủ ai, làm gì, ở đâu, khi nào.
"""


class ArticleExistsError(FileExistsError):
    """The article's file (or its folder form) is already there."""


def article_text(title: str, now: dt.datetime, registries: Registries) -> str:
    """The new article: header, required fields, every optional field commented."""
    return "\n".join(
        [
            "---",
            front_matter.HEADER,
            front_matter.REQUIRED_HELP["title"],
            f"title: {front_matter.quoted(title)}",
            front_matter.REQUIRED_HELP["date"],
            f"date: {front_matter.format_date(now)}",
            front_matter.category_help(registries),
            f"category: {front_matter.default_category(registries)}",
            "",
            front_matter.commented(list(front_matter.OPTIONAL_HELP)),
            "---",
            BODY,
        ]
    )


def article_path(content_root: Path, title: str, now: dt.datetime) -> Path:
    slug = slugify(title)
    if not slug:
        raise ValueError(f"tiêu đề {title!r} cần có chữ hoặc số để đặt tên tệp")
    return content_root / ARTICLES_FOLDER / f"{now.astimezone(TZ):%Y}" / f"{slug}.md"


def create_article(content_root: Path, title: str, now: dt.datetime | None = None) -> Path:
    """Write ``content/articles/{yyyy}/{slug}.md``; never replaces a file."""
    title = nfc(title).strip()
    now = now or dt.datetime.now(TZ)
    path = article_path(content_root, title, now)
    folder_form = path.with_suffix("") / "index.md"
    for existing in (path, folder_form):
        if existing.exists():
            raise ArticleExistsError(
                f"đã có bài {existing} — hãy sửa bài đó, hoặc đặt tiêu đề khác cho bài mới"
            )
    registries = load_registries(content_root / DATA_FOLDER, content_root, Report())
    text = article_text(title, now, registries)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise ArticleExistsError(f"đã có bài {path}") from None
    return path
