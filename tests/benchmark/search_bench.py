"""Search benchmark: index a generated corpus, then measure what a browser downloads.

Generates 10,000 articles (16 years × 625, no photos) into a temporary folder,
builds them with ``build_site`` (without search), then times ``index_site`` on
the result: the same step ``invoke build`` runs before swapping the build in.
Reports the index size on disk and, in headless Chromium over loopback HTTP,
the bytes downloaded for opening the search page and a first query, then for a
second query on the same page. "Served" bytes are what a plain static server
sends (Pagefind's index files are compressed already); "gzip" estimates the
same with gzip on for the other files, as most web servers do.

    .venv/bin/python -m tests.benchmark.search_bench [--per-year N] [--json PATH]
"""

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

from plugins.search import index_site
from plugins.workflow.build import SETTINGS, build_site
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SiteServer
from tests.corpus import generate_corpus

YEARS = range(2010, 2026)
QUERIES = ("thai nguyen", "hoi nghi tong ket")


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def downloaded(requests: list, site: Path) -> dict:
    """Bytes of the finished ``requests``, as served and with gzip on text files."""
    served = gzipped = 0
    files = []
    for request in requests:
        body = request.sizes()["responseBodySize"]
        path = site / request.url.split("/", 3)[3].split("?")[0]
        path = path / "index.html" if path.is_dir() else path
        data = path.read_bytes() if path.is_file() else b""
        compressed = "/pagefind/" in request.url and path.suffix != ".js"
        served += body
        gzipped += body if compressed or not data else len(gzip.compress(data))
        files.append({"url": request.url.split("/", 3)[3], "bytes": body})
    return {
        "requests": len(requests),
        "served_bytes": served,
        "gzip_bytes": gzipped,
        "files": files,
    }


def browse(site: Path) -> list[dict]:
    """Open /tim-kiem/, run each query of QUERIES in turn; bytes per step."""
    from playwright.sync_api import sync_playwright

    steps = []
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        finished: list = []
        page.on("requestfinished", lambda request: finished.append(request))
        for number, query in enumerate(QUERIES):
            started = time.perf_counter()
            if number == 0:
                page.goto(server.url(f"/tim-kiem/?q={quote_plus(query)}"))
            else:
                page.fill("#q", query)
                page.press("#q", "Enter")
            page.wait_for_selector("[data-search-results][aria-busy=false]", state="attached")
            page.wait_for_load_state("networkidle")
            seconds = time.perf_counter() - started
            steps.append(
                {
                    "query": query,
                    "seconds": round(seconds, 3),
                    "status": page.locator("[data-search-status]").inner_text(),
                    **downloaded(finished, site),
                }
            )
            finished.clear()
        browser.close()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-year", type=int, default=625, help="articles per year (16 years)")
    parser.add_argument(
        "--json", type=Path, default=Path(tempfile.gettempdir()) / "search-bench.json"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        content, output = Path(tmp) / "content", Path(tmp) / "output"
        corpus = generate_corpus(content, years=YEARS, articles_per_year=args.per_year)
        started = time.perf_counter()
        build_site(SETTINGS["dev"], output, PATH=str(content))
        build_seconds = time.perf_counter() - started
        report = index_site(output)
        bundle = output / "pagefind"
        figures = {
            "articles": len(corpus.published),
            "pages_indexed": report.pages,
            "pelican_build_seconds": round(build_seconds, 1),
            "index_seconds": round(report.seconds, 1),
            "index_bytes_on_disk": report.size,
            "index_parts_bytes": {
                part: folder_size(bundle / part) for part in ("index", "fragment", "filter")
            }
            | {"pf_meta": sum(f.stat().st_size for f in bundle.glob("*.pf_meta"))},
            "browser": browse(output),
        }
    args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{figures['articles']} articles, {report.pages} pages indexed")
    print(f"Pelican build {build_seconds:.1f} s, search index {report.seconds:.1f} s")
    print(f"index on disk: {report.size / 1e6:.1f} MB {figures['index_parts_bytes']}")
    for step, label in zip(figures["browser"], ("first query", "second query"), strict=True):
        print(
            f"{label} “{step['query']}”: {step['served_bytes'] / 1000:.0f} kB served,"
            f" {step['gzip_bytes'] / 1000:.0f} kB with gzip, {step['requests']} requests,"
            f" {step['seconds']:.2f} s — {step['status']}"
        )
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
