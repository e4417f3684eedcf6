"""The whole archive built from a generated corpus: lists, counts, order, pagination."""

from collections import Counter

import pytest

from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import BuiltSite
from tests.corpus import ArticleSpec, Corpus, generate_corpus

PER_PAGE = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return generate_corpus(tmp_path_factory.mktemp("corpus") / "content")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory) -> BuiltSite:
    output = tmp_path_factory.mktemp("corpus-site") / "output"
    build_site(SETTINGS["dev"], output, PATH=str(corpus.root))
    return BuiltSite(output)


def concerned_units(article: ArticleSpec) -> set[str]:
    units = set(article.units)
    if article.event:
        units.add(article.event.host)
    for award in article.awards:
        units |= {u for u in (award.recipient, award.unit) if u}
    for role in article.roles:
        units |= {role.head, role.deputy}
    return units


def listed_urls(site: BuiltSite, first: str) -> list[list[str]]:
    """Article links on each page of a paginated listing, following ``rel=next``."""
    pages, url = [], first
    while url:
        page = site.html(url)
        pages.append([a["href"] for a in page.select(".card-title a")])
        following = page.select_one('.pagination a[rel="next"]')
        url = following["href"] if following else None
    return pages


def test_unit_pages_list_every_article_about_the_unit_newest_first(site, corpus):
    listed = [a for a in corpus.articles if a.is_listed]
    for unit in (*corpus.board_units, corpus.merged_unit):
        expected = sorted(
            (a for a in listed if unit in concerned_units(a)),
            key=lambda a: a.date,
            reverse=True,
        )
        pages = listed_urls(site, f"/don-vi/{unit}/")
        assert [len(p) for p in pages[:-1]] == [PER_PAGE] * (len(pages) - 1)
        assert 0 < len(pages[-1]) <= PER_PAGE
        assert [u for p in pages for u in p] == [a.url for a in expected], unit
        if len(pages) > 1:
            assert site.exists(f"/don-vi/{unit}/trang/{len(pages)}/")
            assert not site.exists(f"/don-vi/{unit}/trang/{len(pages) + 1}/")


def test_news_pagination_boundaries(site, corpus):
    listed = sorted((a for a in corpus.articles if a.is_listed), key=lambda a: a.date, reverse=True)
    pages = listed_urls(site, "/tin-tuc/")
    assert len(pages) == -(-len(listed) // PER_PAGE)
    assert [u for p in pages for u in p] == [a.url for a in listed]


def test_page_links_lead_to_the_numbered_pages(site):
    first = site.html("/tin-tuc/")
    last = int(first.select(".pagination li a:not([rel])")[-1].get_text())
    for number in range(1, last + 1):
        url = "/tin-tuc/" if number == 1 else f"/tin-tuc/trang/{number}/"
        links = site.html(url).select(".pagination li a:not([rel])")
        numbers = [int(a.get_text()) for a in links]
        near = range(max(1, number - 2), min(last, number + 2) + 1)
        assert numbers == sorted({1, last, *near})
        current = [a for a in links if a.get("aria-current") == "page"]
        assert [a.get_text() for a in current] == [str(number)]
        for a in links:
            assert site.exists(a["href"]), (url, a["href"])


def test_merged_unit_says_so_and_links_on(site, corpus):
    page = site.html(f"/don-vi/{corpus.merged_unit}/")
    notice = page.select_one(".notice")
    assert f"đến năm {corpus.merged_until}" in notice.get_text()
    assert notice.a["href"] == "/don-vi/thai-nguyen/"
    successor = site.html("/don-vi/thai-nguyen/")
    assert f"/don-vi/{corpus.merged_unit}/" in [a["href"] for a in successor.select(".profile a")]


def test_years_index_counts(site, corpus):
    listed = [a for a in corpus.articles if a.is_listed]
    per_year = Counter(a.year for a in listed)
    rows = {
        r.th.get_text(strip=True): [td.get_text(strip=True) for td in r("td")]
        for r in site.html("/nam/").select("tbody tr")
    }
    for year, count in per_year.items():
        assert rows[str(year)][0] == str(count), year
    awards = Counter(aw.year for a in listed for aw in a.awards)
    for year, count in awards.items():
        assert rows[str(year)][2] == str(count), year


def test_year_page_lists_its_articles_and_leadership(site, corpus):
    for year in corpus.years:
        page = site.html(f"/nam/{year}/")
        expected = {a.url for a in corpus.articles if a.is_listed and a.year == year}
        assert {a["href"] for a in page.select(".record-list a")} == expected
        roles = {r.year: r for r in corpus.roles if r.year == year}
        heads = [tr("td")[1].get_text(strip=True) for tr in page.select("table.roles tbody tr")]
        assert len(heads) == len(roles)


def test_award_type_pages_count_every_award(site, corpus):
    listed = [a for a in corpus.articles if a.is_listed]
    per_type = Counter(aw.type for a in listed for aw in a.awards)
    for award_type, count in per_type.items():
        rows = site.html(f"/khen-thuong/{award_type}/").select("table.awards tbody tr")
        assert len(rows) == count, award_type
        statuses = {r.select_one(".status").get_text(strip=True) for r in rows}
        assert statuses <= {"Đề nghị", "Đã tặng"}


def test_conference_archive_lists_every_event(site, corpus):
    events = [a for a in corpus.articles if a.is_listed and a.event]
    page = site.html("/hoi-nghi/")
    assert len(page.select("article.event")) == len(events)
    hrefs = [a["href"] for a in page.select("article.event h3 a")]
    assert hrefs == [a.url for a in sorted(events, key=lambda a: a.event.date, reverse=True)]


def test_unpublished_articles_appear_nowhere(site, corpus):
    words = corpus.unpublished_words
    for path in site.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".csv"):
            text = path.read_text(encoding="utf-8-sig")
            for word in words:
                assert word not in text, f"{word} in {path}"


def test_every_internal_link_resolves(site):
    assert site.broken_links() == {}
