"""``{{ 'css/site.css'|fingerprint }}`` → ``css/site.css?v=3f2a9c01d4``.

The query changes whenever the file does, so the server may let browsers keep
theme files for a year (deploy/nginx: ``?v=`` → ``immutable``) and a new
stylesheet still reaches every reader with the first page that links it.
Templates write ``{{ SITEURL }}/theme/{{ 'css/site.css'|fingerprint }}``.
"""

import hashlib
from functools import cache
from pathlib import Path

from pelican import signals

DIGEST_LENGTH = 10


@cache
def _digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:DIGEST_LENGTH]


def fingerprint_filter(static: Path):
    def fingerprint(relative: str) -> str:
        """``relative`` (inside the theme's static folder) with its content's digest."""
        path = static / relative
        if not path.is_file():
            raise FileNotFoundError(f"fingerprint: no theme file {path}")
        return f"{relative}?v={_digest(path, path.stat().st_mtime_ns)}"

    return fingerprint


def add_filter(pelican) -> None:
    settings = pelican.settings
    static = Path(settings["THEME"]) / "static"
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        "fingerprint": fingerprint_filter(static),
    }


def register() -> None:
    signals.initialized.connect(add_filter)
