"""The generated corpus (tests/corpus.py) is valid, complete, deterministic and builds."""

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from plugins.domain.site import load_site
from tests.conftest import CONTENT
from tests.corpus import (
    GENERATED_MARK,
    NOTICE,
    Corpus,
    generate_corpus,
    iter_files,
)

PAGE_SIZE = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return generate_corpus(tmp_path_factory.mktemp("corpus") / "content")


@pytest.fixture(scope="module")
def site(corpus):
    return load_site(corpus.root)


def test_corpus_loads_without_errors_or_warnings(site):
    assert site.report.problems == [], site.report.render()


def test_corpus_describes_what_the_model_reads(corpus, site):
    assert len(site.articles) == len(corpus.articles)
    for spec in corpus.articles:
        article = site.document(corpus.file(spec))
        assert (article.title, article.slug, article.year) == (spec.title, spec.slug, spec.year)
        assert article.date == spec.date
        assert article.status == spec.status
        assert article.category.id == spec.category
        assert article.tags == spec.tags
        assert tuple(u.id for u in article.units) == spec.units
        assert (article.legacy_url, article.address.url) == (spec.legacy_url, spec.url[1:])
        assert (article.summary, article.source, article.author, article.modified) == (
            spec.summary,
            spec.source,
            spec.author,
            spec.modified,
        )
        if spec.event is None:
            assert article.event is None
        else:
            event = article.event
            assert (event.type.id, event.date, event.year, event.host.id, event.place) == (
                spec.event.type,
                spec.event.date,
                spec.event.year,
                spec.event.host,
                spec.event.place,
            )
            assert tuple(a.id for a in event.activities) == spec.event.activities
        assert [(r.year, r.head.id, r.deputy.id) for r in article.roles] == [
            (r.year, r.head, r.deputy) for r in spec.roles
        ]
        assert [
            (
                a.type.id,
                a.year,
                a.status,
                a.recipient and a.recipient.id,
                a.person,
                a.unit and a.unit.id,
                a.individuals,
                a.by and a.by.id,
                a.decision,
                a.decision_date,
            )
            for a in article.awards
        ] == [
            (
                a.type,
                a.year,
                a.status,
                a.recipient,
                a.person,
                a.unit,
                a.individuals,
                a.by,
                a.decision,
                a.decision_date,
            )
            for a in spec.awards
        ]
        assert [(p.name, p.unit and p.unit.id) for p in article.people] == [
            (p.name, p.unit) for p in spec.people
        ]
        assert not article.images and article.image is None


def test_corpus_covers_the_contract(corpus):
    assert len(corpus.years) >= 5
    assert {a.year for a in corpus.published} == set(corpus.years)
    assert len(corpus.board_units) == 7
    assert corpus.units_used >= {*corpus.board_units, corpus.merged_unit}
    assert {"hoi-nghi-tong-ket", "hoi-nghi-so-ket", "trao-thuong"} <= corpus.event_types
    for to in ("unit", "person", "individuals"):
        assert {a.status for _, a in corpus.awards(to=to)} == {"de-nghi", "da-tang"}, to
    assert corpus.awards(to="person")
    decided = [a for _, a in corpus.awards() if a.decision]
    assert decided and any(a.decision_date for a in decided)
    assert {a.category for a in corpus.published} >= {"tin-tuc-su-kien", "thi-dua-khen-thuong"}
    assert any(a.tags for a in corpus.published)
    assert any(a.people for a in corpus.published)
    assert any(a.legacy_url for a in corpus.published)
    for optional in ("explicit_slug", "summary", "source", "author", "modified", "legacy_url"):
        assert any(getattr(a, optional) for a in corpus.published), optional
    assert len(corpus.drafts) >= 2
    assert [a.date.year for a in corpus.future] == [2099]
    assert len(corpus.hidden) == 1


def test_unit_awards_respect_the_award_types(corpus, site):
    types = site.registries.awards
    for _, award in corpus.awards(kinds=("published", "draft", "future", "hidden")):
        if award.to == "unit":
            assert types[award.type].for_units
        else:
            assert types[award.type].for_people


def test_merged_unit_only_in_early_years(corpus, site):
    merged = site.registries.units[corpus.merged_unit]
    assert (merged.until, merged.successor) == (2018, "thai-nguyen")
    assert "thử nghiệm" in merged.name
    bloc = site.registries.blocs[corpus.bloc]
    assert [(m.unit, m.until) for m in bloc.members if m.unit == corpus.merged_unit] == [
        (corpus.merged_unit, 2018)
    ]
    with_merged = corpus.with_unit(corpus.merged_unit)
    assert with_merged
    assert all(a.emulation_year <= corpus.merged_until for a in with_merged)


def test_roles_agree_with_one_table(corpus):
    recorded = [(a, r) for a in corpus.articles for r in a.roles]
    assert recorded
    for _, role in recorded:
        assert role == corpus.role(role.year)
        assert role.head != role.deputy
    counts = Counter(r.year for _, r in recorded)
    assert max(counts.values()) >= 2  # some roles are recorded twice, and agree


