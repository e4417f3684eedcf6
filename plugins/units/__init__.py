"""Unit pages: /don-vi/ and /don-vi/{unit}/ with a feed per unit."""

from .units import register

__all__ = ["register"]
