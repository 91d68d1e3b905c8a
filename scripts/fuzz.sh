#!/usr/bin/env bash
# Replays fuzz/regressions/ through every fuzz target, then fuzzes each for
# SECONDS (default 60). Builds build-fuzz/ (clang, ASan+UBSan) if needed.
# Prints one line per target, `fuzz: TARGET passed|failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

./scripts/configure-sanitized.sh || exit 1
ninja -C build-fuzz -j2 lexer-fuzzer parser-fuzzer frontend-fuzzer || exit 1

seeds=$(mktemp -d)
find test examples -name '*.ember' -o -name '*.mojo' | while read -r f; do
  cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"
done
mkdir -p fuzz-artifacts
status=0
for target in lexer-fuzzer parser-fuzzer frontend-fuzzer; do
  # Each target starts from the seeds alone: libFuzzer adds what it finds
  # to its corpus, which would make the next target replay it all.
  corpus=$(mktemp -d)
  cp "$seeds"/* "$corpus"/
  ok=1
  regressions=(fuzz/regressions/*)
  if [ -e "${regressions[0]}" ]; then
    build-fuzz/bin/$target "${regressions[@]}" >/dev/null 2>&1 || ok=0
  fi
  if [ $ok = 1 ]; then
    build-fuzz/bin/$target "$corpus" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 \
      > "fuzz-artifacts/$target.log" 2>&1 || ok=0
  fi
  if [ $ok = 1 ]; then
    echo "fuzz: $target passed"
  else
    echo "fuzz: $target failed (see fuzz-artifacts/)"
    status=1
  fi
  rm -rf "$corpus"
done
rm -rf "$seeds"
exit $status
