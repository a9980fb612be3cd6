#!/usr/bin/python3
"""Throughput of the Python package against the align tool on the Bible en-zh set.

Both align the same pre-segmented pair (../shared/eval/align/bible-en-zh,
en.001 and zh.001) in translation mode with the languages given, as
bench/run_all.py runs the tool, in alternation in the same run:

  tool    `align --presegmented --mode translation --src-lang en --tgt-lang zh
           --format beads EN ZH -o OUT`, one process per run;
  python  a fresh `python3` that imports crossalign, calls crossalign.align()
           on the two paths with the same options and writes the beads with
           crossalign.render(), one process per run (start-up and import
           included, as the tool's start-up is).

It prints the median CPU time (user + system) and wall time of --runs runs,
source sentences per CPU second, the ratio python/tool, and whether both
wrote the same beads; and the CPU time of the align() and render() calls
alone, measured inside the Python process. The bar (issue #29): Python within 10% of the tool.

  /usr/bin/python3 bench/python_throughput.py [--build build] [--runs 5]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "eval")

PYTHON_RUN = """
import sys, pathlib, time, crossalign
src, tgt, out = sys.argv[1:4]
start = time.process_time()
pair = crossalign.align(pathlib.Path(src), pathlib.Path(tgt), src_lang="en", tgt_lang="zh",
                        mode="translation", presegmented=True)
crossalign.render([pair], "beads", out)
print(time.process_time() - start)
"""


def measured(cmd, env=None):
    """(CPU seconds of the child, wall seconds, its stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    bible = os.path.join(SHARED, "align", "bible-en-zh", "orig")
    src, tgt = os.path.join(bible, "en.001"), os.path.join(bible, "zh.001")
    if not os.path.exists(src):
        print(f"skipped: {bible} is absent")
        return 0
    align = os.path.join(args.build, "tools", "align")
    package = os.path.join(args.build, "python")
    if not os.path.exists(os.path.join(package, "crossalign", "__init__.py")):
        print(f"skipped: the Python package is not built in {package} (CROSSALIGN_PYTHON=ON)")
        return 0
    env = dict(os.environ, PYTHONPATH=package)
    sentences = sum(1 for _ in open(src, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        tool_out, py_out = os.path.join(tmp, "tool.beads"), os.path.join(tmp, "py.beads")
        tool_cmd = [align, "--presegmented", "--mode", "translation", "--src-lang", "en", "--tgt-lang", "zh",
                    "--format", "beads", "--force", "-q", src, tgt, "-o", tool_out]
        py_cmd = ["/usr/bin/python3", "-c", PYTHON_RUN, src, tgt, py_out]
        tool, py = [], []
        for _ in range(args.runs):  # alternating, so that load on the machine hits both alike
            tool.append(measured(tool_cmd))
            py.append(measured(py_cmd, env))
        same = open(tool_out, encoding="utf-8").read() == open(py_out, encoding="utf-8").read()
    rows = []
    for name, runs in (("align tool", tool), ("Python crossalign.align", py)):
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        rows.append((name, cpu, wall, sentences / cpu, min(r[0] for r in runs)))
    # The align() and render() calls alone, without start-up and import
    # (CPU time measured inside the Python process).
    call = statistics.median(float(r[2].split()[-1]) for r in py)
    print(f"Bible en-zh, {sentences:,} source sentences, translation mode, median of {args.runs} runs "
          f"(and the least CPU time, the figure least disturbed by other load on the machine)")
    print(f"| {'system':<24} | CPU s | least CPU s | wall s | sentences/CPU s |")
    print(f"|{'-' * 26}|-------|-------------|--------|-----------------|")
    for name, cpu, wall, rate, least in rows:
        print(f"| {name:<24} | {cpu:5.2f} | {least:11.2f} | {wall:6.2f} | {rate:15,.0f} |")
    least_call = min(float(r[2].split()[-1]) for r in py)
    print(f"| {'Python, the calls alone':<24} | {call:5.2f} | {least_call:11.2f} | {'':>6} | "
          f"{sentences / call:15,.0f} |")
    ratio = rows[1][1] / rows[0][1]
    least = rows[1][4] / rows[0][4]
    print(f"Python/tool CPU time: median {ratio:.3f} ({(ratio - 1) * 100:+.1f}%), least {least:.3f} "
          f"({(least - 1) * 100:+.1f}%); wall: {rows[1][2] / rows[0][2]:.3f}; "
          f"same beads: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
