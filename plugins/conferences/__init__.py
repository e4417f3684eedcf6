"""The conference archive: /hoi-nghi/."""

from .conferences import register

__all__ = ["register"]
