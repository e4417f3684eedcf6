"""One build of the preview, run in its own process by :mod:`.app`.

A fresh interpreter per build picks up changes to the plugins and settings.
Exit status 0: built; otherwise the reason is on stderr (for content errors,
one ``path:line: field: message`` line per problem).

Usage: ``python -m plugins.workflow.preview.rebuild SETTINGS OUTPUT CONTENT``
"""

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    settings, output, content = (Path(a) for a in argv)
    from tasks import build_site  # the project root is the working directory

    build_site(settings, output, PATH=str(content))
    return 0


if __name__ == "__main__":
    from plugins.common.processes import exit_now

    exit_now(main(sys.argv[1:]))
