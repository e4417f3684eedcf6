"""Publishes articles' photos and turns the body's photos into captioned figures."""

from .photos import register

__all__ = ["register"]
