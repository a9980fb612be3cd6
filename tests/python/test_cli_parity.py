"""The Python units equal the align tool's for every corpora/ pair: text, ids, scores."""

import json

import pytest

import crossalign
from conftest import gold_pairs, run_align

PAIRS = gold_pairs()


def cli_units(align_bin, src, tgt, *options, report=None):
    extra = ["--report", report] if report else []
    r = run_align(align_bin, src, tgt, "--format", "jsonl", "-q", *extra, *options)
    assert r.returncode in (0, 1), r.stderr
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def same_units(py, cli):
    assert len(py.units) == len(cli)
    for unit, line in zip(py.units, cli):
        assert unit.src == line["src"]["text"]
        assert unit.tgt == line["tgt"]["text"]
        assert list(unit.src_ids) == [s["index"] for s in line["src"]["segments"]]
        assert list(unit.tgt_ids) == [s["index"] for s in line["tgt"]["segments"]]
        # The tool writes four decimals.
        assert round(unit.score, 4) == line["score"]
        assert unit.bead == line["bead"]
        assert py.mode == line["mode"]


@pytest.mark.parametrize("story,src,tgt,kind,gold", PAIRS,
                         ids=[f"{p[0]}/{p[1].name}--{p[2].name}" for p in PAIRS])
def test_units_equal_the_cli(align_bin, tmp_path, story, src, tgt, kind, gold):
    report = tmp_path / "report.jsonl"
    cli = cli_units(align_bin, src, tgt, report=report)
    decision = json.loads(report.read_text(encoding="utf-8"))
    from_paths = crossalign.align(src, tgt)
    from_text = crossalign.align(src.read_text(encoding="utf-8"), tgt.read_text(encoding="utf-8"))
    for py in (from_paths, from_text):
        same_units(py, cli)
        # The pair decision and its reason too ("unrelated": no units).
        assert py.decision == decision["decision"]
        assert py.reason == decision["reason"]
        assert round(max(py.similarity, 0.0), 4) == decision["similarity"]


@pytest.mark.parametrize("mode", ["translation", "comparable"])
def test_units_equal_the_cli_in_a_given_mode(align_bin, mode):
    _, src, tgt, _, _ = PAIRS[0]
    same_units(crossalign.align(src, tgt, mode=mode), cli_units(align_bin, src, tgt, "--mode", mode))


def test_split_equals_the_cli(align_bin):
    _, src, _, _, _ = PAIRS[0]
    r = run_align(align_bin, "split", src, "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    cli = [json.loads(line) for line in r.stdout.splitlines()]
    py = crossalign.split(src)
    assert [(s.text, s.start, s.end, s.paragraph, s.kind, s.lang) for s in py] == [
        (c["text"], c["start"], c["end"], c["paragraph"], c["kind"], c["lang"]) for c in cli]


def test_tmx_equals_the_cli(align_bin, tmp_path):
    _, src, tgt, _, _ = PAIRS[0]
    out = tmp_path / "cli.tmx"
    r = run_align(align_bin, src, tgt, "-o", out, "-q")
    assert r.returncode == 0, r.stderr
    py = crossalign.align(src, tgt).to_tmx()
    # Equal but for the creation dates (the time of each run).
    strip = lambda s: [l for l in s.splitlines() if "creationdate" not in l]
    assert strip(py) == strip(out.read_text(encoding="utf-8"))


def test_sentence_lists_equal_the_cli_presegmented(align_bin, tmp_path):
    _, src, tgt, _, _ = next(p for p in PAIRS if p[3] == "translation")
    src_lines = [s.text for s in crossalign.split(src)]
    tgt_lines = [s.text for s in crossalign.split(tgt)]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(src_lines) + "\n", encoding="utf-8")
    b.write_text("\n".join(tgt_lines) + "\n", encoding="utf-8")
    langs = (crossalign.detect(src).lang, crossalign.detect(tgt).lang)
    cli = [json.loads(line) for line in run_align(
        align_bin, a, b, "--presegmented", "--src-lang", langs[0], "--tgt-lang", langs[1],
        "--mode", "translation", "--format", "jsonl", "-q").stdout.splitlines()]
    py = crossalign.align(src_lines, tgt_lines, src_lang=langs[0], tgt_lang=langs[1], mode="translation")
    assert py.src_sentences == src_lines
    same_units(py, cli)


def test_dictionary_equals_the_cli(align_bin, tmp_path):
    story, src, tgt, _, _ = next(p for p in PAIRS if p[1].name == "kyiv-ledger.en.txt"
                                 and p[2].name == "kyiv-ledger.uk.txt")
    dictionary = tmp_path / "en-uk.dict"
    dictionary.write_text("bridge @ міст\nfreight @ вантажних\nreopened @ знову відкрили\n"
                          "first @ перший\ntrain @ потяг\nsunflower oil @ соняшникової олії\n"
                          "port @ порту\nrailway @ залізничний\nbank @ берег\ntime @ часом\n",
                          encoding="utf-8")
    cli = cli_units(align_bin, src, tgt, "--dict", dictionary, "--mode", "comparable")
    with_dict = crossalign.align(src, tgt, dictionary=dictionary, mode="comparable")
    same_units(with_dict, cli)
    # The dictionary was used: without it the units differ.
    assert crossalign.align(src, tgt, mode="comparable").units != with_dict.units
