"""Load the whole content tree into one validated :class:`Site`.

This is the only place that reads front matter. ``load_site`` never raises for
bad content: every problem of every file goes into the report, so that the
check command and the build can show them all at once.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .articles import (
    ARTICLE_FIELDS,
    NESTED_FIELDS,
    PAGE_FIELDS,
    Article,
    Document,
    Page,
)
from .consistency import check_consistency
from .messages import format_loc, translate_errors
from .problems import Report
from .references import Scope
from .registries import Registries, load_registries
from .source import LineMap, SourceError, read_text, split_front_matter

ARTICLES_FOLDER = "articles"
PAGES_FOLDER = "pages"
DATA_FOLDER = "data"
RESERVED_KEYS = frozenset({"path", "body", "body_line"})


@dataclass(frozen=True)
class Site:
    """Every validated record of the content, and what was wrong with the rest."""

    content_root: Path
    registries: Registries
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    report: Report
    by_file: dict[Path, Document] = field(repr=False)
    lines: dict[str, LineMap] = field(repr=False, default_factory=dict)

    def document(self, source: str | Path) -> Document:
        """The record read from ``source`` (an absolute path, as Pelican gives)."""
        return self.by_file[Path(source).resolve()]

    def line(self, document: Document, loc: tuple[str | int, ...]) -> int:
        """The line of field ``loc`` of ``document``: for problems found after loading."""
        return self.lines[document.path].line(loc)

    def public_articles(self, now: dt.datetime) -> list[Article]:
        return [a for a in self.articles if a.is_public(now)]


def load_site(content_root: Path) -> Site:
    content_root = content_root.resolve()
    report = Report()
    registries = load_registries(content_root / DATA_FOLDER, content_root, report)
    loaded: dict[Path, tuple[Document, LineMap]] = {}
    for folder, model, fields in (
        (ARTICLES_FOLDER, Article, ARTICLE_FIELDS),
        (PAGES_FOLDER, Page, PAGE_FIELDS),
    ):
        for path in sorted((content_root / folder).rglob("*.md")):
            resolved = path.resolve()  # once: resolving 10,000 paths is not free
            shown = _shown(resolved, content_root)
            result = _load_document(path, shown, model, fields, content_root, registries, report)
            if result is not None:
                loaded[resolved] = result
    documents = {path: doc for path, (doc, _) in loaded.items()}
    lines = {doc.path: line_map for doc, line_map in loaded.values()}
    articles = tuple(d for d in documents.values() if isinstance(d, Article))
    pages = tuple(d for d in documents.values() if isinstance(d, Page))
    check_consistency(articles, pages, lines, report)
    return Site(content_root, registries, articles, pages, report, documents, lines)


def _shown(resolved: Path, content_root: Path) -> str:
    return resolved.relative_to(content_root.parent).as_posix()


def _load_document(
    path: Path,
    shown: str,
    model: type[Document],
    fields: frozenset[str],
    content_root: Path,
    registries: Registries,
    report: Report,
) -> tuple[Document, LineMap] | None:
    try:
        source = split_front_matter(read_text(path))
    except SourceError as exc:
        report.error(shown, exc.line, "", exc.message)
        return None
    data = source.front.data
    line_map = source.front.lines
    if not isinstance(data, dict):
        report.error(shown, 2, "", "phần đầu bài phải là các dòng 'tên: giá trị'")
        return None
    for key in RESERVED_KEYS & data.keys():
        report.error(
            shown,
            line_map.line((key,)),
            key,
            f'không có trường "{key}" trong quy ước nội dung',
        )
    values = {k: v for k, v in data.items() if k not in RESERVED_KEYS}
    values |= {"path": shown, "body": source.body, "body_line": source.body_line}
    scope = Scope(registries, content_root, path.parent)
    try:
        document = model.model_validate(values, context=scope)
    except ValidationError as exc:
        for loc, message in translate_errors(exc, fields, NESTED_FIELDS):
            report.error(shown, line_map.line(loc), format_loc(loc), message)
        return None
    return document, line_map
