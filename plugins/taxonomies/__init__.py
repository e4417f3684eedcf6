from .membership import register

__all__ = ["register"]
