"""Photos of articles: responsive, stripped of metadata, encoded once (Pelican glue).

Once the articles are read, every photo of every published or hidden article
is prepared (:class:`PhotoLibrary`); the body's photos become figures and the
generator links the variants from the cache into the output. Templates reach
them through the ``photos`` global (:class:`PhotoMarkup`).

Settings, all optional: ``PHOTOS = {"CACHE_PATH": "cache/photos", "WORKERS": 0}``
(``WORKERS`` 0: one process per core).
"""

from pathlib import Path
from typing import Any

from pelican import signals

from plugins.common.processes import cores
from plugins.model_loader.model_loader import SITE_MODEL, settle_body

from .cache import PhotoCache, link_or_copy
from .library import PhotoLibrary
from .markup import PhotoMarkup, place_figures

SETTING = "PHOTOS"
DEFAULTS: dict[str, Any] = {"CACHE_PATH": "cache/photos", "WORKERS": 0}
_MARKUP = "PHOTO_MARKUP"
"""Settings key of this build's :class:`PhotoMarkup`."""


def photo_settings(settings: dict[str, Any]) -> tuple[Path, int]:
    """The cache folder and the number of worker processes, checked."""
    options = {**DEFAULTS, **settings.get(SETTING, {})}
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"{SETTING}: unknown key {unknown[0]!r}; known: {sorted(DEFAULTS)}")
    workers = options["WORKERS"]
    if not isinstance(workers, int) or workers < 0:
        raise ValueError(f"{SETTING}['WORKERS'] must be a whole number ≥ 0, not {workers!r}")
    return Path(options["CACHE_PATH"]), workers or cores()


def set_up(pelican) -> None:
    settings = pelican.settings
    cache_path, workers = photo_settings(settings)
    library = PhotoLibrary(PhotoCache(cache_path), workers)
    markup = PhotoMarkup(library, settings["SITEURL"], settings.get("SITE_ORIGIN", ""))
    settings[_MARKUP] = markup
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "photos": markup}


def prepare(generator) -> None:
    """Encode what the cache lacks, then place the body's photos."""
    markup: PhotoMarkup = generator.settings[_MARKUP]
    articles = [*generator.articles, *generator.hidden_articles]
    markup.library.prepare([a.record for a in articles], generator.settings[SITE_MODEL])
    for article in articles:
        if article.record.placed_photo_names:
            settle_body(article)
            article._content = place_figures(article._content, article.record, markup)


class PhotoPublisher:
    """Links every prepared photo file from the cache into the output."""

    def __init__(self, context, settings, path, theme, output_path, **_) -> None:
        self.library: PhotoLibrary = settings[_MARKUP].library
        self.output_path = Path(output_path)

    def generate_output(self, writer) -> None:
        for published in self.library.files():
            link_or_copy(published.cached, self.output_path / published.address.save_as)


def add_generator(_pelican):
    return PhotoPublisher


def register() -> None:
    signals.initialized.connect(set_up)
    signals.article_generator_finalized.connect(prepare)
    signals.get_generators.connect(add_generator)
