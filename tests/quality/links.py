"""Link check of a built site, offline: every internal address and ``#anchor``
names a built file and an element of it, no Pelican placeholder (``{filename}``…)
survives, and external addresses are listed for a person to look at, never fetched.

Internal addresses are site-relative (``/don-vi/``), relative (``../``, ``#id``)
or absolute on the site's own ``origin`` (canonical links, feeds, Open Graph).
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

ATOM = "{http://www.w3.org/2005/Atom}"
LINKING = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "form": ("action",),
    "meta": ("content",),  # og:url, og:image
}
META_LINKS = frozenset({"og:url", "og:image"})
NOT_FETCHED = ("mailto:", "tel:", "data:")
TEXT_FILES = frozenset({".html", ".xml", ".json", ".csv", ".txt", ".conf"})
PLACEHOLDER = re.compile(
    r"(?:\{|%7B)(?:filename|static|attach|category|tag|author|index)(?:\}|%7D)|\|filename\|",
    re.IGNORECASE,
)
_BASE = "http://site.invalid"


@dataclass(frozen=True, order=True)
class Problem:
    page: str
    """The address of the page (or file) that holds the link."""
    reason: str
    ref: str
    element: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reason}: {self.ref}  {self.element}"


@dataclass
class LinkReport:
    problems: list[Problem] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)
    """External address → the pages that link to it."""
    checked: int = 0
    """How many internal references were followed."""

    def external_text(self) -> str:
        lines = [f"# {len(self.external)} external addresses (listed, not fetched)"]
        for address, pages in sorted(self.external.items()):
            shown = ", ".join(sorted(pages)[:3]) + (" …" if len(pages) > 3 else "")
            lines.append(f"{address}\t{len(pages)} page(s): {shown}")
        return "\n".join(lines) + "\n"


def served_at(output: Path, path: Path) -> str:
    """The address a built file is served at: ``/a/b/`` for ``a/b/index.html``."""
    return "/" + path.relative_to(output).as_posix().removesuffix("index.html")


def target_file(output: Path, path: str) -> Path:
    file = output / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def snippet(tag: Tag) -> str:
    return re.sub(r"\s+", " ", str(tag))[:120]


def _refs(tag: Tag, attribute: str) -> Iterator[str]:
    value = tag.get(attribute)
    if not isinstance(value, str):
        return
    if attribute == "srcset":
        yield from (part.split()[0] for part in value.split(",") if part.strip())
    elif tag.name != "meta" or tag.get("property") in META_LINKS:
        yield value.strip()


def html_links(soup: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """(reference, element snippet) of every linking attribute of a page."""
    for name, attributes in LINKING.items():
        for tag in soup.find_all(name):
            for attribute in attributes:
                for ref in _refs(tag, attribute):
                    yield ref, snippet(tag)


def feed_links(path: Path) -> Iterator[tuple[str, str]]:
    root = ET.parse(path).getroot()
    if root.tag != f"{ATOM}feed":
        return
    for link in root.iter(f"{ATOM}link"):
        yield link.get("href", ""), f'<link href="{link.get("href", "")}">'


class LinkChecker:
    def __init__(self, output: Path, origin: str | None) -> None:
        self.output = output
        self.origin = origin.rstrip("/") if origin else None
        self.ids: dict[Path, frozenset[str]] = {}
        self.report = LinkReport()

    def run(self) -> LinkReport:
        pages = {
            path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(self.output.rglob("*.html"))
        }
        for path, soup in pages.items():
            named = soup.find_all(id=True) + soup.find_all("a", attrs={"name": True})
            self.ids[path] = frozenset(str(tag.get("id") or tag.get("name")) for tag in named)
        for path, soup in pages.items():
            for ref, element in html_links(soup):
                self._follow(served_at(self.output, path), ref, element)
        for path in sorted(self.output.rglob("*.xml")):
            for ref, element in feed_links(path):
                self._follow(served_at(self.output, path), ref, element)
        self._find_placeholders()
        self.report.problems.sort()
        return self.report

    def _follow(self, page: str, ref: str, element: str) -> None:
        if not ref or ref == "#":
            self._problem(page, "empty link", ref, element)
            return
        if ref.lower().startswith(NOT_FETCHED):
            return
        if self.origin and (ref == self.origin or ref.startswith(self.origin + "/")):
            ref = ref[len(self.origin) :] or "/"
        parts = urlsplit(urljoin(_BASE + page, ref))
        if f"{parts.scheme}://{parts.netloc}" != _BASE:
            self.report.external.setdefault(ref, set()).add(page)
            return
        self.report.checked += 1
        file = target_file(self.output, parts.path)
        anchors = self.ids.get(file, frozenset())
        if not file.is_file():
            self._problem(page, "no such file", ref, element)
        elif parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in anchors:
            self._problem(page, f"no id {parts.fragment!r} on the target", ref, element)

    def _find_placeholders(self) -> None:
        for path in sorted(self.output.rglob("*")):
            if path.suffix not in TEXT_FILES or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in PLACEHOLDER.finditer(text):
                around = text[max(0, match.start() - 60) : match.end() + 60].replace("\n", " ")
                shown = served_at(self.output, path)
                self._problem(shown, "Pelican placeholder left", match.group(), around)

    def _problem(self, page: str, reason: str, ref: str, element: str) -> None:
        self.report.problems.append(Problem(page, reason, ref, element))


def check_links(output: Path, origin: str | None = None) -> LinkReport:
    """Check every link of the site built in ``output``; ``origin``: its own address."""
    return LinkChecker(output, origin).run()
