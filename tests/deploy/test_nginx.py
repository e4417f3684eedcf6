"""The shipped nginx configuration, served by a real nginx over a built release."""

import gzip
import re

import pytest

from plugins.workflow.publish.nginx import SHIPPED, NginxSite
from tests.deploy.nginx_server import deploy_dev_build, running_nginx
from tests.site.test_redirects import LEGACY
from tests.site.test_sample_site import SEED

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=()",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("nginx")
    deploy_dev_build(root / "web")
    with running_nginx(root / "nginx", root / "web") as served:
        yield served


def assert_security_headers(headers) -> None:
    for name, part in SECURITY_HEADERS.items():
        assert part in (headers[name] or ""), (name, headers[name])


def test_shipped_configuration_is_the_template_with_the_defaults():
    assert SHIPPED.read_text(encoding="utf-8") == NginxSite().render()


@pytest.mark.parametrize("query", ["", "?redirect=%2Ftin-tuc-su-kien&inheritRedirect=true"])
@pytest.mark.parametrize("slash", ["", "/"])
def test_old_addresses_answer_301_with_the_new_one(served, query, slash):
    status, headers, _ = served.request(LEGACY + slash + query)
    assert (status, headers["Location"]) == (301, SEED)
    assert_security_headers(headers)


def test_page_headers(served):
    status, headers, body = served.request(SEED)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert_security_headers(headers)
    assert "nginx/" not in headers["Server"]  # server_tokens off
    assert body == (served.release / SEED.lstrip("/") / "index.html").read_bytes()


def test_folder_without_slash_is_redirected(served):
    status, headers, _ = served.request("/tin-tuc")
    assert (status, headers["Location"]) == (301, "/tin-tuc/")


def test_missing_page_is_the_404_page_with_status_404(served):
    for path in ("/khong-co/", "/khong-co.html", "/404.html"):
        status, headers, body = served.request(path)
        assert status == 404, path
        assert "Không tìm thấy trang" in body.decode("utf-8")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert_security_headers(headers)


def test_precompressed_files_are_sent_as_they_are(served):
    status, headers, body = served.request("/", {"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    assert body == (served.release / "index.html.gz").read_bytes()  # gzip_static, not on the fly
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == (served.release / "index.html").read_bytes()
    status, headers, body = served.request("/")
    assert headers["Content-Encoding"] is None
    assert body == (served.release / "index.html").read_bytes()


def test_theme_files_are_cached_for_a_year_when_fingerprinted(served):
    home = served.request("/")[2].decode("utf-8")
    stylesheet = re.search(r'href="(/theme/css/site\.css\?v=[0-9a-f]+)"', home).group(1)
    status, headers, _ = served.request(stylesheet)
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Type"] == "text/css; charset=utf-8"
    assert_security_headers(headers)
    assert served.request("/theme/css/site.css")[1]["Cache-Control"] == "no-cache"


def test_photos_and_open_data(served):
    article = served.request(SEED)[2].decode("utf-8")
    photo = re.search(r'<img[^>]*\ssrc="([^"]+\.jpg)"', article).group(1)
    status, headers, _ = served.request(photo)
    assert status == 200
    fingerprinted = re.search(r"\.[0-9a-f]{8,}\.jpg$", photo)
    year, day = "public, max-age=31536000, immutable", "public, max-age=86400"
    assert headers["Cache-Control"] == (year if fingerprinted else day)
    status, headers, _ = served.request("/du-lieu/khen-thuong.csv")
    assert (status, headers["Content-Type"]) == (200, "text/csv; charset=utf-8")


def test_files_not_for_readers(served):
    assert served.request("/nginx-redirects.conf")[0] == 404
    assert served.request("/.an/tep")[0] == 404
