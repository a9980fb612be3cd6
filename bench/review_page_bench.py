#!/usr/bin/python3
"""How the review page copes with a large memory (issue 14).

Generates a 10,000-unit TMX (100 document pairs of 100 units, en-uk
translations and en-de comparable pairs, sentences from corpora/, scores
from a seeded generator), builds the page with `align review`, and opens it
in headless Chromium (Debian chromium + chromium-driver + python3-selenium,
the browser of the tests) from a file:// URL. Figures, medians of --runs
fresh browser sessions:
  build       `align review` wall time, and units per second
  first rows  navigation start -> the first rows are in the page
  ready       navigation start -> every row is built and the filters work
  search      one search over every unit (the page's own measure)
  sort        re-sorting every unit by score
The peer is the same browser opening the raw TMX (its XML viewer), the way a
reviewer read memories before: "ready / raw TMX" is the ratio.

  /usr/bin/python3 bench/review_page_bench.py [--build build] [--units 10000]
      [--runs 3]
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "tests", "review"))
import review_browser  # noqa: E402


def sentences(path):
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split("\n")[1:]))
    return [p.strip() for p in parts if len(p.strip()) > 20]


def generate(path, units):
    rng = random.Random(14)
    corpus = os.path.join(ROOT, "corpora", "dniester-bridge")
    en = sentences(os.path.join(corpus, "kyiv-ledger.en.txt"))
    uk = sentences(os.path.join(corpus, "kyiv-ledger.uk.txt"))
    de = sentences(os.path.join(corpus, "rheinischer-bote.de.txt"))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<tmx version="1.4">',
           '<header creationtool="bench" creationtoolversion="1" '
           'segtype="sentence" o-tmf="bench" adminlang="en" srclang="en" '
           'datatype="plaintext" creationdate="20250314T103000Z"/>', "<body>"]
    per_pair = 100
    for k in range(units):
        pair, i = divmod(k, per_pair)
        translation = pair % 3 != 2
        tgt_lang, tgt = ("uk", uk) if translation else ("de", de)
        score = min(1.0, max(0.0, rng.gauss(0.78 if translation else 0.55, 0.15)))
        bead = rng.choice(["1-1"] * 8 + ["2-1", "1-2"])
        s = [i, i + 1] if bead == "2-1" else [i]
        t = [i, i + 1] if bead == "1-2" else [i]
        out.append(
            '<tu tuid="%016x" creationdate="20250314T103000Z">'
            '<prop type="x-score">%.4f</prop><prop type="x-bead">%s</prop>'
            '<prop type="x-mode">%s</prop>'
            '<prop type="x-position">src p%d:s%s tgt p%d:s%s</prop>'
            '<tuv xml:lang="en"><prop type="x-document">story-%03d/outlet.en.txt'
            '</prop><seg>%s</seg></tuv>'
            '<tuv xml:lang="%s"><prop type="x-document">story-%03d/outlet.%s.txt'
            '</prop><seg>%s</seg></tuv></tu>'
            % (k * 2654435761 % 2**64, score, bead,
               "translation" if translation else "comparable",
               i // 5, ",".join(map(str, s)), i // 5, ",".join(map(str, t)),
               pair, escape("%s (%d)" % (en[k % len(en)], k)), tgt_lang, pair,
               tgt_lang, escape(tgt[(k * 7) % len(tgt)])))
    out += ["</body>", "</tmx>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def browser_figures(page, tmx):
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page, timeout=300)
        marks = d.execute_script(
            "var m = {}; performance.getEntriesByType('mark').forEach("
            "function (e) { m[e.name] = e.startTime; }); return m;")
        errors = b.console_errors()
        shown = d.execute_script(
            "return document.querySelectorAll('[data-tuid]').length")

        def filter_time(script):
            d.execute_script("performance.clearMeasures('review-filter');" +
                             script)
            return d.execute_script(
                "var m = performance.getEntriesByName('review-filter');"
                "return m.length ? m[m.length - 1].duration : null;")

        d.execute_script("performance.clearMeasures('review-filter');"
                         "var s = document.getElementById('search');"
                         "s.value = 'bridge'; s.dispatchEvent(new Event('input'));")
        time.sleep(0.5)  # the search waits 120 ms for more typing
        search = d.execute_script(
            "var m = performance.getEntriesByName('review-filter');"
            "return m.length ? m[m.length - 1].duration : null;")
        d.execute_script("var s = document.getElementById('search');"
                         "s.value = ''; s.dispatchEvent(new Event('input'));")
        time.sleep(0.5)
        sort = filter_time(
            "var o = document.getElementById('sort'); o.value = 'score-desc';"
            "o.dispatchEvent(new Event('change'));")
        # The peer: the raw TMX in the same browser.
        d.get("file://" + os.path.abspath(tmx))
        raw = d.execute_script(
            "var n = performance.getEntriesByType('navigation')[0];"
            "return n.loadEventEnd;")
        return {"first": marks.get("review-first-rows"),
                "ready": marks.get("review-ready"), "search": search,
                "sort": sort, "raw": raw, "errors": len(errors),
                "shown": shown}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    review_browser.skip_unless_available()
    align = os.path.join(args.build, "tools", "align")
    work = tempfile.mkdtemp(prefix="review-bench-")
    tmx = os.path.join(work, "big.tmx")
    page = os.path.join(work, "big.html")
    generate(tmx, args.units)
    builds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([align, "review", tmx, "-o", page, "--force"],
                       check=True, stderr=subprocess.DEVNULL)
        builds.append(time.perf_counter() - start)
    runs = [browser_figures(page, tmx) for _ in range(args.runs)]

    def med(key):
        return statistics.median(r[key] for r in runs)

    build = statistics.median(builds)
    print("Review page for %d units (%d document pairs), median of %d runs; "
          "TMX %.1f MB, page %.1f MB." % (
              args.units, (args.units + 99) // 100, args.runs,
              os.path.getsize(tmx) / 1e6, os.path.getsize(page) / 1e6))
    print()
    print("| figure | value |")
    print("|---|---:|")
    print("| `align review` build | %.2f s (%.0f units/s) |"
          % (build, args.units / build))
    print("| first rows shown | %.0f ms |" % med("first"))
    print("| every row built, filters ready | %.0f ms |" % med("ready"))
    print("| search over every unit | %.0f ms |" % med("search"))
    print("| sort every unit by score | %.0f ms |" % med("sort"))
    print("| peer: the raw TMX in the same browser | %.0f ms |" % med("raw"))
    print("| ready / raw TMX | %.2f |" % (med("ready") / med("raw")))
    print("| [data-tuid] elements / units | %d / %d |"
          % (runs[0]["shown"], args.units))
    print("| console errors | %d |" % max(r["errors"] for r in runs))


if __name__ == "__main__":
    main()
