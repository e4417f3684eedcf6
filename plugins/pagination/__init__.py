"""Page links of long listings: first, last and a window around the current page."""

from .pagination import register

__all__ = ["register"]
