"""``invoke import-legacy``: Markdown articles from pages saved from the old site.

The old site ran Liferay. Its pages come either as HTML as the CMS served it
(``from_html``) or as their text copied out of the browser (``from_text``, like
the seed article). Both become a :class:`~.page.LegacyPage`; ``article`` turns
that into front matter and body, proposing units found in the text
(``units``); ``run`` writes the files, never over an existing one.
"""

from . import report
from .run import ImportOptions, ImportResult, import_pages

__all__ = ["ImportOptions", "ImportResult", "import_pages", "report"]
