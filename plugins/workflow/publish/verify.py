"""Checks of a finished build before it may be served."""

import xml.etree.ElementTree as ET
from pathlib import Path

from plugins.domain import urls
from plugins.redirects.redirects import NGINX_FILE

REQUIRED = (
    urls.HOME.save_as,
    urls.NEWS.save_as,
    urls.NOT_FOUND.save_as,
    urls.SITEMAP.save_as,
    urls.ROBOTS.save_as,
    urls.FEED.save_as,
    "theme/css/site.css",
    NGINX_FILE,
)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def verify_release(release: Path) -> list[str]:
    """What is wrong with the built site in ``release``; empty when it may go live."""
    problems = [f"thiếu {name}" for name in REQUIRED if not (release / name).is_file()]
    sitemap = release / urls.SITEMAP.save_as
    if sitemap.is_file():
        try:
            entries = ET.parse(sitemap).getroot().findall(f"{_SITEMAP_NS}url")
        except ET.ParseError as exc:
            problems.append(f"{urls.SITEMAP.save_as} không phải XML hợp lệ ({exc})")
        else:
            if not entries:
                problems.append(f"{urls.SITEMAP.save_as} không có trang nào")
    home = release / urls.HOME.save_as
    if home.is_file() and not (release / (urls.HOME.save_as + ".gz")).is_file():
        problems.append("chưa có bản nén .gz của các trang")
    return problems
