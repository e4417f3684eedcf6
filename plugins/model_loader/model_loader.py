"""Pelican glue for the domain model.

At start-up the whole content tree is validated (``plugins.domain``); any error
stops the build before a single file is written. Pelican's readers then take
each document's record from the model instead of parsing front matter again,
and its HTML and summary from :mod:`.rendering` (cached between builds,
converted on every core when many are new).
"""

import datetime as dt
import logging
from pathlib import Path
from typing import Any, ClassVar

from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

from plugins.domain.archive import publication_order
from plugins.domain.articles import Article, Document
from plugins.domain.problems import InvalidContentError
from plugins.domain.site import Site, load_site

from .late_bodies import LateBodies, links_static_files
from .rendering import DocumentRenderer

log = logging.getLogger(__name__)

SITE_MODEL = "SITE_MODEL"
"""Settings (and so template context) key of the loaded :class:`Site`."""
BUILD_TIME = "BUILD_TIME"
"""Optional setting: the moment that decides which dated articles are out yet."""
RENDERER = "MARKDOWN_RENDERER"
"""Settings key of this build's :class:`DocumentRenderer`."""
LATE = "LATE_BODIES"
"""Settings key of this build's :class:`LateBodies`."""


def build_time(settings: dict[str, Any]) -> dt.datetime:
    return settings.get(BUILD_TIME) or dt.datetime.now(dt.UTC)


def domain_cache(settings: dict[str, Any]) -> Path:
    """Where the validated files are kept between builds (and checks)."""
    return Path(settings["CACHE_PATH"]) / "domain"


def load_model(pelican) -> None:
    settings = pelican.settings
    site = load_site(Path(settings["PATH"]), cache_dir=domain_cache(settings))
    for warning in site.report.warnings:
        log.warning("%s", warning)
    if site.report.failed(strict=settings.get("STRICT_CONTENT", False)):
        raise InvalidContentError(site.report)
    settings[SITE_MODEL] = site
    renderer = DocumentRenderer(settings)
    renderer.prepare(
        document.body
        for document in _wanted_first(site)
        if not links_static_files(document.body, settings)
    )
    settings[RENDERER] = renderer
    settings[LATE] = LateBodies(renderer)


def _wanted_first(site: Site) -> list[Document]:
    """The documents in the order their bodies are first wanted: articles that
    place photos (placed while Pelican reads), then the newest (the feeds,
    written first, show them), then the pages."""
    placing: list[Document] = []
    others: list[Document] = []
    for article in sorted(site.articles, key=publication_order, reverse=True):
        (placing if article.placed_photo_names else others).append(article)
    return [*placing, *others, *site.pages]


def hold_late_body(content) -> None:
    """A document made while its body is still converting gets it when asked."""
    late: LateBodies | None = content.settings.get(LATE)
    record = getattr(content, "record", None)
    if late is not None and record is not None and late.converting(record.body):
        late.hold(content)


def settle_body(content) -> None:
    """For plugins that change a document's HTML (``_content``) before the
    pages are rendered: the HTML in place, if it was still converting."""
    late: LateBodies | None = content.settings.get(LATE)
    if late is not None:
        late.settle(content)


def settle_bodies(pelican) -> None:
    """Every body in place before the pages are rendered, and the cache written."""
    late: LateBodies | None = pelican.settings.get(LATE)
    if late is not None:
        late.settle_all()
    renderer: DocumentRenderer | None = pelican.settings.get(RENDERER)
    if renderer is not None:
        renderer.save()


class ModelReader(BaseReader):
    """Markdown documents whose metadata comes from the validated model."""

    enabled = True
    file_extensions: ClassVar = ["md"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self._site: Site | None = None
        self._by_path: dict[str, Document] = {}
        self._wrappers: dict[tuple[type, str], URLWrapper] = {}

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The document's HTML and metadata; no HTML (and, without a summary
        of its own, no summary) while its body is converting (:mod:`.late_bodies`)."""
        document = self._document(source_path)
        rendered = self._renderer().ready(document.body)
        if rendered is None:
            return "", self._metadata(document, None)
        html, first_paragraph = rendered
        return html, self._metadata(document, first_paragraph)

    def _document(self, source_path: str) -> Document:
        """The record of ``source_path``; a path as the model holds it (resolved)
        is looked up as is, which spares resolving 10,000 paths again."""
        site: Site = self.settings[SITE_MODEL]
        if site is not self._site:
            self._site = site
            self._by_path = {str(path): document for path, document in site.by_file.items()}
        document = self._by_path.get(source_path)
        return document if document is not None else site.document(source_path)

    def _renderer(self) -> DocumentRenderer:
        """The build's renderer (:func:`load_model`), or one made here without it."""
        if RENDERER not in self.settings:
            self.settings[RENDERER] = DocumentRenderer(self.settings)
        return self.settings[RENDERER]

    def _metadata(self, document: Document, first_paragraph: str | None) -> dict[str, Any]:
        metadata: dict[str, Any] = {
            "title": document.title,
            "slug": document.slug,
            "record": document,
        }
        if document.summary or first_paragraph is not None:
            metadata["summary"] = document.summary or first_paragraph
        if isinstance(document, Article):
            metadata |= self._article_metadata(document)
        else:
            metadata["status"] = document.status
            metadata["url"], metadata["save_as"] = document.address
        return metadata

    def _shared(self, kind: type[URLWrapper], name: str) -> URLWrapper:
        """One Tag (or Author) per name for the build: Pelican makes one per
        article, and each works out its slug again (slugify is slow at 10,000
        articles)."""
        key = (kind, name)
        if key not in self._wrappers:
            self._wrappers[key] = kind(name, self.settings)
        return self._wrappers[key]

    def _article_metadata(self, article: Article) -> dict[str, Any]:
        category = Category(article.category.name, self.settings)
        category.slug = article.category.id
        metadata: dict[str, Any] = {
            "date": article.date,
            "category": category,
            "tags": [self._shared(Tag, name) for name in article.tags],
        }
        if "AUTHOR" in self.settings:  # as Pelican's default author, once
            metadata["author"] = self._shared(Author, self.settings["AUTHOR"])
        if article.modified:
            metadata["modified"] = article.modified
        if article.status == "draft" or article.date > build_time(self.settings):
            # A draft gets no address, so Pelican cannot write it anywhere.
            metadata["status"] = "draft"
        else:
            metadata["status"] = article.status
            metadata["url"], metadata["save_as"] = article.address
        return metadata


def archive_order(generator) -> None:
    """Pelican's articles in the archive's order.

    Pelican reads the files in the order of a set, which changes from run to
    run, and sorts them by date only: articles published at the same minute
    came out in a different order on every build, in listings and feeds.
    """
    for name in ("articles", "hidden_articles", "drafts"):
        getattr(generator, name).sort(key=lambda a: publication_order(a.record), reverse=True)


def add_reader(readers) -> None:
    for extension in ModelReader.file_extensions:
        readers.reader_classes[extension] = ModelReader


def register() -> None:
    signals.initialized.connect(load_model)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(archive_order)
    signals.content_object_init.connect(hold_late_body)
    signals.finalized.connect(settle_bodies)
