"""Theme files linked with a fingerprint of their content, for long caching."""

from .fingerprint import register

__all__ = ["register"]
