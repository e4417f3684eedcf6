"""The live preview in a real browser: the page reloads itself after a rebuild and
shows the problems of a failed one over the last good build."""

from tests.conftest import copy_content, write_article
from tests.workflow.preview_process import REBUILD_SECONDS, running_preview
from tests.workflow.test_preview import ARTICLE, PAGE


def test_page_reloads_and_shows_the_error_banner(page, tmp_path):
    content = copy_content(tmp_path / "content")
    article = "2020/bai.md"
    write_article(content, article, ARTICLE.format(extra="", body="Bản thứ nhất."))
    with running_preview(content, tmp_path / "output") as preview:
        page.goto(preview.url + PAGE.lstrip("/"))
        assert page.locator("main").inner_text().count("Bản thứ nhất.") == 1

        write_article(content, article, ARTICLE.format(extra="", body="Bản thứ hai."))
        page.locator("text=Bản thứ hai.").wait_for(timeout=REBUILD_SECONDS * 1000)

        write_article(content, article, ARTICLE.format(extra="units: [tuyen-qang]", body="Lỗi."))
        banner = page.locator(".preview-errors")
        banner.wait_for(timeout=REBUILD_SECONDS * 1000)
        assert "tuyen-qang" in banner.inner_text()
        assert page.locator("text=Bản thứ hai.").is_visible()  # the last good build
