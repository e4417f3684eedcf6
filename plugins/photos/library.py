"""Every photo of the published articles: encoded once, then known by address.

:meth:`PhotoLibrary.prepare` runs before any page is written. It reads each
photo's header, finds in the cache what is already encoded, encodes the rest
on all cores, and reports every photo that cannot be published in the
editors' ``path:line: field: message`` form, failing the build.
"""

import hashlib
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from PIL import Image

from plugins.domain import urls
from plugins.domain.articles import Article, Photo
from plugins.domain.images import ImageFileError
from plugins.domain.messages import format_loc
from plugins.domain.problems import InvalidContentError, Report
from plugins.domain.site import Site
from plugins.domain.text import slugify

from .cache import PhotoCache
from .encode import SourceInfo, encode, inspect
from .variants import EXTENSION, Variant, full, responsive, share

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Published:
    """One file of the output: its address, what it holds, and its cache entry."""

    address: urls.Address
    variant: Variant
    cached: Path


@dataclass(frozen=True)
class Rendition:
    """A photo as one article publishes it: every width, in WebP and the fallback."""

    webp: tuple[Published, ...]
    fallback: tuple[Published, ...]

    @property
    def largest(self) -> Published:
        return self.fallback[-1]

    @property
    def smallest(self) -> Published:
        return self.fallback[0]


class _Job(NamedTuple):
    """The variants of one photo that the cache lacks: :func:`encode`'s arguments."""

    path: Path
    name: str
    info: SourceInfo
    variants: list[Variant]
    folder: Path


@dataclass(frozen=True)
class _Use:
    """A photo named in one field of one article; ``share``: it is the lead photo."""

    article: Article
    loc: tuple[str | int, ...]
    photo: Photo
    share: bool

    @property
    def path(self) -> Path:
        return self.photo.src.path


