"""Old addresses keep working: nginx 301s and redirect pages for file-only hosts."""

from .redirects import register

__all__ = ["register"]
