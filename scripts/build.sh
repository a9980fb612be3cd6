#!/usr/bin/env bash
# Configures and builds crossalign into build/ (or $BUILD_DIR).
#   bash scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSALIGN_WERROR=ON "$@" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
