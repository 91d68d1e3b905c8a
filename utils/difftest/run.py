#!/usr/bin/env python3
"""Differential testing: random programs run under python3 and emberc.

Usage: utils/difftest/run.py [--count N] [--seed S] [--emberc PATH]

For each seed, the generated program is built with `emberc -O0` and
`emberc -O3`, both binaries and python3 run it, and all three outputs must
be identical. Mismatches are saved to `difftest-failures/` and reported;
the exit status is the number of failing programs (at most 1).
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import ember_source, python_source  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def run(cmd, timeout=20):
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return result.returncode, result.stdout, result.stderr


def check(seed, emberc, tmp):
    source = ember_source(seed)
    ember_path = os.path.join(tmp, f"prog{seed}.ember")
    with open(ember_path, "w") as f:
        f.write(source)
    status, expected, error = run([sys.executable, "-c", python_source(seed)])
    if status != 0:
        return f"python3 failed (generator bug):\n{error}"
    outputs = {}
    for level in ("-O0", "-O3"):
        exe = os.path.join(tmp, f"prog{seed}{level}")
        status, _, error = run([emberc, "build", level, ember_path, "-o", exe])
        if status != 0:
            return f"emberc {level} failed ({status}):\n{error}"
        status, outputs[level], error = run([exe])
        if status != 0:
            return f"program built with {level} failed ({status}):\n{error}"
    for level, output in outputs.items():
        if output != expected:
            return f"{level} output differs from python3:\n--- python3\n{expected}--- ember {level}\n{output}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--emberc", default=os.path.join(ROOT, "build", "bin", "emberc"))
    parser.add_argument("--failures", default="difftest-failures")
    args = parser.parse_args()

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.count):
            try:
                problem = check(seed, args.emberc, tmp)
            except subprocess.TimeoutExpired:
                problem = "timed out"
            if problem:
                failures += 1
                os.makedirs(args.failures, exist_ok=True)
                path = os.path.join(args.failures, f"seed{seed}.ember")
                with open(path, "w") as f:
                    f.write(ember_source(seed))
                print(f"seed {seed}: {problem}\n(saved as {path})", file=sys.stderr)
    print(f"difftest: {args.count} programs, {failures} mismatches")
    return min(failures, 1)


if __name__ == "__main__":
    sys.exit(main())
