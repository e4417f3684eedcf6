"""Open data (``/du-lieu/``): registries and article records as JSON and CSV."""

from .open_data import register

__all__ = ["register"]
