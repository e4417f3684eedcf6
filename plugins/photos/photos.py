"""Photos of articles: published beside the article, shown as ``<figure>``.

A paragraph of the body holding only ``![](name)`` for a photo of ``images:``
becomes a figure with that photo's caption; photos the body does not place are
shown by the theme as a gallery (``Article.gallery``).
"""

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article as PelicanArticle
from PIL import Image

from plugins.domain.articles import Article, Photo


def photo_tag(soup: BeautifulSoup, article: Article, photo: Photo, *, lazy: bool):
    """An ``<img>`` with the size the browser needs to reserve its space."""
    with Image.open(photo.src.path) as image:
        width, height = image.size
    attrs = {
        "src": "/" + article.photo_address(photo).url,
        "alt": photo.alt_text,
        "width": str(width),
        "height": str(height),
    }
    if lazy:
        attrs |= {"loading": "lazy", "decoding": "async"}
    return soup.new_tag("img", attrs=attrs)


def place_figures(instance) -> None:
    """Rewrite the body's photo paragraphs into captioned figures."""
    record = getattr(instance, "record", None)
    if not isinstance(instance, PelicanArticle) or not isinstance(record, Article):
        return
    if not record.placed_photo_names:
        return
    photos = {p.src.name: p for p in record.images}
    soup = BeautifulSoup(instance._content, "html.parser")
    for index, image in enumerate(soup.select("p > img")):
        paragraph = image.parent
        photo = photos.get(image.get("src", ""))
        if photo is None or paragraph.get_text(strip=True):
            continue
        figure = soup.new_tag("figure", attrs={"class": "photo"})
        figure.append(photo_tag(soup, record, photo, lazy=index > 0))
        if photo.caption:
            caption = soup.new_tag("figcaption")
            caption.string = photo.caption
            figure.append(caption)
        paragraph.replace_with(figure)
    instance._content = str(soup)


class PhotoPublisher:
    """Copies the photos of every published article into the output."""

    def __init__(self, context, settings, path, theme, output_path, **_) -> None:
        self.context = context
        self.output_path = Path(output_path)

    def generate_output(self, writer) -> None:
        articles = self.context.get("articles", []) + self.context.get("hidden_articles", [])
        for article in articles:
            record: Article = article.record
            photos = list(record.images)
            if record.lead_photo and record.lead_photo not in photos:
                photos.append(record.lead_photo)
            for photo in photos:
                target = self.output_path / record.photo_address(photo).save_as
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(photo.src.path, target)


def add_generator(_pelican):
    return PhotoPublisher


def register() -> None:
    signals.content_object_init.connect(place_figures)
    signals.get_generators.connect(add_generator)
