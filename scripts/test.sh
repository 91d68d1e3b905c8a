#!/usr/bin/env bash
# Builds Ember (see setup.sh) and runs the whole lit test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || ./scripts/setup.sh
ninja -C build -j2 emberc ember-opt ember_rt
/usr/lib/llvm-22/bin/lit -sv build/test
