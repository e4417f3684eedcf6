"""Work shared out to forked processes.

A fork inherits the whole build (articles, templates, converters) without
pickling anything; only the results travel back. The garbage collector of each
worker leaves the inherited objects alone (``gc.freeze``), or it would walk
and copy the memory the worker shares with the build.
"""

import gc
import multiprocessing
import os
import sys
import traceback
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, NoReturn, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

SHARE = 4
"""Each slice holds this fraction (1/SHARE) of a worker's share of the items
not yet handed out, so slices shrink towards the end (guided scheduling)."""


def cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def exit_now(status: int = 0) -> NoReturn:
    """End this process without Python's teardown, which frees a finished
    build's objects one by one (a second for 10,000 articles) only for the
    process to end. For a process that ran one build and has nothing left to
    close but its standard streams."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def shared_map(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int
) -> list[Result]:
    """``function`` over ``items``, in order, by this process and ``workers - 1``
    forked copies of it, each taking the next slice as it finishes one.

    This process works too rather than wait: it needs no copy of the memory it
    shares with the forks (each fork copies every page it writes to, reference
    counts included) and sends none of its results through a pipe. It takes
    its slices from the end of ``items``, the forks from the start: what the
    last items have in common (the cards of a site's listing pages, which
    come last, cached per process) is made in this process alone. An
    exception here, or in a fork (its traceback as the message), is raised here.
    """
    if workers < 2 or len(items) < 2 or not can_fork():
        return list(map(function, items))
    unclaimed = _Unclaimed(len(items), workers)
    helpers: list[_Helper] = []
    try:
        helpers = [_Helper(function, items, unclaimed) for _ in range(workers - 1)]
        done = dict(_work_slices(function, items, unclaimed, from_end=True))
        for helper in helpers:
            done.update(helper.results())
    finally:
        for helper in helpers:
            helper.stop()
    return [result for start in sorted(done) for result in done[start]]


class _Unclaimed:
    """The items no process has claimed yet, ``items[front:back]``, in memory
    that every fork shares. A claim takes 1/SHARE of a worker's share of
    them from either end, so slices shrink towards the meeting point."""

    def __init__(self, total: int, workers: int) -> None:
        self._bounds = multiprocessing.get_context("fork").Array("l", [0, total])
        self._parts = workers * SHARE

    def claim(self, from_end: bool) -> tuple[int, int] | None:
        with self._bounds.get_lock():
            front, back = self._bounds[0], self._bounds[1]
            if front >= back:
                return None
            size = -(-(back - front) // self._parts)
            if from_end:
                self._bounds[1] = back - size
                return back - size, back
            self._bounds[0] = front + size
            return front, front + size


class WorkerError(RuntimeError):
    """A forked worker failed; the message is its traceback."""


class _Helper:
    """A fork that works slices off beside this process, and sends what it
    made when none are left."""

    def __init__(
        self, function: Callable[[Any], Any], items: Sequence[Any], unclaimed: _Unclaimed
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_help, args=(send, function, items, unclaimed), daemon=True
        )
        self._process.start()
        send.close()

    def results(self) -> list[tuple[int, list[Any]]]:
        """(first item's index, results) of every slice the fork worked."""
        try:
            failed, made = self._receive.recv()
        except EOFError:
            self._process.join()
            raise WorkerError(f"a worker ended with code {self._process.exitcode}") from None
        if failed:
            raise WorkerError(made)
        return made

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _help(
    send: Any, function: Callable[[Any], Any], items: Sequence[Any], unclaimed: _Unclaimed
) -> None:
    gc.freeze()
    try:
        made = list(_work_slices(function, items, unclaimed, from_end=False))
        message: tuple[bool, Any] = (False, made)
    except BaseException:
        message = (True, traceback.format_exc())
    send.send(message)
    send.close()


def _work_slices(
    function: Callable[[Any], Any], items: Sequence[Any], unclaimed: _Unclaimed, from_end: bool
) -> Iterator[tuple[int, list[Any]]]:
    """Slices no other process has claimed, claimed and worked one at a time."""
    while (bounds := unclaimed.claim(from_end)) is not None:
        start, end = bounds
        yield start, [function(item) for item in items[start:end]]


def forked_results(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int
) -> Iterator[Result]:
    """``function`` over ``items``, in order, by ``workers`` forked processes,
    each result given as soon as it and those before it are ready: this
    process can work on them while the workers go on. An exception in a
    worker is raised here, its traceback attached as the cause."""
    if workers < 2 or len(items) < 2 or not can_fork():
        yield from map(function, items)
        return
    with _forked_pool(workers, _start_worker, function, items) as pool:
        for part in pool.map(_run_slice, _slices(len(items), workers)):
            yield from part


BACKGROUND_SLICE = 50
"""Items per slice of :class:`Background` work: each is ready soon after it is asked for."""
BACKGROUND_NICENESS = 10
"""How far below this process :class:`Background` workers run (``os.nice``)."""


class Background(Generic[Item, Result]):
    """``function`` over ``items`` in forked processes that run at a low
    priority: started now, they use the cores this process leaves idle while
    it goes on with its own work, and give each result when it is asked for.

    Items go out in order, in small slices; :meth:`result` waits only for the
    slice that holds the item. :meth:`close` stops what is not started yet.
    """

    def __init__(
        self, function: Callable[[Item], Result], items: Sequence[Item], workers: int
    ) -> None:
        self._owner = os.getpid()
        self._pool = _forked_pool(max(1, workers), _start_background, function, items)
        _RUNNING.add(self)
        bounds = [
            (start, min(start + BACKGROUND_SLICE, len(items)))
            for start in range(0, len(items), BACKGROUND_SLICE)
        ]
        self._starts = [start for start, _ in bounds]
        self._slices: list[Future[list[Result]]] = [
            self._pool.submit(_run_slice, slice_bounds) for slice_bounds in bounds
        ]

    def result(self, index: int) -> Result:
        """The result for ``items[index]``, waiting for it if need be."""
        if os.getpid() != self._owner:  # a fork of the owner would wait forever
            raise RuntimeError("background work is answered only to the process that started it")
        number = bisect_right(self._starts, index) - 1
        return self._slices[number].result()[index - self._starts[number]]

    def done(self, index: int) -> bool:
        """Whether the result for ``items[index]`` is ready."""
        return self._slices[bisect_right(self._starts, index) - 1].done()

    def results(self) -> list[Result]:
        """Every result, in order, once all are ready; the workers then end."""
        try:
            return [result for part in self._slices for result in part.result()]
        finally:
            self.close()

    def close(self) -> None:
        """Stop what is not started yet, and wait for the workers to end."""
        _RUNNING.discard(self)
        self._pool.shutdown(wait=True, cancel_futures=True)


_RUNNING: set[Background[Any, Any]] = set()
"""Background work started and not yet closed."""


def stop_background() -> None:
    """After a failed build: every :class:`Background` this process started
    and nobody will ask again is stopped, its workers ended."""
    for work in list(_RUNNING):
        if work._owner == os.getpid():
            work.close()


def _forked_pool(
    workers: int, start: Callable[..., None], function: Callable[[Any], Any], items: Sequence[Any]
) -> ProcessPoolExecutor:
    """Workers forked from this process, each started by ``start(function, items)``."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=start,
        initargs=(function, items),
    )


def _start_background(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    os.nice(BACKGROUND_NICENESS)
    _start_worker(function, items)


def _slices(total: int, workers: int) -> list[tuple[int, int]]:
    """Consecutive slices of ``range(total)``, large first, down to single items.

    Items are not all alike (a site's listing pages, rendered last, cost
    several times an article's): slices of equal size left one worker with
    seconds of work after the other had finished. Small last slices let every
    worker finish within about one item of the others.
    """
    slices = []
    start = 0
    while start < total:
        size = -(-(total - start) // (workers * SHARE))
        slices.append((start, start + size))
        start += size
    return slices


_worker: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _start_worker(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _worker  # a worker process's own state
    _worker = (function, items)
    gc.freeze()


def _run_slice(bounds: tuple[int, int]) -> list[Any]:
    assert _worker is not None, "not a forked worker"
    function, items = _worker
    return [function(item) for item in items[bounds[0] : bounds[1]]]
