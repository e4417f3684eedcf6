"""/du-lieu/: the registries and the seed's records as JSON and CSV, documented."""

import csv
import datetime as dt
import io
import json

import pytest

from plugins.open_data import open_data
from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import copy_content, write_article
from tests.site.test_sample_site import SEED
from tests.trees import differences

FILES = ["khen-thuong.json", "khen-thuong.csv", "hoi-nghi.json", "don-vi.json", "bai-viet.json"]
JSON_FILES = [f for f in FILES if f.endswith(".json")]
ENVELOPE = ["tieu_de", "mo_ta", "nguon", "su_dung", "tai_lieu", "cap_nhat"]
SEED_ID = SEED.removeprefix("/tin-tuc/").rstrip("/").replace("/", "-")
BOARDS = ["thai-nguyen", "tuyen-quang", "bac-giang", "phu-tho", "hoa-binh", "yen-bai", "bac-kan"]


def load_json(site, name):
    return json.loads(site.file(f"/du-lieu/{name}").read_bytes().decode("utf-8"))


def load_csv(site, name):
    return list(csv.DictReader(io.StringIO(site.file(f"/du-lieu/{name}").read_text("utf-8-sig"))))


def as_cell(value):
    """What a JSON value becomes in a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(as_cell(v) for v in value)
    return str(value)


def test_every_file_exists_and_parses(sample_site):
    for name in JSON_FILES:
        data = load_json(sample_site, name)
        assert list(data)[: len(ENVELOPE)] == ENVELOPE, name
        assert data["cap_nhat"] == "2019-06-24T10:27:00+07:00"  # the seed, not the clock
        assert data["nguon"] == "Ban Quản lý các KCN tỉnh Thái Nguyên"
        assert data["tai_lieu"] == "/du-lieu/"
        assert isinstance(data["ban_ghi"], list)
    raw = sample_site.file("/du-lieu/khen-thuong.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == 5 and "\n" not in text.replace("\r\n", "")
    assert len(load_csv(sample_site, "khen-thuong.csv")) == 4


def test_json_is_readable_utf8(sample_site):
    text = sample_site.file("/du-lieu/khen-thuong.json").read_text("utf-8")
    assert "Cờ Thi đua xuất sắc" in text  # not \\u escapes
    assert "\\u" not in text


@pytest.mark.parametrize("name", JSON_FILES)
def test_json_shows_one_record_per_line(sample_site, name):
    text = sample_site.file(f"/du-lieu/{name}").read_text("utf-8")
    document = json.loads(text)
    records = [r for value in document.values() if isinstance(value, list) for r in value]
    lines = [line.rstrip(",") for line in text.splitlines() if line.startswith("  {")]
    assert [json.loads(line) for line in lines] == records
    closed_tables = sum(isinstance(v, list) and bool(v) for v in document.values())  # " ]"
    assert len(text.splitlines()) == 2 + len(document) + len(records) + closed_tables


def test_awards_are_the_seeds_four_proposals(sample_site):
    rows = load_json(sample_site, "khen-thuong.json")["ban_ghi"]
    assert [(r["ma_loai"], r["doi_tuong"], r["ma_don_vi_nhan"], r["so_ca_nhan"]) for r in rows] == [
        ("co-thi-dua-xuat-sac", "don-vi", "thai-nguyen", None),
        ("bang-khen-bo-truong", "don-vi", "bac-giang", None),
        ("bang-khen-bo-truong", "don-vi", "tuyen-quang", None),
        ("bang-khen-bo-truong", "so-ca-nhan", None, 8),
    ]
    assert rows[3]["ten_doi_tuong"] == "8 cá nhân"
    assert rows[0]["ten_doi_tuong"] == "Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên"
    for row in rows:
        assert row["nam"] == 2016
        assert (row["trang_thai"], row["ten_trang_thai"]) == ("de-nghi", "Đề nghị")
        assert (row["ma_don_vi_tang"], row["ten_don_vi_tang"]) == (
            "bo-khdt",
            "Bộ Kế hoạch và Đầu tư",
        )
        assert row["cap"] == "bo-tinh"
        assert row["url_bai_viet"] == SEED
        assert row["tieu_de_bai_viet"].startswith("Hội nghị tổng kết công tác thi đua năm 2016")
        assert row["so_quyet_dinh"] is None and row["ngay_quyet_dinh"] is None
    # Stable ids: the article's year and slug, and the award's place in the article.
    assert sorted(r["ma"] for r in rows) == [f"{SEED_ID}-{n}" for n in (1, 2, 3, 4)]


def test_csv_rows_agree_with_json_rows(sample_site):
    rows = load_json(sample_site, "khen-thuong.json")["ban_ghi"]
    table = load_csv(sample_site, "khen-thuong.csv")
    assert list(table[0]) == list(rows[0])  # same columns, same order
    assert all(name.isascii() for name in table[0])
    assert table == [{k: as_cell(v) for k, v in row.items()} for row in rows]


def test_the_conference(sample_site):
    (event,) = load_json(sample_site, "hoi-nghi.json")["ban_ghi"]
    assert event["ma_loai"] == "hoi-nghi-tong-ket"
    assert event["ten_loai"] == "Hội nghị tổng kết"
    assert event["ngay"] == "2017-02-24"
    assert (event["nam_to_chuc"], event["nam_thi_dua"]) == (2017, 2016)
    assert event["dia_diem"] == "Thành phố Thái Nguyên"
    assert event["ma_don_vi_dang_cai"] == "thai-nguyen"
    assert event["ma_khoi"] == "khoi-kcn-tdmnpb"
    assert event["hoat_dong"] == ["phat-dong-thi-dua", "ky-giao-uoc"]
    assert (event["truong_khoi_moi"], event["pho_khoi_moi"]) == ("tuyen-quang", "bac-giang")
    awards = {r["ma"] for r in load_json(sample_site, "khen-thuong.json")["ban_ghi"]}
    assert set(event["khen_thuong"]) == awards and len(event["khen_thuong"]) == 4
    assert event["url_bai_viet"] == SEED


def test_the_article(sample_site):
    (article,) = load_json(sample_site, "bai-viet.json")["ban_ghi"]
    assert article["url"] == SEED
    assert article["ngay_dang"] == "2019-06-24T10:27:00+07:00"
    assert article["ngay_sua"] is None
    assert article["ma_chuyen_muc"] == "thi-dua-khen-thuong"
    assert article["don_vi"] == BOARDS
    assert article["nguon"] == "Văn phòng"
    assert article["tom_tat"] is None  # the editor wrote none
    assert article["loai_su_kien"] == "hoi-nghi-tong-ket"
    assert article["so_khen_thuong"] == 4
    assert article["dia_chi_cu"].startswith("/tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/")


def test_units_and_blocs(sample_site):
    data = load_json(sample_site, "don-vi.json")
    units = {u["ma"]: u for u in data["ban_ghi"]}
    assert set(BOARDS) | {"bo-khdt"} <= set(units)
    unit = units["thai-nguyen"]
    assert unit["url"] == "/don-vi/thai-nguyen/"
    assert unit["ten_ngan"] == "BQL các KCN Thái Nguyên"
    assert unit["loai"] == "ban-quan-ly-kcn"
    assert "Ban Quản lý các KCN Thái Nguyên" in unit["ten_khac"]
    assert list(unit) == [
        "ma",
        "ten",
        "ten_ngan",
        "ten_khac",
        "loai",
        "ten_loai",
        "tinh",
        "ma_don_vi_cap_tren",
        "website",
        "tu_nam",
        "den_nam",
        "ma_don_vi_ke_thua",
        "url",
    ]
    (bloc,) = data["khoi_thi_dua"]
    assert bloc["ma"] == "khoi-kcn-tdmnpb"
    assert bloc["ma_don_vi_to_chuc"] == "bo-khdt"
    assert [m["ma_don_vi"] for m in bloc["thanh_vien"]] == BOARDS
    assert bloc["url"] == "/khoi-thi-dua/khoi-kcn-tdmnpb/"


def test_page_lists_every_file_with_size_and_count(sample_site):
    page = sample_site.html("/du-lieu/")
    assert page.h1.get_text(strip=True) == "Dữ liệu mở"
    assert (
        "Dữ liệu được công bố để tra cứu, sử dụng lại; khi sử dụng xin ghi nguồn:"
        " Ban Quản lý các KCN tỉnh Thái Nguyên." in page.main.get_text(" ", strip=True)
    )
    rows = page.select("#cac-tep ~ div table tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == FILES
    for row in rows:
        href = row.th.a["href"]
        assert sample_site.exists(href), href
        size = sample_site.file(href).stat().st_size
        assert row.select_one("data")["value"] == str(size)
        assert row.select_one("data").get_text().endswith(" kB")
    counts = {r.th.get_text(strip=True): r.select("td")[-1].get_text(strip=True) for r in rows}
    assert counts["khen-thuong.csv"] == "4 khen thưởng"
    assert counts["hoi-nghi.json"] == "1 hội nghị, sự kiện"
    assert counts["bai-viet.json"] == "1 bài viết"
    assert counts["don-vi.json"].endswith("; 1 khối thi đua")
    headers = [th.get_text(strip=True) for th in rows[0].find_parent("table").select("thead th")]
    assert headers == ["Tệp", "Nội dung", "Định dạng", "Dung lượng", "Số bản ghi"]
    assert all(th["scope"] == "col" for th in page.select("main thead th"))


def test_page_documents_exactly_the_fields_of_the_files(sample_site):
    page = sample_site.html("/du-lieu/")
    envelope = page.find("caption", string="Các khóa chung của tệp JSON").find_parent("table")
    assert [c.get_text() for c in envelope.select("tbody th code")] == ENVELOPE
    for name in JSON_FILES:
        data = load_json(sample_site, name)
        section = page.find("section", id=name.removesuffix(".json"))
        links = {a["href"] for a in section.select("p a")}
        assert f"/du-lieu/{name}" in links
        tables = section.select("table")
        keys = [t.caption.code.get_text() for t in tables]
        assert keys == list(data)[len(ENVELOPE) :]
        for key, table in zip(keys, tables, strict=True):
            documented = [c.get_text() for c in table.select("tbody th code")]
            assert documented == list(data[key][0]), (name, key)
            assert all(td.get_text(strip=True) for td in table.select("tbody td"))


def test_footer_links_to_the_page(sample_site):
    hrefs = [a["href"] for a in sample_site.html("/").select("footer a")]
    assert "/du-lieu/" in hrefs


DRAFT = """\
---
title: Bản nháp khen thưởng
date: 2020-05-01
category: thi-dua-khen-thuong
status: draft
event: {type: trao-thuong, host: bac-giang}
awards:
  - {type: giay-khen, recipient: bac-giang}
