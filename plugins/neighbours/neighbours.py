"""``neighbours(article)`` in templates: the newer and the older article.

Built once from Pelican's published, date-ordered list, so the article template
does not search the whole list for every article it renders.
"""

from pelican import signals


class Neighbours:
    def __init__(self, articles: list) -> None:
        self._articles = articles  # newest first, as Pelican orders them
        self._index = {id(article): i for i, article in enumerate(articles)}

    def __call__(self, article) -> tuple[object | None, object | None]:
        """(newer, older) next to ``article``; ``None`` at either end."""
        i = self._index.get(id(article))
        if i is None:
            return None, None
        newer = self._articles[i - 1] if i > 0 else None
        older = self._articles[i + 1] if i + 1 < len(self._articles) else None
        return newer, older


def offer_neighbours(generator) -> None:
    generator.env.globals["neighbours"] = Neighbours(generator.articles)


def register() -> None:
    signals.article_generator_finalized.connect(offer_neighbours)
