"""The garbage collector is paused while a build runs, and stays paused for good
in a process that ends with its build."""

import gc

from plugins.common.collector import collector_paused, pause_for_good


def test_the_collector_runs_again_after_a_build():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_process_that_ends_with_its_build_keeps_the_collector_paused():
    try:
        pause_for_good()
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