---
Nháp.
"""

MIDYEAR = """\
---
title: Hội nghị sơ kết thi đua 6 tháng đầu năm 2017
date: 2017-07-20 09:00
category: thi-dua-khen-thuong
units: [tuyen-quang]
tags: [Thi đua]
summary: Khối sơ kết thi đua 6 tháng.
event:
  type: hoi-nghi-so-ket
  place: Thành phố Tuyên Quang
  host: tuyen-quang
  bloc: khoi-kcn-tdmnpb
  year: 2017
awards:
  - {type: bang-khen-bo-truong, person: Nguyễn Văn An, unit: thai-nguyen, by: bo-khdt,
     decision: 123/QĐ-BKHĐT, decision_date: 01/07/2017}
  - {type: co-thi-dua-xuat-sac, recipient: thai-nguyen, year: 2016, by: bo-khdt, status: de-nghi}
---
Sơ kết.
"""


@pytest.fixture
def content(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(content, "2020/nhap.md", DRAFT)
    write_article(content, "2017/so-ket.md", MIDYEAR)
    return content


def test_more_articles_same_bytes_twice_and_no_drafts(build, content):
    first = build(content)
    snapshot = {p.name: p.read_bytes() for p in (first.output / "du-lieu").iterdir()}
    second = build(content)
    again = {p.name: p.read_bytes() for p in (second.output / "du-lieu").iterdir()}
    assert again == snapshot
    assert sorted(snapshot) == sorted([*FILES, "index.html"])

    everything = "\n".join(b.decode("utf-8-sig") for b in snapshot.values())
    assert "ban-nhap-khen-thuong" not in everything and "Bản nháp" not in everything

    awards = load_json(second, "khen-thuong.json")["ban_ghi"]
    # The midyear article recorded the seed's proposed flag first: one row, not two.
    assert len(awards) == 5
    person = next(r for r in awards if r["doi_tuong"] == "ca-nhan")
    midyear = "2017-hoi-nghi-so-ket-thi-dua-6-thang-dau-nam-2017"
    assert person["ma"] == f"{midyear}-1"
    assert (person["ca_nhan"], person["ma_don_vi_ca_nhan"]) == ("Nguyễn Văn An", "thai-nguyen")
    assert (person["so_quyet_dinh"], person["ngay_quyet_dinh"]) == ("123/QĐ-BKHĐT", "2017-07-01")
    assert (person["trang_thai"], person["nam"]) == ("da-tang", 2017)
    assert load_csv(second, "khen-thuong.csv") == [
        {k: as_cell(v) for k, v in row.items()} for row in awards
    ]

    ids = {r["ma"] for r in awards}
    events = load_json(second, "hoi-nghi.json")["ban_ghi"]
    # Newest first; without a date of its own an event is dated by its article.
    assert [e["ma_loai"] for e in events] == ["hoi-nghi-so-ket", "hoi-nghi-tong-ket"]
    assert events[0]["ngay"] is None and events[0]["nam_to_chuc"] == 2017
    for event in events:
        assert set(event["khen_thuong"]) <= ids
    assert events[0]["khen_thuong"] == [f"{midyear}-1", f"{midyear}-2"]
    assert f"{midyear}-2" in events[1]["khen_thuong"]  # the seed's flag, recorded earlier
    assert len(events[1]["khen_thuong"]) == 4

    articles = load_json(second, "bai-viet.json")
    assert [a["url"] for a in articles["ban_ghi"]] == [SEED, f"/tin-tuc/2017/{midyear[5:]}/"]
    assert articles["ban_ghi"][1]["tom_tat"] == "Khối sơ kết thi đua 6 tháng."
    assert articles["ban_ghi"][1]["the"] == ["Thi đua"]


def test_generated_corpus_files_agree_with_its_archive(build, tmp_path):
    corpus_module = pytest.importorskip("tests.corpus")
    from plugins.domain.archive import build_archive
    from plugins.domain.site import load_site

    corpus = corpus_module.generate_corpus(tmp_path / "corpus")
    site = build(corpus.root)
    model = load_site(corpus.root)
    archive = build_archive(model.public_articles(dt.datetime.now(dt.UTC)), model.registries)

    awards = load_json(site, "khen-thuong.json")["ban_ghi"]
    assert len(awards) == len(archive.awards) == len(corpus.awards()) > 0
    assert len({r["ma"] for r in awards}) == len(awards)
    table = load_csv(site, "khen-thuong.csv")
    assert table == [{k: as_cell(v) for k, v in row.items()} for row in awards]

    events = load_json(site, "hoi-nghi.json")["ban_ghi"]
    assert len(events) == len(archive.events)
    assert {i for e in events for i in e["khen_thuong"]} <= {r["ma"] for r in awards}

    articles = load_json(site, "bai-viet.json")["ban_ghi"]
    assert sorted(a["url"] for a in articles) == sorted(a.url for a in corpus.published)

    units = {u["ma"] for u in load_json(site, "don-vi.json")["ban_ghi"]}
    assert corpus.merged_unit in units
    assert {u for a in articles for u in a["don_vi"]} <= units

    everything = "\n".join(site.file(f"/du-lieu/{name}").read_text("utf-8-sig") for name in FILES)
    for article in (*corpus.unpublished, *corpus.hidden):
        assert article.url not in everything, article.url
        assert article.title not in everything, article.title
    for word in (*corpus.unpublished_words, *corpus.hidden_words):
        assert word not in everything, word


def test_files_made_in_the_background_are_the_same(build, content, tmp_path, monkeypatch):
    """At archive scale the files are made by a background process while the
    build goes on; the files and the sizes the page shows are the same."""
    at_once = build(content)
    made_here: list[str] = []
    write = open_data._write_data

    def noting(root, sources, making):
        made_here.append(making[0])
        return write(root, sources, making)

    monkeypatch.setattr(open_data, "_write_data", noting)
    monkeypatch.setattr(open_data, "BACKGROUND_MIN", 0)
    later = tmp_path / "later"
    build_site(SETTINGS["dev"], later, PATH=str(content), CACHE_PATH=str(tmp_path / "cache-2"))
    assert made_here == []  # each file was made in the background process
    assert not differences(at_once.output / "du-lieu", later / "du-lieu")
    monkeypatch.setattr(open_data, "BACKGROUND_MIN", 10**6)
    build_site(SETTINGS["dev"], tmp_path / "at-once", PATH=str(content))
    assert sorted(made_here) == sorted(f"du-lieu/{name}" for name in FILES)
