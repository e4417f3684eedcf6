"""invoke import-legacy: the seed text and a generated page of the old CMS become
articles of the editors' contract, valid as written."""

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from PIL import Image

from plugins.domain.site import load_site
from plugins.domain.source import split_front_matter
from plugins.workflow.legacy_import import ImportOptions, import_pages
from plugins.workflow.legacy_import.from_text import parse_text
from plugins.workflow.legacy_import.markdown import escape_paragraph
from plugins.workflow.legacy_import.page import looks_like_caption, news_source
from tests.conftest import CONTENT, ROOT, copy_content

DATA = Path(__file__).parent / "data"
SEED_TEXT = DATA / "hoi-nghi-tong-ket-thi-dua-2016.txt"
SEED_ARTICLE = CONTENT / "articles/2019/hoi-nghi-tong-ket-thi-dua-2016/index.md"
PAGE = DATA / "trang-cu-mau.html"
SEED_SLUG = (
    "hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2016-khoi-thi-dua-ban-quan-ly-cac-kcn-7-tinh-trung"
    "-du-va-mien-nui-phia-bac"
)


@pytest.fixture
def content(tmp_path):
    """The real content without the seed article (the import must recreate it)."""
    root = copy_content(tmp_path / "content")
    shutil.rmtree(root / "articles/2019/hoi-nghi-tong-ket-thi-dua-2016")
    return root


def spec_front_matter() -> dict:
    return split_front_matter(SEED_ARTICLE.read_text(encoding="utf-8")).front.data


def commented_images(text: str) -> list[dict]:
    """The ``images:`` the importer left commented (photos it did not have)."""
    block = re.search(r"^# images:\n((?:#   - .*\n)+)", text, flags=re.MULTILINE)
    assert block, "no commented images"
    return yaml.safe_load(re.sub(r"^# ", "", block.group(1), flags=re.MULTILINE))


def test_seed_text_becomes_the_spec_front_matter(content):
    result = import_pages([SEED_TEXT], content, ImportOptions())
    assert result.ok, result.failed
    [(_, imported, written)] = result.written
    site = load_site(content)
    assert not site.report.problems, site.report.render()  # valid as written
    [article] = [a for a in site.articles if a.slug == SEED_SLUG]
    spec = spec_front_matter()
    assert article.title == spec["title"]
    assert written.parent.name == SEED_SLUG and written.name == "index.md"
    assert re.search(r"^date: 24-06-2019 10:27$", imported.text, re.MULTILINE)
    assert article.date.isoformat() == "2019-06-24T10:27:00+07:00"
    assert [u.id for u in article.units] == spec["units"]
    assert article.legacy_url == spec["legacy_url"]
    # Written as on the old site; the spec's "Văn phòng" is the editor's spelling.
    assert article.source == "Văn Phòng"
    # What only a person can know is left to the editor, marked TODO.
    assert article.category.id == "tin-tuc-su-kien"
    assert (article.event, article.roles, article.awards, article.people) == (None, (), (), ())
    text = written.read_text(encoding="utf-8")
    for field in ("event", "roles", "awards", "people"):
        assert re.search(rf"^# {field}:", text, re.MULTILINE)
    assert "TODO" in text
    # The photos are lost: their captions wait, commented, where they stood.
    captions = [i["caption"] for i in commented_images(text)]
    assert captions == [i["caption"] for i in spec["images"]]
    assert "# (sau đoạn 2)" in text
    assert article.images == ()


def test_seed_body_is_the_original_text_without_the_footer(content):
    [(_, imported, _)] = import_pages([SEED_TEXT], content, ImportOptions()).written
    body = imported.text.split("\n---\n", 1)[1]
    spec_body = SEED_ARTICLE.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    spec_paragraphs = [p for p in spec_body.strip().split("\n\n") if not p.startswith("![")]
    assert body.strip().split("\n\n") == spec_paragraphs
    assert "Trụ sở" not in imported.text and "02083" not in imported.text
    assert "Nguồn tin" not in body


def test_spelling_of_the_source_follows_the_site(content):
    """Once the site writes "Văn phòng", an old page's "Văn Phòng" is read as that."""
    shutil.copytree(SEED_ARTICLE.parent, content / "articles/2019/bai-da-co")
    (content / "articles/2019/bai-da-co/index.md").write_text(
        "---\ntitle: Bài đã có\ndate: 2019-01-01\ncategory: thong-bao\nsource: Văn phòng\n---\nA\n",
        encoding="utf-8",
    )
    [(_, imported, _)] = import_pages([SEED_TEXT], content, ImportOptions()).written
    assert re.search(r'^source: "Văn phòng"$', imported.text, re.MULTILINE)


