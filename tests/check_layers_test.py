#!/usr/bin/env python3
"""Feeds scripts/check_layers.py small trees, good and bad, in a temp dir.

    python3 tests/check_layers_test.py scripts/check_layers.py

Each bad tree must fail and name its offending include; the good one must
pass. Exits 0 when every case holds, 1 otherwise.
"""

import os
import subprocess
import sys
import tempfile

CHECKER = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "scripts",
    "check_layers.py")

# A tree that follows the layers: every include goes down or stays in its
# room.
GOOD = {
    "lib/include/crossalign/status.h": "",
    "lib/include/crossalign/document.h": '#include "crossalign/status.h"\n',
    "lib/src/base/utf8.h": '#include "crossalign/status.h"\n',
    "lib/src/base/utf8.cc": '#include "base/utf8.h"\n',
    "lib/src/read/document.cc":
        '#include "crossalign/document.h"\n#include "base/utf8.h"\n',
    "lib/src/segment/rules.h": '#include "crossalign/document.h"\n',
    "lib/src/segment/rules.cc":
        '#include "segment/rules.h"\n#include "base/utf8.h"\n',
    "lib/src/write/tsv.cc": '#include "crossalign/document.h"\n',
    "lib/src/runs/pipeline.cc":
        '#include "segment/rules.h"\n#include "write/tsv.h"\n',
    "lib/src/write/tsv.h": "",
    "lib/src/segment/split_run.cc": '#include "write/tsv.h"\n',
}

# Each bad case: the files added to (or replacing those of) GOOD, and a
# text the checker must print.
BAD = {
    "upward": ({"lib/src/base/utf8.cc": '#include "read/x.h"\n',
                "lib/src/read/x.h": ""},
               'lib/src/base/utf8.cc:1: #include "read/x.h"'),
    "stage into stage": ({"lib/src/align/a.cc": '#include "segment/rules.h"\n'},
                         'lib/src/align/a.cc:1: #include "segment/rules.h"'),
    "writing into a stage": ({"lib/src/write/tsv.h":
                              '#include "segment/rules.h"\n'},
                             'lib/src/write/tsv.h:1: #include "segment/rules.h"'),
    "stage into writing": ({"lib/src/segment/rules.cc":
                            '#include "write/tsv.h"\n'},
                           'lib/src/segment/rules.cc:1: #include "write/tsv.h"'),
    "stage into runs (public header)": (
        {"lib/src/segment/rules.cc": '#include "crossalign/pipeline.h"\n',
         "lib/include/crossalign/pipeline.h": ""},
        'lib/src/segment/rules.cc:1: #include "crossalign/pipeline.h"'),
    "file cycle": ({"lib/src/segment/a.h": '#include "segment/b.h"\n',
                    "lib/src/segment/b.h": "",
                    "lib/src/segment/b.cc": '#include "segment/a.h"\n'},
                   "include cycle between files: lib/src/segment/a "
                   "lib/src/segment/b"),
    "folder cycle": ({"lib/src/runs/x.h": "",
                      "lib/src/runs/y.cc": '#include "jobs/z.h"\n',
                      "lib/src/jobs/z.h": '#include "runs/x.h"\n'},
                     "include cycle between folders: lib/src/jobs "
                     "lib/src/runs"),
    "no layer": ({"lib/src/misc/m.cc": ""},
                 "lib/src/misc/m.cc: no layer"),
}


def run(files):
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        p = subprocess.run([sys.executable, CHECKER, root],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        return p.returncode, p.stdout


def main():
    failures = 0
    code, out = run(GOOD)
    if code != 0:
        print("good tree: exit %d, expected 0\n%s" % (code, out))
        failures += 1
    for name, (extra, expected) in sorted(BAD.items()):
        code, out = run(dict(GOOD, **extra))
        if code == 0 or expected not in out:
            print("%s: exit %d, expected a failure naming %r\n%s" %
                  (name, code, expected, out))
            failures += 1
    print("check_layers_test: %d of %d cases failed" %
          (failures, len(BAD) + 1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
