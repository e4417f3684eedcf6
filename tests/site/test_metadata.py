"""What search engines and social sites read: a canonical address and Open Graph
on every page, JSON-LD (schema.org) for articles, breadcrumbs and the
organisation, all with absolute addresses (plugins/metadata)."""

import json
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from pelicanconf import CONTACT, SITENAME
from tests.page_types import SAMPLE, served_pages
from tests.site.conftest import Build


def pages(build: Build) -> dict[str, BeautifulSoup]:
    return {
        url: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for url, path in served_pages(build.site.output).items()
    }


def meta(page: BeautifulSoup, prop: str) -> str | None:
    tags = page.select(f'meta[property="{prop}"]')
    assert len(tags) <= 1, f"{prop} given {len(tags)} times"
    return tags[0]["content"] if tags else None


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]


def of_type(page: BeautifulSoup, kind: str) -> list[dict]:
    return [data for data in json_ld(page) if data["@type"] == kind]


@pytest.fixture(scope="module")
def built_pages(built) -> dict[str, BeautifulSoup]:
    return pages(built)


def test_every_page_has_its_absolute_canonical_address(built, built_pages):
    wrong = []
    for url, page in built_pages.items():
        canonical = [link["href"] for link in page.select('link[rel="canonical"]')]
        if canonical != [built.origin + url]:
            wrong.append(f"{url}: canonical {canonical}")
    assert not wrong, "\n".join(wrong)


def test_every_page_has_open_graph(built, built_pages):
    wrong = []
    for url, page in built_pages.items():
        english = page.html["lang"] == "en"
        expected = {
            "og:url": built.origin + url,
            "og:site_name": SITENAME,
            "og:locale": "en_US" if english else "vi_VN",
            "og:type": "article" if page.select_one("article.article") else "website",
            "og:description": page.select_one('meta[name="description"]')["content"],
        }
        found = {prop: meta(page, prop) for prop in expected}
        wrong += [
            f"{url}: {p} is {found[p]!r}, not {v!r}" for p, v in expected.items() if found[p] != v
        ]
        title = meta(page, "og:title")
        if not title or not (page.title.string.startswith(title) or title == page.h1.get_text()):
            wrong.append(f"{url}: og:title {title!r} for <title> {page.title.string!r}")
        if not expected["og:description"].strip():
            wrong.append(f"{url}: empty description")
    assert not wrong, "\n".join(wrong)


def test_not_found_page_is_not_indexed(built):
    page = built.site.html("/404.html")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not page.select('link[rel="canonical"], meta[property^="og:"]')


def test_json_ld_parses_everywhere(built, built_pages):
    for url, page in built_pages.items():
        for data in json_ld(page):
            assert data["@context"] == "https://schema.org", url
            assert data["@type"] in {"NewsArticle", "BreadcrumbList", "GovernmentOrganization"}


def test_article_is_a_news_article_with_absolute_addresses(published_site):
    origin = "https://bqlkcnthainguyen.gov.vn"
    page = published_site.html(SAMPLE["article"])
    (article,) = of_type(page, "NewsArticle")
    url = origin + SAMPLE["article"]
    assert article["headline"] == page.h1.get_text(strip=True)
    assert article["datePublished"] == "2019-06-24T10:27:00+07:00"
    assert article["dateModified"] == "2019-06-24T10:27:00+07:00"  # never modified
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["url"] == url
    for role in ("author", "publisher"):
        assert article[role]["@type"] == "GovernmentOrganization"
        assert article[role]["name"] == CONTACT["name"]
    image = meta(page, "og:image")
    assert article["image"] == image and image.startswith(origin + SAMPLE["article"])
    assert published_site.exists(image.removeprefix(origin))
    assert meta(page, "og:image:alt") == "Toàn cảnh hội nghị"
    assert meta(page, "article:published_time") == article["datePublished"]


def test_corpus_article_without_photo_has_no_image(corpus_site, generated_corpus):
    article = next(a for a in generated_corpus.published if a.modified)
    page = corpus_site.html(article.url)
    (data,) = of_type(page, "NewsArticle")
    assert "image" not in data and meta(page, "og:image") is None
    assert data["dateModified"] == article.modified.isoformat() != data["datePublished"]


def test_breadcrumbs_are_also_a_breadcrumb_list(built, built_pages):
    with_trail = {url: page for url, page in built_pages.items() if page.select(".breadcrumb")}
    kinds = {url.split("/")[1] for url in with_trail}
    assert kinds == {"tin-tuc", "don-vi", "nam", "khen-thuong"}, kinds
    for url, page in with_trail.items():
        (trail,) = of_type(page, "BreadcrumbList")
        shown = [
            (a.get_text(strip=True), urljoin(built.origin + url, a["href"]))
            for a in page.select(".breadcrumb a")
        ]
        current = page.h1.get_text(" ", strip=True).split(" – trang ")[0]
        items = trail["itemListElement"]
        assert [(i["name"], i["item"]) for i in items] == [*shown, (current, built.origin + url)]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1)), url


@pytest.mark.parametrize("url", ["/", "/en/"])
def test_home_and_english_page_describe_the_organisation(published_site, url):
    (organisation,) = of_type(published_site.html(url), "GovernmentOrganization")
    assert organisation == {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": CONTACT["name"],
        "alternateName": "BQL các KCN Thái Nguyên",
        "url": "https://bqlkcnthainguyen.gov.vn/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": CONTACT["address"],
            "addressCountry": "VN",
        },
        "telephone": CONTACT["phone"],
        "faxNumber": CONTACT["fax"],
        "email": CONTACT["email"],
    }
