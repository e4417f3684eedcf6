"""One build of the preview, run in its own process by :mod:`.app`.

A fresh interpreter per build picks up changes to the plugins and settings.
Exit status 0: built; otherwise the reason is on stderr (for content errors,
one ``path:line: field: message`` line per problem).

With ``--when-told`` the process loads the build's code and the output's
build state, then waits for a line on its standard input before building (an
empty input: it ends without building). The preview starts the next build's
process this way as soon as a build ends, so that an edit does not wait for
Python to start and import.

Usage: ``python -m plugins.workflow.preview.rebuild [--when-told] SETTINGS OUTPUT CONTENT``
"""

import sys
from pathlib import Path

from .app import WHEN_TOLD


def main(argv: list[str]) -> int:
    wait = WHEN_TOLD in argv
    settings, output, content = (Path(a) for a in argv if a != WHEN_TOLD)
    from plugins.common.collector import pause_for_good
    from plugins.workflow.build import build_site

    pause_for_good()  # the process ends with the build

    if wait:
        _load_plugins(settings)
        _read_state(settings, output)
        if not sys.stdin.readline():
            return 0
    build_site(settings, output, PATH=str(content))
    return 0


def _load_plugins(settings_file: Path) -> None:
    """Import what a build imports, before it is asked for."""
    from importlib import import_module

    from pelican.settings import read_settings

    for name in ["pelican", *read_settings(str(settings_file))["PLUGINS"]]:
        import_module(name)


def _read_state(settings_file: Path, output: Path) -> None:
    """Read the output's build state now; the build finds it read, unless it
    changed meanwhile (:func:`plugins.incremental.state.read_state`)."""
    from pelican.settings import read_settings

    from plugins.incremental import load_state

    load_state(Path(read_settings(str(settings_file))["CACHE_PATH"]), output)


if __name__ == "__main__":
    from plugins.common.processes import exit_now

    exit_now(main(sys.argv[1:]))
