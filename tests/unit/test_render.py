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
    rendered = render_all(jobs(tmp_path, Template("trang {{ n }}")), workers=2, name=str)
    assert [name for name, _read, _views in rendered] == [f"{n}.html" for n in range(PAGES)]
    for n in range(PAGES):
        assert (tmp_path / f"{n}.html").read_text(encoding="utf-8") == f"trang {n}"


def test_a_failure_in_a_worker_stops_the_build_with_its_traceback(tmp_path):
    template = Template("{% if n == 1 %}{{ n / 0 }}{% endif %}")  # in a forked worker
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        render_all(jobs(tmp_path, template), workers=2, name=str)


def test_a_page_the_output_already_holds_is_not_written_again(tmp_path):
    (tmp_path / "live").mkdir()
    for name, text in (("same.html", "trang 1"), ("changed.html", "trang cũ")):
        (tmp_path / "live" / name).write_text(text, encoding="utf-8")
    template = Template("trang {{ n }}")
    pages = [
        Job(name, tmp_path / "staged" / name, template, {"n": 1, "localsiteurl": None}, {}, live)
        for name, live in (
            ("same.html", tmp_path / "live" / "same.html"),
            ("changed.html", tmp_path / "live" / "changed.html"),
            ("new.html", tmp_path / "live" / "new.html"),
        )
    ]
    render_all(pages, workers=1, name=str)
    assert sorted(p.name for p in (tmp_path / "staged").iterdir()) == ["changed.html", "new.html"]


def test_templates_globals_are_plain_dicts_with_the_environments_and_their_own():
    from jinja2 import DictLoader, Environment

    from plugins.incremental.environment import plain_globals

    environment = Environment(loader=DictLoader({"page": "{{ site }} {{ own }}"}))
    environment.globals["site"] = "Ban Quản lý"
    plain_globals(environment)
    template = environment.get_template("page", globals={"own": "trang"})
    assert type(template.globals) is dict
    assert template.render() == "Ban Quản lý trang"
    assert "own" not in environment.globals
