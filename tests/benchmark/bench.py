"""Build benchmark: our site against plain Pelican on the same generated corpus.

Generates N articles (outside content/, marked generated) with the full front
matter, then measures, several times each, medians of: cold build, warm build
with nothing changed, build after editing one article's body, after adding one
article, after editing a registry entry, and the live preview's rebuild after
editing one article's body; peak memory; output size; pages written. The
same Markdown bodies, with plain Pelican metadata, are built by Pelican 4.12
with its default theme and no plugins, and each of our figures is printed as
a ratio to plain Pelican's cold build. In each run the two cold builds run back
to back, in turn first, and their ratio is reported too: the machine's speed
drifts from minute to minute. Every build runs in its own process and
is timed from the command line (interpreter start included), except the
preview's, timed as the running preview waits for it.

Run with ``invoke bench`` (``--articles``, ``--runs``, ``--json``).
"""

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from plugins.domain.dates import parse_datetime
from plugins.domain.source import split_front_matter
from tests.corpus import generate_corpus

YEARS = range(2010, 2026)


ROOT = Path(__file__).resolve().parents[2]
PREVIEW_EDITS = 3
"""Body edits timed in the live preview, per run."""
PREVIEW_LOADS = 5.0
"""Seconds the preview's next build process is given to load its code and state."""


FREED_INODES_SECONDS = 61.0
"""Quiet time on the disk before the cold builds. This machine's ext4 has no
journal, and then Linux will not reuse an inode freed in the last minute (six
while the block that holds it is not yet written): each new file or folder
scans past every such inode, one lookup each (``recently_deleted`` in
``fs/ext4/ialloc.c``). Right after a deletion of 14,000 files and folders,
creating as many took 3 to 12 s of system time instead of 0.9 s."""


RETIRED_ROOM = 2 * 2**30
"""Free bytes below which :func:`retire` deletes: a run's outputs and caches
take about 0.6 GB at 10,000 articles."""


@dataclass
class Measure:
    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "median_seconds": round(self.median, 3),
            "runs_seconds": [round(s, 3) for s in self.seconds],
            "median_peak_mb": round(statistics.median(self.peak_mb), 1) if self.peak_mb else None,
        }


