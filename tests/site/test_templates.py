"""The generators of a build share one Jinja environment: each template is
compiled once, and one card serves every listing that shows it."""

from collections import Counter

import jinja2

from tests.conftest import CONTENT


def test_each_template_is_compiled_once_per_build(build, monkeypatch):
    compiled: Counter[str] = Counter()
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        compiled[name] += 1
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    site = build(CONTENT)  # few pages: rendered in this process, not in forked workers

    assert site.exists("/")
    assert {"base.html", "partials/macros.html"} <= compiled.keys()
    assert [name for name, times in compiled.items() if times > 1] == []
