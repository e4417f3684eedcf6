"""sitemap.xml of every HTML page Pelican's writer wrote, whichever generator asked.

pelican-sitemap knows only Pelican's own page kinds; listing what the writer
wrote also covers the archive pages of our plugins. Articles carry their last
change as ``lastmod``. Redirect pages at the old site's addresses
(``plugins.redirects``) are written apart, and are not pages.
"""

from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

from plugins.common.pages import track_pages, written_pages
from plugins.domain import urls
from plugins.domain.site import Site
from plugins.model_loader.model_loader import SITE_MODEL

EXCLUDED = frozenset({urls.NOT_FOUND.save_as})


def sitemap_xml(origin: str, pages: list[str], lastmod: dict[str, str]) -> str:
    entries = []
    for relative in pages:
        loc = escape(f"{origin}/{relative.removesuffix('index.html')}")
        changed = f"<lastmod>{lastmod[relative]}</lastmod>" if relative in lastmod else ""
        entries.append(f"<url><loc>{loc}</loc>{changed}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def write_sitemap(pelican) -> None:
    output = Path(pelican.output_path)
    site: Site = pelican.settings[SITE_MODEL]
    pages = sorted(p for p in written_pages() if p.endswith(".html") and p not in EXCLUDED)
    lastmod = {a.address.save_as: (a.modified or a.date).date().isoformat() for a in site.articles}
    origin = pelican.settings["SITE_ORIGIN"].rstrip("/")
    (output / urls.SITEMAP.save_as).write_text(
        sitemap_xml(origin, pages, lastmod), encoding="utf-8"
    )


def register() -> None:
    track_pages()
    signals.finalized.connect(write_sitemap)