def test_category_and_portlet_options(content):
    options = ImportOptions(category="thi-dua-khen-thuong", portlet="AbCdEf123")
    [(_, imported, _)] = import_pages([SEED_TEXT], content, options).written
    assert "\ncategory: thi-dua-khen-thuong\n" in imported.text
    assert imported.legacy_url.startswith("/tin-tuc-su-kien/-/asset_publisher/AbCdEf123/content/")


@pytest.fixture
def saved_page(tmp_path):
    """The generated old-CMS page saved "complete": two of its three photos beside it."""
    folder = tmp_path / "luu"
    folder.mkdir()
    page = folder / PAGE.name
    shutil.copy(PAGE, page)
    photos = folder / "trang-cu-mau_files"
    photos.mkdir()
    Image.new("RGB", (64, 48), "gray").save(photos / "anh-1.jpg")
    Image.new("RGB", (64, 48), "navy").save(photos / "anh-2.png")
    return page


def test_old_cms_page_becomes_an_article_with_its_photos(content, saved_page):
    result = import_pages([saved_page], content, ImportOptions())
    assert result.ok, result.failed
    [(_, imported, written)] = result.written
    site = load_site(content)
    assert not site.report.problems, site.report.render()
    [article] = [
        a for a in site.articles if a.path.endswith(written.relative_to(content).as_posix())
    ]
    assert article.title.startswith("Bài mẫu tạo tự động: tập huấn nghiệp vụ thi đua")
    assert article.date.isoformat() == "2018-03-15T09:05:00+07:00"
    assert article.source == "Phòng Quản lý doanh nghiệp"
    # "BQL các KCN Hoà Bình" (tone moved), "Tuyên Quang" in NFD; the ministry only named.
    assert [u.id for u in article.units] == ["tuyen-quang", "hoa-binh"]
    assert "bo-khdt (Bộ Kế hoạch và Đầu tư)" in imported.text
    assert article.legacy_url == (
        "/tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/content/bai-mau-tao-tu-ong-tap-huan"
        "-nghiep-vu-thi-ua-khen-thuong-cho-cac-on-vi-trong-khoi"
    )
    assert [(p.src.name, p.caption) for p in article.images] == [
        ("quang-canh-buoi-tap-huan.jpg", "Quang cảnh buổi tập huấn."),
        ("hoc-vien-trao-doi-y-kien.png", "Học viên trao đổi ý kiến."),
    ]
    assert (written.parent / "hoc-vien-trao-doi-y-kien.png").is_file()
    [missing] = yaml.safe_load(re.search(r"^#   (- \{src: cac-.*)$", imported.text, re.M)[1])
    assert missing == {
        "src": "cac-hoc-vien-chup-anh-luu.jpg",
        "caption": "Các học viên chụp ảnh lưu niệm.",
        "alt": "Ảnh lưu niệm",
    }


def test_old_cms_page_body(content, saved_page):
    [(_, imported, _)] = import_pages([saved_page], content, ImportOptions()).written
    body = imported.text.split("\n---\n", 1)[1]
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0].startswith(
        "**(Bài viết tạo tự động cho kiểm thử – không phải tin thật.)**"
    )
    assert paragraphs[1] == "![](quang-canh-buoi-tap-huan.jpg)"
    assert "[bộ kế hoạch và đầu tư](<http://bqlkcnthainguyen.gov.vn/van-ban>)" in paragraphs[2]
    assert r"cách ghi \*số quyết định\*" in paragraphs[2]  # the old text's asterisks stay text
    assert "hướng dẫn  \nthực hành" in paragraphs[2]  # <br>
    assert paragraphs[3] == "![](hoc-vien-trao-doi-y-kien.png)"
    assert paragraphs[-1].endswith("trước ngày 30/3./.")
    for left_out in ("Trụ sở", "Lượt xem", "In bài viết", "Tin tức sự kiện", "Nguồn tin"):
        assert left_out not in body
    assert unicodedata.is_normalized("NFC", imported.text)


