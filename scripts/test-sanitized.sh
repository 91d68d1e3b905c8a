#!/usr/bin/env bash
# Builds the compiler with ASan+UBSan (build-fuzz/) and runs the whole lit
# suite with it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/configure-sanitized.sh
ninja -C build-fuzz -j2 emberc ember-opt ember_rt
/usr/lib/llvm-22/bin/lit -sv build-fuzz/test