def settle(output: Path) -> None:
    """Let the disk finish earlier work before a timed build: the retired
    folders our builds delete in the background, and all pending writes and
    deletions (``sync``; see :data:`FREED_INODES_SECONDS` for why a deletion
    slows the builds that follow it)."""
    deadline = time.monotonic() + 300
    while list(output.parent.glob(f".{output.name}-old-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.sync()


def retire(path: Path, retired: Path) -> None:
    """Move ``path`` into ``retired``, which goes when the benchmark ends.

    Deleting the last run's outputs just before the cold builds would time
    the disk, not the builds: see :data:`FREED_INODES_SECONDS`. On a disk
    short of room they are deleted all the same, and the benchmark says so.
    """
    if not path.exists():
        return
    if shutil.disk_usage(path).free < RETIRED_ROOM:
        print(f"little room on the disk: {path.name} deleted, not kept aside", flush=True)
        shutil.rmtree(path)
        return
    retired.mkdir(exist_ok=True)
    path.rename(retired / f"{sum(1 for _ in retired.iterdir())}-{path.name}")


def run_build(kind: str, content: Path, output: Path) -> tuple[float, float]:
    settle(output)
    # Python's default, as on an editor's machine: modules compiled once, not on
    # every run (some shells and CI images set PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmark.run_build", kind, str(content), str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"{kind} build failed:\n{result.stderr[-3000:]}")
    wall = time.perf_counter() - started
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return wall, report["peak_mb"]


def plain_copy(content: Path, target: Path) -> None:
    """The corpus's Markdown with the metadata plain Pelican understands."""
    for source in sorted((content / "articles").rglob("*.md")):
        document = split_front_matter(source.read_text(encoding="utf-8"))
        front = document.front.data
        lines = [
            f"Title: {front['title']}",
            f"Date: {parse_datetime(front['date']).isoformat()}",
            f"Category: {front['category']}",
            f"Status: {front.get('status', 'published')}",
        ]
        if front.get("tags"):
            lines.append("Tags: " + ", ".join(front["tags"]))
        if front.get("slug"):
            lines.append(f"Slug: {front['slug']}")
        path = target / "articles" / source.relative_to(content / "articles")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n\n" + document.body, encoding="utf-8")


def output_figures(output: Path) -> dict:
    files = [p for p in output.rglob("*") if p.is_file()]
    return {
        "pages_written": sum(1 for p in files if p.suffix == ".html"),
        "files": len(files),
        "output_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
    }


def edit_body(content: Path) -> None:
    article = sorted((content / "articles").rglob("*.md"))[len(YEARS)]
    article.write_text(article.read_text(encoding="utf-8") + "\nĐoạn sửa thêm.\n", "utf-8")


def add_article(content: Path) -> None:
    template = sorted((content / "articles").rglob("*.md"))[0]
    text = template.read_text(encoding="utf-8")
    counter = len(list((content / "articles").rglob("bai-them-*.md")))
    title = f"Bài viết thêm cho đo hiệu năng số {counter}"
    lines = [
        f'title: "{title}"' if line.startswith("title:") else line for line in text.split("\n")
    ]
    lines = [line for line in lines if not line.startswith(("slug:", "legacy_url:"))]
    (template.parent / f"bai-them-{counter}.md").write_text("\n".join(lines), "utf-8")


def edit_registry(content: Path) -> None:
    """A field shown on pages but not used to resolve names: the units' province."""
    units = content / "data" / "units.yml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("province: Bắc Kạn", "province: Bắc Kạn (sửa)", 1), "utf-8")


def time_preview_edits(content: Path, output: Path, count: int) -> list[float]:
    """Seconds the running live preview takes to rebuild ``output`` after a
    body edit, its next build's process started ahead as the preview does
    (:class:`plugins.workflow.preview.app.Builds`), with our caches."""
    from plugins.workflow.preview.app import Builds

    settings = output.parent / "preview-settings.py"
    cache = output.parent / "ours-cache"
    settings.write_text(
        "from pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"CACHE_PATH = {str(cache)!r}\n"
        f"PHOTOS = {{'CACHE_PATH': {str(cache / 'photos')!r}}}\n",
        encoding="utf-8",
    )
    builds = Builds(ROOT, settings, output, content)
    said = io.StringIO()  # what the builds print, kept out of the benchmark's table
    try:
        with redirect_stdout(said), redirect_stderr(said):
            built, problems = builds.run()  # its settings file is new: a full build
            seconds = []
            for _ in range(count):
                if not built:
                    raise RuntimeError("preview build failed:\n" + "\n".join(problems))
                settle(output)
                time.sleep(PREVIEW_LOADS)
                edit_body(content)
                started = time.perf_counter()
                built, problems = builds.run()
                seconds.append(time.perf_counter() - started)
        return seconds
    finally:
        builds.close()


def main(
    articles: int = 10_000,
    runs: int = 3,
    json_path: str | None = None,
    preview_edits: int = PREVIEW_EDITS,
    quiet: float = FREED_INODES_SECONDS,
) -> dict:
    """``quiet``: seconds the disk is left alone before each run's cold builds."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        return _measure(work, articles, runs, json_path, preview_edits, quiet)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _measure(
    work: Path, articles: int, runs: int, json_path: str | None, preview_edits: int, quiet: float
) -> dict:
    per_year = max(1, articles // len(YEARS))
    started = time.perf_counter()
    corpus = generate_corpus(work / "content", years=YEARS, articles_per_year=per_year)
    plain_copy(corpus.root, work / "plain")
    print(f"corpus: {len(corpus.articles)} articles in {time.perf_counter() - started:.1f} s")

    ours_out, plain_out = work / "out", work / "plain-out"
    steps: list[tuple[str, Callable[[], None] | None]] = [
        ("cold", None),
        ("warm, nothing changed", None),
        ("one article body edited", lambda: edit_body(corpus.root)),
        ("one article added", lambda: add_article(corpus.root)),
        ("one registry entry edited", lambda: edit_registry(corpus.root)),
    ]
    measures = {name: Measure(name) for name, _ in steps}
    plain_cold, plain_warm = Measure("plain Pelican cold"), Measure("plain Pelican warm")
    search = Measure("search index (apart)")
    preview = Measure("preview, one body edited")
    figures: dict = {}
    paired: list[float] = []
    for run in range(runs):
        # The two cold builds run back to back, in turn first: the machine's
        # speed drifts from minute to minute, and the ratio is of one moment.
        for path in (ours_out, work / "ours-cache", plain_out, work / "plain-cache"):
            retire(path, work / "retired")
        settle(ours_out)
        time.sleep(quiet)
        cold = {}
        for kind in ("ours", "plain") if run % 2 == 0 else ("plain", "ours"):
            if kind == "ours":
                cold[kind] = _timed(run, measures["cold"], "ours", corpus.root, ours_out)
            else:
                cold[kind] = _timed(run, plain_cold, "plain", work / "plain", plain_out)
        paired.append(cold["ours"] / cold["plain"])
        for name, change in steps[1:]:
            if change:
                change()
            _timed(run, measures[name], "ours", corpus.root, ours_out)
        figures = output_figures(ours_out)
        edits = time_preview_edits(corpus.root, ours_out, preview_edits)
        preview.seconds += edits
        print(f"run {run + 1}: ours, preview, body edits: {edits}", flush=True)
        seconds, peak = run_build("search", corpus.root, ours_out)
        search.seconds.append(seconds)
        search.peak_mb.append(peak)
        print(f"run {run + 1}: search index of our output: {seconds:.2f} s, {peak:.0f} MB")
        _timed(run, plain_warm, "plain", work / "plain", plain_out)
    plain_figures = output_figures(plain_out)
    baseline = plain_cold.median
    result = {
        "articles": len(corpus.articles),
        "runs": runs,
        "ours": [
            m.as_dict() | {"ratio_to_plain_cold": round(m.median / baseline, 3)}
            for m in measures.values()
        ],
        "preview": preview.as_dict() | {"ratio_to_plain_cold": round(preview.median / baseline, 3)},
        "search": search.as_dict(),
        "plain": [plain_cold.as_dict(), plain_warm.as_dict()],
        "cold_ratio_by_run": [round(r, 3) for r in paired],
        "cold_ratio_median": round(statistics.median(paired), 3),
        "ours_output": figures,
        "plain_output": plain_figures,
    }
    _print_table(result)
    if json_path:
        Path(json_path).write_text(json.dumps(result, ensure_ascii=False, indent=2), "utf-8")
    return result


def _timed(run: int, measure: "Measure", kind: str, content: Path, output: Path) -> float:
    seconds, peak = run_build(kind, content, output)
    measure.seconds.append(seconds)
    measure.peak_mb.append(peak)
    label = measure.name if kind == "plain" else f"ours, {measure.name}"
    print(f"run {run + 1}: {label}: {seconds:.2f} s, {peak:.0f} MB", flush=True)
    return seconds


def _print_table(result: dict) -> None:
    print(f"\n{result['articles']} articles, medians of {result['runs']} runs")
    print(f"{'build':36} {'seconds':>8} {'× plain cold':>13} {'peak MB':>8}")
    for row in result["ours"]:
        print(
            f"ours: {row['name']:30} {row['median_seconds']:8.2f}"
            f" {row['ratio_to_plain_cold']:13.3f} {row['median_peak_mb']:8.0f}"
        )
    row = result["preview"]
    print(f"ours: {row['name']:30} {row['median_seconds']:8.2f} {row['ratio_to_plain_cold']:13.3f}")
    row = result["search"]
    print(f"{row['name']:36} {row['median_seconds']:8.2f} {'':13} {row['median_peak_mb']:8.0f}")
    for row in result["plain"]:
        print(f"{row['name']:36} {row['median_seconds']:8.2f} {'':13} {row['median_peak_mb']:8.0f}")
    by_run = ", ".join(f"{r:.3f}" for r in result["cold_ratio_by_run"])
    print(
        f"cold ÷ plain cold, the two built back to back: {result['cold_ratio_median']:.3f}"
        f" (median; run by run: {by_run})"
    )
    print(f"ours:  {result['ours_output']}")
    print(f"plain: {result['plain_output']}")


if __name__ == "__main__":
    main()
