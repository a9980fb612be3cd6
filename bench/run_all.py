#!/usr/bin/python3
"""Runs every crossalign benchmark and writes bench/RESULTS.md.

Each row gives our figure, a peer's figure on the same input in the same run,
and their ratio. The machine is shared and noisy, so times are medians of
--runs runs (default 5) and the ratios matter more than absolute times.

  python3 bench/run_all.py [--build build] [--runs 5] [--quick]

--quick runs each timing once and skips the 100k-sentence scaling run; use it
to check the script, not for the committed report. --with-1m adds the
1M-sentence scaling row and --with-10k the 10k-article archive (minutes).
--only translation prints that section. bench/RESULTS.md is this script's
output, unedited.
Needs: the build, ../shared/eval (rows that need it are skipped without it),
Debian python3-nltk (the Gale-Church peer), GNU time (/usr/bin/time), and for
the hunalign peer its source folder (--hunalign-src DIR or HUNALIGN_SRC, a
checkout of github.com/danielvarga/hunalign), which is built with make in a
scratch folder; the rows are skipped with a message without it.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "eval")


def timed(cmd, runs, env=None):
    """Median wall time (s) and the largest peak RSS (MB) over `runs` runs."""
    times, rss = [], []
    for _ in range(runs):
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True,
                              text=True, env=env)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        last = proc.stderr.strip().splitlines()[-1].split()
        times.append(float(last[0]))
        rss.append(int(last[1]) / 1024)
    return statistics.median(times), max(rss)


def score(gold, pred, extra=()):
    out = subprocess.run(["python3", os.path.join(SHARED, "align", "score.py"),
                          "-g", *gold, "-p", *pred, *extra], capture_output=True, text=True, check=True).stdout
    m = re.search(r"strict P=([\d.]+) R=([\d.]+) F1=([\d.]+) \| lax P=([\d.]+) R=([\d.]+) F1=([\d.]+)", out)
    return tuple(float(x) for x in m.groups())


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM"


class Report:
    def __init__(self):
        self.lines = []

    def section(self, title, text=""):
        self.lines += ["", f"## {title}", ""]
        if text:
            self.lines += [text, ""]

    def table(self, header, rows):
        self.lines.append("| " + " | ".join(header) + " |")
        self.lines.append("|" + "---|" * len(header))
        for r in rows:
            self.lines.append("| " + " | ".join(str(c) for c in r) + " |")
        self.lines.append("")

    def raw(self, text):
        self.lines += ["```", text.rstrip(), "```", ""]


def cpu_timed(cmd, runs, env=None):
    """Median CPU time (user + system, s, the command and its children) and the largest peak RSS (MB)."""
    times, rss = [], []
    for _ in range(runs):
        proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, capture_output=True, text=True, env=env)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        last = proc.stderr.strip().splitlines()[-1].split()
        times.append(float(last[0]) + float(last[1]))
        rss.append(int(last[2]) / 1024)
    return statistics.median(times), max(rss)


def build_hunalign(src, tmp):
    """Builds hunalign from its source folder (HUNALIGN_SRC / --hunalign-src) in a scratch copy, as its README
    says (make in src/hunalign). Returns (binary, None) or (None, reason)."""
    if not src:
        return None, ("hunalign peer skipped: give its source folder with --hunalign-src DIR or HUNALIGN_SRC "
                      "(https://github.com/danielvarga/hunalign; it is never part of this repository)")
    make_dir = os.path.join(src, "src", "hunalign")
    if not os.path.isfile(os.path.join(make_dir, "Makefile")):
        return None, f"hunalign peer skipped: {make_dir}/Makefile is missing"
    work = os.path.join(tmp, "hunalign-build")
    shutil.copytree(os.path.join(src, "src"), os.path.join(work, "src"))
    proc = subprocess.run(["make", "-C", os.path.join(work, "src", "hunalign"), "-j2"], capture_output=True, text=True)
    exe = os.path.join(work, "src", "hunalign", "hunalign")
    if proc.returncode != 0 or not os.path.exists(exe):
        return None, "hunalign peer skipped: its build failed:\n" + proc.stderr[-1500:]
    return exe, None


def run_script(path, commands):
    with open(path, "w") as f:
        f.write("set -e\n" + "\n".join(commands) + "\n")
    return ["bash", path]


def textberg_docs(tb, n):
    """Whole Text+Berg test documents, in turn, until the source side has n sentences: the two sides' files
    and the gold (each document's gold shifted by the sentences before it)."""
    docs = []
    for i in range(7):
        docs.append((open(f"{tb}/orig/test{i}.de", encoding="utf-8").read().splitlines(),
                     open(f"{tb}/orig/test{i}.fr", encoding="utf-8").read().splitlines(),
                     open(f"{tb}/gold/test{i}.tsv", encoding="utf-8").read().splitlines()))
    src, tgt, gold, k = [], [], [], 0
    while len(src) < n:
        s, t, g = docs[k % len(docs)]
        for line in g:
            a, b = line.split("\t")
            shift = lambda ids, by: ",".join(str(int(x) + by) for x in ids.split(",") if x.strip())
            gold.append(shift(a, len(src)) + "\t" + shift(b, len(tgt)))
        src += s
        tgt += t
        k += 1
    return src, tgt, gold


def translation_alignment(rep, align, runs, quick, tmp, hunalign_src, with_1m, nltk_max=10**9):
    tb = os.path.join(SHARED, "align", "textberg")
    bb = os.path.join(SHARED, "align", "bible-en-zh")
    if not os.path.isdir(tb):
        rep.section("Translation alignment", "Skipped: ../shared/eval/align is absent.")
        return
    nltk_ok = subprocess.run(["/usr/bin/python3", "-c", "import nltk"], capture_output=True).returncode == 0
    hunalign, hunalign_note = build_hunalign(hunalign_src, tmp)
    null_dic = os.path.join(tmp, "null.dic")
    open(null_dic, "w").close()
    rows, notes = [], []
    if hunalign_note:
        notes.append(hunalign_note)
    sets = [("Text+Berg test (7 docs)", "de", "fr",
             [(f"{tb}/orig/test{i}.de", f"{tb}/orig/test{i}.fr", f"{tb}/gold/test{i}.tsv") for i in range(7)], [], []),
            ("Text+Berg dev (tuning)", "de", "fr", [(f"{tb}/orig/dev.de", f"{tb}/orig/dev.fr", f"{tb}/gold/dev.tsv")],
             [], []),
            # -onebyteencoding: hunalign's best setting on this set (it reads bytes, not UTF-8, either way).
            ("Bible en-zh", "en", "zh", [(f"{bb}/orig/en.001", f"{bb}/orig/zh.001", f"{bb}/gold/001.tsv")],
             ["--src-groups", f"{bb}/orig/en.verse", "--tgt-groups", f"{bb}/orig/zh.verse"], ["-onebyteencoding"])]
    freedict = "/usr/share/dictd/freedict-deu-fra.index"
    dict_path = os.path.join(tmp, "de-fr.dict")
    dic_path = os.path.join(tmp, "de-fr.dic")  # the same pairs in hunalign's order (target @ source)
    have_dict = os.path.exists(freedict) and subprocess.run(
        [align, "dict", "import", "--freedict", freedict, "-o", dict_path, "--force"],
        capture_output=True).returncode == 0 and subprocess.run(
        [align, "dict", "convert", dict_path, "-o", dic_path, "--force"], capture_output=True).returncode == 0
    f1_figures = {}
    for name, sl, tl, docs, extra, hun_opts in sets:
        variants = [("", [], null_dic)]
        if have_dict and sl == "de":
            variants.append((" + FreeDict de-fr", ["--dict", dict_path], dic_path))
        sentences = sum(sum(1 for _ in open(d[0], encoding="utf-8")) for d in docs)
        golds = [d[2] for d in docs]
        nltk_time = None
        if nltk_ok and sentences > nltk_max:
            notes.append(f"NLTK not run on {name} ({sentences:,} sentences > --nltk-max-sentences {nltk_max:,}).")
        elif nltk_ok:
            preds = [os.path.join(tmp, f"nltk{k}.pred") for k in range(len(docs))]
            args = []
            for (s, t, _), p in zip(docs, preds):
                args += [s, t, p]
            # NLTK takes minutes on the Bible set: one run there.
            peer_runs = 1 if sentences > 3000 else runs
            nltk_time, _ = cpu_timed(["/usr/bin/python3", os.path.join(ROOT, "bench", "nltk_gale_church.py")] + args,
                                     peer_runs)
            f1 = score(golds, preds, extra)
            rows.append([name, "NLTK Gale-Church", f"{f1[2]:.3f}", f"{f1[5]:.3f}", f"{nltk_time:.2f}",
                         f"{sentences / nltk_time:,.0f}", "", ""])
        for label, opts, hdic in variants:
            hun_time = hun_f1 = None
            if hunalign:
                preds = [os.path.join(tmp, f"hun{k}.ladder") for k in range(len(docs))]
                # In the scratch folder: hunalign writes translate.txt into the current one.
                cmd = run_script(os.path.join(tmp, "hun.sh"),
                                 [f"cd {tmp}"] + [" ".join([hunalign, *hun_opts, hdic, s, t, ">", p, "2>/dev/null"])
                                                  for (s, t, _), p in zip(docs, preds)])
                hun_time, hun_rss = cpu_timed(cmd, runs)
                hun_f1 = score(golds, preds, list(extra) + ["--pred-format", "ladder"])
                rows.append([name, "hunalign" + label, f"{hun_f1[2]:.3f}", f"{hun_f1[5]:.3f}", f"{hun_time:.2f}",
                             f"{sentences / hun_time:,.0f}", f"{hun_rss:.0f}", ""])
            preds = [os.path.join(tmp, f"ours{k}.pred") for k in range(len(docs))]
            cmd = run_script(os.path.join(tmp, "run.sh"),
                             [" ".join([align, "--presegmented", "--mode", "translation", "--src-lang", sl, "--tgt-lang",
                                        tl, "--format", "beads", "--force", *opts, s, t, "-o", p])
                              for (s, t, _), p in zip(docs, preds)])
            t, rss = cpu_timed(cmd, runs)
            f1 = score(golds, preds, extra)
            f1_figures[name + label] = f1[2]
            ratios = []
            if hun_time:
                ratios.append(f"hunalign: {t / hun_time:.2f}x its CPU time, F1 {f1[2] - hun_f1[2]:+.3f}")
            if nltk_time and not label:
                ratios.append(f"NLTK: {nltk_time / t:.1f}x faster")
            rows.append([name, "crossalign" + label, f"{f1[2]:.3f}", f"{f1[5]:.3f}", f"{t:.2f}", f"{sentences / t:,.0f}",
                         f"{rss:.0f}", "; ".join(ratios)])
    rep.section("Translation alignment",
                "Strict and lax bead F1 (vecalign's definitions, shared/eval/align/score.py); CPU time (user + "
                "system, median of the runs), sentences per CPU second (source side), peak RSS. crossalign and "
                "hunalign run one process per document (`align --presegmented --mode translation`; hunalign as "
                "its README says, `hunalign DICT SRC TGT`, with an empty dictionary or FreeDict's pairs in its "
                "order, numeric ladder output), start-up included; NLTK runs all documents in one Python process. "
                "hunalign is built from its source in a scratch folder by this script. Tuning was done on the "
                "dev document only. Published: Bertalign 0.936 / Vecalign 0.902 / hunalign 0.751 strict F1 on "
                "Text+Berg test." + ("\n\n" + "\n\n".join(notes) if notes else ""))
    rep.table(["set", "system", "strict F1", "lax F1", "CPU s", "sentences/CPU s", "peak RSS (MB)",
               "crossalign against the peer"], rows)

    # Scaling: whole Text+Berg test documents in turn, gold shifted.
    sizes = [10000] if quick else [10000, 100000]
    if with_1m:
        sizes.append(1000000)
    rows = []
    base = prev = None
    for n in sizes:
        src_lines, tgt_lines, gold = textberg_docs(tb, n)
        src, tgt = os.path.join(tmp, f"s{n}.de"), os.path.join(tmp, f"s{n}.fr")
        gold_path, pred = os.path.join(tmp, f"s{n}.gold"), os.path.join(tmp, f"s{n}.pred")
        for path, lines in ((src, src_lines), (tgt, tgt_lines), (gold_path, gold)):
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        t, rss = cpu_timed(["nice", align, "--presegmented", "--max-file-size", "1024", "--src-lang", "de", "--tgt-lang", "fr", "--mode",
                            "translation", "--format", "beads", "--force", src, tgt, "-o", pred],
                           1 if n >= 100000 else runs)
        f1 = score([gold_path], [pred])
        growth = ""
        if prev is not None:
            growth = (f"{t / prev[0]:.1f}x time, {rss / prev[1]:.1f}x memory for "
                      f"{len(src_lines) / prev[2]:.1f}x sentences")
        prev = (t, rss, len(src_lines))
        rows.append([f"{len(src_lines):,} x {len(tgt_lines):,}", f"{f1[2]:.3f}", f"{f1[5]:.3f}", f"{t:.1f}",
                     f"{len(src_lines) / t:,.0f}", f"{rss:.0f}", growth])
    rep.section("Translation alignment: scaling",
                "Whole Text+Berg test documents one after the other up to the size shown (source x target "
                "sentences), scored against their gold shifted; `--presegmented`, one process, CPU time "
                "(user + system), one run from 100k on. The 1M row is opt-in (`--with-1m`, minutes). Growth is "
                "against the row above.")
    rep.table(["sentences", "strict F1", "lax F1", "CPU s", "sentences/CPU s", "peak RSS (MB)", "growth"], rows)


def archive(rep, align, runs, quick, tmp):
    """Cross-outlet alignment on an archive made of corpora/ story groups."""
    stories = []
    for story in sorted(os.listdir(os.path.join(ROOT, "corpora"))):
        d = os.path.join(ROOT, "corpora", story)
        if os.path.isfile(os.path.join(d, "pairs.tsv")):
            stories.append(sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt")))
    rows = []
    sizes = [10, 100] if quick else [10, 100, 1000]
    for n in sizes:
        lines, count, k = [], 0, 0
        while count < n:
            group = stories[k % len(stories)][: n - count]
            if len(group) >= 2:
                lines.append(f"id=g{k}\t" + "\t".join(group))
            count += len(group)
            k += 1
        manifest = os.path.join(tmp, f"archive{n}.tsv")
        with open(manifest, "w") as f:
            f.write("\n".join(lines) + "\n")
        pairs = sum((len(l.split("\t")) - 1) * (len(l.split("\t")) - 2) // 2 for l in lines)
        results = {}
        for jobs in (1, 2):
            out = os.path.join(tmp, f"arch{n}-{jobs}")
            t, rss = timed(["bash", "-c", f"rm -rf {out} && {align} batch {manifest} -o {out} --jobs {jobs}"], runs)
            results[jobs] = (t, rss)
        t1, t2 = results[1][0], results[2][0]
        rows.append([n, len(lines), pairs, f"{pairs / t1:,.0f}", f"{pairs / t2:,.0f}", f"{t1 / t2:.2f}x",
                     f"{max(results[1][1], results[2][1]):.0f}"])
    rep.section("Cross-outlet alignment: archive",
                "`align batch` over story groups built from corpora/ (each group's articles are paired up "
                "and aligned in auto mode). Article pairs considered per second; the peer is our own "
                "--jobs 1 run.")
    rep.table(["articles", "groups", "article pairs", "pairs/s --jobs 1", "pairs/s --jobs 2",
               "jobs 2 / jobs 1", "peak RSS (MB)"], rows)


def pipeline(rep, align, runs, tmp):
    corpora = os.path.join(ROOT, "corpora")
    files = [os.path.join(dp, f) for dp, _, fs in os.walk(corpora) for f in fs if f.endswith(".txt")]
    mb = sum(os.path.getsize(f) for f in files) / 2**20
    out = os.path.join(tmp, "pipe")
    t, rss = timed(["bash", "-c", f"rm -rf {out} && {align} {corpora}/*/ -o {out}"], runs)
    rep.section("Whole pipeline", "`align corpora/*/ -o DIR`: read, identify, segment, pair up, align, write TMX.")
    rep.table(["input", "MB", "time (s)", "MB/s", "peak RSS (MB)"],
              [[f"{len(files)} articles", f"{mb:.3f}", f"{t:.2f}", f"{mb / t:.3f}", f"{rss:.0f}"]])


# What the language-ID figures rest on, printed with them.
LANGID_DISCLOSURE = (
    "The n-gram weights, stand-ins and the neutral dictionary shares of ms "
    "and mk were measured on a dev set made from Debian's message catalogues "
    "(bench/make_langid_dev.py), not on this test set; the other weights in "
    "lib/src/langid/close_language_disambiguator.cc date from issue 3 (set by hand, "
    "checked on this test set then). The throughput ratio swings by up to 2x "
    "between identical runs on this shared 2-core machine. Peers: "
    "`node bench/langid_peers.mjs` after `bash scripts/setup.sh --peers`.")


HTML_PREAMBLE = (
    "News pages as input (issue 15): the pages of tests/data/html, built by "
    "make_pages.py around corpora/ articles in four site styles. Sentences "
    "found: the article's headings and sentences (corpora gold) present in "
    "the non-boilerplate segments; chrome leaked: bytes of non-boilerplate "
    "segments that are not article. The extractor was built looking at the "
    "dev pages; the test pages share four of the dev styles' templates, so "
    "they measure other articles and languages, not unseen site styles. "
    "Disclosure: once, a test page (table-rheinischer-bote.de) showed a "
    "footer leaking through a new rule (siblings of the scored container); "
    "the rule was narrowed (siblings after it must be of its kind) and the "
    "page passes since.")


CORPORA_PREAMBLE = (
    "Dev stories (corpora/splits.tsv) are the only ones anything was tuned "
    "on; test stories are only reported. Each gold pair is aligned in the "
    "mode of its gold type (P/R/F1) and once in auto mode (the decision and "
    "its reason). Comparable beads are scored strictly (the exact passage on "
    "both sides). The dictionaries are those `scripts/setup.sh` converts into "
    "models/dict/; the same run without them follows.")


def external(rep, build, name, title, preamble="", env=None, args=()):
    exe = os.path.join(build, "bench", name)
    if not os.path.exists(exe):
        rep.section(title, f"Not built: {exe} is missing.")
        return None
    proc = subprocess.run([exe, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    if title:
        rep.section(title, (preamble + "\n\n" if preamble else "") +
                    f"Output of `{os.path.relpath(exe, ROOT)}`:")
        rep.lines += [proc.stdout.rstrip(), ""]
    return proc.stdout


def corpora_quality(rep, build, tmp):
    """corpora_eval with the converted dictionaries, then its summary tables without them."""
    external(rep, build, "corpora_eval", "Alignment quality on corpora/ gold", CORPORA_PREAMBLE)
    empty = os.path.join(tmp, "no-dictionaries")
    os.makedirs(empty, exist_ok=True)
    out = external(rep, build, "corpora_eval", "", env=dict(os.environ, CROSSALIGN_DICT_DIR=empty))
    if out is None:
        return
    rep.lines += ["### The same, without dictionaries", "",
                  f"`CROSSALIGN_DICT_DIR=EMPTY_DIR {os.path.relpath(os.path.join(build, 'bench', 'corpora_eval'), ROOT)}`"
                  " (the same code, no word list found); its summary tables:", ""]
    start = out.find("\n| pair type |")
    end = out.find("\nReliability")
    rep.lines += [out[start:end if end >= 0 else None].strip(), ""]


def many_articles(rep, align, quick, with_10k, tmp):
    """Many-article mode on generated archives (bench/archive_bench.py)."""
    sizes = "200" if quick else ("1000,10000" if with_10k else "1000")
    cmd = [sys.executable, os.path.join(ROOT, "bench", "archive_bench.py"), "--sizes", sizes,
           "--align", align, "--work", os.path.join(tmp, "archives")]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    rep.section("Many-article archives",
                f"`python3 bench/archive_bench.py --sizes {sizes}` on archives generated by "
                "`bench/make_archive.py` (seed 1: stories copied from corpora/ with names, numbers, dates and "
                "paragraphs varied per story, a tenth of them decoys sharing a name; gold story ids). "
                "`align DIR -o OUT --report R --jobs 2`; CPU = user + system, peak = max RSS; story P/R/F1 "
                "pairwise over the pairs of articles put in one story, against the gold. The 10k row is opt-in "
                "(`--with-10k`, minutes).")
    rep.lines += [proc.stdout.rstrip() if proc.returncode == 0 else f"Failed: {proc.stderr[-1500:]}", ""]


def review_page(rep, build, runs):
    """The review page in headless chromium (bench/review_page_bench.py)."""
    if not shutil.which("chromedriver"):
        rep.section("Review page", "Skipped: chromium-driver is not installed.")
        return
    cmd = ["/usr/bin/python3", os.path.join(ROOT, "bench", "review_page_bench.py"), "--build", build,
           "--runs", str(min(runs, 3))]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    rep.section("Review page",
                f"`/usr/bin/python3 bench/review_page_bench.py --runs {min(runs, 3)}`: a generated memory is "
                "built into a page with `align review` and opened in Debian's chromium, headless, from a file:// "
                "URL; times run from navigation start. The peer is the same browser opening the raw TMX (its XML "
                "viewer). Browser times swing between runs on a shared machine.")
    rep.lines += [proc.stdout.rstrip() if proc.returncode == 0 else f"Failed: {proc.stderr[-1500:]}", ""]


def shown_flags(args):
    """The flags of this run as the report's first line shows them (no machine paths)."""
    flags = []
    if args.quick:
        flags.append("--quick")
    elif args.runs != 5:
        flags.append(f"--runs {args.runs}")
    if args.with_1m:
        flags.append("--with-1m")
    if args.with_10k:
        flags.append("--with-10k")
    if args.hunalign_src:
        flags.append("--hunalign-src HUNALIGN_DIR")
    if args.nltk_max_sentences != 10**9:
        flags.append(f"--nltk-max-sentences {args.nltk_max_sentences}")
    return "".join(" " + f for f in flags)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    ap.add_argument("--hunalign-src", default=os.environ.get("HUNALIGN_SRC", ""),
                    help="hunalign's source folder (a checkout of github.com/danielvarga/hunalign); built in a "
                         "scratch folder and run as a peer. Default: $HUNALIGN_SRC; skipped when absent")
    ap.add_argument("--with-1m", action="store_true", help="add the 1M-sentence scaling row (minutes)")
    ap.add_argument("--with-10k", action="store_true", help="add the 10k-article archive row (minutes)")
    ap.add_argument("--nltk-max-sentences", type=int, default=10**9,
                    help="skip the NLTK peer on larger sets (it takes minutes on the Bible)")
    ap.add_argument("--only", choices=["translation"], help="run one section and print it instead of writing --out")
    args = ap.parse_args()
    runs = 1 if args.quick else args.runs
    align = os.path.join(args.build, "tools", "align")
    rep = Report()
    rep.lines += ["# crossalign benchmark results", "",
                  f"Produced by `python3 bench/run_all.py{shown_flags(args)}` on "
                  f"{datetime.date.today().isoformat()}, build `{os.path.relpath(args.build, ROOT)}` "
                  "(HUNALIGN_DIR: a checkout of github.com/danielvarga/hunalign).", "",
                  f"Machine: {machine()}.", "",
                  f"Times are medians of {runs} run(s); peak RSS is the largest seen."]
    tmp = tempfile.mkdtemp(prefix="crossalign-bench-")
    try:
        external(rep, args.build, "langid_bench", "Language identification",
                 LANGID_DISCLOSURE)
        external(rep, args.build, "segment_bench", "Sentence segmentation")
        if args.only == "translation":
            translation_alignment(rep, align, runs, args.quick, tmp, args.hunalign_src, args.with_1m,
                                  args.nltk_max_sentences)
            print("\n".join(rep.lines))
            return
        translation_alignment(rep, align, runs, args.quick, tmp, args.hunalign_src, args.with_1m,
                                  args.nltk_max_sentences)
        corpora_quality(rep, args.build, tmp)
        external(rep, args.build, "html_extract_bench", "HTML article extraction",
                 HTML_PREAMBLE)
        archive(rep, align, runs, args.quick, tmp)
        many_articles(rep, align, args.quick, args.with_10k, tmp)
        pipeline(rep, align, runs, tmp)
        review_page(rep, args.build, runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(args.out, "w") as f:
        f.write("\n".join(rep.lines) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
