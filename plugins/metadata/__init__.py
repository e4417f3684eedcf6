"""Canonical addresses, Open Graph and JSON-LD for templates."""

from .metadata import register

__all__ = ["register"]
