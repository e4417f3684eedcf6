"""Pages as the old Liferay CMS served them, saved from the browser.

The article is the ``div.journal-content-article`` of the asset publisher; its
title and date are in the asset around it. Photos are ``<img>`` in their own
paragraph (or figure, or table cell) with the caption in the next paragraph or
beside the image. Everything outside the asset (banner, menus, footer) is
ignored. A browser's "save page, complete" keeps the photos in a
``{page}_files/`` folder: those files are found and imported.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from .markdown import escape_paragraph, inline_paragraph
from .page import (
    Block,
    LegacyPage,
    LegacyParseError,
    LegacyPhoto,
    find_date,
    is_footer,
    news_source,
)

ARTICLE = ".journal-content-article"
TITLES = (".header-title", ".asset-title", "h1", "h2", "h3")  # most specific first
TITLE = ", ".join(TITLES)
DATE_PLACES = "[class*=publish-date], [class*=display-date], .asset-metadata, .metadata-entry"
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+)\s*-->", re.IGNORECASE)
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
_CONTAINED = (*_BLOCKS, "figure", "table")
_CAPTION_WORDS = 30
_ICON_SIZE = 48  # smaller images are icons, not photos


def parse_html(path: Path) -> LegacyPage:
    raw = path.read_bytes()
    soup = BeautifulSoup(raw, "lxml")
    article = soup.select_one(ARTICLE)
    if article is None:
        raise LegacyParseError(
            f"không thấy nội dung bài ({ARTICLE}) — đây không phải trang bài viết của website cũ?"
        )
    asset = _asset(article)
    title = _title(soup, asset, article)
    published = _published(asset, article)
    blocks, source = _Body(path.parent).read(article)
    source = source or _source_outside(asset, article)
    if not any(isinstance(b, str) for b in blocks):
        raise LegacyParseError("không thấy đoạn văn nào trong nội dung bài")
    return LegacyPage(
        path,
        title,
        published,
        tuple(blocks),
        news_source=source,
        address=_address(soup, raw),
    )


def _asset(article: Tag) -> Tag:
    """The asset around the article: holds the title and date, not the site's menus."""
    asset = article.find_parent(class_="asset-full-content")
    if asset is not None:
        return asset
    for parent in article.parents:
        if any(article not in heading.parents for heading in parent.select(TITLE)):
            return parent
    return article.parent or article


def _text_outside(asset: Tag, article: Tag) -> str:
    """The asset's text without the article's (the title and date lines)."""
    return " ".join(s for s in asset.find_all(string=True) if article not in s.parents)


def _title(soup: BeautifulSoup, asset: Tag, article: Tag) -> str:
    for selector in TITLES:
        for heading in asset.select(selector):
            if article not in heading.parents and heading.get_text(strip=True):
                return " ".join(heading.get_text(" ").split())
    og = soup.select_one('meta[property="og:title"]')
    if og and og.get("content", "").strip():
        return og["content"].strip()
    raise LegacyParseError("không thấy tiêu đề bài")


def _published(asset: Tag, article: Tag) -> str:
    for place in asset.select(DATE_PLACES):
        found = find_date(place.get_text(" "))
        if found:
            return found
    found = find_date(_text_outside(asset, article))
    if found is None:
        raise LegacyParseError("không thấy ngày đăng (dạng 24-06-2019 10:27)")
    return found


def _source_outside(asset: Tag, article: Tag) -> str | None:
    for element in asset.find_all(string=re.compile(r"Nguồn", re.IGNORECASE)):
        block = element.parent
        if block is None or article in block.parents or block is article:
            continue
        found = news_source(block.get_text(" ").strip())
        if found:
            return found
    return None


