"""Loads the domain model once per build and hands its records to Pelican."""


def register() -> None:
    """Imported only when Pelican loads the plugin: the Markdown conversion
    (:mod:`.conversion`) is also used without the domain model."""
    from .model_loader import register as register_model_loader

    register_model_loader()
