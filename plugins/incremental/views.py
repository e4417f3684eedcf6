"""What pages show of a document's body, as named views of it.

Templates show a body only through these views: ``content``, ``summary``, and
the two filters below, which make plain text of the summary. Every view a page
shows is noted while it renders (:mod:`.reads`) and found again in the written
file (:mod:`.spans`), so that an edit to a body alone can be brought into the
pages that show it by replacing each view's text (:mod:`.body_edits`).
"""

from functools import cache
from typing import Any

from jinja2 import Environment
from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from .reads import READS

DESCRIPTION_LENGTH = 200
"""Characters of the summary in a page's ``<meta name="description">``."""
CARD_LENGTH = 260
"""Characters of the summary on an article's card in listings."""

_TRUNCATE = Environment()
"""Jinja's ``truncate`` reads only its environment's policies: the defaults."""


def summary_text(summary: str, length: int) -> Markup:
    """``summary|striptags|truncate(length)|e`` of a template, in Python."""
    return escape(do_truncate(_TRUNCATE, Markup(summary).striptags(), length))


# Cached: an article's card shows on many listings (news, category, unit, year…).
@cache
def description_view(summary: str) -> Markup:
    return summary_text(summary, DESCRIPTION_LENGTH)


@cache
def card_summary_view(summary: str) -> Markup:
    if not summary:
        return Markup("")
    return Markup('<div class="card-summary">%s</div>') % summary_text(summary, CARD_LENGTH)


SUMMARY_VIEWS = {"description": description_view, "card_summary": card_summary_view}
"""The views made from the summary, by name (the filters' names)."""


def body_views(content: str, summary: str | None) -> dict[str, str]:
    """Every view of a document whose HTML is ``content``; without ``summary``
    (unchanged by the edit), the content alone."""
    views = {"content": content}
    if summary is not None:
        views["summary"] = summary
        views |= {name: view(summary) for name, view in SUMMARY_VIEWS.items()}
    return views


def _filter(name: str):
    view = SUMMARY_VIEWS[name]

    def show(document: Any) -> Markup:
        with READS.inside_view():
            summary = document.summary
        text = view(summary)
        READS.note(document.source_path, name, text)
        return text

    show.__name__ = name
    return show


FILTERS = {name: _filter(name) for name in SUMMARY_VIEWS}
"""Jinja filters: ``{{ article|description }}``, ``{{ article|card_summary }}``."""
