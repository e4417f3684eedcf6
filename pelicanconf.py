"""Pelican settings for building and previewing the site locally.

Addresses come from ``plugins.domain.urls`` so that Pelican's own pages
(articles, categories, tags) and our generators can never disagree.
"""

import logging
from pathlib import Path

from plugins.domain import dates, urls
from plugins.search import search_filter_options, search_filters

AUTHOR = "Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên"
SITENAME = "Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên"
SITE_SHORT_NAME = "BQL các KCN Thái Nguyên"
SITEURL = ""
# Absolute origin for the sitemap, canonical links and Open Graph.
SITE_ORIGIN = "http://127.0.0.1:8000"
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

CONTACT = {
    "name": "Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên",
    "address": "Phường Bách Quang – Thành phố Sông Công – Tỉnh Thái Nguyên",
    "phone": "02083.845 435",
    "fax": "02083.845 434",
    "email": "bbt@bqlkcnthainguyen.gov.vn",
    "old_website": "http://bqlkcnthainguyen.gov.vn/",
}
CONTACT["phone_link"] = "tel:" + CONTACT["phone"].replace(".", "").replace(" ", "")

PLUGINS = [
    "plugins.model_loader",
    "plugins.taxonomies",
    "plugins.incremental",
    "plugins.photos",
    "plugins.neighbours",
    "plugins.metadata",
    "plugins.archive",
    "plugins.open_data",
    "plugins.units",
    "plugins.blocs",
    "plugins.years",
    "plugins.awards",
    "plugins.conferences",
    "plugins.fingerprint",
    "plugins.pagination",
    "plugins.redirects",
    "plugins.sitemap",
]

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []  # photos are published by plugins.photos only
# Kept between builds (gitignored): validated records, rendered Markdown, the
# last build's state (plugins/incremental) and encoded photo variants.
CACHE_PATH = str(Path(__file__).resolve().parent / "cache")
PHOTOS = {"CACHE_PATH": str(Path(CACHE_PATH) / "photos")}
READERS = {"html": None, "rst": None}
MARKDOWN = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.sane_lists",
    ],
    "output_format": "html",
}

ARTICLE_URL, ARTICLE_SAVE_AS = urls.article("{date:%Y}", "{slug}")
PAGE_URL, PAGE_SAVE_AS = urls.page("{slug}")
CATEGORY_URL, CATEGORY_SAVE_AS = urls.category("{slug}")
TAG_URL, TAG_SAVE_AS = urls.tag("{slug}")
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# The main navigation of every page: (label, address).
MENU = [
    ("Trang chủ", urls.HOME),
    ("Tin tức", urls.NEWS),
    ("Đơn vị", urls.UNITS),
    ("Khen thưởng", urls.AWARDS),
    ("Hội nghị", urls.CONFERENCES),
    ("Lưu trữ theo năm", urls.YEARS),
    ("Tìm kiếm", urls.SEARCH),
    ("Liên hệ", urls.page("lien-he")),
]

DIRECT_TEMPLATES = ["home", "index", "search", "notfound", "robots"]
HOME_URL, HOME_SAVE_AS = urls.HOME
INDEX_URL, INDEX_SAVE_AS = urls.NEWS
SEARCH_URL, SEARCH_SAVE_AS = urls.SEARCH
NOTFOUND_URL, NOTFOUND_SAVE_AS = urls.NOT_FOUND
ROBOTS_URL, ROBOTS_SAVE_AS = urls.ROBOTS
TEMPLATE_EXTENSIONS = [".html", ".txt"]

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "unit": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{url}trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

FEED_DOMAIN = SITE_ORIGIN
FEED_ALL_ATOM = urls.FEED.save_as
CATEGORY_FEED_ATOM = urls.category_feed("{slug}").save_as
FEED_ALL_RSS = CATEGORY_FEED_RSS = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

# Pelican's environment, except that Jinja does not look at each template's
# file again before every page it renders: a build never edits its templates
# (the live preview builds in a fresh process each time).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "auto_reload": False,
}
JINJA_GLOBALS = {
    "urls": urls,
    "search_filters": search_filters,
    "search_filter_options": search_filter_options,
}
JINJA_FILTERS = {
    "vi_datetime": dates.format_datetime_vi,
    "vi_date": dates.format_date_vi,
    "short_date": dates.format_short_date,
}

DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
SLUGIFY_SOURCE = "title"
# Slugs are unique per year only (/tin-tuc/{yyyy}/{slug}/): the same slug in two
# years is two articles, not translations of one.
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None
SUMMARY_MAX_LENGTH = None
TYPOGRIFY = False
# Editors write ![](photo.jpg): the alt text comes from the photo's entry in
# `images:` (plugins.photos), so Pelican's empty-alt warning does not apply.
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]
