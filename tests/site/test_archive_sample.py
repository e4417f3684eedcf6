"""The seed's units, bloc, leadership, awards and conference on the archive pages."""

from tests.site.test_sample_site import SEED

BOARDS = ["thai-nguyen", "tuyen-quang", "bac-giang", "phu-tho", "hoa-binh", "yen-bai", "bac-kan"]


def texts(page, selector):
    return [t.get_text(" ", strip=True) for t in page.select(selector)]


def test_units_index_groups_by_kind_in_vietnamese_order(sample_site):
    page = sample_site.html("/don-vi/")
    groups = texts(page, "main h2")
    assert groups[0] == "Ban Quản lý các khu công nghiệp"
    boards = [a.get_text(strip=True) for a in page.select("main section")[0].select("li > a")]
    assert boards == [
        "Ban Quản lý các Khu công nghiệp tỉnh " + p
        for p in (
            "Bắc Giang",
            "Bắc Kạn",
            "Hòa Bình",
            "Phú Thọ",
            "Thái Nguyên",
            "Tuyên Quang",
            "Yên Bái",
        )
    ]


def test_unit_page_shows_roles_awards_and_articles(sample_site):
    page = sample_site.html("/don-vi/tuyen-quang/")
    assert page.h1.get_text(strip=True) == "Ban Quản lý các Khu công nghiệp tỉnh Tuyên Quang"
    roles = texts(page, "#vai-tro ~ ul li")
    assert roles == [
        "Trưởng khối Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB năm 2017",
        "Phó khối Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB năm 2016",
    ]
    rows = [texts(r, "td") for r in page.select("table.awards tbody tr")]
    assert [r[:2] + r[3:4] for r in rows] == [["2016", "Bằng khen của Bộ trưởng", "Đề nghị"]]
    assert "đề nghị" in page.select_one("table.awards caption").get_text()
    assert [a["href"] for a in page.select(".card-title a")] == [SEED]
    assert page.select('link[type="application/atom+xml"]')[-1]["href"] == (
        "/don-vi/tuyen-quang/feed.xml"
    )


def test_every_board_has_a_page_and_a_feed_with_the_seed(sample_site):
    for unit in BOARDS:
        assert sample_site.exists(f"/don-vi/{unit}/")
        feed = sample_site.file(f"/don-vi/{unit}/feed.xml").read_text()
        assert SEED in feed


def test_bloc_page(sample_site):
    page = sample_site.html("/khoi-thi-dua/khoi-kcn-tdmnpb/")
    members = texts(page, "#thanh-vien ~ ul li")
    assert len(members) == 7 and members[0] == "BQL các KCN Bắc Giang"
    roles = [texts(r, "th, td")[:4] for r in page.select("table.roles tbody tr")]
    assert roles == [
        [
            "2017",
            "Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB",
            "BQL các KCN Tuyên Quang",
            "BQL các KCN Bắc Giang",
        ],
        [
            "2016",
            "Khối Thi đua BQL các KCN 7 tỉnh TD&MNPB",
            "BQL các KCN Thái Nguyên",
            "BQL các KCN Tuyên Quang",
        ],
    ]
    assert len(page.select("article.event")) == 1
    assert len(page.select("table.awards tbody tr")) == 3  # the members' awards


def test_years(sample_site):
    index = sample_site.html("/nam/")
    rows = [texts(r, "th, td") for r in index.select("tbody tr")]
    assert rows == [["2019", "1", "0", "0"], ["2017", "0", "1", "0"], ["2016", "0", "0", "4"]]
    y2016 = sample_site.html("/nam/2016/")
    assert len(y2016.select("table.awards tbody tr")) == 4
    assert texts(y2016, "table.roles tbody th") == ["2016"]
    assert [a["href"] for a in y2016.select(".year-nav a")] == ["/nam/2017/"]
    y2017 = sample_site.html("/nam/2017/")
    assert len(y2017.select("article.event")) == 1
    assert [a["href"] for a in y2017.select(".year-nav a")] == ["/nam/2016/", "/nam/2019/"]
    y2019 = sample_site.html("/nam/2019/")
    assert texts(y2019, "#bai-viet ~ h3") == ["Tháng 6/2019"]
    assert [a["href"] for a in y2019.select(".record-list a")] == [SEED]


def test_awards_overview_and_type_pages(sample_site):
    page = sample_site.html("/khen-thuong/")
    board = page.select_one("table.honour-board")
    assert texts(board, "thead th") == ["Đơn vị", "2016"]
    assert texts(board, "tbody th") == [
        "BQL các KCN Bắc Giang",
        "BQL các KCN Thái Nguyên",
        "BQL các KCN Tuyên Quang",
    ]
    assert "Cờ Thi đua xuất sắc Đề nghị" in texts(board, "tbody td")
    assert texts(page, "#theo-nam ~ h3") == ["Năm 2016 (4)"]
    assert "8 cá nhân" in page.select_one("#theo-noi-nhan").find_parent("section").get_text()
    flag = sample_site.html("/khen-thuong/co-thi-dua-xuat-sac/")
    rows = [texts(r, "td") for r in flag.select("table.awards tbody tr")]
    assert [r[0] for r in rows] == ["BQL các KCN Thái Nguyên"]
    certificate = sample_site.html("/khen-thuong/bang-khen-bo-truong/")
    recipients = [texts(r, "td")[0] for r in certificate.select("table.awards tbody tr")]
    assert recipients == ["BQL các KCN Bắc Giang", "BQL các KCN Tuyên Quang", "8 cá nhân"]
    assert "Chưa có" in sample_site.html("/khen-thuong/giay-khen/").select_one("main").get_text()


def test_conference_archive(sample_site):
    page = sample_site.html("/hoi-nghi/")
    assert texts(page, "main h2") == ["Năm 2017 (1)"]
    event = page.select_one("article.event").get_text(" ", strip=True)
    for text in (
        "Hội nghị tổng kết năm 2016",
        "24/02/2017",
        "Thành phố Thái Nguyên",
        "BQL các KCN Thái Nguyên",
        "Ký giao ước thi đua",
        "Bầu cho năm 2017 Trưởng khối: BQL các KCN Tuyên Quang",
        "Phó khối: BQL các KCN Bắc Giang",
        "Cờ Thi đua xuất sắc : BQL các KCN Thái",
    ):
        assert text in event, text
    assert page.select_one("article.event h3 a")["href"] == SEED


def test_archive_pages_in_sitemap_and_links_resolve(sample_site):
    sitemap = sample_site.file("/sitemap.xml").read_text()
    for url in (
        "/don-vi/",
        "/don-vi/bac-kan/",
        "/khoi-thi-dua/khoi-kcn-tdmnpb/",
        "/nam/",
        "/nam/2016/",
        "/khen-thuong/",
        "/khen-thuong/giay-khen/",
        "/hoi-nghi/",
    ):
        assert f"http://127.0.0.1:8000{url}<" in sitemap, url
    broken = {page: refs - {"/du-lieu/"} for page, refs in sample_site.broken_links().items()}
    assert {page: refs for page, refs in broken.items() if refs} == {}
