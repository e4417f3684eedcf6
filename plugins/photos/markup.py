"""HTML for published photos: ``<picture>`` with WebP and fallback ``srcset``.

:class:`PhotoMarkup` is the ``photos`` global of the templates (gallery, cards,
Open Graph) and rewrites the photos that the body places into figures.
"""

from typing import NamedTuple

from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from plugins.domain.articles import Article, Photo

from .library import PhotoLibrary, Published, Rendition
from .variants import share

BODY_SIZES = "(min-width: 48rem) 45rem, calc(100vw - 2rem)"
GALLERY_SIZES = "(min-width: 48rem) 22rem, calc(100vw - 2rem)"
CARD_SIZES = "10rem"


class OgImage(NamedTuple):
    """What ``og:image`` and its ``:width``, ``:height``, ``:alt``, ``:type`` say."""

    url: str
    width: int
    height: int
    alt: str
    type: str


class PhotoMarkup:
    def __init__(self, library: PhotoLibrary, siteurl: str, origin: str) -> None:
        self.library = library
        self.siteurl = siteurl
        self.origin = origin

    def picture(self, article: Article, photo: Photo, *, lazy: bool = True) -> Markup:
        """A gallery thumbnail; link it to :meth:`full_url`."""
        rendition = self._rendition(article, photo)
        return self._picture(rendition, photo.alt_text, GALLERY_SIZES, lazy, rendition.largest)

    def full_url(self, article: Article, photo: Photo) -> str:
        """The photo at full size in JPEG, which every browser shows."""
        return f"{self.siteurl}/{article.photo_address(photo).url}"

    def inline(self, article: Article, photo: Photo, *, lazy: bool) -> Markup:
        """A photo of the body, as wide as the text."""
        rendition = self._rendition(article, photo)
        return self._picture(rendition, photo.alt_text, BODY_SIZES, lazy, rendition.largest)

    def figure(self, article: Article, photo: Photo, *, lazy: bool) -> Markup:
        """A photo of the body with its caption."""
        picture = self.inline(article, photo, lazy=lazy)
        if not photo.caption:
            return Markup('<figure class="photo">{}</figure>').format(picture)
        return Markup('<figure class="photo">{}<figcaption>{}</figcaption></figure>').format(
            picture, photo.caption
        )

    def card(self, article: Article) -> Markup:
        """The lead photo, small, for listings; empty if the article has none."""
        lead = article.lead_photo
        rendition = self.library.rendition(article, lead) if lead else None
        if lead is None or rendition is None:
            return Markup("")
        return self._picture(rendition, lead.alt_text, CARD_SIZES, True, rendition.smallest)

    def og_image(self, article: Article) -> OgImage | None:
        """The article's share image (1200×630, absolute URL), if it has a photo."""
        address, lead = article.share_image_address, article.lead_photo
        if address is None or lead is None:
            return None
        variant = share()
        url = f"{self.origin}/{address.url}"
        return OgImage(url, variant.width, variant.height, lead.alt_text, variant.mime)

    def _rendition(self, article: Article, photo: Photo) -> Rendition:
        rendition = self.library.rendition(article, photo)
        if rendition is None:
            raise LookupError(f"{article.path}: photo {photo.src.name} was not prepared")
        return rendition

    def _url(self, published: Published) -> str:
        return f"{self.siteurl}/{published.address.url}"

    def _srcset(self, files: tuple[Published, ...]) -> str:
        return ", ".join(f"{self._url(f)} {f.variant.width}w" for f in files)

    def _picture(
        self, rendition: Rendition, alt: str, sizes: str, lazy: bool, src: Published
    ) -> Markup:
        loading = Markup(' loading="lazy" decoding="async"') if lazy else ""
        return Markup(
            '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
            '<img src="{src}" srcset="{fallback}" sizes="{sizes}" width="{width}"'
            ' height="{height}" alt="{alt}"{loading}></picture>'
        ).format(
            webp=self._srcset(rendition.webp),
            sizes=sizes,
            src=self._url(src),
            fallback=self._srcset(rendition.fallback),
            width=src.variant.width,
            height=src.variant.height,
            alt=alt,
            loading=loading,
        )


def place_figures(html: str, article: Article, markup: PhotoMarkup) -> str:
    """Publish the photos of ``images:`` that the body places with ``![](name)``.

    A paragraph holding nothing but such photos becomes their captioned
    figures; a photo written inside a sentence stays inline, responsive too.
    The first photo of the body is seen at once; the others load lazily.
    """
    if not article.placed_photo_names:
        return html
    photos = {p.src.name: p for p in article.images}
    soup = BeautifulSoup(html, "html.parser")
    alone = [p for p in soup.find_all("p") if _only_photos(p, photos)]
    placed = [(img, photos[img["src"]]) for img in soup.find_all("img", src=photos.__contains__)]
    for index, (image, photo) in enumerate(placed):
        if any(image.parent is p for p in alone):
            html = markup.figure(article, photo, lazy=index > 0)
        else:
            html = markup.inline(article, photo, lazy=index > 0)
        image.replace_with(BeautifulSoup(html, "html.parser"))
    for paragraph in alone:
        paragraph.unwrap()  # a figure cannot stand inside a paragraph
    return str(soup)


def _only_photos(paragraph: Tag, photos: dict[str, Photo]) -> bool:
    tags = paragraph.find_all(True)
    return (
        bool(tags)
        and not paragraph.get_text(strip=True)
        and all(t.name == "img" and t.get("src") in photos for t in tags)
    )
