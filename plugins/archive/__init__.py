"""Builds the archive (units, blocs, years, awards, conferences) for every page."""

from .archive import register

__all__ = ["register"]
