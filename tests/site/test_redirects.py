"""Old addresses keep working: nginx 301s and redirect pages, from legacy_url."""

import pytest

from plugins.domain.site import load_site
from plugins.redirects.redirects import NGINX_FILE
from tests.conftest import copy_content, write_article
from tests.site.test_sample_site import SEED

LEGACY = (
    "/tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/content/hoi-nghi-tong-ket-cong-tac-thi-ua"
    "-nam-2016-khoi-thi-ua-ban-quan-ly-cac-kcn-7-tinh-trung-du-va-mien-nui-phia-bac"
)
ARTICLE = """\
---
title: {title}
date: {date}
category: tin-tuc-su-kien
legacy_url: {legacy}
{extra}
---
Nội dung.
"""


def test_redirect_page_at_the_old_address(sample_site):
    page = sample_site.html(LEGACY + "/")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url={SEED}"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one('link[rel="canonical"]')["href"] == "http://127.0.0.1:8000" + SEED
    link = page.select_one("body a")
    assert link["href"] == SEED and link.get_text().startswith("Hội nghị tổng kết")
    assert not page.select("script, style, [style]")  # fits the Content-Security-Policy


def test_redirect_pages_are_not_in_the_sitemap(sample_site):
    sitemap = sample_site.file("/sitemap.xml").read_text(encoding="utf-8")
    assert "asset_publisher" not in sitemap
    assert f"<loc>http://127.0.0.1:8000{SEED}</loc>" in sitemap


def test_nginx_locations_for_the_old_address(sample_site):
    conf = sample_site.file("/" + NGINX_FILE).read_text(encoding="utf-8")
    assert f'location = "{LEGACY}" {{ return 301 {SEED}; }}' in conf
    assert f'location = "{LEGACY}/" {{ return 301 {SEED}; }}' in conf


def test_only_articles_with_a_page_get_redirects(build, tmp_path):
    content = copy_content(tmp_path / "content")
    for name, date, extra in (
        ("nhap", "2020-05-01", "status: draft"),
        ("tuong-lai", "01/01/2099 08:00", ""),
        ("an", "2020-05-02", "status: hidden"),
    ):
        write_article(
            content,
            f"2020/{name}.md",
            ARTICLE.format(title=f"Bài {name}", date=date, legacy=f"/cu/{name}", extra=extra),
        )
    site = build(content)
    conf = site.file("/" + NGINX_FILE).read_text(encoding="utf-8")
    assert 'location = "/cu/an" { return 301 /tin-tuc/2020/bai-an/; }' in conf
    assert "/cu/nhap" not in conf and "/cu/tuong-lai" not in conf
    assert site.exists("/cu/an/") and not site.exists("/cu/nhap/")


@pytest.mark.parametrize(
    ("legacy", "message"),
    [
        ("http://bqlkcnthainguyen.gov.vn/cu/bai", "bỏ http://tên-miền"),
        ("/cu/bai?redirect=%2F", 'bỏ phần từ dấu "?"'),
        ('"/cu/bài viết"', "không dấu, không có dấu cách"),
        ("cu/bai", 'bắt đầu bằng "/"'),
        ("/cu/bai;x", "không dấu"),
    ],
)
def test_legacy_url_must_be_a_plain_path(tmp_path, legacy, message):
    content = copy_content(tmp_path / "content")
    write_article(
        content,
        "2020/bai.md",
        ARTICLE.format(title="Bài", date="2020-05-01", legacy=legacy, extra=""),
    )
    [problem] = load_site(content).report.errors
    assert (problem.field, problem.line) == ("legacy_url", 5)
    assert message in problem.message


def test_legacy_url_cannot_take_an_address_of_the_new_site(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(
        content,
        "2020/bai.md",
        ARTICLE.format(title="Bài", date="2020-05-01", legacy="/gioi-thieu", extra=""),
    )
    [problem] = load_site(content).report.errors
    assert problem.field == "legacy_url"
    assert "trùng với địa chỉ mới /gioi-thieu/" in problem.message
