"""``make serve``'s server: pages by their addresses, the site's 404 page for the rest."""

import threading
import urllib.error
import urllib.request

import pytest

from plugins.workflow.serve import site_server


@pytest.fixture
def served(sample_site):
    server = site_server(sample_site.output, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_folder_address_is_its_index_page(served, sample_site):
    with urllib.request.urlopen(f"{served}/tin-tuc/") as response:
        assert response.status == 200
        assert response.read() == sample_site.file("/tin-tuc/").read_bytes()


def test_a_missing_address_is_the_404_page_with_status_404(served, sample_site):
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{served}/khong-co-trang-nay/")
    assert missing.value.code == 404
    assert missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
    assert missing.value.read() == (sample_site.output / "404.html").read_bytes()
