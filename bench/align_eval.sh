#!/usr/bin/env bash
# Translation-alignment accuracy on the public test sets in ../shared/eval/align:
# Text+Berg de-fr (test and dev) and the Bible en-zh set, scored with
# shared/eval/align/score.py (vecalign's strict and lax bead F1).
# Translation mode, as in bench/run_all.py: these are translations, and the
# figure measures the in-order aligner, not the auto-mode decision.
#   bash bench/align_eval.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ALIGN=$BUILD/tools/align
EVAL=../shared/eval/align
if [ ! -d "$EVAL" ]; then echo "align_eval: ../shared/eval/align is absent; skipping"; exit 0; fi
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT

EXTRA=()
run_set() {  # name src_lang tgt_lang "pairs..." ; pairs as src:tgt:gold
  local name=$1 sl=$2 tl=$3; shift 3
  local golds=() preds=() start end
  start=$(date +%s.%N)
  for triple in "$@"; do
    IFS=: read -r src tgt gold <<<"$triple"
    local pred="$OUT/$(basename "$gold").pred"
    "$ALIGN" --presegmented --mode translation --force --src-lang "$sl" --tgt-lang "$tl" --format beads "${EXTRA[@]}" "$src" "$tgt" -o "$pred"
    golds+=("$gold"); preds+=("$pred")
  done
  end=$(date +%s.%N)
  printf '%-20s %6.2fs  ' "$name" "$(echo "$end - $start" | bc)"
  python3 "$EVAL/score.py" -g "${golds[@]}" -p "${preds[@]}"
}

tb=$EVAL/textberg
test_pairs=()
for i in 0 1 2 3 4 5 6; do test_pairs+=("$tb/orig/test$i.de:$tb/orig/test$i.fr:$tb/gold/test$i.tsv"); done
run_set "textberg-test" de fr "${test_pairs[@]}"
run_set "textberg-dev" de fr "$tb/orig/dev.de:$tb/orig/dev.fr:$tb/gold/dev.tsv"
# With Debian's FreeDict German-French dictionary, when it is installed.
FREEDICT=/usr/share/dictd/freedict-deu-fra.index
if [ -f "$FREEDICT" ]; then
  "$ALIGN" dict import --force --freedict "$FREEDICT" -o "$OUT/de-fr.dict" 2>/dev/null
  EXTRA=(--dict "$OUT/de-fr.dict")
  run_set "textberg-test+dict" de fr "${test_pairs[@]}"
  run_set "textberg-dev+dict" de fr "$tb/orig/dev.de:$tb/orig/dev.fr:$tb/gold/dev.tsv"
  EXTRA=()
else
  echo "align_eval: $FREEDICT absent (apt-get install dict-freedict-deu-fra); no dictionary rows"
fi
bb=$EVAL/bible-en-zh
if [ "${SKIP_BIBLE:-0}" != 1 ]; then
  start=$(date +%s.%N)
  "$ALIGN" --presegmented --mode translation --force --src-lang en --tgt-lang zh --format beads "$bb/orig/en.001" "$bb/orig/zh.001" -o "$OUT/bible.pred"
  end=$(date +%s.%N)
  printf '%-20s %6.2fs  ' "bible-en-zh" "$(echo "$end - $start" | bc)"
  python3 "$EVAL/score.py" -g "$bb/gold/001.tsv" -p "$OUT/bible.pred" --src-groups "$bb/orig/en.verse" --tgt-groups "$bb/orig/zh.verse"
fi
