"""Light pages on slow connections: an article's HTML, CSS and JavaScript stay
under 60 kB, and no page asks any other site for anything (so nothing from a
third party can block rendering or follow readers)."""

from typing import Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Response

from tests.page_types import EACH_KIND_ONCE, case_id

pytestmark = pytest.mark.browser

BUDGET = 60_000  # bytes, uncompressed
WEIGHED = ("document", "stylesheet", "script")


def load(
    page: Page, url: str, until: Literal["load", "networkidle"] = "load"
) -> tuple[list[Response], list[str]]:
    """Open ``url``; the responses of the load and every address requested."""
    responses: list[Response] = []
    requested: list[str] = []
    page.on("response", lambda response: responses.append(response))
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until=until)
    return responses, requested


def test_article_html_css_and_js_weigh_under_60_kb(page, url_of_kind):
    url = url_of_kind("sample", "article")
    responses, _ = load(page, url, until="networkidle")
    weighed = [r for r in responses if r.request.resource_type in WEIGHED and r.ok]
    assert {r.request.resource_type for r in weighed} == set(WEIGHED), weighed
    sizes = {r.url: len(r.body()) for r in weighed}
    total = sum(sizes.values())
    listing = "\n  ".join(f"{size:>7} B  {u}" for u, size in sorted(sizes.items()))
    assert total < BUDGET, f"{url}: {total} B of HTML, CSS and JS (budget {BUDGET}):\n  {listing}"


@pytest.mark.parametrize(("site", "kind"), EACH_KIND_ONCE, ids=map(case_id, EACH_KIND_ONCE))
def test_no_request_leaves_the_site(page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    _, requested = load(page, url)
    foreign = [
        r
        for r in requested
        if urlsplit(r).netloc != urlsplit(url).netloc and urlsplit(r).scheme != "data"
    ]
    assert not foreign, f"{url}: requests to other sites:\n  " + "\n  ".join(foreign)
