"""Keyboard use of every kind of page: a skip link to the main content, every
control reachable with Tab, and focus always visible (WCAG 2.1 2.1.1, 2.4.1, 2.4.7)."""

import pytest

from tests.browser.probes import report, tab_through
from tests.page_types import EACH_KIND_ONCE, case_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("site", "kind"), EACH_KIND_ONCE, ids=map(case_id, EACH_KIND_ONCE))
def test_skip_link_moves_focus_to_main(page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    page.goto(url)
    page.keyboard.press("Tab")
    first = page.evaluate(
        "(() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
        " return {cls: el.className, text: el.textContent, top: box.top, bottom: box.bottom}; })()"
    )
    assert first["cls"] == "skip-link", f"{url}: the first Tab reaches {first}, not the skip link"
    assert 0 <= first["top"] < first["bottom"], f"{url}: focused skip link is off screen: {first}"
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "noi-dung", f"{url}: after the skip link, focus is on #{focused!r}, not main"


@pytest.mark.parametrize("width", [320, 1280])
def test_skip_link_is_out_of_sight_until_focused(browser, url_of_kind, width):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 640})
    page = context.new_page()
    url = url_of_kind("sample", "home")
    page.goto(url)
    bottom = page.evaluate("document.querySelector('.skip-link').getBoundingClientRect().bottom")
    context.close()
    assert bottom <= 0, f"{url}: at {width} px the unfocused skip link shows {bottom} px"


@pytest.mark.parametrize(("site", "kind"), EACH_KIND_ONCE, ids=map(case_id, EACH_KIND_ONCE))
def test_every_control_is_reachable_by_tab_and_shows_focus(page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    page.goto(url)
    controls, focus_log = tab_through(page)
    reached = {entry["control"] for entry in focus_log}
    missed = [c for i, c in enumerate(controls) if i not in reached]
    assert not missed, report(url, missed, "controls that Tab never reaches")
    unseen = [entry["element"] for entry in focus_log if not entry["visible"]]
    assert not unseen, report(url, unseen, "focused without a visible focus indicator")


def test_a_control_without_focus_style_is_named(page, url_of_kind):
    """The gate itself: a link whose focus ring is removed is caught."""
    url = url_of_kind("sample", "article")
    page.goto(url)
    page.add_style_tag(content=".breadcrumb a:focus-visible { outline: none; box-shadow: none; }")
    _, focus_log = tab_through(page)
    unseen = [entry["element"] for entry in focus_log if not entry["visible"]]
    assert unseen and all("breadcrumb" in line for line in unseen), unseen
