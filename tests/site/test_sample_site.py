"""The real content builds into the site that urls.md describes."""

import xml.etree.ElementTree as ET

import pytest
from PIL import Image

SEED = (
    "/tin-tuc/2019/hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2016-khoi-thi-dua-ban-quan-"
    "ly-cac-kcn-7-tinh-trung-du-va-mien-nui-phia-bac/"
)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def seed(sample_site):
    return sample_site.html(SEED)


def test_seed_article_title_and_dates(seed):
    assert seed.h1.get_text(strip=True).startswith(
        "Hội nghị tổng kết công tác thi đua năm 2016 – Khối Thi đua"
    )
    meta = seed.select_one(".article-meta").get_text(" ", strip=True)
    assert "Thứ Hai, 24/06/2019 10:27" in meta  # published
    assert "Thứ Sáu, 24/02/2017" in meta  # the conference
    assert "Thành phố Thái Nguyên" in meta
    published = seed.select_one(".article-meta time")["datetime"]
    assert published == "2019-06-24T10:27:00+07:00"


def test_seed_article_keeps_the_original_words(seed):
    body = seed.select_one(".article-body").get_text(" ", strip=True)
    assert body.startswith("Ngày 24/02, tại thành phố Thái Nguyên, Khối Thi đua BQL")
    assert "Trưởng khối là Ban Quản lý các KCN Tuyên Quang" in body
    assert body.rstrip().endswith("Lãnh đạo BQL các KCN 7 tỉnh Trung du và miền núi phía Bắc.")
    assert seed.select_one(".source").get_text(strip=True) == "Nguồn tin: Văn phòng"


def test_seed_photos_are_captioned_figures_in_place(seed):
    figures = seed.select(".article-body figure.photo")
    captions = [f.figcaption.get_text(strip=True) for f in figures]
    assert captions == [
        "Toàn cảnh hội nghị",
        "Đồng chí Nguyễn Hồng Sơn, Phó khối, Trưởng ban Quản lý các KCN Tuyên Quang"
        " trình bày dự thảo báo cáo.",
        "Đồng chí Nguyễn Trung Nam phát biểu tại hội nghị.",
        "Lãnh đạo Vụ chụp ảnh lưu niệm cùng Lãnh đạo BQL các KCN 7 tỉnh Trung du và"
        " miền núi phía Bắc.",
    ]
    first, *rest = [f.picture.img for f in figures]
    assert first["alt"] == "Toàn cảnh hội nghị"
    assert (first["width"], first["height"]) == ("1600", "1067")
    assert "loading" not in first.attrs  # the first photo is visible at once
    assert all(img["loading"] == "lazy" and img["decoding"] == "async" for img in rest)
    for figure in figures:  # responsive: WebP first, JPEG for the other browsers
        webp, img = figure.picture.source, figure.picture.img
        assert webp["type"] == "image/webp" and webp["sizes"] == img["sizes"]
        assert [c.split()[1] for c in webp["srcset"].split(", ")] == ["480w", "960w", "1600w"]
        assert [c.split()[1] for c in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert not seed.select(".gallery")  # every photo is placed by the body


def test_seed_photos_are_published_without_metadata(sample_site, seed):
    sources = seed.select("figure source, figure img")
    urls = {c.split()[0] for tag in sources for c in tag["srcset"].split(", ")}
    assert len(urls) == 4 * 6
    for url in urls:
        with Image.open(sample_site.file(url)) as image:
            assert image.format == ("WEBP" if url.endswith(".webp") else "JPEG"), url
            assert not image.getexif(), url  # the placeholders' EXIF is not published


def _table_rows(seed, heading):
    section = seed.find("h3", string=heading).find_parent("section")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in section.select("tbody tr")
    ]


def test_seed_roles_and_awards_with_status(seed):
    assert _table_rows(seed, "Trưởng khối, Phó khối") == [
        [
            "2016",
            "Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB",
            "BQL các KCN Thái Nguyên",
            "BQL các KCN Tuyên Quang",
        ],
        [
            "2017",
            "Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB",
            "BQL các KCN Tuyên Quang",
            "BQL các KCN Bắc Giang",
        ],
    ]
    awards = _table_rows(seed, "Khen thưởng")
    assert [row[:2] for row in awards] == [
        ["Cờ Thi đua xuất sắc", "BQL các KCN Thái Nguyên"],
        ["Bằng khen của Bộ trưởng", "BQL các KCN Tuyên Quang"],
        ["Bằng khen của Bộ trưởng", "BQL các KCN Bắc Giang"],
        ["Bằng khen của Bộ trưởng", "8 cá nhân"],
    ]
    assert {tuple(row[2:]) for row in awards} == {("2016", "Bộ KH&ĐT", "Đề nghị")}


