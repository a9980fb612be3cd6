#!/usr/bin/env bash
# The documented installation: a virtual environment made with
# --system-site-packages, `pip install --no-build-isolation` of the source
# tree (offline: --no-index), then `import crossalign` from elsewhere.
#   install_test.sh SOURCE_DIR WORK_DIR [PYTHON]
# CROSSALIGN_CMAKE_BUILD_DIR, CROSSALIGN_CMAKE_ARGS and
# CMAKE_CXX_COMPILER_LAUNCHER pass through to setup.py.
set -euo pipefail
source_dir=$1
work=$2
python=${3:-/usr/bin/python3}
rm -rf "$work"
mkdir -p "$work"
"$python" -m venv --system-site-packages "$work/venv"
CROSSALIGN_CMAKE_BUILD_DIR="${CROSSALIGN_CMAKE_BUILD_DIR:-$work/cmake}" \
  CROSSALIGN_SETUPTOOLS_BUILD_DIR="$work/setuptools" \
  "$work/venv/bin/pip" install --no-build-isolation --no-index --no-deps \
  "$source_dir"
cd "$work"
"$work/venv/bin/python" - <<'PY'
import crossalign, os, sys
assert crossalign.__file__.startswith(sys.prefix), crossalign.__file__
pair = crossalign.align("The bridge reopened on Friday. Trains cross it daily.",
                        "Die Brücke ist seit Freitag offen. Züge fahren täglich darüber.")
assert [u.src_ids for u in pair.units] == [(0,), (1,)], pair.units
assert os.path.exists(os.path.join(os.path.dirname(crossalign.__file__), "py.typed"))
print("crossalign", crossalign.__version__, "installed in", sys.prefix)
PY
