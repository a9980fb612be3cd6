#!/usr/bin/python3
"""Peer for the translation-alignment benchmark: NLTK's Gale-Church aligner
(Debian python3-nltk) on pre-segmented files, writing beads in the format
shared/eval/align/score.py reads.

  nltk_gale_church.py SRC TGT OUT
"""
import sys

from nltk.translate import gale_church


def main():
    src_path, tgt_path, out_path = sys.argv[1:4]
    with open(src_path, encoding="utf-8") as f:
        src = f.read().split("\n")
    with open(tgt_path, encoding="utf-8") as f:
        tgt = f.read().split("\n")
    if src and src[-1] == "":
        src.pop()
    if tgt and tgt[-1] == "":
        tgt.pop()
    links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt])
    # Group the (i, j) links into beads: connected components in order.
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


if __name__ == "__main__":
    main()
