"""Every kind of page reflows: nothing scrolls sideways on a 320 px phone (wide
tables scroll inside their ``.table-scroll`` box), and text enlarged to 200 %
stays inside the main column at 1280 px (WCAG 2.1 1.4.4 and 1.4.10)."""

import pytest

from tests.browser.probes import clipped_headings, overflowing, report
from tests.page_types import CASES, case_id

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def sized(browser, viewport: dict[str, int]):
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser):
    yield from sized(browser, PHONE)


@pytest.fixture
def desktop_page(browser):
    yield from sized(browser, DESKTOP)


@pytest.mark.parametrize(("site", "kind"), CASES, ids=map(case_id, CASES))
def test_no_horizontal_scrolling_at_320_px(phone_page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    phone_page.goto(url)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], report(
        url, overflowing(phone_page, PHONE["width"]), f"{width} px wide at 320 px"
    )


@pytest.mark.parametrize(("site", "kind"), CASES, ids=map(case_id, CASES))
def test_text_at_200_percent_stays_in_the_main_column(desktop_page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    desktop_page.goto(url)
    desktop_page.evaluate("document.documentElement.style.fontSize = '200%'")
    width = desktop_page.evaluate("document.documentElement.scrollWidth")
    assert width <= DESKTOP["width"], report(
        url, overflowing(desktop_page, DESKTOP["width"]), f"{width} px wide with text at 200 %"
    )
    main_right = desktop_page.evaluate(
        "(() => { const m = document.querySelector('main');"
        " const s = getComputedStyle(m);"
        " return m.getBoundingClientRect().right - parseFloat(s.paddingRight); })()"
    )
    outside = overflowing(desktop_page, main_right, within="main")
    assert not outside, report(url, outside, "text at 200 % leaves the main column")
    clipped = clipped_headings(desktop_page)
    assert not clipped, report(url, clipped, "headings cut off with text at 200 %")


def test_a_wide_table_outside_its_scroll_box_is_named(phone_page, url_of_kind):
    """The gate itself: a table let out of its ``.table-scroll`` box is caught."""
    url = url_of_kind("sample", "article")
    phone_page.goto(url)
    phone_page.evaluate(
        "document.querySelectorAll('.table-scroll').forEach((b) => b.style.overflowX = 'visible')"
    )
    assert phone_page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]
    found = overflowing(phone_page, PHONE["width"])
    assert any("table" in line and "<table" in line for line in found), found
