#!/usr/bin/env python3
"""Compares standard input with the `# OUT:` lines of a test file, exactly.

Usage: program | check_output.py TEST_FILE

Each `# OUT: text` line is one expected output line (`# OUT:` alone is an
empty line). Every line must match, and nothing else may be printed.
"""
import difflib
import sys


def expected_output(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            stripped = line.rstrip("\n")
            for prefix in ("# OUT: ", "# OUT:"):
                if stripped.lstrip().startswith(prefix):
                    lines.append(stripped.lstrip()[len(prefix):])
                    break
    return "".join(l + "\n" for l in lines)


def main():
    expected = expected_output(sys.argv[1])
    actual = sys.stdin.read()
    if actual == expected:
        return 0
    sys.stderr.write("output differs from the `# OUT:` lines:\n")
    sys.stderr.writelines(difflib.unified_diff(
        expected.splitlines(True), actual.splitlines(True),
        "expected", "actual"))
    if not actual.endswith("\n"):
        sys.stderr.write("\n(the output does not end with a newline)\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