class PhotoLibrary:
    """One build's photos: what each article publishes, and where the cache holds it."""

    def __init__(self, cache: PhotoCache, workers: int) -> None:
        self.cache = cache
        self.workers = workers
        self.encoded = 0
        """Files encoded by :meth:`prepare` (0 when the cache had them all)."""
        self._renditions: dict[tuple[str, Path], Rendition] = {}
        self._extras: list[Published] = []
        """Full-size JPEGs and share images, published beside the renditions."""

    def prepare(self, articles: Iterable[Article], site: Site) -> None:
        uses = [use for article in articles for use in _uses(article)]
        errors: dict[Path, str] = {}
        infos: dict[Path, SourceInfo] = {}
        for use in uses:
            if use.path not in infos and use.path not in errors:
                try:
                    infos[use.path] = inspect(use.path, use.photo.src.name)
                except ImageFileError as exc:
                    errors[use.path] = exc.message
        needed: dict[Path, dict[Variant, None]] = {}
        for use in uses:
            if use.path in infos:
                needed.setdefault(use.path, {}).update(dict.fromkeys(_variants(use, infos)))
        digests = {path: self.cache.digest(path) for path in needed}
        self.cache.save_index()
        names = {use.path: use.photo.src.name for use in reversed(uses)}
        jobs = [
            _Job(path, names[path], infos[path], missing, self.cache.folder(digests[path]))
            for path, variants in needed.items()
            if (missing := self.cache.missing(digests[path], variants))
        ]
        errors |= self._encode(jobs)
        problems = [(use, errors[use.path]) for use in uses if use.path in errors]
        problems += _name_clashes(uses)
        if problems:
            raise InvalidContentError(_report(problems, site))
        reused = sum(len(v) for v in needed.values()) - self.encoded
        log.info("photos: %d files encoded, %d taken from the cache", self.encoded, reused)
        for use in uses:
            self._publish(use, infos[use.path], digests[use.path])

    def rendition(self, article: Article, photo: Photo) -> Rendition | None:
        return self._renditions.get((article.path, photo.src.path))

    def files(self) -> Iterator[Published]:
        """Every file to publish, once each."""
        every = [f for r in self._renditions.values() for f in (*r.webp, *r.fallback)]
        unique = {f.address.save_as: f for f in [*every, *self._extras]}
        yield from unique.values()

    def _encode(self, jobs: list[_Job]) -> dict[Path, str]:
        """Run ``jobs`` on all cores (in this process if there is only one)."""
        errors: dict[Path, str] = {}
        max_pixels = Image.MAX_IMAGE_PIXELS
        if len(jobs) < 2 or self.workers < 2:
            for job in jobs:
                try:
                    self.encoded += encode(*job, max_pixels)
                except ImageFileError as exc:
                    errors[job.path] = exc.message
            return errors
        with ProcessPoolExecutor(max_workers=min(self.workers, len(jobs))) as pool:
            futures: list[tuple[Path, Future[int]]] = [
                (job.path, pool.submit(encode, *job, max_pixels)) for job in jobs
            ]
            for path, future in futures:
                try:
                    self.encoded += future.result()
                except ImageFileError as exc:
                    errors[path] = exc.message
        return errors

    def _publish(self, use: _Use, info: SourceInfo, digest: str) -> None:
        article, photo = use.article, use.photo
        files = [
            self._file(article, photo, digest, v)
            for v in responsive(info.width, info.height, info.has_alpha)
        ]
        webp = tuple(f for f in files if f.variant.format == "webp")
        fallback = tuple(f for f in files if f.variant.format != "webp")
        self._renditions[(article.path, photo.src.path)] = Rendition(webp, fallback)
        biggest = full(info.width, info.height)
        self._extras.append(
            Published(article.photo_address(photo), biggest, self.cache.file(digest, biggest))
        )
        if use.share and article.share_image_address is not None:
            self._extras.append(
                Published(article.share_image_address, share(), self.cache.file(digest, share()))
            )

    def _file(self, article: Article, photo: Photo, digest: str, variant: Variant) -> Published:
        """Named after the photo, its width and a hash of its bytes: a changed
        photo gets a new address, so browsers may cache every variant for good."""
        stem = slugify(photo.src.path.stem) or "anh"
        tag = hashlib.sha256(f"{digest}:{variant.key}".encode()).hexdigest()[:10]
        name = f"{stem}-{variant.width}.{tag}.{EXTENSION[variant.format]}"
        address = urls.article_file(article.year, article.slug or "", name)
        return Published(address, variant, self.cache.file(digest, variant))


def _variants(use: _Use, infos: dict[Path, SourceInfo]) -> list[Variant]:
    info = infos[use.path]
    variants = [*responsive(info.width, info.height, info.has_alpha), full(info.width, info.height)]
    return [*variants, share()] if use.share else variants


def _name_clashes(uses: list[_Use]) -> list[tuple[_Use, str]]:
    """Two different files of one article that would be published under one name."""
    first: dict[str, _Use] = {}
    clashes = []
    for use in uses:
        address = use.article.photo_address(use.photo)
        seen = first.setdefault(address.save_as, use)
        if seen.path != use.path:
            clashes.append(
                (
                    use,
                    f'ảnh "{use.photo.src.name}" và ảnh "{seen.photo.src.name}" là hai tệp khác'
                    f" nhau nhưng cùng được đăng thành /{address.url} — hãy đổi tên một ảnh",
                )
            )
    return clashes


def _uses(article: Article) -> Iterator[_Use]:
    for index, photo in enumerate(article.images):
        share_it = article.image is None and index == 0
        yield _Use(article, ("images", index, "src"), photo, share_it)
    lead = article.lead_photo
    if article.image is not None and lead is not None:
        yield _Use(article, ("image",), lead, True)


def _report(problems: list[tuple[_Use, str]], site: Site) -> Report:
    report = Report()
    for use, message in problems:
        line = site.line(use.article, use.loc)
        report.error(use.article.path, line, format_loc(use.loc), message)
    return report
