"""The generators of a build share one Jinja environment: each template is
compiled once, and one card serves every listing that shows it."""

from collections import Counter

import jinja2

from plugins.incremental.fragments import Fragments, _identity
from plugins.workflow.build import SETTINGS, build_site
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


def test_each_card_is_rendered_once_per_build(generated_corpus, tmp_path, monkeypatch):
    """Every listing that shows an article asks for the same card: with one
    environment, the first rendering serves all generators' pages."""
    rendered: Counter[tuple] = Counter()
    make = Fragments.__call__

    def counting(self, macro, *arguments):
        key = tuple(map(_identity, arguments))
        if (id(macro), key) not in self._made:
            rendered[key] += 1
        return make(self, macro, *arguments)

    monkeypatch.setattr(Fragments, "__call__", counting)
    build_site(
        SETTINGS["dev"],
        tmp_path / "output",
        PATH=str(generated_corpus.root),
        CACHE_PATH=str(tmp_path / "cache"),
        RENDER_WORKERS=1,  # every page in this process, where the count is
    )
    assert len(rendered) > len(generated_corpus.articles) / 2
    assert [key for key, times in rendered.items() if times > 1] == []
