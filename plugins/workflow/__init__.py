"""The editors' and the administrator's commands behind ``tasks.py``.

Not Pelican plugins: nothing here is listed in ``PLUGINS`` and nothing runs
during a build. The code lives under ``plugins/`` beside the domain model
because that is the project's one Python package (``pyproject.toml``) and the
top-level folders are fixed. One module or package per command:

- ``new_article``: ``invoke new`` — a new article from the commented template
  of ``front_matter``;
- ``hook``: ``invoke install-hook`` — the pre-commit hook that runs the check;
- ``legacy_import``: ``invoke import-legacy`` — articles from pages saved from
  the old Liferay site;
- ``serve``: ``invoke serve`` — the built site, served locally;
- ``preview``: ``invoke livereload`` — rebuild on change, reload the browser;
- ``publish``: ``invoke publish`` / ``invoke rollback`` — releases, the
  served-folder switch, precompression, the nginx configuration.
"""
