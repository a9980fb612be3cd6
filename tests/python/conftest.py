"""Shared fixtures of the Python package's tests.

Paths come from the environment that ctest sets (tests/python/CMakeLists.txt
via python/CMakeLists.txt); run by hand, they default to the source tree and
build/:

  PYTHONPATH=build/python /usr/bin/python3 -m pytest tests/python
"""

import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get(
    "CROSSALIGN_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BUILD_DIR = pathlib.Path(os.environ.get("CROSSALIGN_BUILD_DIR", SOURCE_DIR / "build"))
SHARED_DIR = pathlib.Path(os.environ.get("CROSSALIGN_SHARED_DIR", SOURCE_DIR.parent / "shared"))
ALIGN_BIN = pathlib.Path(os.environ.get("CROSSALIGN_ALIGN_BIN", BUILD_DIR / "tools" / "align"))
CORPORA = SOURCE_DIR / "corpora"


def gold_pairs():
    """(story, src, tgt, type, gold file) of every corpora/*/pairs.tsv line."""
    pairs = []
    for story in sorted(p for p in CORPORA.iterdir() if (p / "pairs.tsv").exists()):
        for line in (story / "pairs.tsv").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            src, tgt, kind, gold = line.split("\t")[:4]
            pairs.append((story.name, story / src, story / tgt, kind, story / gold))
    return pairs


def corpora_articles():
    return sorted(CORPORA.glob("*/*.txt"))


def normalize(text):
    """White space collapsed and trimmed, NBSP as a space (as the gold is written)."""
    return " ".join(text.replace("\u00a0", " ").split())


def read_gold_beads(path):
    beads = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        left, right = line.split("\t", 1)
        side = lambda s: tuple(p for p in (normalize(x) for x in s.split(" ||| ")) if p)
        beads.append((side(left), side(right)))
    return beads


def strict_f1(gold, predicted):
    """vecalign's strict bead F1 (as tests/gold_corpus.cc computes it)."""
    gold_set = {b for b in gold if b[0] or b[1]}
    pred_set = {b for b in predicted if b[0] or b[1]}
    hits_p = len(pred_set & gold_set)
    gold_pairs_ = {b for b in gold_set if b[0] and b[1]}
    hits_r = len(gold_pairs_ & pred_set)
    p = hits_p / len(pred_set) if pred_set else 0.0
    r = hits_r / len(gold_pairs_) if gold_pairs_ else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def text_beads(pair):
    src, tgt = pair.src_sentences, pair.tgt_sentences
    return [(tuple(normalize(src[i]) for i in u.src_ids),
             tuple(normalize(tgt[i]) for i in u.tgt_ids)) for u in pair.units]


@pytest.fixture(scope="session")
def align_bin():
    if not ALIGN_BIN.exists():
        pytest.skip(f"the align tool is not built at {ALIGN_BIN} (set CROSSALIGN_ALIGN_BIN)")
    return ALIGN_BIN


@pytest.fixture(scope="session")
def shared_dir():
    if not (SHARED_DIR / "seeds").is_dir():
        pytest.skip(f"{SHARED_DIR}/seeds is absent: the shared eval data is not here")
    return SHARED_DIR


def run_align(align_bin, *args):
    return subprocess.run([str(align_bin), *map(str, args)], capture_output=True,
                          text=True, check=False)
