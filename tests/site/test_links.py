"""Every internal link, image, script, feed entry and ``#anchor`` of each build
resolves to a built file and element; external links are listed, not fetched."""

import pytest

from tests.quality.links import check_links


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The link report of each build, its external addresses written to a file."""
    folder = tmp_path_factory.mktemp("link-reports")
    done = {}

    def report(build):
        if build.name not in done:
            done[build.name] = check_links(build.site.output, build.origin)
            (folder / f"{build.name}-external.txt").write_text(
                done[build.name].external_text(), encoding="utf-8"
            )
        return done[build.name]

    return report


def test_every_internal_reference_resolves(built, reports):
    report = reports(built)
    assert report.checked > 100  # the checker did follow the site's links
    assert not report.problems, f"{built.name}: {len(report.problems)} broken:\n  " + "\n  ".join(
        map(str, report.problems)
    )


def test_external_links_are_listed_with_their_pages(built, reports):
    report = reports(built)
    assert "/lien-ket/" in report.external["http://bqlkcnthainguyen.gov.vn/"]
    assert all(not a.startswith(built.origin) for a in report.external)
    assert "http://bqlkcnthainguyen.gov.vn/\t" in report.external_text()


def test_broken_links_are_named_with_page_and_element(tmp_path):
    """The checker itself, on a hand-made output."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<main><h2 id="here">x</h2><a href="/b/">b</a> <a href="#here">ok</a>'
        ' <a href="/a/#nowhere">gone</a> <img src="missing.png" alt="">'
        ' <a href="{filename}/x.md">x</a> <a href="https://example.org/">out</a></main>',
        encoding="utf-8",
    )
    report = check_links(tmp_path, "https://site.example")
    shown = [str(p) for p in report.problems]
    assert len(shown) == 5, shown  # the placeholder is also a missing file
    assert any(s.startswith('/a/: no such file: /b/  <a href="/b/">') for s in shown), shown
    assert any("no id 'nowhere' on the target: /a/#nowhere" in s for s in shown), shown
    assert any("no such file: missing.png  <img" in s for s in shown), shown
    assert any("/a/: Pelican placeholder left: {filename}" in s for s in shown), shown
    assert report.external == {"https://example.org/": {"/a/"}}


@pytest.mark.parametrize("url", ["/tin-tuc/", "/don-vi/thai-nguyen/"])
def test_published_links_of_the_templates_are_absolute(published_site, url):
    """Cards and unit links come from macros of imported templates, which see only
    the globals: the site's address must be one, or their links lose it."""
    page = published_site.html(url)
    links = [a["href"] for a in page.select("main a[href]")]
    assert page.select("main .card-title a"), url  # the page does show cards
    relative = [href for href in links if href.startswith("/")]
    assert not relative, relative
