"""Year pages: /nam/ and /nam/{yyyy}/."""

from .years import register

__all__ = ["register"]
