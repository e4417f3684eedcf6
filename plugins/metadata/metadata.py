"""Canonical addresses, Open Graph values and JSON-LD (schema.org) for templates.

Search engines and social sites read these, so every address here is absolute,
made from the ``SITE_ORIGIN`` setting whatever ``SITEURL`` is. The functions are
template globals that read the page being written from the template context
(``output_file``), so a template only says *what* it describes:
``{{ article_json_ld(article) }}``, ``{{ breadcrumb_json_ld(trail, current) }}``.
"""

from collections.abc import Iterable, Mapping
from typing import Any

import orjson
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from pelican import signals

from plugins.domain.articles import Article

SCHEMA = "https://schema.org"


def absolute(origin: str, url: str) -> str:
    """``url`` (site-relative, with or without its leading slash) on ``origin``."""
    return f"{origin.rstrip('/')}/{url.lstrip('/')}"


def page_url(origin: str, output_file: str) -> str:
    """The address of the file written: its folder for an ``index.html``."""
    return absolute(origin, output_file.removesuffix("index.html"))


def script(data: Mapping[str, Any]) -> Markup:
    """A JSON-LD ``<script>``; ``<``, ``>`` and ``&`` escaped so no text ends it."""
    text = orjson.dumps({"@context": SCHEMA, **data}).decode()
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def organization(contact: Mapping[str, str], short_name: str, origin: str) -> dict[str, Any]:
    """The publisher, from the ``CONTACT`` setting."""
    return {
        "@type": "GovernmentOrganization",
        "name": contact["name"],
        "alternateName": short_name,
        "url": absolute(origin, ""),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": contact["address"],
            "addressCountry": "VN",
        },
        "telephone": contact["phone"],
        "faxNumber": contact["fax"],
        "email": contact["email"],
    }


def news_article(
    record: Article, url: str, publisher: Mapping[str, Any], image: str | None
) -> dict[str, Any]:
    """``image``: the absolute address of the article's share image, if it has one."""
    data: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": record.title,
        "datePublished": record.date.isoformat(),
        "dateModified": (record.modified or record.date).isoformat(),
        "inLanguage": "vi",
        "articleSection": record.category.name,
        "author": publisher,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    if image:
        data["image"] = image
    return data


def breadcrumb_list(crumbs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """``crumbs``: (name, absolute address), from the home page to the page itself."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


# --- Template globals: read the page being written from the context -----------


def _origin(context: Context) -> str:
    return context["SITE_ORIGIN"]


def _publisher(context: Context) -> dict[str, Any]:
    return organization(context["CONTACT"], context["SITE_SHORT_NAME"], _origin(context))


@pass_context
def canonical_url(context: Context) -> str:
    return page_url(_origin(context), context["output_file"])


@pass_context
def absolute_url(context: Context, url: str) -> str:
    return absolute(_origin(context), url)


@pass_context
def organization_json_ld(context: Context) -> Markup:
    return script(_publisher(context))


@pass_context
def article_json_ld(context: Context, article, image: str | None = None) -> Markup:
    url = page_url(_origin(context), context["output_file"])
    return script(news_article(article.record, url, _publisher(context), image))


@pass_context
def breadcrumb_json_ld(context: Context, trail: Iterable[tuple[str, str]], current: str) -> Markup:
    """``trail``: (name, site-relative URL) of the links shown; ``current``: this page."""
    origin = _origin(context)
    crumbs = [(name, absolute(origin, url)) for name, url in trail]
    crumbs.append((current, page_url(origin, context["output_file"])))
    return script(breadcrumb_list(crumbs))


GLOBALS = {
    "canonical_url": canonical_url,
    "absolute_url": absolute_url,
    "organization_json_ld": organization_json_ld,
    "article_json_ld": article_json_ld,
    "breadcrumb_json_ld": breadcrumb_json_ld,
}


def offer_globals(pelican) -> None:
    """The functions above, and the site's address: the macros of a template
    imported without context (cards, unit links) see only the globals, so
    their links lacked the address in a published build."""
    settings = pelican.settings
    site = {"SITEURL": settings["SITEURL"]}
    settings["JINJA_GLOBALS"] = {**settings["JINJA_GLOBALS"], **GLOBALS, **site}


def register() -> None:
    signals.initialized.connect(offer_globals)
