"""Previous and next article links, offered to templates as ``neighbours()``."""

from .neighbours import register

__all__ = ["register"]
