#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 (ASan + UBSan) into build-fuzz/
# and runs each for SECONDS seconds (default 60) on its seed corpus in
# tests/fuzz/corpus/. New inputs go to build-fuzz/corpus/<target>/.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
need=()
command -v clang++-14 >/dev/null || need+=(clang-14)
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed" || need+=(libclang-rt-14-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSALIGN_FUZZ=ON -DCROSSALIGN_BUILD_TESTS=OFF \
  -DCROSSALIGN_BUILD_BENCH=OFF -DCROSSALIGN_BUILD_TOOLS=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for target in ${FUZZ_TARGETS:-decode_segment_fuzzer dictionary_fuzzer align_fuzzer srx_fuzzer tmx_reader_fuzzer html_extract_fuzzer model_merge_fuzzer}; do
  seeds=tests/fuzz/corpus/${target%_fuzzer}
  work=build-fuzz/corpus/${target%_fuzzer}
  mkdir -p "$work"
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
  if ! build-fuzz/tests/fuzz/$target -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
      -artifact_prefix=build-fuzz/ "$work" "$seeds" 2>build-fuzz/$target.log; then
    echo "fuzz: $target FAILED; see build-fuzz/$target.log and build-fuzz/crash-*"
    tail -30 build-fuzz/$target.log
    status=1
  else
    grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" build-fuzz/$target.log | tail -1
  fi
done
exit $status
