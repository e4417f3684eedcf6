"""Pages rendered on several cores: every file written, failures reported."""

import pytest
from jinja2 import Template

from plugins.incremental.render import MIN_PER_WORKER, Job, RenderError, render_all

PAGES = 2 * MIN_PER_WORKER + 1


def jobs(tmp_path, template: Template) -> list[Job]:
    context: dict = {}
    return [
        Job(f"{n}.html", tmp_path / f"{n}.html", template, {"n": n, "localsiteurl": None}, context)
        for n in range(PAGES)
    ]


def test_every_page_is_written_whichever_worker_renders_it(tmp_path):
    read = render_all(jobs(tmp_path, Template("trang {{ n }}")), workers=2)
    assert sorted(read) == sorted(f"{n}.html" for n in range(PAGES))
    for n in range(PAGES):
        assert (tmp_path / f"{n}.html").read_text(encoding="utf-8") == f"trang {n}"


def test_a_failure_in_a_worker_stops_the_build_with_its_traceback(tmp_path):
    template = Template("{% if n == 1 %}{{ n / 0 }}{% endif %}")  # in a forked worker
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        render_all(jobs(tmp_path, template), workers=2)
