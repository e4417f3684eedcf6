"""The window of page links a long listing shows."""

from types import SimpleNamespace

import pytest

from plugins.pagination.pagination import page_window


def page(number: int, pages: int) -> SimpleNamespace:
    return SimpleNamespace(number=number, paginator=SimpleNamespace(num_pages=pages))


@pytest.mark.parametrize(
    ("number", "pages", "window"),
    [
        (1, 1, [1]),
        (2, 5, [1, 2, 3, 4, 5]),
        (1, 500, [1, 2, 3, None, 500]),
        (4, 500, [1, 2, 3, 4, 5, 6, None, 500]),
        (5, 500, [1, None, 3, 4, 5, 6, 7, None, 500]),
        (250, 500, [1, None, 248, 249, 250, 251, 252, None, 500]),
        (497, 500, [1, None, 495, 496, 497, 498, 499, 500]),
        (500, 500, [1, None, 498, 499, 500]),
    ],
)
def test_first_last_and_neighbours_with_gaps_marked(number, pages, window):
    assert page_window(page(number, pages)) == window
