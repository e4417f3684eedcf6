"""sitemap.xml of every HTML page in the output, whichever generator wrote it.

pelican-sitemap knows only Pelican's own page kinds; reading the finished
output also covers the archive pages of our plugins. Articles carry their last
change as ``lastmod``.
"""

from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

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
    pages = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html"))
    # Redirect pages left at the old site's addresses (plugins.redirects) are not pages.
    redirects = {urls.legacy(a.legacy_url).save_as for a in site.articles if a.legacy_url}
    pages = [p for p in pages if p not in EXCLUDED | redirects]
    lastmod = {a.address.save_as: (a.modified or a.date).date().isoformat() for a in site.articles}
    origin = pelican.settings["SITE_ORIGIN"].rstrip("/")
    (output / urls.SITEMAP.save_as).write_text(
        sitemap_xml(origin, pages, lastmod), encoding="utf-8"
    )


def register() -> None:
    signals.finalized.connect(write_sitemap)