def test_registries_are_the_real_ones_with_the_merged_unit_appended(corpus):
    for name in ("units.yml", "blocs.yml"):
        original = (CONTENT / "data" / name).read_bytes()
        copied = (corpus.root / "data" / name).read_bytes()
        assert copied.startswith(original) and len(copied) > len(original)
        assert b"so-ke-hoach-cu" in copied[len(original) :]
    for folder, pattern in (("data", "*.yml"), ("pages", "*.md")):
        real = {p.name for p in (CONTENT / folder).glob(pattern)}
        assert {p.name for p in (corpus.root / folder).iterdir()} == real
    for name in ("awards.yml", "categories.yml", "event-types.yml"):
        assert (corpus.root / "data" / name).read_bytes() == (CONTENT / "data" / name).read_bytes()


def test_every_article_says_it_is_generated(corpus):
    assert "tạo tự động" in (corpus.root / "README.txt").read_text(encoding="utf-8")
    for spec in corpus.articles:
        text = corpus.file(spec).read_text(encoding="utf-8")
        assert text.startswith(f"---\n{GENERATED_MARK}\n")
        paragraphs = text.split("\n---\n", 1)[1].strip().split("\n\n")
        assert 2 <= len(paragraphs) <= 4
        assert NOTICE in paragraphs[0]
        assert "image" not in text.split("\n---\n", 1)[0]


def test_dates_in_iso_and_day_first_forms(corpus):
    written = [
        re.search(r"^date: (.+)$", corpus.file(a).read_text(encoding="utf-8"), re.M)[1]
        for a in corpus.articles
    ]
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?", d) for d in written)
    assert any(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", d) for d in written)


def test_titles_are_unique_per_year(corpus):
    keys = [(a.year, a.slug) for a in corpus.articles]
    assert len(set(keys)) == len(keys)
    titles = [(a.year, a.title) for a in corpus.articles]
    assert len(set(titles)) == len(titles)


def test_unit_names_are_written_in_several_ways(corpus, site):
    spellings = corpus.spellings
    assert any("Hoà" in s.written for s in spellings)
    assert any(unicodedata.is_normalized("NFC", s.written) is False for s in spellings)
    raw = "\n".join(corpus.file(a).read_text(encoding="utf-8") for a in corpus.articles)
    assert not unicodedata.is_normalized("NFC", raw)
    for spelling in spellings:
        assert spelling.written != spelling.unit
        assert site.registries.find_unit(spelling.written).id == spelling.unit


def test_unpublished_articles_carry_their_own_words(corpus):
    published = "\n".join(
        corpus.file(a).read_text(encoding="utf-8") for a in corpus.published + corpus.hidden
    )
    for word in corpus.unpublished_words:
        assert word not in published
    for article in corpus.unpublished:
        assert article.words and article.words[0] in corpus.file(article).read_text(
            encoding="utf-8"
        )
    assert corpus.unpublished_unit not in corpus.units_used
    assert not [a for _, a in corpus.awards() if a.type in corpus.unpublished_award_types]
    assert {a.type for _, a in corpus.awards(kinds=("draft", "future"))} == set(
        corpus.unpublished_award_types
    )
    assert all(corpus.unpublished_unit in a.units for a in corpus.unpublished)
    for word in corpus.hidden_words:
        assert word not in "\n".join(
            corpus.file(a).read_text(encoding="utf-8") for a in corpus.published
        )


def test_same_seed_gives_the_same_bytes(tmp_path):
    first = generate_corpus(tmp_path / "a")
    second = generate_corpus(tmp_path / "b")
    other = generate_corpus(tmp_path / "c", seed=8)
    assert dict(iter_files(first.root)) == dict(iter_files(second.root))
    assert first.articles == second.articles
    assert dict(iter_files(first.root)) != dict(iter_files(other.root))


def test_refuses_a_non_empty_target(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path)


def test_a_larger_corpus_is_still_valid(tmp_path):
    corpus = generate_corpus(tmp_path / "content", years=range(2010, 2026), articles_per_year=150)
    assert len(corpus.published) == 16 * 150
    report = load_site(corpus.root).report
    assert report.problems == [], report.render()


def test_corpus_builds_and_lists_every_published_article(build, corpus):
    site = build(Path(corpus.root))
    listed, page = [], 1
    while True:
        url = "/tin-tuc/" if page == 1 else f"/tin-tuc/trang/{page}/"
        if not site.exists(url):
            break
        listed += [a["href"] for a in site.html(url).select(".card-title a")]
        page += 1
    assert len(listed) == len(corpus.published)
    assert page - 1 == -(-len(corpus.published) // PAGE_SIZE)
    assert sorted(listed) == sorted(f"{a.url}" for a in corpus.published)
    assert site.exists(corpus.hidden[0].url)
    everything = "\n".join(
        p.read_text(encoding="utf-8")
        for p in site.output.rglob("*")
        if p.suffix in (".html", ".xml", ".txt", ".json")
    )
    for word in corpus.unpublished_words:
        assert word not in everything