def _address(soup: BeautifulSoup, raw: bytes) -> str | None:
    for selector, attribute in (
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        element = soup.select_one(selector)
        if element and element.get(attribute, "").strip():
            return element[attribute].strip()
    saved = _SAVED_FROM.search(raw[:2048].decode("ascii", "replace"))
    return saved.group(1) if saved else None


class _Body:
    """Walks the article's blocks in order into paragraphs and photos."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.blocks: list[Block] = []
        self.source: str | None = None
        self.awaiting_caption: int | None = None  # index of a photo without caption

    def read(self, article: Tag) -> tuple[list[Block], str | None]:
        self._container(article)
        return self.blocks, self.source

    def _container(self, node: Tag) -> None:
        loose: list = []  # inline content directly inside a div
        for child in node.children:
            if isinstance(child, Tag) and child.name in _CONTAINED:
                self._flush(loose)
                self._block(child)
            elif isinstance(child, Tag) and child.name == "img":
                self._flush(loose)
                self._photo(child, None)
            elif isinstance(child, NavigableString) and type(child) is not NavigableString:
                continue  # a comment or a doctype, not text
            else:
                loose.append(child)
        self._flush(loose)

    def _flush(self, loose: list) -> None:
        if not loose:
            return
        wrapper = BeautifulSoup("<p></p>", "html.parser").p
        for node in loose:
            wrapper.append(node.__copy__() if isinstance(node, Tag) else str(node))
        loose.clear()
        self._text_block(wrapper)

    def _block(self, block: Tag) -> None:
        if block.name == "div" and block.find(_CONTAINED, recursive=False):
            self._container(block)
            return
        photos = [img for img in block.find_all("img") if not _is_icon(img)]
        if block.name == "figure" or photos:
            figcaption = block.find("figcaption")
            text = (figcaption or block).get_text(" ", strip=True)
            caption = " ".join(text.split()) if _short(text) else None
            for index, img in enumerate(photos):
                self._photo(img, caption if index == len(photos) - 1 else None)
            if text and caption is None:  # body text around an image
                for img in block.find_all("img"):
                    img.decompose()
                self._text_block(block)
            return
        if block.name == "table":
            for row in block.find_all("tr"):
                cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
                if any(cells):
                    self._paragraph(" – ".join(c for c in cells if c))
            return
        if block.name in ("ul", "ol"):
            items = [inline_paragraph(li) for li in block.find_all("li")]
            marker = "-" if block.name == "ul" else "1."
            self._append("\n".join(f"{marker} {item}" for item in items if item))
            return
        self._text_block(block)

    def _text_block(self, block: Tag) -> None:
        text = block.get_text(" ", strip=True)
        if not text:
            return
        found = news_source(text)
        if found is not None:
            self.source = found
            return
        if is_footer(text):
            return
        if self.awaiting_caption is not None and _short(text):
            photo = self.blocks[self.awaiting_caption]
            assert isinstance(photo, LegacyPhoto)
            self.blocks[self.awaiting_caption] = LegacyPhoto(
                caption=" ".join(text.split()),
                alt=photo.alt,
                file=photo.file,
                original=photo.original,
            )
            self.awaiting_caption = None
            return
        markdown = inline_paragraph(block)
        if block.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            markdown = "### " + markdown
        elif block.name == "blockquote":
            markdown = "> " + markdown
        self._append(markdown)

    def _paragraph(self, text: str) -> None:
        self._append(escape_paragraph(text))

    def _append(self, markdown: str) -> None:
        self.blocks.append(markdown)
        self.awaiting_caption = None

    def _photo(self, img: Tag, caption: str | None) -> None:
        src = (img.get("src") or "").strip()
        if not src or src.startswith("data:"):
            return
        alt = (img.get("alt") or "").strip() or None
        self.blocks.append(
            LegacyPhoto(caption=caption, alt=alt, file=self._saved_file(src), original=src)
        )
        self.awaiting_caption = None if caption else len(self.blocks) - 1

    def _saved_file(self, src: str) -> Path | None:
        """The image saved beside the page (``{page}_files/…``), if it is there."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or parts.path.startswith("/"):
            return None
        candidate = (self.folder / unquote(parts.path)).resolve()
        return candidate if candidate.is_file() else None


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= _CAPTION_WORDS


def _is_icon(img: Tag) -> bool:
    sizes = [img.get("width"), img.get("height")]
    numbers = [int(s) for s in sizes if isinstance(s, str) and s.isdigit()]
    return bool(numbers) and max(numbers) < _ICON_SIZE
