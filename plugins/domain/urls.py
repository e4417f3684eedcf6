"""Every address of the site (see docs/design/urls.md), in one place.

Each function returns an :class:`Address`: the URL a link uses and the file the
writer saves, derived together so that the two can never disagree. URLs are
relative to the site root, without a leading slash, as Pelican expects.
"""

from typing import NamedTuple

PAGE_SEGMENT = "trang"


class Address(NamedTuple):
    url: str
    save_as: str

    def page(self, number: int) -> "Address":
        """The address of page ``number`` of a paginated listing."""
        if number == 1:
            return self
        return folder(f"{self.url}{PAGE_SEGMENT}/{number}/")


def folder(url: str) -> Address:
    """A folder address ``a/b/`` saved as ``a/b/index.html``."""
    return Address(url, f"{url}index.html")


def file(url: str) -> Address:
    return Address(url, url)


HOME = folder("")
NEWS = folder("tin-tuc/")
UNITS = folder("don-vi/")
YEARS = folder("nam/")
AWARDS = folder("khen-thuong/")
CONFERENCES = folder("hoi-nghi/")
SEARCH = folder("tim-kiem/")
OPEN_DATA = folder("du-lieu/")
FEED = file("feed.xml")
SITEMAP = file("sitemap.xml")
ROBOTS = file("robots.txt")
NOT_FOUND = file("404.html")


def article(year: int, slug: str) -> Address:
    return folder(f"tin-tuc/{year}/{slug}/")


def article_file(year: int, slug: str, filename: str) -> Address:
    """A file published beside an article, such as one of its photos."""
    return file(f"tin-tuc/{year}/{slug}/{filename}")


def article_share_image(year: int, slug: str) -> Address:
    """The article's Open Graph image: one stable address whatever its lead photo."""
    return article_file(year, slug, "anh-chia-se.jpg")


def page(slug: str) -> Address:
    return folder(f"{slug}/")


def category(category_id: str) -> Address:
    return folder(f"chuyen-muc/{category_id}/")


def category_feed(category_id: str) -> Address:
    return file(f"chuyen-muc/{category_id}/feed.xml")


def tag(tag_slug: str) -> Address:
    return folder(f"the/{tag_slug}/")


def unit(unit_id: str) -> Address:
    return folder(f"don-vi/{unit_id}/")


def unit_feed(unit_id: str) -> Address:
    return file(f"don-vi/{unit_id}/feed.xml")


def bloc(bloc_id: str) -> Address:
    return folder(f"khoi-thi-dua/{bloc_id}/")


def year(number: int) -> Address:
    return folder(f"nam/{number}/")


def award_type(award_id: str) -> Address:
    return folder(f"khen-thuong/{award_id}/")


def open_data(filename: str) -> Address:
    return file(f"du-lieu/{filename}")


def legacy(legacy_url: str) -> Address:
    """Where the redirect page for an old site's address (``legacy_url``) is saved.

    Old addresses have no trailing slash; a file-only host serves
    ``{legacy_url}/index.html`` for them after its own redirect to the folder.
    """
    return folder(legacy_url.strip("/") + "/")
