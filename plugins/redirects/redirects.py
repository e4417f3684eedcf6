"""Every ``legacy_url`` of the old site answers with the article's new address.

Two forms, both written into the output by every build:

- ``nginx-redirects.conf``: one exact ``location`` per old address returning a
  301; ``deploy/nginx`` includes it. ``location =`` matches the path only, so
  any query string the old CMS appended is ignored.
- ``{legacy_url}/index.html``: a page with a meta refresh, a canonical link and
  a visible link, ``noindex``, for hosts that can only serve files (the
  sitemap leaves these pages out).

Only articles that the build publishes get redirects: a draft or an article
dated in the future has no new address yet.
"""

import datetime as dt
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path
from urllib.parse import unquote

from pelican import signals

from plugins.common.pages import track_pages, written_pages
from plugins.domain import urls
from plugins.domain.articles import Article
from plugins.domain.site import Site
from plugins.incremental import keep_unchanged, write_later
from plugins.model_loader.model_loader import SITE_MODEL, build_time

NGINX_FILE = "nginx-redirects.conf"
"""Saved at the root of the output; the server configuration includes it."""


class RedirectCollisionError(Exception):
    """A redirect page would replace a file another generator wrote."""


@dataclass(frozen=True)
class Redirect:
    legacy_url: str
    target: urls.Address
    title: str

    @property
    def page(self) -> urls.Address:
        return urls.legacy(self.legacy_url)


def redirects(articles: tuple[Article, ...], now: dt.datetime) -> list[Redirect]:
    """Redirects of the articles that have a page in a build made at ``now``."""
    return [
        Redirect(a.legacy_url, a.address, a.title)
        for a in sorted(articles, key=lambda a: a.legacy_url or "")
        if a.legacy_url and a.status != "draft" and a.date <= now
    ]


def _nginx_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_locations(items: list[Redirect]) -> str:
    """Exact-match locations for each old path, with and without a final slash.

    nginx matches the decoded path, so percent-escapes of the old address are
    decoded here.
    """
    lines = [
        "# Tạo tự động khi dựng website (plugins/redirects) — đừng sửa tay.",
        "# Old addresses (legacy_url) → 301 to the new ones; query strings are ignored.",
    ]
    for item in items:
        path = unquote(item.legacy_url.rstrip("/"))
        target = "/" + item.target.url
        for variant in (path, path + "/"):
            lines.append(f"location = {_nginx_string(variant)} {{ return 301 {target}; }}")
    return "\n".join(lines) + "\n"


def redirect_page(item: Redirect, siteurl: str, origin: str) -> str:
    """A page that sends readers and crawlers on to the new address."""
    href = escape(f"{siteurl}/{item.target.url}")
    canonical = escape(f"{origin.rstrip('/')}/{item.target.url}")
    title = escape(item.title)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{canonical}">
<title>Bài viết đã chuyển địa chỉ: {title}</title>
</head>
<body>
<p>Bài viết đã chuyển sang địa chỉ mới: <a href="{href}">{title}</a></p>
</body>
</html>
"""


def _page_bytes(item: Redirect, siteurl: str, origin: str) -> bytes:
    return redirect_page(item, siteurl, origin).encode()


def write_redirects(pelican) -> None:
    settings = pelican.settings
    site: Site = settings[SITE_MODEL]
    output = Path(pelican.output_path)
    items = redirects(site.articles, build_time(settings))
    pages = written_pages()
    page = partial(_page_bytes, siteurl=settings["SITEURL"], origin=settings["SITE_ORIGIN"])
    for item in items:
        target = output / item.page.save_as
        if item.page.save_as in pages or target.exists():
            raise RedirectCollisionError(
                f"redirects: {item.legacy_url} (legacy_url) would replace"
                f" {item.page.save_as}, which the build already wrote"
            )
        if keep_unchanged(settings, item.page.save_as) is None:  # made of front matter
            write_later(settings, output, item.page.save_as, partial(page, item))
    if keep_unchanged(settings, NGINX_FILE) is None:
        write_later(settings, output, NGINX_FILE, lambda: nginx_locations(items).encode())


def register() -> None:
    track_pages()
    signals.finalized.connect(write_redirects)
