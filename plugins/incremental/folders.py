"""A first build's article folders, made while Pelican reads the articles.

Pelican's writer makes each page's folder just before it would write the
page, one at a time: on a first build, 10,000 new folders in a row, 1 to 3 s
on this machine's disk, during which the build waits. The folders of the
published articles are known once the model is loaded, so a thread makes
them meanwhile, while Pelican reads the articles (the file system works, not
the CPU). Later builds update the output in place, where the folders exist.
"""

import threading
from pathlib import Path
from typing import Any

from plugins.model_loader.model_loader import SITE_MODEL, build_time

from .state import IncrementalOptions

FOLDERS = "INCREMENTAL_FOLDERS"
"""Settings key of the thread making the folders, which the writer waits for."""


def make_folders_ahead(pelican: Any) -> None:
    settings = pelican.settings
    options = IncrementalOptions.from_settings(settings)
    if options is None or (options.last is not None and options.last.files):
        return
    root = Path(settings["OUTPUT_PATH"])
    site = settings[SITE_MODEL]
    articles = site.public_articles(build_time(settings))
    folders = sorted({(root / a.address.save_as).parent for a in articles})
    thread = threading.Thread(target=_make, args=(folders,), name="page folders", daemon=True)
    thread.start()
    settings[FOLDERS] = thread


def wait_for_folders(settings: dict[str, Any]) -> None:
    """Before forking the renderers: no thread may be running then."""
    thread = settings.pop(FOLDERS, None)
    if thread is not None:
        thread.join()


def _make(folders: list[Path]) -> None:
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
