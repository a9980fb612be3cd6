#!/usr/bin/env bash
# The main job: installs what is missing, builds, and aligns the sample
# articles in corpora/, writing TMX files into out/ (or the folder given).
#   bash scripts/demo.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-out}
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
ALIGN=${BUILD_DIR:-build}/tools/align
mkdir -p "$OUT"
count=0
# Each story lists its article pairs in pairs.tsv (src, tgt, type, gold).
for pairs in corpora/*/pairs.tsv; do
  story=$(basename "$(dirname "$pairs")")
  while IFS=$'\t' read -r src tgt type _gold; do
    case "$src" in ''|'#'*) continue ;; esac
    [ "$type" = translation ] || continue
    out="$OUT/$story.${src%.txt}--${tgt%.txt}.tmx"
    "$ALIGN" --force "corpora/$story/$src" "corpora/$story/$tgt" -o "$out"
    units=$(grep -c '<tu ' "$out" || true)
    echo "demo: $out ($units units)"
    count=$((count + 1))
  done < "$pairs"
done
echo "demo: wrote $count TMX files into $OUT/"
