"""The search page in a real browser, on sites built with their Pagefind index.

Two sites: the sample content, and a generated corpus plus a few articles
written here with the words readers type with or without marks ("Đồng Nai",
"Đoàn", "đào tạo", "Hoà Bình" against "Hòa Bình").
"""

import json
import unicodedata
from pathlib import Path

import pytest
from invoke import Context

import tasks
from plugins.search import SearchIndexError
from plugins.workflow.build import SETTINGS, build_site
from tests.browser.conftest import SiteServer
from tests.conftest import CONTENT, BuiltSite
from tests.corpus import Corpus, generate_corpus

FIXTURE_YEAR = 2025
# slug: (title, category, units, body, status)
FIXTURES = {
    "dong-nai": (
        "Tỉnh Đồng Nai chia sẻ kinh nghiệm thu hút đầu tư",
        "tin-tuc-su-kien",
        ["bac-kan"],
        "Tỉnh Đồng Nai chia sẻ cách làm với các khu công nghiệp miền núi phía Bắc.",
        "published",
    ),
    "doan": (
        "Đoàn Thanh niên ra quân tình nguyện",
        "tin-tuc-su-kien",
        [],
        "Các đoàn viên thanh niên ra quân làm sạch môi trường.",
        "published",
    ),
    "dao-tao": (
        "Mở lớp đào tạo kỹ năng số cho người lao động",
        "thong-bao",
        [],
        "Lớp đào tạo kéo dài hai tuần, dành cho công nhân.",
        "published",
    ),
    "dao": (
        "Hướng dẫn dùng dao cắt an toàn trong xưởng",
        "thong-bao",
        [],
        "Mỗi con dao phải có vỏ bọc.",
        "published",
    ),
    "hoa-binh-cu": (
        "Ban Quản lý các KCN Hoà Bình tổng kết năm",
        "thi-dua-khen-thuong",
        [],
        "Hội nghị tổng kết tại tỉnh Hoà Bình.",
        "published",
    ),
    "hoa-binh-moi": (
        "Khu công nghiệp Lương Sơn, Hòa Bình có dự án mới",
        "tin-tuc-su-kien",
        [],
        "Tỉnh Hòa Bình có thêm dự án mới.",
        "published",
    ),
    "nhap-dong-nai": (
        "Bản nháp về Đồng Nai chưa đăng",
        "tin-tuc-su-kien",
        [],
        "Đồng Nai, bản nháp.",
        "draft",
    ),
    "an-dong-nai": (
        "Bài ẩn về Đồng Nai",
        "tin-tuc-su-kien",
        [],
        "Đồng Nai, bài ẩn.",
        "hidden",
    ),
}
PUBLISHED = {slug for slug, fixture in FIXTURES.items() if fixture[4] == "published"}


def url(slug: str) -> str:
    return f"/tin-tuc/{FIXTURE_YEAR}/{slug}/"


def write_fixtures(content: Path) -> None:
    for day, (slug, (title, category, units, body, status)) in enumerate(FIXTURES.items(), 1):
        path = content / "articles" / str(FIXTURE_YEAR) / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: {title}\nslug: {slug}\ndate: {FIXTURE_YEAR}-03-{day:02d} 09:00\n"
            f"category: {category}\nunits: [{', '.join(units)}]\nstatus: {status}\n---\n{body}\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> tuple[Corpus, BuiltSite]:
    root = tmp_path_factory.mktemp("search-corpus")
    corpus = generate_corpus(root / "content", years=range(2023, 2025), articles_per_year=40)
    write_fixtures(corpus.root)
    build_site(SETTINGS["dev"], root / "output", search=True, PATH=str(corpus.root))
    return corpus, BuiltSite(root / "output")


@pytest.fixture(scope="module")
def corpus_server(corpus_site):
    with SiteServer(corpus_site[1].output) as server:
        yield server


@pytest.fixture(scope="module")
def sample_search_server(tmp_path_factory):
    """The real content/ built with its search index."""
    output = tmp_path_factory.mktemp("search-sample") / "output"
    build_site(SETTINGS["dev"], output, search=True)
    with SiteServer(output) as server:
        yield server


