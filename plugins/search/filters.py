"""Search filters of articles, from their records (article.html, search.html)."""

from collections.abc import Iterable

from plugins.domain.archive import concerned_units
from plugins.domain.articles import Article
from plugins.domain.text import vi_sort_key

CATEGORY = "chuyen-muc"
UNIT = "don-vi"
YEAR = "nam"


def search_filters(article: Article) -> dict[str, list[str]]:
    """Filter name → values: category, the units it concerns, publication year.

    Units are filtered by the same rule as their archive pages list articles.
    """
    return {
        CATEGORY: [article.category.name],
        UNIT: [unit.label for unit in concerned_units(article).values()],
        YEAR: [str(article.year)],
    }


def search_filter_options(articles: Iterable[Article]) -> dict[str, list[str]]:
    """Every value of each filter among ``articles``: names A–Z, newest year first."""
    found: dict[str, set[str]] = {CATEGORY: set(), UNIT: set(), YEAR: set()}
    for article in articles:
        for name, values in search_filters(article).items():
            found[name].update(values)
    return {
        CATEGORY: sorted(found[CATEGORY], key=vi_sort_key),
        UNIT: sorted(found[UNIT], key=vi_sort_key),
        YEAR: sorted(found[YEAR], reverse=True),
    }
