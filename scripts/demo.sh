#!/usr/bin/env bash
# The main job: installs what is missing, builds, and aligns the sample
# articles in corpora/: every article is paired with the others that report
# the same story (translations in order, cross-outlet rewrites by shared
# passages), one TMX per language pair goes into out/ (or the folder given),
# with the passage clusters ("who reported what") in clusters.jsonl.
#   bash scripts/demo.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-out}
bash scripts/setup.sh --demo   # not the test-only packages (OmegaT, Java...)
bash scripts/build.sh >/dev/null
ALIGN=${BUILD_DIR:-build}/tools/align
"$ALIGN" corpora/*/ -o "$OUT" --clusters "$OUT/clusters.jsonl" --jobs "$(nproc)" --force -v
echo "demo: TMX files in $OUT/:"
for f in "$OUT"/*.tmx; do
  echo "  $f: $(grep -c '<tu ' "$f") units"
done
