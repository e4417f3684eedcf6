"""A fragment shown on many pages is rendered once, and each page still notes its reads."""

from jinja2 import DictLoader, Environment

from plugins.incremental.fragments import Fragments
from plugins.incremental.reads import READS

MACROS = """{% macro card(doc, heading='h3') -%}
<{{ heading }}>{{ doc.title }}</{{ heading }}>{{ note(doc) }}
{%- endmacro %}"""
PAGE = """{% from "macros.html" import card -%}
{% for doc in docs %}{{ cached(card, doc, 'h2') }}{% endfor %}"""


class Doc:
    def __init__(self, title: str) -> None:
        self.title = title
        self.source_path = f"{title}.md"


def environment(calls: list[str]) -> Environment:
    def note(doc: Doc) -> str:
        calls.append(doc.title)
        READS.note(doc.source_path, "card_summary", f"tóm tắt {doc.title}")
        return ""

    env = Environment(loader=DictLoader({"macros.html": MACROS, "page.html": PAGE}))
    env.globals |= {"cached": Fragments(), "note": note}
    return env


def test_a_fragment_renders_once_and_every_page_notes_its_reads():
    calls: list[str] = []
    page = environment(calls).get_template("page.html")
    a, b = Doc("a"), Doc("b")
    seen = []
    for docs in ([a, b], [b, a], [a]):
        with READS.recording() as reads:
            html = page.render(docs=docs)
        seen.append((html, sorted(reads.documents), reads.views))
    assert calls == ["a", "b"]
    assert seen[1] == (
        "<h2>b</h2><h2>a</h2>",
        ["a.md", "b.md"],
        [("b.md", "card_summary", "tóm tắt b"), ("a.md", "card_summary", "tóm tắt a")],
    )
    assert seen[2] == ("<h2>a</h2>", ["a.md"], [("a.md", "card_summary", "tóm tắt a")])


def test_other_arguments_make_another_fragment():
    calls: list[str] = []
    env = environment(calls)
    card = env.get_template("macros.html").module.card
    cached, doc = env.globals["cached"], Doc("a")
    assert cached(card, doc, "h2") == "<h2>a</h2>"
    assert cached(card, doc, "h3") == "<h3>a</h3>"
    assert cached(card, Doc("a"), "h2") == "<h2>a</h2>"
    assert calls == ["a", "a", "a"]
