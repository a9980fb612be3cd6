"""The corpora/ and seed cases of the C++ tests (tests/corpora_test.cc,
language_identifier_test.cc, cli/collection_cli_test.cc), through Python."""

import pathlib

import pytest

import crossalign
from conftest import (CORPORA, corpora_articles, gold_pairs, read_gold_beads,
                      strict_f1, text_beads)

# As tests/corpora_test.cc: the lowest translation pair measured 0.747
# (bench/corpora_eval); the floor catches regressions, not noise.
TRANSLATION_F1_FLOOR = 0.70


def header_lang(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    for field in first.lstrip("#").split("|"):
        key, _, value = field.partition(":")
        if key.strip() == "lang":
            return value.strip()
    return None


@pytest.mark.parametrize("path", corpora_articles(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_article_language_is_identified(path):
    lang = header_lang(path)
    assert lang
    assert crossalign.detect(path).lang == lang
    assert f".{lang}.txt" in path.name


TRANSLATION_PAIRS = [p for p in gold_pairs() if p[3] == "translation"]


@pytest.mark.parametrize("story,src,tgt,kind,gold", TRANSLATION_PAIRS,
                         ids=[f"{p[0]}/{p[1].name}" for p in TRANSLATION_PAIRS])
def test_translation_pairs_align_against_gold(story, src, tgt, kind, gold):
    pair = crossalign.align(src, tgt)
    f1 = strict_f1(read_gold_beads(gold), text_beads(pair))
    print(f"{src.name} -> {tgt.name}: strict F1 {f1:.3f}")
    assert f1 >= TRANSLATION_F1_FLOOR


def test_a_story_folder_groups_into_one_story():
    story = CORPORA / "dniester-bridge"
    run = crossalign.align_articles([story])
    assert len(run.articles) == len(list(story.glob("*.txt")))
    assert len(run.stories) == 1
    # Every pair of the story is considered once, with a reason.
    n = len(run.articles)
    assert len(run.decisions) == n * (n - 1) // 2
    assert all(d.reason for d in run.decisions)
    aligned = [d for d in run.decisions if d.pair is not None]
    assert aligned and all(run.pairs[d.pair].units for d in aligned)
    records = run.to_records()
    assert records and {r["src_document"] for r in records} <= {a.name for a in run.articles}


def test_two_stories_are_not_paired_across():
    a = sorted((CORPORA / "busan-ferry").glob("*.txt"))
    b = sorted((CORPORA / "rhine-low-water").glob("*.txt"))
    run = crossalign.align_articles([pathlib.Path(p) for p in a + b])
    story = [art.story for art in run.articles]
    # No story spans the two folders.
    assert not set(story[:len(a)]) & set(story[len(a):])
    for d in run.decisions:
        if (d.src < len(a)) != (d.tgt < len(a)):
            assert d.decision == "unrelated" and d.pair is None


def test_texts_and_names_in_align_articles(tmp_path):
    story = CORPORA / "dniester-bridge"
    paths = sorted(story.glob("*.txt"))
    by_text = crossalign.align_articles([(p.name, p.read_text(encoding="utf-8")) for p in paths])
    by_path = crossalign.align_articles(paths)
    assert [a.name for a in by_text.articles] == [p.name for p in paths]
    assert [d.decision for d in by_text.decisions] == [d.decision for d in by_path.decisions]
    assert [p.units for p in by_text.pairs] == [p.units for p in by_path.pairs]
    written = by_path.write(tmp_path / "out")
    assert sorted(pathlib.Path(w).name for w in written)
    assert all(crossalign.read_tmx(w).units for w in written)


def test_every_seed_is_english(shared_dir):
    seeds = sorted((shared_dir / "seeds").iterdir())
    if not seeds:
        pytest.skip("no seed articles")
    for path in seeds:
        d = crossalign.detect(path)
        assert d.lang == "en", path.name
        assert d.confidence > 0.5, path.name


def test_seed_articles_align(shared_dir):
    run = crossalign.align_articles([shared_dir / "seeds"], jobs=2)
    assert run.pairs
    assert all(p.src_lang == "en" and p.tgt_lang == "en" for p in run.pairs)
    # The shared "11,000 troops" estimate is found between outlets.
    assert any("11,000" in u.src and "11,000" in u.tgt for u in run.units)
