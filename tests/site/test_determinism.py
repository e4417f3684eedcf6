"""Same content, same bytes: builds in fresh processes with other time zones,
locales and hash seeds write exactly the files of the session's own builds."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTENT, ROOT
from tests.corpus import Corpus
from tests.trees import differences

ENVIRONMENTS = {
    "new-york": {"TZ": "America/New_York", "LANG": "C", "PYTHONHASHSEED": "1"},
    "ho-chi-minh": {"TZ": "Asia/Ho_Chi_Minh", "LANG": "vi_VN.UTF-8", "PYTHONHASHSEED": "2"},
}
BUILD = """
import sys
from pathlib import Path
from plugins.workflow.build import SETTINGS, build_site
for output, content in zip(sys.argv[1::2], sys.argv[2::2]):
    build_site(SETTINGS["dev"], Path(output), PATH=content)
"""


@pytest.fixture(scope="module")
def same_minute(tmp_path_factory, generated_corpus: Corpus) -> Path:
    """The corpus with every article of a year published at the same minute:
    only a stable order keeps listings and feeds the same from run to run."""
    root = tmp_path_factory.mktemp("same-minute") / "content"
    shutil.copytree(generated_corpus.root, root)
    for article in generated_corpus.published:
        path = root / generated_corpus.file(article).relative_to(generated_corpus.root)
        text = path.read_text(encoding="utf-8")
        moment = f"date: {article.year}-06-15 09:00"
        path.write_text(re.sub(r"(?m)^date: .*$", moment, text, count=1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, generated_corpus, same_minute) -> dict[tuple[str, str], Path]:
    """(environment, content) → output: one process per environment builds every
    content; the two processes run side by side, one per core."""
    sources = {"sample": CONTENT, "corpus": generated_corpus.root, "same-minute": same_minute}
    folder = tmp_path_factory.mktemp("rebuilt")
    running = []
    for name, overrides in ENVIRONMENTS.items():
        env = {k: v for k, v in os.environ.items() if k != "LC_ALL"} | overrides
        pairs = [str(a) for c, s in sources.items() for a in (folder / name / c, s)]
        log = (folder / f"{name}.log").open("w")
        command = [sys.executable, "-c", BUILD, *pairs]
        running.append(
            (name, log, subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log))
        )
    for name, log, process in running:
        code = process.wait(timeout=600)
        log.close()
        assert code == 0, f"the build in {name} failed:\n" + Path(log.name).read_text()
    return {(n, c): folder / n / c for n in ENVIRONMENTS for c in sources}


@pytest.mark.parametrize("content", ["sample", "corpus", "same-minute"])
def test_time_zone_locale_and_hash_seed_change_nothing(rebuilt, content):
    found = differences(rebuilt["new-york", content], rebuilt["ho-chi-minh", content])
    assert not found, f"{content}: New York and Ho Chi Minh City builds differ:\n" + "\n".join(
        found
    )


def test_a_rebuild_writes_the_same_bytes(rebuilt, sample_site, corpus_site):
    found = differences(sample_site.output, rebuilt["new-york", "sample"])
    found += differences(corpus_site.output, rebuilt["new-york", "corpus"])
    assert not found, "a second build differs from the first:\n" + "\n".join(found)


def test_differences_name_the_file_and_the_line(tmp_path):
    for name, line in (("a", "updated: 2019-06-24"), ("b", "updated: 2026-11-28")):
        (tmp_path / name / "feed").mkdir(parents=True)
        (tmp_path / name / "feed" / "x.xml").write_text(f"<feed>\n{line}\n</feed>\n")
    (tmp_path / "b" / "extra.html").write_text("")
    found = differences(tmp_path / "a", tmp_path / "b")
    assert found[0] == "only in b: extra.html"
    assert found[1].startswith("feed/x.xml differs:") and "+updated: 2026-11-28" in found[1]
