"""Bloc pages: /khoi-thi-dua/{bloc}/."""

from .blocs import register

__all__ = ["register"]
