"""A generated corpus and its site, built and rebuilt as on an editor's machine."""

import shutil
from pathlib import Path

from pelican.settings import read_settings

from plugins.workflow.build import SETTINGS, build_site
from tests.corpus import Corpus


class Live:
    """A corpus and its built site, as an editor's machine holds them."""

    def __init__(self, corpus: Corpus | None, output: Path, scratch: Path, **kw: Path) -> None:
        self.corpus, self.output, self.scratch = corpus, output, scratch
        self._content = kw.get("content")

    @property
    def cache(self) -> Path:
        return Path(read_settings(str(SETTINGS["dev"]))["CACHE_PATH"])

    @property
    def content(self) -> Path:
        """The corpus, or the ``content`` folder given."""
        return self._content or self.corpus.root

    def build(self, *, search: bool = False, **overrides) -> None:
        build_site(SETTINGS["dev"], self.output, search=search, PATH=str(self.content), **overrides)

    def cold(self, *, search: bool = False, **overrides) -> Path:
        """A build of the same content from nothing, beside the live one."""
        fresh = self.scratch / "cold" / "output"
        shutil.rmtree(fresh.parent, ignore_errors=True)
        build_site(SETTINGS["dev"], fresh, search=search, PATH=str(self.content), **overrides)
        return fresh

    def inode(self, url: str) -> int:
        return (self.output / url.strip("/") / "index.html").stat().st_ino


def edit_body(live: Live) -> None:
    path = live.corpus.file(live.corpus.published[3])
    path.write_text(path.read_text(encoding="utf-8") + "\nMột đoạn viết thêm.\n", "utf-8")
