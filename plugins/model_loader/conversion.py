"""Markdown bodies to HTML and summary, one at a time or on every core.

Each body is converted by a freshly reset :class:`markdown.Markdown`, so the
result depends on the body and the settings only: whichever process converts
it, in whatever order, the bytes are the same.
"""

import gc
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from markdown import Markdown

from .summary import first_paragraph

Rendered = tuple[str, str]
"""A body's HTML and its first paragraph with text (``""`` if none)."""

CHUNKS_PER_WORKER = 8
"""Bodies go out in this many slices per worker, so that no worker idles long."""


class Converter:
    """One Markdown instance, reset before every body."""

    def __init__(self, markdown_settings: dict[str, Any]) -> None:
        self._markdown = Markdown(**markdown_settings)

    def __call__(self, body: str) -> Rendered:
        self._markdown.reset()
        html = self._markdown.convert(body)
        return html, first_paragraph(html)


def convert_all(bodies: Sequence[str], converter: Converter, workers: int) -> list[Rendered]:
    """Every body converted, in order; by ``workers`` forked processes if more than one."""
    if workers < 2 or len(bodies) < 2 or not _can_fork():
        return [converter(body) for body in bodies]
    context = multiprocessing.get_context("fork")
    # Forked workers inherit the bodies and the converter: nothing is pickled
    # on the way out, only the results come back.
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(bodies, converter)
    ) as pool:
        slices = pool.map(_convert_slice, _slices(len(bodies), workers * CHUNKS_PER_WORKER))
        return [rendered for part in slices for rendered in part]


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _slices(total: int, parts: int) -> list[tuple[int, int]]:
    size = -(-total // parts)
    return [(start, min(start + size, total)) for start in range(0, total, size)]


_worker: tuple[Sequence[str], Converter] | None = None


def _start_worker(bodies: Sequence[str], converter: Converter) -> None:
    global _worker  # a worker process's own state
    _worker = (bodies, converter)
    # The collector would walk every object inherited from the build, copying
    # the memory it shares with it: what was there before the fork stays put.
    gc.freeze()


def _convert_slice(bounds: tuple[int, int]) -> list[Rendered]:
    assert _worker is not None, "not a conversion worker"
    bodies, converter = _worker
    return [converter(body) for body in bodies[bounds[0] : bounds[1]]]
