"""Fragments that many pages show alike, rendered once per build.

An article's card shows on the news pages and on its category's, tags', unit's
and year's pages: half of a listing page's time went on cards. A template
writes ``{{ cached(article_card, article, 'h2') }}`` for
``{{ article_card(article, 'h2') }}``: the macro renders the first time, and
after that the same markup is given again, with the body reads the first
rendering made noted again (:mod:`.reads`), so that every page still records
each view it shows.

Only a macro of an imported template (imported without context, Jinja's
default) may be cached this way: its markup depends on its arguments and the
site's globals alone, never on the page it shows on.
"""

from typing import Any

from jinja2.runtime import Macro
from markupsafe import Markup

from .reads import READS, Reads

Key = tuple[int, tuple[Any, ...]]


class Fragments:
    """The ``cached`` global of one Jinja environment, which lives for one build."""

    def __init__(self) -> None:
        self._made: dict[Key, tuple[Markup, Reads, tuple[Any, ...]]] = {}

    def __call__(self, macro: Macro, *arguments: Any) -> Markup:
        key = id(macro), tuple(map(_identity, arguments))
        made = self._made.get(key)
        if made is None:
            with READS.recording() as reads:
                markup = macro(*arguments)
            # The macro and arguments are kept so that the ids in the key stay theirs.
            made = self._made[key] = (markup, reads, (macro, *arguments))
        READS.repeat(made[1])
        return made[0]


def _identity(argument: Any) -> Any:
    """Strings and numbers by value, anything else (an article) by identity."""
    return argument if isinstance(argument, str | int) else id(argument)


def offer_fragments(generator: Any) -> None:
    """Once per environment: the generators of a build share one (:mod:`.environment`)."""
    generator.env.globals.setdefault("cached", Fragments())
