"""axe-core in Chromium: no WCAG 2.1 A or AA violation on any kind of page, on the
sample site and on the generated corpus (accessibility circular 26/2020/TT-BTTTT)."""

import pytest

from tests.browser.probes import axe_violations, report
from tests.page_types import CASES, case_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("site", "kind"), CASES, ids=map(case_id, CASES))
def test_no_wcag_violation(page, url_of_kind, site, kind):
    url = url_of_kind(site, kind)
    page.goto(url)
    violations = axe_violations(page)
    assert not violations, report(url, violations, "WCAG 2.1 AA violations")


def test_a_violation_names_the_page_and_the_element(page, url_of_kind):
    """The gate itself: a photo without alt text and grey-on-white text are caught."""
    url = url_of_kind("sample", "article")
    page.goto(url)
    page.evaluate(
        """() => {
          document.querySelector('figure.photo img').removeAttribute('alt');
          document.querySelector('.source').style.color = '#bbbbbb';
        }"""
    )
    message = report(url, axe_violations(page), "WCAG 2.1 AA violations")
    assert url in message
    assert "image-alt" in message and "figure" in message and "<img" in message
    assert "color-contrast" in message and '<p class="source"' in message
