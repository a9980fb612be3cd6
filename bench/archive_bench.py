#!/usr/bin/env python3
"""Many-article mode on synthetic archives (bench/make_archive.py): wall time,
CPU time and peak memory of `align DIR -o OUT --report R`, and how well the
articles are grouped into stories against the generator's gold: pairwise
precision, recall and F1 over the pairs of articles put in one story (a
pair is predicted together when its report line has a story >= 0).

  python3 bench/archive_bench.py --sizes 1000,10000 [--align build/tools/align]
      [--one-sentence] [--jobs 2] [--work /tmp/archive-bench] [-- ALIGN OPTIONS]

Archives are generated once per size and seed into --work and reused.
"""
import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(work, size, seed, one_sentence):
    out = os.path.join(work, "%s%d-s%d" % ("one" if one_sentence else "gen",
                                           size, seed))
    if not os.path.exists(os.path.join(out, "gold.tsv")):
        cmd = [sys.executable, os.path.join(HERE, "make_archive.py"), str(size),
               out, "--seed", str(seed)]
        if one_sentence:
            cmd.append("--one-sentence")
        subprocess.run(cmd, check=True)
    return out


def gold_pairs(archive):
    story_of = {}
    with open(os.path.join(archive, "gold.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            path, story, _ = line.rstrip("\n").split("\t")
            story_of[os.path.basename(path)] = int(story)
    members = {}
    for name, story in story_of.items():
        members.setdefault(story, []).append(name)
    pairs = set()
    for names in members.values():
        for a, b in itertools.combinations(sorted(names), 2):
            pairs.add((a, b))
    return pairs


def predicted_pairs(report):
    pairs = set()
    with open(report, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["story"] >= 0:
                a, b = sorted((os.path.basename(d["src"]),
                               os.path.basename(d["tgt"])))
                pairs.add((a, b))
    return pairs


def measure(align, archive, jobs, extra):
    out = archive + ".out"
    shutil.rmtree(out, ignore_errors=True)
    report = archive + ".report.jsonl"
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", align, archive, "-o", out,
           "--report", report, "--force", "-q", "--jobs", str(jobs),
           "--date", "2026-01-01"] + extra
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    last = r.stderr.strip().split("\n")[-1]
    m = re.match(r"(?:Command exited with non-zero status \d+\n)?"
                 r"([\d.]+) ([\d.]+) ([\d.]+) (\d+)$", last)
    if r.returncode != 0 or not m:
        return {"error": r.stderr[-2000:]}
    wall, user, sys_, peak_kb = m.groups()
    size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    return {"wall": float(wall), "cpu": float(user) + float(sys_),
            "peak_mb": int(peak_kb) / 1024, "report": report,
            "output_mb": size / 1e6}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--align", default="build/tools/align")
    parser.add_argument("--work", default="/tmp/archive-bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one-sentence", action="store_true")
    parser.add_argument("extra", nargs="*", help="more options for align")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print("| articles | wall s | CPU s | peak MB | output MB | story P | "
          "story R | story F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in [int(s) for s in args.sizes.split(",")]:
        archive = generate(args.work, size, args.seed, args.one_sentence)
        r = measure(args.align, archive, args.jobs, args.extra)
        if "error" in r:
            print("| %d | failed: %s |" % (size, r["error"].replace("\n", " ")))
            continue
        gold = gold_pairs(archive)
        pred = predicted_pairs(r["report"])
        tp = len(gold & pred)
        p = tp / len(pred) if pred else 1.0
        rec = tp / len(gold) if gold else 1.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        print("| %d | %.1f | %.1f | %.0f | %.1f | %.4f | %.4f | %.4f |" %
              (size, r["wall"], r["cpu"], r["peak_mb"], r["output_mb"], p, rec,
               f1), flush=True)


if __name__ == "__main__":
    main()
