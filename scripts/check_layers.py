#!/usr/bin/env python3
"""Checks that the library's #include "..." lines follow its layers (#30).

    python3 scripts/check_layers.py [ROOT]      # ROOT: the source tree (..)

Every file of lib/src and lib/include/crossalign belongs to a room, and each
room to a floor:

    floor 0  base      lib/src/base/ (and status.cc): Status helpers, UTF-8
                       and Unicode, files, JSON, hashing, threads
    floor 1  read      lib/src/read/: decoding, HTML pages, documents and
                       their alignments (the data model)
    floor 2  langid    lib/src/langid/   the stages: each knows only the
             segment   lib/src/segment/  floors below and its own room
             align     lib/src/align/
             write     lib/src/write/: TMX reading and writing, the other
                       formats, the review page
    floor 3  runs      lib/src/runs/, lib/src/jobs/, the pipeline and the
                       jobs (files named *_run.cc or run_output.*, the top
                       of lib/src, lib/src/io/ until its jobs move)

Public headers get their room from PUBLIC_HEADERS below. An include may go
down to a lower floor or stay in its room. It fails when it goes up a
floor, or sideways between two rooms of one floor (one stage into another,
a stage into writing, writing into a stage). Cycles fail too: between files
(a .h and its .cc count as one) and between folders. Each offence is printed
as "file:line: #include ...: why"; the exit code is 1 when there is one,
2 when a file has no room.
"""

import os
import re
import sys

FLOOR = {"base": 0, "read": 1, "langid": 2, "segment": 2, "align": 2,
         "write": 2, "runs": 3}

# The folders of lib/src and their rooms.
FOLDERS = {"base": "base", "read": "read", "langid": "langid",
           "segment": "segment", "align": "align", "write": "write",
           "runs": "runs", "jobs": "runs",
           # Only the jobs are left in io/ (they move to jobs/).
           "io": "runs"}

# The rooms of lib/include/crossalign/*.h, by what they declare.
PUBLIC_HEADERS = {
    "status.h": "base", "span.h": "base", "version.h": "base",
    "output_file.h": "base",
    "document.h": "read", "alignment.h": "read",
    "language_identifier.h": "langid",
    "sentence_segmenter.h": "segment",
    "translation_aligner.h": "align", "comparable_aligner.h": "align",
    "dictionary.h": "align", "stories.h": "align",
    "tmx_memory.h": "write", "tmx_reader.h": "write", "tmx_writer.h": "write",
    "writers.h": "write", "review_page.h": "write", "tmx_merge.h": "write",
    "pipeline.h": "runs", "align_texts.h": "runs", "collection.h": "runs",
    "batch.h": "runs", "detect.h": "runs", "split.h": "runs",
    "run_result.h": "runs",
}

# Offences printed but allowed, each as (file, included header): none now
# (the last three, in public headers, went with the jobs and the detect
# lines' move to language_identifier.h). Keep it empty.
KNOWN = set()

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def room_of(rel):
    """The room of a file (path relative to ROOT), or None."""
    parts = rel.split("/")
    if rel.startswith("lib/include/crossalign/"):
        name = parts[-1]
        if name.endswith(".h.in"):
            name = name[:-3]
        return PUBLIC_HEADERS.get(name)
    if not rel.startswith("lib/src/"):
        return None
    name = parts[-1]
    if len(parts) == 3:  # the top of lib/src
        return "base" if name == "status.cc" else "runs"
    if re.search(r"_run\.cc$|^run_output\.", name):
        return "runs"
    return FOLDERS.get(parts[2])


def unit_of(rel):
    """A .h and its .cc are one unit for cycles."""
    return re.sub(r"\.(h|cc|h\.in)$", "", rel)


def resolve(root, included):
    if included.startswith("crossalign/"):
        return "lib/include/" + included
    if os.path.exists(os.path.join(root, "lib/src", included)):
        return "lib/src/" + included
    return None  # a generated or third-party header


def sources(root):
    for top in ("lib/src", "lib/include/crossalign"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if re.search(r"\.(h|cc|h\.in)$", name):
                    full = os.path.join(dirpath, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/")


def cycles(graph):
    """The strongly connected components of more than one node (Tarjan)."""
    index, low, on, stack, out = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check(root):
    bad, unknown = [], []
    units, folders = {}, {}
    edges = {}  # (from unit, to unit) -> first "file:line"
    for rel in sources(root):
        room = room_of(rel)
        if room is None:
            unknown.append(rel)
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for number, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = resolve(root, m.group(1))
            if target is None:
                continue
            where = "%s:%d: #include \"%s\"" % (rel, number, m.group(1))
            to_room = room_of(target)
            if to_room is None:
                unknown.append(target)
                continue
            why = None
            if FLOOR[to_room] > FLOOR[room]:
                why = "%s includes the higher %s" % (room, to_room)
            elif FLOOR[to_room] == FLOOR[room] and to_room != room:
                why = "%s includes %s beside it" % (room, to_room)
            if why:
                known = (rel, m.group(1)) in KNOWN
                bad.append((where, why, known))
            a, b = unit_of(rel), unit_of(target)
            if a != b:
                units.setdefault(a, set()).add(b)
                edges.setdefault((a, b), where)
            fa, fb = os.path.dirname(rel), os.path.dirname(target)
            if fa != fb:
                folders.setdefault(fa, set()).add(fb)
                edges.setdefault((fa, fb), where)
    for kind, graph in (("files", units), ("folders", folders)):
        for comp in cycles(graph):
            members = set(comp)
            links = ["    " + edges[(a, b)] for a in comp
                     for b in sorted(graph.get(a, ())) if b in members]
            bad.append(("include cycle between %s: %s" %
                        (kind, " ".join(comp)), "\n" + "\n".join(links),
                        False))
    return bad, sorted(set(unknown))


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    bad, unknown = check(root)
    for rel in unknown:
        print("%s: no layer for this file (add it to scripts/check_layers.py)"
              % rel)
    failed = 0
    for where, why, known in bad:
        print("%s: %s%s" % (where, why, " (known, #30)" if known else ""))
        failed += 0 if known else 1
    if unknown:
        return 2
    if failed:
        print("check_layers: %d include(s) against the layers" % failed)
        return 1
    print("check_layers: the includes follow the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