def test_address_comes_from_the_base_url_when_the_page_gives_a_relative_one(content, tmp_path):
    page = tmp_path / "trang.html"
    page.write_text(
        PAGE.read_text(encoding="utf-8")
        .replace('href="http://bqlkcnthainguyen.gov.vn/tin-tuc-su-kien', 'href="/tin-tuc-su-kien')
        .replace("<!-- saved from", "<!-- not saved from"),
        encoding="utf-8",
    )
    options = ImportOptions(base_url="http://bqlkcnthainguyen.gov.vn/")
    [(_, imported, _)] = import_pages([page], content, options).written
    assert imported.legacy_url.endswith(
        "/content/bai-mau-tao-tu-ong-tap-huan-nghiep-vu-thi-ua-khen-thuong-cho-cac-on-vi-trong-khoi"
    )


def test_never_overwrites_and_reports_every_failure(content, tmp_path):
    first = import_pages([SEED_TEXT], content, ImportOptions())
    [(_, _, written)] = first.written
    before = written.read_text(encoding="utf-8")
    broken = tmp_path / "hong.html"
    broken.write_text("<html><body><p>Trang chủ</p></body></html>", encoding="utf-8")
    no_date = tmp_path / "khong-ngay.txt"
    no_date.write_text("Tiêu đề\n\nĐoạn văn không có ngày.\n", encoding="utf-8")
    latin1 = tmp_path / "sai-ma.txt"
    latin1.write_bytes("Tiêu đề\n24-06-2019 10:27\nĐoạn văn.\n".encode("utf-16"))
    result = import_pages(
        [SEED_TEXT, broken, no_date, latin1, tmp_path / "khong-co.html"], content, ImportOptions()
    )
    assert not result.written and not result.ok
    reasons = dict(result.failed)
    assert "đã có bài cho địa chỉ cũ này" in reasons[SEED_TEXT]
    assert "journal-content-article" in reasons[broken]
    assert "không thấy dòng ngày đăng" in reasons[no_date]
    assert "không phải UTF-8" in reasons[latin1]
    assert "không đọc được tệp" in reasons[tmp_path / "khong-co.html"]
    assert written.read_text(encoding="utf-8") == before


def test_invoke_import_legacy_exits_non_zero_on_failure(content, tmp_path):
    bad = tmp_path / "hong.txt"
    bad.write_text("", encoding="utf-8")
    command = [
        sys.executable, "-m", "invoke", "import-legacy", str(tmp_path / "*.txt"),
        "--content", str(content),
    ]  # fmt: skip
    shutil.copy(SEED_TEXT, tmp_path / "seed.txt")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Đã nhập" in result.stdout and "KHÔNG nhập được" in result.stdout
    assert "1 bài đã nhập, 1 trang không nhập được." in result.stdout


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Toàn cảnh hội nghị", True),
        ("Đồng chí Nguyễn Trung Nam phát biểu tại hội nghị.", True),
        ("Tại đây, 7 đơn vị trong khối đã thống nhất nội dung năm 2017./.", False),
        (
            "Kết luận hội nghị, đồng chí Phan Mạnh Cường – Trưởng khối, Trưởng ban Quản lý các"
            " KCN Thái Nguyên tiếp thu toàn bộ ý kiến phát biểu chỉ đạo của các đồng chí.",
            False,
        ),
        ("Hội nghị đã bế mạc. Các đại biểu ra về.", False),
    ],
)
def test_caption_lines(text, caption):
    assert looks_like_caption(text) is caption


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Nguồn tin: Văn PhòngBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN", "Văn Phòng"),
        ("Nguồn tin: Phòng Quản lý doanh nghiệp", "Phòng Quản lý doanh nghiệp"),
        ("Nguồn: Báo Thái Nguyên", "Báo Thái Nguyên"),
        ("Nguồn tin: Văn phòng Ban Quản lý các Khu công nghiệp tỉnh Thái Nguyên", "Văn phòng"),
        ("Ngày 24/02, tại thành phố", None),
    ],
)
def test_news_source(line, source):
    assert news_source(line) == source


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("1. Một đoạn bắt đầu bằng số", r"1\. Một đoạn bắt đầu bằng số"),
        ("- gạch đầu dòng", r"\- gạch đầu dòng"),
        ("# không phải tiêu đề", r"\# không phải tiêu đề"),
        ("a_b *c* [d] <e>", r"a\_b \*c\* \[d\] &lt;e>"),
    ],
)
def test_text_stays_text_in_markdown(text, markdown):
    assert escape_paragraph(text) == markdown


def test_seed_text_parses_into_paragraphs_and_captions():
    page = parse_text(SEED_TEXT)
    assert page.published == "24-06-2019 10:27"
    assert len(page.paragraphs) == 9 and len(page.photos) == 4
    assert page.news_source == "Văn Phòng"
