"""Printing an article (Decree 42/2022/NĐ-CP asks for print on every article):
Chromium's own print-to-PDF of the seed article, read back as text."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.page_types import SAMPLE

pytestmark = pytest.mark.browser

KEPT = {
    "title": "Hội nghị tổng kết công tác thi đua năm 2016 – Khối Thi đua Ban Quản lý các KCN 7"
    " tỉnh Trung du và Miền núi phía Bắc",
    "publication date": "24/06/2019 10:27",
    "conference date": "24/02/2017",
    "first words": "Ngày 24/02, tại thành phố Thái Nguyên, Khối Thi đua BQL các KCN 7 tỉnh",
    "last words": "nhân rộng điển hình trong toàn Khối",
    "first caption": "Toàn cảnh hội nghị",
    "last caption": "Lãnh đạo Vụ chụp ảnh lưu niệm cùng Lãnh đạo BQL các KCN 7 tỉnh",
    "source": "Nguồn tin: Văn phòng",
    "archive facts": "Thông tin lưu trữ",
}
DROPPED = {
    "skip link": "Bỏ qua điều hướng",
    "main navigation": "Lưu trữ theo năm",
    "search form": "Tìm kiếm",
    "breadcrumb": "Trang chủ",
    "print and save buttons": "In bài viết",
    "footer links": "Dữ liệu mở",
    "feed link": "Atom",
}


@pytest.fixture(scope="module")
def printed(browser, sample_server) -> PdfReader:
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(sample_server.url(SAMPLE["article"]), wait_until="networkidle")
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def text(printed) -> str:
    """The PDF's words, with line breaks and runs of spaces made single spaces."""
    words = " ".join(page.extract_text() for page in printed.pages)
    return re.sub(r"\s+", " ", words)


@pytest.mark.parametrize("what", KEPT)
def test_print_keeps_the_article(text, what):
    assert KEPT[what] in text, f"the printed article lacks its {what}: {KEPT[what]!r}"


@pytest.mark.parametrize("what", DROPPED)
def test_print_leaves_out_the_site_furniture(text, what):
    assert DROPPED[what] not in text, f"the printed article shows the {what}: {DROPPED[what]!r}"


def test_print_is_a_few_pages_with_the_photos(printed):
    assert 1 <= len(printed.pages) <= 6, f"{len(printed.pages)} A4 pages"
    images = sum(len(page.images) for page in printed.pages)
    assert images == 4, f"{images} photos printed, not the article's 4"
