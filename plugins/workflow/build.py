"""Build the site: into a staging folder, then made the output in one step.

Kept apart from ``tasks.py`` so that a process that only builds (the live
preview's build process, the benchmark's) does not import the task runner.
"""

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plugins.incremental import BuildState, Inputs

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {"dev": ROOT / "pelicanconf.py", "publish": ROOT / "publishconf.py"}


def build_site(settings_file: Path, output: Path, *, search: bool = False, **overrides) -> None:
    """Build into a staging folder beside ``output``, then make it the output.

    With ``search``, the built pages are indexed for the search page
    (``plugins.search``) first. A build that fails, for bad content, a failed
    index or anything else, leaves ``output`` as it was: the staging folder is
    removed and nothing else is touched. A build whose inputs are all as the
    last build of ``output`` left them does nothing, and one with a few
    changes renders only the pages they touch and brings them into ``output``
    in place (``plugins.incremental``). Python's cyclic garbage collector
    waits meanwhile (``plugins.common.collector``).
    """
    from plugins.common.collector import collector_paused

    with collector_paused():
        _build_site(settings_file, output, search=search, **overrides)


def _build_site(settings_file: Path, output: Path, *, search: bool, **overrides) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    from plugins.common.processes import stop_background
    from plugins.domain.problems import InvalidContentError
    from plugins.incremental import (
        IncrementalOptions,
        StagedBuild,
        discard,
        edit_bodies,
        load_state,
    )
    from plugins.search import SEARCH_BUNDLE, SearchIndexError, index_site

    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(output), **overrides})
    inputs = _inputs(settings_file, settings, search, overrides)
    cache = Path(settings["CACHE_PATH"])
    last = load_state(cache, output) if output.is_dir() else None
    if _up_to_date(last, inputs.stamp):
        print(f"Không có gì thay đổi: {output} giữ nguyên (nothing changed).")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would keep the web server out
    settings["OUTPUT_PATH"] = str(staging)
    settings["INCREMENTAL"] = IncrementalOptions(output, last, inputs)
    try:
        remade = (SEARCH_BUNDLE,) if search else ()
        edits = edit_bodies(settings, inputs, last, output, staging, remade) if last else None
        if edits is None:
            Pelican(settings).run()
            build = StagedBuild.after_run(staging, output, settings)
        else:
            build = StagedBuild(staging, output, edits.state)
            print(
                f"Sửa thân bài: {len(edits.documents)} bài, {len(edits.files)} tệp được"
                " cập nhật (body edits brought into the pages that show them)."
            )
        if search:
            print(index_site(staging, build.files()))
    except (InvalidContentError, SearchIndexError) as exc:
        stop_background()
        discard(staging, settings)
        sys.exit(str(exc))
    except BaseException:
        stop_background()
        discard(staging, settings)
        raise
    build.complete(cache, last)
    _remove_in_background(sorted(output.parent.glob(f".{output.name}-old-*")))


def _remove_in_background(folders: list[Path]) -> None:
    """Delete retired folders without waiting: ten thousand pages take a second
    or two to unlink, and nothing needs them gone before the command returns.
    Any output left by an earlier build that was stopped goes too."""
    if folders:
        subprocess.Popen(
            ["rm", "-rf", "--", *map(str, folders)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def _inputs(settings_file: Path, settings: dict, search: bool, overrides: dict) -> "Inputs":
    from plugins.incremental import read_inputs

    roots = [Path(settings["PATH"]), Path(settings["THEME"]), ROOT / "plugins"]
    roots += sorted({settings_file.resolve(), SETTINGS["dev"]})
    extra = repr((str(settings_file), search, sorted(overrides.items()), sys.version))
    return read_inputs(roots, extra)


def _up_to_date(last: "BuildState | None", stamp: str) -> bool:
    """Nothing to do: the inputs are as the last build found them, and no
    scheduled article has come out since."""
    import datetime as dt

    return last is not None and last.stamp == stamp and not last.is_due(dt.datetime.now(dt.UTC))
