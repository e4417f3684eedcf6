"""Front matter values are what PyYAML's safe constructor gives, lines aside.

``parse_yaml`` builds plain strings, mappings and lists itself (for speed on
large archives) and leaves the rest to PyYAML: both must agree.
"""

import pytest

from plugins.domain.source import _Loader, parse_yaml, split_front_matter
from tests.conftest import CONTENT

DOCUMENTS = [
    "a: 1\nb: [x, 2, true, null, 1.5, '3', ~]\nc: {d: e, 2016: f}\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "t: !!str 12\nu: !!int '7'\nv: 0x1A\nw: yes\nd: 2019-06-24\nn: .inf\n",
    "- a\n- {b: c}\n- [1, [2]]\n",
    "x: |\n  nhiều\n  dòng\ny: >\n  gấp\n  dòng\n",
    "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\n",
    'title: "Hội nghị: 2016 – “Khối”"\ndate: 24-06-2019 10:27\n',
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_match_pyyaml(text):
    assert parse_yaml(text).data == _Loader(text).get_single_data()


def test_seed_front_matter_matches_pyyaml():
    source = (CONTENT / "articles/2019/hoi-nghi-tong-ket-thi-dua-2016/index.md").read_text("utf-8")
    front = source.split("---\n")[1]
    assert split_front_matter(source).front.data == _Loader(front).get_single_data()


def test_lines_of_nested_values():
    lines = parse_yaml("a: 1\nb:\n  - {c: d}\n  - e\n").lines
    assert (lines.line(("a",)), lines.line(("b", 0, "c")), lines.line(("b", 1))) == (1, 3, 4)
