"""The browser set-up itself: the seed article opens and its print button works."""

from tests.site.test_sample_site import SEED


def test_article_opens_with_print_button(page, sample_server):
    response = page.goto(sample_server.url(SEED))
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("Hội nghị tổng kết công tác thi đua")
    assert page.locator("button[data-print]").is_visible()  # shown by print.js


def test_missing_page_is_the_404_page(page, sample_server):
    response = page.goto(sample_server.url("/khong-co/"))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
