"""``invoke livereload``: rebuild on every change, reload the browser.

The preview server serves the last good build and injects, into the HTML it
sends (never into the files of the build), a small script that reloads the
page when a build finishes, and a banner listing the problems when the last
build failed. Each rebuild runs in a fresh process, so edits to the plugins
take effect too.
"""

from .app import run_preview

__all__ = ["run_preview"]
