"""``{% for number in articles_page|page_window %}`` in the pagination macro.

A listing of ten thousand articles has five hundred pages; linking every one
from every page makes each page heavy, the build quadratic and the list
useless to a reader. The window keeps the first and last pages and those near
the current one; ``None`` marks each gap, shown as an ellipsis.
"""

from pelican import signals
from pelican.paginator import Page

RADIUS = 2
"""Pages linked on each side of the current one."""


def page_window(page: Page, radius: int = RADIUS) -> list[int | None]:
    last = page.paginator.num_pages
    shown = sorted(
        {1, last} | set(range(max(1, page.number - radius), min(last, page.number + radius) + 1))
    )
    window: list[int | None] = []
    for number in shown:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window


def add_filter(pelican) -> None:
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "page_window": page_window}


def register() -> None:
    signals.initialized.connect(add_filter)
