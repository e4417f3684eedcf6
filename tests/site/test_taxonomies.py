"""Tag and category pages with set membership are the pages Pelican makes without it."""

from pelican.settings import read_settings

from plugins.taxonomies.membership import ArticleList
from plugins.workflow.build import SETTINGS, build_site
from tests.trees import differences


def test_article_list_is_the_list_with_identity_membership():
    class Article:  # like Pelican's content classes: no equality of its own
        pass

    first, second, outsider = Article(), Article(), Article()
    group = ArticleList([second, first])
    assert group == [second, first] and isinstance(group, list)
    assert first in group and second in group and outsider not in group
    assert group[:1] == [second]


def test_site_is_the_same_without_the_plugin(generated_corpus, tmp_path):
    plugins = read_settings(str(SETTINGS["dev"]))["PLUGINS"]
    without = [p for p in plugins if p != "plugins.taxonomies"]
    assert without != plugins
    for name, chosen in (("with", plugins), ("without", without)):
        build_site(
            SETTINGS["dev"],
            tmp_path / name / "output",
            PATH=str(generated_corpus.root),
            CACHE_PATH=str(tmp_path / name / "cache"),
            PLUGINS=chosen,
        )
    assert differences(tmp_path / "with" / "output", tmp_path / "without" / "output") == []