def test_seed_links_to_units_bloc_years_and_award_types(seed):
    hrefs = {a["href"] for a in seed.select(".facts a")}
    units = {
        "thai-nguyen",
        "tuyen-quang",
        "bac-giang",
        "phu-tho",
        "hoa-binh",
        "yen-bai",
        "bac-kan",
        "bo-khdt",
    }
    assert {f"/don-vi/{u}/" for u in units} <= hrefs
    assert {"/khoi-thi-dua/khoi-kcn-tdmnpb/", "/nam/2016/", "/nam/2017/"} <= hrefs
    assert {
        "/khen-thuong/co-thi-dua-xuat-sac/",
        "/khen-thuong/bang-khen-bo-truong/",
    } <= hrefs


def test_seed_people_and_event(seed):
    people = [
        li.get_text(" ", strip=True)
        for li in seed.find("h3", string="Thành phần tham dự được nêu tên").find_next("ul")("li")
    ]
    assert len(people) == 5
    assert people[3].startswith("Phan Mạnh Cường, Trưởng ban Quản lý các KCN Thái Nguyên")
    assert people[3].endswith("(chủ trì)")
    event = seed.find("h3", string="Sự kiện").find_parent("section").get_text(" ", strip=True)
    for text in (
        "Hội nghị tổng kết năm 2016",
        "24/02/2017",
        "Phát động phong trào thi đua",
        "Ký giao ước thi đua",
    ):
        assert text in event


def test_print_and_save_actions(seed):
    assert seed.select_one("button[data-print]").get_text(strip=True) == "In bài viết"
    save = seed.select_one(".article-actions a[download]")
    assert save["href"] == SEED


def test_pages_and_navigation(sample_site):
    home = sample_site.html("/")
    assert home.html["lang"] == "vi"
    nav = [a.get_text(strip=True) for a in home.select(".site-nav a")]
    assert nav == [
        "Trang chủ",
        "Tin tức",
        "Đơn vị",
        "Khen thưởng",
        "Hội nghị",
        "Lưu trữ theo năm",
        "Tìm kiếm",
        "Liên hệ",
    ]
    assert home.select_one(".home-news a")["href"] == SEED
    assert home.select_one("a.skip-link")["href"] == "#noi-dung"
    assert home.find(id="noi-dung").name == "main"
    footer = home.select_one(".site-footer address").get_text(" ", strip=True)
    for text in (
        "Phường Bách Quang",
        "02083.845 435",
        "02083.845 434",
        "bbt@bqlkcnthainguyen.gov.vn",
    ):
        assert text in footer
    news = sample_site.html("/tin-tuc/")
    assert [a["href"] for a in news.select(".card-title a")] == [SEED]
    category = sample_site.html("/chuyen-muc/thi-dua-khen-thuong/")
    assert category.h1.get_text(strip=True) == "Thi đua – Khen thưởng"
    for url in ("/gioi-thieu/", "/lien-he/", "/lien-ket/", "/tim-kiem/"):
        assert sample_site.exists(url), url


def test_english_page(sample_site):
    page = sample_site.html("/en/")
    assert page.html["lang"] == "en"
    text = page.select_one("main").get_text(" ", strip=True)
    assert "Management Board" in text and "bbt@bqlkcnthainguyen.gov.vn" in text


def test_feeds_are_atom(sample_site):
    for url in ("/feed.xml", "/chuyen-muc/thi-dua-khen-thuong/feed.xml"):
        feed = ET.parse(sample_site.file(url)).getroot()
        assert feed.tag == f"{ATOM}feed"
        entries = feed.findall(f"{ATOM}entry")
        assert [e.find(f"{ATOM}link").get("href") for e in entries] == [SEED]


def test_sitemap_robots_404(sample_site):
    sitemap = ET.parse(sample_site.file("/sitemap.xml")).getroot()
    locs = [u.find(f"{SITEMAP}loc").text for u in sitemap]
    pages = {
        "/" + p.relative_to(sample_site.output).as_posix().removesuffix("index.html")
        for p in sample_site.all_html()
        # not the redirect pages at the old site's addresses (test_redirects.py)
        if not p.relative_to(sample_site.output).as_posix().startswith("tin-tuc-su-kien/")
    } - {"/404.html"}
    assert {loc.removeprefix("http://127.0.0.1:8000") for loc in locs} == pages
    robots = sample_site.file("/robots.txt").read_text()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    missing = sample_site.html("/404.html")
    assert missing.h1.get_text(strip=True) == "Không tìm thấy trang"
    assert missing.select_one("link[rel=stylesheet]")["href"].startswith("/")


def test_no_external_resources(sample_site):
    for path in sample_site.all_html():
        page = sample_site.html("/" + path.relative_to(sample_site.output).as_posix())
        for tag in page.select("link[href]:not([rel=canonical]), script[src], img[src]"):
            ref = tag.get("href") or tag.get("src")
            assert ref.startswith("/"), f"{path}: {ref}"
