"""Import pages into ``content/``: parse, check against the site, write.

A page is written only if neither its file nor its address nor its old
address is taken; nothing is ever overwritten. Every page that could not be
imported is reported with the reason.
"""

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plugins.domain.site import Site, load_site

from .. import front_matter
from .article import DEFAULT_PORTLET, ImportedArticle, Vocabulary, build_article
from .from_html import parse_html
from .from_text import parse_text
from .page import LegacyPage, LegacyParseError

HTML_SUFFIXES = (".html", ".htm")
PAGE_SUFFIXES = (*HTML_SUFFIXES, ".txt")


@dataclass(frozen=True)
class ImportOptions:
    category: str | None = None
    """Default: the first category of the menu."""
    portlet: str = DEFAULT_PORTLET
    """The old asset publisher's id, for old addresses made from titles."""
    base_url: str | None = None
    """The old site's address: resolves relative page addresses, and only
    addresses on its host are taken as old addresses."""

    @classmethod
    def from_cli(cls, category: str, portlet: str, base_url: str) -> "ImportOptions":
        """Options as typed on the command line, where "" means the default."""
        return cls(category or None, portlet or DEFAULT_PORTLET, base_url or None)


@dataclass
class ImportResult:
    written: list[tuple[Path, ImportedArticle, Path]] = field(default_factory=list)
    """(page, article, file written)."""
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def read_page(path: Path) -> LegacyPage:
    """A saved page, HTML or text, by its name or else by its first character."""
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            return parse_html(path)
        if path.suffix.lower() == ".txt":
            return parse_text(path)
        head = path.read_bytes()[:512].lstrip()
        return parse_html(path) if head.startswith(b"<") else parse_text(path)
    except OSError as exc:
        raise LegacyParseError(f"không đọc được tệp ({exc.strerror})") from None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; for a folder, the pages directly in it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES)
        else:
            found.append(path)
    return found


def import_pages(paths: Iterable[Path], content_root: Path, options: ImportOptions) -> ImportResult:
    site = load_site(content_root)
    category = options.category or front_matter.default_category(site.registries)
    if category not in site.registries.categories:
        raise ValueError(site.registries.categories.unknown(category))
    vocabulary = Vocabulary(
        registries=site.registries,
        category=category,
        portlet=options.portlet,
        base_url=options.base_url,
        sources=tuple(sorted({a.source for a in site.articles if a.source})),
    )
    taken = _Taken.of(site)
    result = ImportResult()
    for path in expand(paths):
        try:
            article = build_article(read_page(path), vocabulary)
            taken.claim(article, content_root)
            result.written.append((path, article, _write(article, content_root)))
        except LegacyParseError as exc:
            result.failed.append((path, str(exc)))
    return result


@dataclass
class _Taken:
    """Addresses and old addresses already used, by the site or earlier pages."""

    addresses: dict[str, str]
    legacy_urls: dict[str, str]

    @classmethod
    def of(cls, site: Site) -> "_Taken":
        return cls(
            addresses={a.address.url: a.path for a in (*site.articles, *site.pages)},
            legacy_urls={a.legacy_url: a.path for a in site.articles if a.legacy_url},
        )

    def claim(self, article: ImportedArticle, content_root: Path) -> None:
        if article.legacy_url in self.legacy_urls:
            raise LegacyParseError(
                f"đã có bài cho địa chỉ cũ này: {self.legacy_urls[article.legacy_url]}"
            )
        url = article.address.url
        if url in self.addresses:
            raise LegacyParseError(f"địa chỉ /{url} đã là của bài {self.addresses[url]}")
        target = content_root / article.relative_path
        for existing in (target, target.parent / f"{article.slug}.md", target.with_suffix("")):
            if existing.exists() and existing != content_root / "articles" / str(article.year):
                raise LegacyParseError(f"đã có {existing} — không ghi đè")
        shown = article.relative_path.as_posix()
        self.addresses[url] = shown
        self.legacy_urls[article.legacy_url] = shown


def _write(article: ImportedArticle, content_root: Path) -> Path:
    target = content_root / article.relative_path
    target.parent.mkdir(parents=True, exist_ok=True)
    for planned in article.photos:
        if planned.photo.file is not None:
            destination = target.parent / planned.name
            if destination.exists():
                raise LegacyParseError(f"đã có {destination} — không ghi đè")
            shutil.copyfile(planned.photo.file, destination)
    with target.open("x", encoding="utf-8", newline="\n") as file:
        file.write(article.text)
    return target
