"""The builds that the site-wide gates read: the sample as developed and as
published (absolute addresses), and the generated corpus, each with its origin."""

from dataclasses import dataclass

import pytest

import pelicanconf
import publishconf
from plugins.workflow.build import SETTINGS, build_site
from tests.conftest import BuiltSite
from tests.corpus import generate_corpus
from tests.site.live import Live

ORIGINS = {
    "sample": pelicanconf.SITE_ORIGIN,
    "published": publishconf.SITE_ORIGIN,
    "corpus": pelicanconf.SITE_ORIGIN,
}


@dataclass(frozen=True)
class Build:
    name: str
    site: BuiltSite
    origin: str
    """The absolute address of the site's root, without the final slash."""


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> BuiltSite:
    """The real content/ built with the publishing settings."""
    output = tmp_path_factory.mktemp("published") / "output"
    build_site(SETTINGS["publish"], output)
    return BuiltSite(output)


@pytest.fixture(scope="session", params=list(ORIGINS))
def built(request) -> Build:
    """Each build in turn: tests that take it run once per build."""
    site = request.getfixturevalue(f"{request.param}_site")
    return Build(request.param, site, ORIGINS[request.param].rstrip("/"))


@pytest.fixture
def live(tmp_path) -> Live:
    """A generated corpus, built once: tests change it and build again."""
    corpus = generate_corpus(tmp_path / "content")
    site = Live(corpus, tmp_path / "site" / "output", tmp_path)
    site.build()
    return site