def settled(page) -> list[str]:
    """The result links once the running search has finished."""
    page.wait_for_selector("[data-search-results][aria-busy=false]", state="attached")
    return page.locator(".search-result h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def search(page, query: str) -> list[str]:
    page.fill("#q", query)
    page.press("#q", "Enter")
    return settled(page)


def open_search(page, server, query: str = "") -> list[str]:
    page.goto(server.url("/tim-kiem/" + (f"?q={query}" if query else "")))
    return settled(page)


def marks(page) -> list[str]:
    return page.locator(".search-result mark").all_inner_texts()


def result_count(page) -> int:
    """N of the status line "Có N kết quả …" (0 for "Không tìm thấy …")."""
    words = page.locator("[data-search-status]").inner_text().split()
    return int(words[1].replace(".", "")) if words[0] == "Có" else 0


# --- Queries with and without marks -----------------------------------------


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("dong nai", "dong-nai"),
        ("Đồng Nai", "dong-nai"),
        ("ĐỒNG NAI", "dong-nai"),
        (unicodedata.normalize("NFD", "Đồng Nai"), "dong-nai"),
        ("doan", "doan"),
        ("Đoàn", "doan"),
        ("doan thanh nien", "doan"),
        ("dao tao", "dao-tao"),
        ("đào tạo", "dao-tao"),
        ("dao cat", "dao"),
    ],
)
def test_query_finds_the_article_first(page, corpus_server, query, slug):
    open_search(page, corpus_server)
    assert search(page, query)[0] == url(slug)


def test_folded_query_shows_the_real_text(page, corpus_server):
    open_search(page, corpus_server)
    search(page, "dong nai")
    first = page.locator(".search-result").first
    assert first.locator("h2").inner_text() == FIXTURES["dong-nai"][0]
    assert "Đồng Nai" in first.locator(".search-excerpt").inner_text()
    assert {"Đồng", "Nai"} <= set(marks(page))
    assert "\u0335" not in page.locator("main").inner_text()


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("thai nguyen", "Thái Nguyên"),
        ("khu cong nghiep", "khu công nghiệp"),
        ("THI DUA", "thi đua"),
        ("khen thuong", "khen thưởng"),
    ],
)
def test_query_without_marks_finds_the_marked_words(page, corpus_server, query, written):
    open_search(page, corpus_server)
    assert search(page, query)
    assert written.casefold() in " ".join(marks(page)).casefold()


def test_both_ways_of_writing_hoa_binh_are_found(page, corpus_server):
    open_search(page, corpus_server)
    found = search(page, "hoa binh")
    assert {url("hoa-binh-cu"), url("hoa-binh-moi")} <= set(found)


@pytest.mark.parametrize(
    ("query", "first", "then"),
    [
        ("hoà bình", "hoa-binh-cu", "hoa-binh-moi"),
        ("hòa bình", "hoa-binh-moi", "hoa-binh-cu"),
        ("đào", "dao-tao", "dao"),
    ],
)
def test_exact_marks_rank_first(page, corpus_server, query, first, then):
    open_search(page, corpus_server)
    found = search(page, query)
    assert found.index(url(first)) < found.index(url(then))


def test_whole_syllables_rank_before_longer_words(page, corpus_server):
    """Pagefind also matches "doanh" for "doan": those pages come after."""
    open_search(page, corpus_server)
    assert search(page, "doan")[0] == url("doan")
    assert "doanh" in " ".join(page.locator(".search-result h2").all_inner_texts()[1:])


def test_common_syllables_still_answer(page, corpus_server):
    open_search(page, corpus_server)
    assert search(page, "và các")
    assert page.locator("[data-search-status]").inner_text().startswith("Có ")


# --- What is indexed ------------------------------------------------------------


def test_unpublished_and_hidden_articles_are_never_found(page, corpus_site, corpus_server):
    corpus, _ = corpus_site
    open_search(page, corpus_server)
    unlisted = {a.url for a in (*corpus.unpublished, *corpus.hidden)}
    for word in (*corpus.unpublished_words, *corpus.hidden_words, "dong nai"):
        assert not unlisted & set(search(page, word)), word
        titles = page.locator(".search-result h2").all_inner_texts()
        assert FIXTURES["nhap-dong-nai"][0] not in titles
        assert FIXTURES["an-dong-nai"][0] not in titles


def test_index_holds_published_articles_and_pages_only(corpus_site):
    corpus, site = corpus_site
    entry = json.loads((site.output / "pagefind/pagefind-entry.json").read_text())
    pages = len(list((corpus.root / "pages").glob("*.md")))
    assert entry["languages"]["vi"]["page_count"] == len(corpus.published) + len(PUBLISHED) + pages
    assert not (site.output / "pagefind/pagefind-ui.js").exists()


def test_only_main_content_is_marked_for_indexing(corpus_site):
    _, site = corpus_site
    article = site.html(url("dong-nai"))
    (body,) = article.select("[data-pagefind-body]")
    assert body.name == "article"
    assert not body.find_parent("header") and not body.select("nav, form, footer")
    assert not site.html(url("an-dong-nai")).select("[data-pagefind-body]")
    for listing in ("/", "/tin-tuc/", "/tim-kiem/", "/nam/", "/don-vi/bac-kan/"):
        assert not site.html(listing).select("[data-pagefind-body]"), listing
    assert site.html("/gioi-thieu/").select("article[data-pagefind-body]")


# --- Filters and the address -----------------------------------------------------


