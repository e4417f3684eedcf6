"""The site's pages work under the Content-Security-Policy nginx sends: Chromium
reports no violation, and the scripts that need it (print, search) still run."""

import pytest

from tests.deploy.nginx_server import deploy_dev_build, running_nginx
from tests.site.test_redirects import LEGACY
from tests.site.test_sample_site import SEED

PAGES = [
    "/",
    SEED,
    "/tin-tuc/",
    "/chuyen-muc/thi-dua-khen-thuong/",
    "/don-vi/",
    "/don-vi/thai-nguyen/",
    "/khoi-thi-dua/khoi-kcn-tdmnpb/",
    "/khen-thuong/",
    "/khen-thuong/co-thi-dua-xuat-sac/",
    "/hoi-nghi/",
    "/nam/",
    "/nam/2019/",
    "/du-lieu/",
    "/gioi-thieu/",
    "/en/",
    "/khong-co/",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    root = tmp_path_factory.mktemp("csp")
    deploy_dev_build(root / "web")
    with running_nginx(root / "nginx", root / "web") as served:
        yield served


@pytest.fixture
def csp_page(browser):
    context = browser.new_context(locale="vi-VN")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.messages = messages
    yield page
    context.close()


def violations(page) -> list[str]:
    reported = page.evaluate("window.__cspViolations")
    console = [m for m in page.messages if "Content Security Policy" in m]
    return reported + console


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_csp_violations(csp_page, nginx, path):
    response = csp_page.goto(nginx.url(path), wait_until="load")
    assert response.status == (404 if path == "/khong-co/" else 200)
    assert "Content-Security-Policy" in {k.title() for k in response.headers}
    assert not violations(csp_page)


def test_print_button_runs_under_the_policy(csp_page, nginx):
    csp_page.goto(nginx.url(SEED))
    assert csp_page.locator("button[data-print]").is_visible()  # print.js ran
    assert not violations(csp_page)


def test_search_runs_under_the_policy(csp_page, nginx):
    """Pagefind: a WebAssembly module and a worker, allowed by the policy."""
    csp_page.goto(nginx.url("/tim-kiem/?q=thi+dua"))
    csp_page.locator("[data-search-results] li").first.wait_for(timeout=30_000)
    assert not violations(csp_page)


def test_old_address_lands_on_the_article(csp_page, nginx):
    response = csp_page.goto(nginx.url(LEGACY + "?inheritRedirect=true"))
    assert response.url == nginx.url(SEED)
    assert response.request.redirected_from.url.startswith(nginx.url(LEGACY))
    assert not violations(csp_page)


def test_a_violation_would_be_seen(csp_page, nginx):
    """The check above can fail: an inline style is refused and reported."""
    csp_page.goto(nginx.url("/"))
    csp_page.evaluate("document.body.setAttribute('style', 'color: red')")
    csp_page.wait_for_function("window.__cspViolations.length > 0", timeout=5_000)
    assert violations(csp_page)
