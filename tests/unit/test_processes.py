"""Work shared out to forked processes: every item once, results in order."""

import multiprocessing
import os
import time

import pytest

from plugins.common.processes import (
    Background,
    WorkerError,
    _slices,
    _Unclaimed,
    forked_results,
    shared_map,
)


@pytest.mark.parametrize(("total", "workers"), [(0, 2), (1, 2), (7, 2), (12721, 2), (500, 8)])
def test_slices_cover_every_item_once_in_order(total, workers):
    slices = _slices(total, workers)
    assert [i for start, end in slices for i in range(start, end)] == list(range(total))


def test_slices_shrink_to_single_items():
    """The last items, often the costliest (a site's listing pages come last),
    go out one by one, so no worker is left with a long slice at the end."""
    sizes = [end - start for start, end in _slices(12721, 2)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] < 12721 / 2
    assert sizes[-4:] == [1, 1, 1, 1]


PARENT = os.getpid()
FORK_STARTED = multiprocessing.get_context("fork").Event()


def _square_once_the_fork_works(item: int) -> tuple[int, int]:
    """This process waits for the fork's first item, so both take part
    whatever the machine's load."""
    if os.getpid() == PARENT:
        FORK_STARTED.wait(timeout=30)
    else:
        FORK_STARTED.set()
    return item * item, os.getpid()


def test_shared_map_in_order_from_this_process_and_a_fork():
    FORK_STARTED.clear()
    results = shared_map(_square_once_the_fork_works, list(range(200)), 2)
    assert [square for square, _ in results] == [i * i for i in range(200)]
    pids = {pid for _, pid in results}
    assert len(pids) == 2
    assert os.getpid() in pids


def test_this_process_works_from_the_end_and_the_fork_from_the_start():
    """A site's listing pages come last: their cards are made in one process."""
    FORK_STARTED.clear()
    results = shared_map(_square_once_the_fork_works, list(range(200)), 2)
    assert results[-1][1] == os.getpid()
    assert results[0][1] != os.getpid()


@pytest.mark.parametrize("total", [1, 7, 12721])
def test_claims_from_both_ends_cover_every_item_once(total):
    unclaimed = _Unclaimed(total, 2)
    claimed = []
    from_end = True
    while (bounds := unclaimed.claim(from_end)) is not None:
        claimed.append(bounds)
        from_end = not from_end
    assert sorted(i for start, end in claimed for i in range(start, end)) == list(range(total))
    sizes = [end - start for start, end in claimed]
    assert sizes[-1] == 1
    assert max(sizes) <= -(-total // 8)


def _fails_in_a_fork(item: int) -> int:
    if os.getpid() != PARENT:
        FORK_STARTED.set()
        raise ValueError("hỏng trong tiến trình con")
    FORK_STARTED.wait(timeout=30)
    return item


def _ends_in_a_fork(item: int) -> int:
    if os.getpid() != PARENT:
        FORK_STARTED.set()
        os._exit(3)
    FORK_STARTED.wait(timeout=30)
    return item


def _fails_here(item: int) -> int:
    if os.getpid() == PARENT:
        raise ValueError("hỏng trong tiến trình này")
    time.sleep(0.002)
    return item


def test_shared_map_raises_a_forks_failure_with_its_traceback():
    FORK_STARTED.clear()
    with pytest.raises(WorkerError, match=r"(?s)_fails_in_a_fork.*hỏng trong tiến trình con"):
        shared_map(_fails_in_a_fork, list(range(200)), 2)
    assert multiprocessing.active_children() == []


def test_a_fork_that_ends_without_its_results_fails_the_map():
    FORK_STARTED.clear()
    with pytest.raises(WorkerError, match="ended with code 3"):
        shared_map(_ends_in_a_fork, list(range(200)), 2)
    assert multiprocessing.active_children() == []


def test_a_failure_here_stops_the_forks():
    with pytest.raises(ValueError, match="hỏng trong tiến trình này"):
        shared_map(_fails_here, list(range(200)), 2)
    assert multiprocessing.active_children() == []


def test_forked_results_in_order_from_forked_processes():
    results = list(forked_results(lambda item: (item * item, os.getpid()), list(range(300)), 2))
    assert [square for square, _ in results] == [i * i for i in range(300)]
    assert os.getpid() not in {pid for _, pid in results}


def _ask(work: Background, index: int) -> str:
    try:
        work.result(index)
    except RuntimeError:
        return "refused"
    return "answered"


def test_background_answers_only_the_process_that_started_it():
    """A fork of the build would wait forever for results sent to the build."""
    work = Background(lambda item: item * 2, [1, 2, 3], 1)
    try:
        asked = list(forked_results(lambda index: _ask(work, index), [0, 1, 2], 2))
        assert [work.result(index) for index in range(3)] == [2, 4, 6]
    finally:
        work.close()
    assert asked == ["refused"] * 3
