"""Load the whole content tree into one validated :class:`Site`.

This is the only place that reads front matter. ``load_site`` never raises for
bad content: every problem of every file goes into the report, so that the
check command and the build can show them all at once.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from plugins.common.collector import collector_paused
from plugins.common.processes import cores, forked_results

from .articles import (
    ARTICLE_FIELDS,
    NESTED_FIELDS,
    PAGE_FIELDS,
    SOURCE_FIELDS,
    Article,
    Document,
    Page,
)
from .cache import DocumentCache, Outcome, decode_outcome, encode_outcome
from .consistency import check_consistency
from .messages import format_loc, translate_errors
from .problems import Report
from .references import FileStamp, Scope
from .registries import Registries, load_registries
from .source import LineMap, SourceError, decode_text, split_front_matter

ARTICLES_FOLDER = "articles"
PAGES_FOLDER = "pages"
DATA_FOLDER = "data"
RESERVED_KEYS = SOURCE_FIELDS


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


def load_site(content_root: Path, cache_dir: Path | None = None) -> Site:
    """Load and validate the content tree; ``cache_dir`` keeps what each file gave
    (:mod:`.cache`) so that the next load validates only the files that changed."""
    content_root = content_root.resolve()
    with collector_paused():  # nearly every object made stays alive
        report = Report()
        registries = load_registries(content_root / DATA_FOLDER, content_root, report)
        loaded = _load_documents(content_root, registries, cache_dir, report)
        documents = {path: doc for path, (doc, _) in loaded.items()}
        lines = {doc.path: line_map for doc, line_map in loaded.values()}
        articles = tuple(d for d in documents.values() if isinstance(d, Article))
        pages = tuple(d for d in documents.values() if isinstance(d, Page))
        check_consistency(articles, pages, lines, report)
    return Site(content_root, registries, articles, pages, report, documents, lines)


def _load_documents(
    content_root: Path, registries: Registries, cache_dir: Path | None, report: Report
) -> dict[Path, tuple[Document, LineMap]]:
    """Every valid article and page by resolved path; all their problems go to ``report``."""
    cache = DocumentCache.open(cache_dir, content_root, registries) if cache_dir else None
    files = [
        _File(path, resolved, _shown(resolved, content_root), kind, cache)
        for kind in _KINDS
        for path, resolved in _markdown_files(content_root / kind.folder)
    ]
    outcomes = {
        f.shown: cache.get(f.shown, f.key) if cache is not None and f.shown in cache else None
        for f in files
    }
    missing = [f for f in files if outcomes[f.shown] is None]
    for file, (outcome, payload, looked_at, key) in zip(
        missing, _validate_all(missing, registries, content_root, cache is not None), strict=True
    ):
        outcomes[file.shown] = outcome
        if cache is not None:
            cache.put(file.shown, key, looked_at, payload)
    loaded: dict[Path, tuple[Document, LineMap]] = {}
    for file in files:
        outcome = outcomes[file.shown]
        report.extend(outcome.problems)
        if outcome.record is not None:
            loaded[file.resolved] = outcome.record
    if cache is not None:
        cache.save()
    return loaded


@dataclass(frozen=True)
class _File:
    path: Path
    resolved: Path
    shown: str
    kind: "_Kind"
    cache: DocumentCache | None

    @cached_property
    def raw(self) -> bytes:
        """Read where the file is validated: by a worker, when a worker validates it."""
        return self.path.read_bytes()

    @cached_property
    def key(self) -> str:
        """The file's key in the cache, worked out once (a fork inherits it)."""
        if self.cache is None:
            return ""
        return self.cache.key(self.raw, self.shown, str(self.path), self.kind.model.__name__)


PARALLEL_MIN = 200
"""Fewer files to validate than this are validated here: forking costs more."""

_Validated = tuple[Outcome, bytes, list[FileStamp], str]
"""A file's outcome, the same encoded for the cache, the files validation
looked at, and the file's key in the cache."""


def _validate_all(
    files: list[_File], registries: Registries, content_root: Path, cached: bool
) -> list[_Validated]:
    """Validate ``files``, on every core when there are many (a cold cache, or a
    registry change, which every record may depend on). Outcomes are encoded
    for the cache if ``cached``, and always to come back from other processes."""

    def encoded(file: _File) -> tuple[bytes, list[FileStamp], str]:
        outcome, looked_at = _validate_file(file, registries, content_root)
        return encode_outcome(outcome, registries), looked_at, file.key

    workers = cores() if len(files) >= PARALLEL_MIN else 1
    if workers < 2:
        done = [(f, *_validate_file(f, registries, content_root)) for f in files]
        return [
            (o, encode_outcome(o, registries) if cached else b"", seen, f.key)
            for f, o, seen in done
        ]
    return [  # decoded here while the workers validate the files after
        (decode_outcome(payload, registries), payload, looked_at, key)
        for payload, looked_at, key in forked_results(encoded, files, workers)
    ]


def _validate_file(
    file: _File, registries: Registries, content_root: Path
) -> tuple[Outcome, list[FileStamp]]:
    scope = Scope(registries, content_root, file.path.parent)
    return _load_document(file.raw, file.shown, file.kind, scope), scope.looked_at


@dataclass(frozen=True)
class _Kind:
    folder: str
    model: type[Document]
    fields: frozenset[str]


_KINDS = (_Kind(ARTICLES_FOLDER, Article, ARTICLE_FIELDS), _Kind(PAGES_FOLDER, Page, PAGE_FIELDS))


def _markdown_files(folder: Path) -> list[tuple[Path, Path]]:
    """(path, resolved path) of every ``*.md`` under ``folder``, sorted.

    ``rglob`` does not enter linked folders, so below the resolved ``folder``
    only a linked file needs ``resolve()``, which is slow on 10,000 files.
    """
    paths = sorted(folder.resolve().rglob("*.md"))
    return [(path, path.resolve() if path.is_symlink() else path) for path in paths]


def _shown(resolved: Path, content_root: Path) -> str:
    return resolved.relative_to(content_root.parent).as_posix()


def _load_document(raw: bytes, shown: str, kind: _Kind, scope: Scope) -> Outcome:
    report = Report()
    record = _validate(raw, shown, kind, scope, report)
    return Outcome(tuple(report.problems), record)


def _validate(
    raw: bytes, shown: str, kind: _Kind, scope: Scope, report: Report
) -> tuple[Document, LineMap] | None:
    try:
        source = split_front_matter(decode_text(raw))
    except SourceError as exc:
        report.error(shown, exc.line, "", exc.message)
        return None
    data = source.front.data
    line_map = source.front.lines
    if not isinstance(data, dict):
        report.error(shown, 2, "", "phần đầu bài phải là các dòng 'tên: giá trị'")
        return None
    for key in data:  # in the order written, so that a cached report is the same
        if key in RESERVED_KEYS:
            message = f'không có trường "{key}" trong quy ước nội dung'
            report.error(shown, line_map.line((key,)), key, message)
    values = {k: v for k, v in data.items() if k not in RESERVED_KEYS}
    values |= {
        "path": shown,
        "body": source.body,
        "body_line": source.body_line,
        "front_digest": source.front_digest,
        "body_digest": source.body_digest,
    }
    try:
        document = kind.model.model_validate(values, context=scope)
    except ValidationError as exc:
        for loc, message in translate_errors(exc, kind.fields, NESTED_FIELDS):
            report.error(shown, line_map.line(loc), format_loc(loc), message)
        return None
    return document, line_map
