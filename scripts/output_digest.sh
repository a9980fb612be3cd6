#!/usr/bin/env bash
# Prints one checksum per output of a fixed set of `align` runs over corpora/
# (every subcommand and output format, with --date fixed), so that a
# refactoring can be shown to change no behaviour: run it before and after
# the change and compare (`diff`). Exit codes and stderr are digested too
# (progress lines without their timings).
#   bash scripts/output_digest.sh [BUILD_DIR]     # default: build
set -uo pipefail
cd "$(dirname "$0")/.."
ALIGN=$(realpath -m "${1:-build}/tools/align")
[[ -x $ALIGN ]] || { echo "output_digest: no $ALIGN (build first)" >&2; exit 3; }
W=$(mktemp -d)
[[ -n ${KEEP:-} ]] && echo "output_digest: outputs kept in $W" >&2 || trap 'rm -rf "$W"' EXIT
D=--date=2026-01-01
C=corpora

run() {  # NAME CMD...: runs CMD, records exit code and stderr under NAME
  local name=$1
  shift
  "$@" >"$W/$name.stdout" 2>"$W/$name.stderr"
  echo $? >"$W/$name.rc"
}

# Many articles: every story of corpora/, with clusters and the pair report.
run collection "$ALIGN" $C/*/ -o "$W/coll" $D --clusters "$W/coll.clusters" \
  --report "$W/coll.report" -v
run collection_tsv "$ALIGN" $C/*/ -o "$W/coll_tsv" $D --format tsv -q
run collection_moses "$ALIGN" $C/bug-river-bridge/ -o "$W/coll_moses" $D \
  --format moses -q
# Two articles in each mode and every format.
T1=$C/dniester-bridge/kyiv-ledger.uk.txt
T2=$C/dniester-bridge/kyiv-ledger.en.txt
P1=$C/busan-ferry/pacific-courier.en.txt
P2=$C/busan-ferry/kyiv-ledger-brief.uk.txt
for mode in auto translation comparable; do
  run pair_$mode "$ALIGN" "$T1" "$T2" --mode $mode $D -v
  run cmp_$mode "$ALIGN" "$P1" "$P2" --mode $mode $D -v
done
for fmt in tsv jsonl xliff beads; do
  run pair_$fmt "$ALIGN" "$T1" "$T2" --format $fmt $D
done
run pair_moses "$ALIGN" "$T1" "$T2" --format moses -o "$W/moses" $D
run pair_review "$ALIGN" "$T1" "$T2" -o "$W/pair.tmx" --review "$W/pair.html" $D
run pair_minscore "$ALIGN" "$P1" "$P2" --min-score 0.7 --format tsv $D
# Subcommands.
run split "$ALIGN" split "$T1"
run split_jsonl "$ALIGN" split --format jsonl "$P1"
run detect "$ALIGN" detect $C/*/*.txt
run detect_lines "$ALIGN" detect --per-line "$P2"
run merge "$ALIGN" merge "$W"/coll/*.tmx -o "$W/merged.tmx" $D
(cd "$W" && run review "$ALIGN" review coll/*.tmx -o review.html)
printf 'id=a\t%s\t%s\nid=b\t%s\t%s\t%s\n' "$T1" "$T2" "$P1" "$P2" \
  "$C/busan-ferry/haebit-news.en.txt" >"$W/manifest.tsv"
run batch "$ALIGN" batch "$W/manifest.tsv" -o "$W/batch" $D
rm -f "$W"/batch/*.log "$W"/batch/*progress* 2>/dev/null
# Bad input.
run missing "$ALIGN" "$W/none.txt" "$T2" $D
printf 'bin\x00\x01\x02\x00ary\x00' >"$W/bin.txt"
run binary "$ALIGN" "$W/bin.txt" "$T2" $D

cd "$W" && find . -type f ! -name manifest.tsv ! -name bin.txt | sort |
  while read -r f; do
    printf '%s  %s\n' "$(sed -e "s#$W#W#g" -E -e 's/nonce(-|=")[0-9a-f]+/nonce-N/g' \
      -e 's/\(([0-9]+%), [0-9]+s elapsed, ETA [0-9]+s\)/(\1)/' "$f" | sha256sum | cut -c1-16)" "$f"
  done
