#!/usr/bin/env python3
"""Times `emberc build -O2` of a generated program with many types and
instances: 100 struct types, 300 instances of generic functions.

Usage: benchmarks/compile_time.py [--emberc PATH] [--structs N] [--repeat N]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def program(structs):
    lines = ["trait HasValue:", "    def value(self) -> Int:", "        ...", ""]
    for i in range(structs):
        lines += [
            "@fieldwise_init",
            f"struct S{i}(HasValue, ImplicitlyCopyable):",
            "    var a: Int",
            "    var b: Float64",
            "",
            "    def value(self) -> Int:",
            f"        return self.a * {i + 1} + Int(self.b)",
            "",
            f"    def __add__(self, other: Self) -> Self:",
            f"        return S{i}(self.a + other.a, self.b + other.b)",
            "",
        ]
    lines += [
        "def twice[T: HasValue](x: T) -> Int:",
        "    return x.value() * 2",
        "",
        "def scale[n: Int](x: Int) -> Int:",
        "    return x * n + n",
        "",
        "def main():",
        "    var total = 0",
    ]
    for i in range(structs):
        lines.append(f"    total += twice(S{i}({i}, 0.5) + S{i}(1, 1.5))")
    for n in range(2 * structs):
        lines.append(f"    total += scale[{n}](total % 7)")
    lines.append("    print(total)")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emberc", default=os.path.join(HERE, "..", "build", "bin", "emberc"))
    parser.add_argument("--structs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "many.mojo")
        with open(source, "w") as f:
            f.write(program(args.structs))
        exe = os.path.join(tmp, "many")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([args.emberc, "build", "-O2", source, "-o", exe], check=True)
            times.append(time.perf_counter() - start)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    print(f"{args.structs} structs, {3 * args.structs} generic instances: "
          f"build -O2 in {min(times):.2f} s (best of {args.repeat}); prints {out.strip()}")


if __name__ == "__main__":
    sys.exit(main())
