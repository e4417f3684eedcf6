"""One address for each kind of page, on the sample site and on the generated corpus.

The quality gates (accessibility, layout, keyboard) visit each kind once per site
rather than every page: pages of one kind come from one template.
"""

from pathlib import Path

from plugins.domain.text import slugify
from tests.corpus import ArticleSpec, Corpus
from tests.quality.links import served_at
from tests.site.test_sample_site import SEED

SAMPLE: dict[str, str] = {
    "home": "/",
    "news": "/tin-tuc/",
    "article": SEED,
    "category": "/chuyen-muc/thi-dua-khen-thuong/",
    "unit": "/don-vi/thai-nguyen/",
    "units": "/don-vi/",
    "bloc": "/khoi-thi-dua/khoi-kcn-tdmnpb/",
    "year": "/nam/2016/",
    "years": "/nam/",
    "awards": "/khen-thuong/",
    "award-type": "/khen-thuong/bang-khen-bo-truong/",
    "conferences": "/hoi-nghi/",
    "search": "/tim-kiem/",
    "page": "/gioi-thieu/",
    "english": "/en/",
    "not-found": "/404.html",
    "open-data": "/du-lieu/",
}
# The seed article has no tags: the tag page is the corpus's.

CORPUS_ONLY = ("tag", "news-page-2", "merged-unit")
KINDS = {"sample": tuple(SAMPLE), "corpus": (*SAMPLE, *CORPUS_ONLY)}
CASES = [(site, kind) for site, kinds in KINDS.items() for kind in kinds]
"""(site, kind) pairs, for ``pytest.mark.parametrize``."""
EACH_KIND_ONCE = [("sample", kind) for kind in SAMPLE] + [("corpus", kind) for kind in CORPUS_ONLY]
"""For checks that depend on the templates only, not on how much a page lists."""


def case_id(case: tuple[str, str]) -> str:
    return "-".join(case)


def richest(corpus: Corpus) -> ArticleSpec:
    """The published article that fills the most of the contract's fields."""

    def filled(article: ArticleSpec) -> int:
        fields = (article.event, article.roles, article.awards, article.people, article.tags)
        return sum(bool(f) for f in fields)

    return max(corpus.published, key=filled)


def corpus_pages(corpus: Corpus) -> dict[str, str]:
    article = richest(corpus)
    award_type = corpus.awards()[0][1].type
    return {
        **SAMPLE,
        "article": article.url,
        "category": f"/chuyen-muc/{article.category}/",
        "bloc": f"/khoi-thi-dua/{corpus.bloc}/",
        "year": f"/nam/{corpus.years[0]}/",
        "award-type": f"/khen-thuong/{award_type}/",
        "tag": f"/the/{slugify(next(a for a in corpus.published if a.tags).tags[0])}/",
        "news-page-2": "/tin-tuc/trang/2/",
        "merged-unit": f"/don-vi/{corpus.merged_unit}/",
    }


def served_pages(output: Path) -> dict[str, Path]:
    """Address → file of every page a reader (or a search engine) should see:
    all HTML except the 404 page and the redirects left at old addresses."""
    pages = {}
    for path in sorted(output.rglob("*.html")):
        head = path.read_text(encoding="utf-8")[:2000]
        if path.name != "404.html" and 'http-equiv="refresh"' not in head:
            pages[served_at(output, path)] = path
    return pages
