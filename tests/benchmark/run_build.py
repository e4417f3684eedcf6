"""One build in its own process, for the benchmark: prints wall time and peak memory.

``python -m tests.benchmark.run_build ours|plain|search CONTENT OUTPUT``: our
site build (without the search index, as the live preview's rebuild process,
which also ends without Python's teardown or a last garbage collection), plain
Pelican's, or the search index of an output already built. Our caches live
beside OUTPUT, so that removing them makes the next build cold.
"""

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def plain_settings(content: Path, output: Path) -> dict:
    """Pelican's defaults (default theme, no plugins), dated URLs so slugs that
    repeat across years do not collide."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        "SITEURL": "",
        "PLUGINS": [],
        "ARTICLE_URL": "{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
        "ARTICLE_TRANSLATION_ID": None,
        "CACHE_PATH": str(output.parent / "plain-cache"),
    }


def build(kind: str, content: Path, output: Path) -> None:
    if kind == "ours":
        sys.path.insert(0, str(ROOT))
        from plugins.common.collector import pause_for_good
        from plugins.workflow.build import SETTINGS, build_site

        pause_for_good()  # as the live preview's build process, which ends with the build

        cache = output.parent / "ours-cache"
        build_site(
            SETTINGS["dev"],
            output,
            PATH=str(content),
            CACHE_PATH=str(cache),
            PHOTOS={"CACHE_PATH": str(cache / "photos")},
        )
    elif kind == "search":
        sys.path.insert(0, str(ROOT))
        from plugins.search import index_site

        print(index_site(output), file=sys.stderr)
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        settings = read_settings(None, override=plain_settings(content, output))
        Pelican(settings).run()


def main() -> None:
    kind, content, output = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    started = time.perf_counter()
    build(kind, content, output)
    seconds = time.perf_counter() - started
    # The largest process: this one, or a child (the Pagefind binary, a worker).
    peak_kb = max(
        resource.getrusage(who).ru_maxrss
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    print(json.dumps({"build_seconds": seconds, "peak_mb": peak_kb / 1024}))
    if kind == "ours":  # as the live preview's build process ends
        from plugins.common.processes import exit_now

        exit_now()


if __name__ == "__main__":
    main()
