"""Shared fixtures: build real sites into temporary folders and read them back."""

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.workflow.build import SETTINGS, build_site
from tests.corpus import Corpus, generate_corpus

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


class BuiltSite:
    """An output folder with helpers to read its pages."""

    def __init__(self, output: Path) -> None:
        self.output = output

    def file(self, url: str) -> Path:
        path = self.output / url.lstrip("/")
        return path / "index.html" if url.endswith("/") or path.is_dir() else path

    def exists(self, url: str) -> bool:
        return self.file(url).is_file()

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.file(url).read_text(encoding="utf-8"), "html.parser")

    def all_html(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def broken_links(self) -> dict[str, set[str]]:
        """Site-relative ``href``/``src`` of every page that name no built file."""
        broken: dict[str, set[str]] = {}
        for path in self.all_html():
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag in page.select("[href], [src]"):
                ref = tag.get("href") or tag.get("src")
                if not ref.startswith("/"):
                    continue
                target = ref.split("#")[0].split("?")[0]
                if not self.file(target).is_file():
                    shown = path.relative_to(self.output).as_posix()
                    broken.setdefault(shown, set()).add(ref)
        return broken


def copy_content(target: Path) -> Path:
    """A writable copy of the real content tree."""
    shutil.copytree(CONTENT, target)
    return target


def write_article(content: Path, relative: str, text: str) -> Path:
    path = content / "articles" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    """The real content/ built with the development settings."""
    output = tmp_path_factory.mktemp("sample") / "output"
    build_site(SETTINGS["dev"], output)
    return BuiltSite(output)


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory) -> Corpus:
    """The generated fixture corpus (tests/corpus.py), written once per session."""
    return generate_corpus(tmp_path_factory.mktemp("generated") / "content")


@pytest.fixture(scope="session")
def corpus_site(generated_corpus, tmp_path_factory) -> BuiltSite:
    """The generated corpus built with the development settings."""
    output = tmp_path_factory.mktemp("generated-site") / "output"
    build_site(SETTINGS["dev"], output, PATH=str(generated_corpus.root))
    return BuiltSite(output)


@pytest.fixture
def build(tmp_path) -> Callable[..., BuiltSite]:
    """Build ``content`` (a path) into a temporary output folder."""

    def run(content: Path, settings: str = "dev", **overrides) -> BuiltSite:
        output = tmp_path / "output"
        build_site(SETTINGS[settings], output, PATH=str(content), **overrides)
        return BuiltSite(output)

    return run
