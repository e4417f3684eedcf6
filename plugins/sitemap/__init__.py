"""Writes sitemap.xml listing every HTML page any generator wrote."""

from .sitemap import register

__all__ = ["register"]