def test_filters_narrow_the_results(page, corpus_server):
    open_search(page, corpus_server)
    search(page, "thai nguyen")
    everything = result_count(page)
    page.select_option("#loc-nam", "2024")
    narrowed = settled(page)
    assert 0 < result_count(page) < everything
    assert all(u.startswith("/tin-tuc/2024/") for u in narrowed)
    assert "nam=2024" in page.url and "q=thai+nguyen" in page.url


def test_filters_alone_list_their_articles(page, corpus_server):
    open_search(page, corpus_server)
    page.select_option("#loc-nam", str(FIXTURE_YEAR))
    assert set(settled(page)) == {url(slug) for slug in PUBLISHED}
    page.select_option("#loc-chuyen-muc", "Thông báo")
    assert set(settled(page)) == {url("dao-tao"), url("dao")}
    assert all("Thông báo" in m for m in page.locator(".search-result .meta").all_inner_texts())
    page.select_option("#loc-chuyen-muc", "")
    page.select_option("#loc-don-vi", "BQL các KCN Bắc Kạn")
    assert settled(page) == [url("dong-nai")]


def test_no_results_offers_help(page, corpus_server):
    open_search(page, corpus_server, "dong+nai")
    page.select_option("#loc-nam", "2023")
    assert settled(page) == []
    assert page.locator("[data-search-status]").inner_text().startswith("Không tìm thấy")
    assert page.locator("[data-search-help]").is_visible()


def test_address_opens_with_its_results(page, corpus_server):
    found = open_search(page, corpus_server, "dong+nai")
    assert found[0] == url("dong-nai")
    assert page.input_value("#q") == "dong nai"
    page.goto(
        corpus_server.url(f"/tim-kiem/?q=dao&chuyen-muc=Th%C3%B4ng+b%C3%A1o&nam={FIXTURE_YEAR}")
    )
    assert set(settled(page)) == {url("dao-tao"), url("dao")}
    assert page.input_value("#loc-chuyen-muc") == "Thông báo"


def test_header_form_leads_to_results(page, sample_search_server):
    page.goto(sample_search_server.url("/"))
    page.fill("#header-q", "dong chi")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=dong+chi")
    assert settled(page)
    assert "Đồng" in marks(page)


# --- Accessibility and fallbacks ---------------------------------------------------


def test_results_are_announced_and_usable_by_keyboard(page, corpus_server):
    open_search(page, corpus_server)
    assert page.locator("label[for=q]").inner_text() == "Từ khóa"
    page.focus("#q")
    page.keyboard.type("thai nguyen")
    page.keyboard.press("Enter")
    first_page = settled(page)
    status = page.locator("[role=status]")
    assert status.inner_text().startswith("Có ") and "thai nguyen" in status.inner_text()
    assert len(first_page) == 10
    assert page.locator("ol.search-results > li h2 a").count() == 10
    more = page.locator("[data-search-more]")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == page.locator(".search-result h2 a").nth(10).get_attribute("href")


def test_without_javascript_the_page_says_so(browser, sample_search_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_search_server.url("/tim-kiem/?q=thai+nguyen"))
    fallback = page.locator("[data-search-fallback]")
    assert fallback.is_visible()
    assert "cần JavaScript" in fallback.inner_text()
    links = fallback.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/nam/", "/don-vi/", "/tin-tuc/"} <= set(links)
    context.close()


def test_without_an_index_the_page_says_so(page, sample_server):
    """The sample site of the other tests is built without search."""
    page.goto(sample_server.url("/tim-kiem/?q=thai+nguyen"))
    page.wait_for_selector("[data-search-status]:not(:empty)")
    assert "gặp lỗi" in page.locator("[data-search-status]").inner_text()
    assert page.locator("[data-search-fallback] a[href='/nam/']").is_visible()


# --- The build ------------------------------------------------------------------


def test_failed_index_leaves_output_untouched(tmp_path, monkeypatch):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("bản cũ", encoding="utf-8")

    def fail(site: Path, files: object = None):
        raise SearchIndexError("search: Pagefind indexed 0 of 5 pages")

    monkeypatch.setattr("plugins.search.index_site", fail)
    with pytest.raises(SystemExit, match="indexed 0 of 5"):
        build_site(SETTINGS["dev"], output, search=True, PATH=str(CONTENT))
    assert [p.name for p in tmp_path.iterdir()] == ["output"]
    assert (output / "index.html").read_text(encoding="utf-8") == "bản cũ"


@pytest.mark.parametrize(("flags", "search"), [({}, True), ({"no_search": True}, False)])
def test_build_task_indexes_unless_told_not_to(monkeypatch, flags, search):
    calls = []
    monkeypatch.setattr(tasks, "build_site", lambda *args, **kwargs: calls.append(kwargs))
    tasks.build(Context(), **flags)
    assert calls == [{"search": search}]
