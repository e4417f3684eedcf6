"""A real browser on the built site: Debian's Chromium driven by Playwright,
pages served over HTTP on loopback as a static host would serve them."""

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plugins.workflow.serve import send_not_found_page
from tests import page_types

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves folders' index.html and the site's 404 page with status 404."""

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        if code != 404 or not send_not_found_page(self, Path(self.directory)):
            super().send_error(code, message, explain)


class SiteServer:
    """An HTTP server on 127.0.0.1 and a free port, serving one folder."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(StaticHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.root = root
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.origin + path

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; the tests fail (not skip) if it is missing,
    since `make test` installs it."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium missing: run .ci/system-packages (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_server(sample_site) -> Iterator[SiteServer]:
    """The sample site served over HTTP."""
    with SiteServer(sample_site.output) as server:
        yield server


@pytest.fixture(scope="session")
def corpus_server(corpus_site) -> Iterator[SiteServer]:
    """The generated corpus served over HTTP."""
    with SiteServer(corpus_site.output) as server:
        yield server


@pytest.fixture(scope="session")
def url_of_kind(sample_server, corpus_server, generated_corpus) -> Callable[[str, str], str]:
    """``url_of_kind(site, kind)``: the address of a kind of page (tests/page_types.py)
    on the served ``"sample"`` site or ``"corpus"``."""
    sites = {
        "sample": (sample_server, page_types.SAMPLE),
        "corpus": (corpus_server, page_types.corpus_pages(generated_corpus)),
    }

    def url(site: str, kind: str) -> str:
        server, paths = sites[site]
        return server.url(paths[kind])

    return url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()
