"""Full-text search: the filters articles carry and the Pagefind index.

The site is indexed after Pelican has written it (``plugins.workflow.build.build_site``), from
the finished HTML; see docs/tim-kiem.md for what readers and editors get.
"""

from .filters import search_filter_options, search_filters
from .indexing import BUNDLE as SEARCH_BUNDLE
from .indexing import SearchIndexError, index_site

__all__ = [
    "SEARCH_BUNDLE",
    "SearchIndexError",
    "index_site",
    "search_filter_options",
    "search_filters",
]
