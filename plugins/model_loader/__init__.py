"""Loads the domain model once per build and hands its records to Pelican."""

from .model_loader import register

__all__ = ["register"]
