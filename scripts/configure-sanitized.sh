#!/usr/bin/env bash
# Configures build-fuzz/: the compiler built by clang-22 with ASan+UBSan and
# libFuzzer instrumentation, plus the fuzz targets.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build-fuzz/build.ninja ] && exit 0
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
  -DEMBER_ENABLE_FUZZERS=ON >/dev/null
