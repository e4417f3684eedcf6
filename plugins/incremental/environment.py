"""One Jinja environment for every generator of a build.

Pelican gives each generator an environment of its own, configured alike from
the settings. Each compiles the templates it renders, ``base.html`` and the
partials it imports included, and each forked render worker compiled them all
again for every environment (about 0.2 s of CPU per worker at six
environments). An imported template's macros are also a module per
environment, so a card rendered for one generator's listings was not the card
another's asked :mod:`.fragments` for. With one environment, each template is
compiled once per process, and one card serves every listing.
"""

from typing import Any

SHARED = "INCREMENTAL_JINJA_ENVIRONMENT"
"""The settings key of the environment the build's generators share. Settings
are read afresh for every build, as the domain model they also carry is."""


def share_environment(generator: Any) -> None:
    """The first generator's environment becomes every later generator's."""
    shared = generator.settings.get(SHARED)
    if shared is None:
        plain_globals(generator.env)
        generator.settings[SHARED] = generator.env
    else:
        generator.env = shared


def plain_globals(environment: Any) -> None:
    """Every template's globals as a plain dict, not Jinja's ChainMap over its
    environment's: Jinja copies a template's globals into each page's context
    and compares their names at each import, which a ChainMap does in Python
    (some 40 µs a page). Jinja asks that globals not change once templates
    are loaded; Pelican and the plugins set them all before the first page."""

    def make_globals(own: dict[str, Any] | None) -> dict[str, Any]:
        return {**environment.globals, **(own or {})}

    environment.make_globals = make_globals
