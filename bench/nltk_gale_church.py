#!/usr/bin/python3
"""Peer for the translation-alignment benchmark: NLTK's Gale-Church aligner
(Debian python3-nltk) on pre-segmented files, writing beads in the format
shared/eval/align/score.py reads. Several pairs run in one process, so
Python's start-up is paid once.

  nltk_gale_church.py SRC TGT OUT [SRC TGT OUT ...]
"""
import sys

from nltk.translate import gale_church


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def align(src_path, tgt_path, out_path):
    src, tgt = read_lines(src_path), read_lines(tgt_path)
    links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt])
    # Group the (i, j) links into beads: connected runs in order.
    beads = []
    for i, j in links:
        if beads and (i in beads[-1][0] or j in beads[-1][1]):
            beads[-1][0].add(i)
            beads[-1][1].add(j)
        else:
            beads.append(({i}, {j}))
    covered_s = {i for b in beads for i in b[0]}
    covered_t = {j for b in beads for j in b[1]}
    with open(out_path, "w", encoding="utf-8") as out:
        for s, t in beads:
            out.write(",".join(map(str, sorted(s))) + "\t" + ",".join(map(str, sorted(t))) + "\n")
        for i in range(len(src)):
            if i not in covered_s:
                out.write(f"{i}\t\n")
        for j in range(len(tgt)):
            if j not in covered_t:
                out.write(f"\t{j}\n")


def main():
    args = sys.argv[1:]
    if not args or len(args) % 3:
        sys.exit("usage: nltk_gale_church.py SRC TGT OUT [SRC TGT OUT ...]")
    for k in range(0, len(args), 3):
        align(*args[k:k + 3])


if __name__ == "__main__":
    main()
