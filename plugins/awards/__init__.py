"""Award pages: /khen-thuong/ and /khen-thuong/{award-type}/."""

from .awards import register

__all__ = ["register"]
