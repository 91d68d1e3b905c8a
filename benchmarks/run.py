#!/usr/bin/env python3
"""Builds and times each benchmark in Ember, C and Python, in one run.

Usage: benchmarks/run.py [--emberc PATH] [--repeat N] [--skip-python]
                         [--only scalar|parallel|matmul]

Ember is built with `emberc build -O3` (host CPU), C with
`clang-22 -O3 -march=native`. Every program must print the same output in
all three languages. Ember and C run N times (best time kept), Python once.

The parallel programs also run Ember on one thread (EMBER_NUM_THREADS=1),
C with OpenMP (`-fopenmp`), and Numba (`@njit(parallel=True)`, `prange`)
when it is installed: its JIT cache is warmed by a first run, so the times
are those of a cached program, the interpreter's start-up included.

The matrix multiplications print their checksum and the seconds the
multiplication itself took, which their GFLOP/s are computed from.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Each benchmark: its name, and the Ember, C and Python programs it runs.
PROGRAMS = [
    ("fib", "fib.ember", "fib.c", "fib.py"),
    # fib through a generic function's `Int` instance.
    ("fib-generic", "fib_generic.ember", "fib.c", "fib.py"),
    ("primes", "primes.ember", "primes.c", "primes.py"),
    ("leibniz", "leibniz.ember", "leibniz.c", "leibniz.py"),
    ("mandelbrot", "mandelbrot.ember", "mandelbrot.c", "mandelbrot.py"),
    # The same kernel with a Complex struct: structs must cost nothing.
    ("mandel-struct", "mandelbrot_complex.ember", "mandelbrot.c", "mandelbrot.py"),
    # The library: Dict[String, Int] and String allocation, formatting.
    ("word-count", "word_count.ember", "word_count.c", "word_count.py"),
    ("string-build", "string_build.ember", "string_build.c", "string_build.py"),
]


# Each parallel benchmark: its name, and its Ember, C (OpenMP), Python and
# Numba programs (no Python one where it would take minutes).
PARALLEL = [
    ("primes-par", "primes_parallel.ember", "primes_parallel.c", "primes_parallel.py",
     "primes_parallel_numba.py"),
    # SIMD lanes in each row, rows over the threads.
    ("mandel-par", "mandelbrot_parallel.ember", "mandelbrot_parallel.c", "mandelbrot.py",
     "mandelbrot_parallel_numba.py"),
    ("sum-par", "sum_parallel.ember", "sum_parallel.c", None, "sum_parallel_numba.py"),
]


# Matrix multiplications of 1024 x 1024 Float64s, reported in GFLOP/s:
# name, Ember, C and Numba programs, and whether C needs OpenMP.
MATMUL = [
    ("naive", "matmul_naive.ember", "matmul_naive.c", "matmul_naive_numba.py", False),
    ("vectorized", "matmul_vectorized.ember", "matmul_vectorized.c",
     "matmul_vectorized_numba.py", False),
    ("tiled-par", "matmul_tiled.ember", "matmul_tiled.c", "matmul_tiled_numba.py", True),
]
MATMUL_FLOPS = 2 * 1024 ** 3


def run_timed(cmd, env=None):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True,
                         env=env).stdout
    return time.perf_counter() - start, out


def best_of(cmd, repeat, env=None):
    times, outputs = zip(*(run_timed(cmd, env) for _ in range(repeat)))
    return min(times), outputs[0]


def has_numba():
    return subprocess.run([sys.executable, "-c", "import numba"],
                          capture_output=True).returncode == 0


def best_multiply(cmd, repeat, env=None):
    """The checksum a matmul program prints first, and the least of the
    seconds it prints next: the multiplication's own time."""
    runs = [run_timed(cmd, env)[1].split() for _ in range(repeat)]
    return runs[0][0], min(float(seconds) for _, seconds in runs)


def run_matmul(args, tmp):
    """Times the matrix multiplications; prints GFLOP/s and ratios."""
    one_thread = dict(os.environ, EMBER_NUM_THREADS="1", OMP_NUM_THREADS="1")
    numba = has_numba()
    print(f"\n{'matmul':10} {'ember GF/s':>11} {'1 thread':>9} {'C GF/s':>9} {'C 1 thread':>11}"
          f" {'numba GF/s':>11} {'ember/C':>8} {'numba/ember':>12}")
    for name, ember_src, c_src, numba_src, openmp in MATMUL:
        ember_exe = os.path.join(tmp, name + "-ember")
        c_exe = os.path.join(tmp, name + "-c")
        subprocess.run([args.emberc, "build", "-O3", os.path.join(HERE, ember_src),
                        "-o", ember_exe], check=True)
        subprocess.run([args.cc, "-O3", "-march=native"] + (["-fopenmp"] if openmp else [])
                       + [os.path.join(HERE, c_src), "-o", c_exe], check=True)
        repeat = 1 if name == "naive" else args.repeat
        ember_out, ember_time = best_multiply([ember_exe], repeat)
        c_out, c_time = best_multiply([c_exe], repeat)
        gflops = lambda t: MATMUL_FLOPS / t / 1e9
        serial = serial_c = f"{'-':>9}"
        if openmp:
            serial = f"{gflops(best_multiply([ember_exe], repeat, one_thread)[1]):9.2f}"
            serial_c = f"{gflops(best_multiply([c_exe], repeat, one_thread)[1]):11.2f}"
        numba_time, numba_out = None, ember_out
        if numba:
            run_timed([sys.executable, os.path.join(HERE, numba_src)])  # JIT cache
            numba_out, numba_time = best_multiply(
                [sys.executable, os.path.join(HERE, numba_src)], repeat)
        if float(ember_out) != float(c_out) or float(ember_out) != float(numba_out):
            sys.exit(f"matmul {name}: outputs differ: {ember_out!r} {c_out!r} {numba_out!r}")
        numba_rate = f"{gflops(numba_time):11.2f}" if numba_time else f"{'-':>11}"
        numba_ratio = f"{numba_time / ember_time:11.2f}x" if numba_time else f"{'-':>12}"
        print(f"{name:10} {gflops(ember_time):11.2f} {serial} {gflops(c_time):9.2f}"
              f" {serial_c:>11} {numba_rate} {ember_time / c_time:8.2f} {numba_ratio}")


def run_parallel(args, tmp):
    """Times the parallel programs; prints their table."""
    one_thread = dict(os.environ, EMBER_NUM_THREADS="1", OMP_NUM_THREADS="1")
    numba = has_numba()
    print(f"\n{'program':10} {'ember s':>9} {'1 thread':>9} {'C+omp s':>9} {'numba s':>9}"
          f" {'python s':>9} {'ember/C':>8} {'speedup':>8} {'numba/ember':>12}"
          f" {'python/ember':>13}")
    for name, ember_src, c_src, py_src, numba_src in PARALLEL:
        ember_exe = os.path.join(tmp, name + "-ember")
        c_exe = os.path.join(tmp, name + "-c")
        subprocess.run([args.emberc, "build", "-O3", os.path.join(HERE, ember_src),
                        "-o", ember_exe], check=True)
        subprocess.run([args.cc, "-O3", "-march=native", "-fopenmp",
                        os.path.join(HERE, c_src), "-o", c_exe], check=True)
        ember_time, ember_out = best_of([ember_exe], args.repeat)
        serial_time, serial_out = best_of([ember_exe], args.repeat, one_thread)
        c_time, c_out = best_of([c_exe], args.repeat)
        numba_time, numba_out = None, ember_out
        if numba:
            run_timed([sys.executable, os.path.join(HERE, numba_src)])  # JIT cache
            numba_time, numba_out = best_of([sys.executable, os.path.join(HERE, numba_src)],
                                            args.repeat)
        py_time, py_out = None, ember_out
        if py_src and not args.skip_python:
            py_time, py_out = run_timed([sys.executable, os.path.join(HERE, py_src)])
        if not (ember_out == serial_out == c_out == numba_out == py_out):
            sys.exit(f"{name}: outputs differ: {ember_out!r} {serial_out!r} {c_out!r}"
                     f" {numba_out!r} {py_out!r}")
        show = lambda t: f"{t:9.3f}" if t else f"{'-':>9}"
        ratio = lambda t: f"{t / ember_time:11.2f}x" if t else f"{'-':>12}"
        print(f"{name:10} {ember_time:9.3f} {serial_time:9.3f} {c_time:9.3f} {show(numba_time)}"
              f" {show(py_time)} {ember_time / c_time:8.2f} {serial_time / ember_time:7.2f}x"
              f" {ratio(numba_time)} {ratio(py_time)} ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emberc", default=os.path.join(HERE, "..", "build", "bin", "emberc"))
    parser.add_argument("--cc", default=shutil.which("clang-22") or "clang")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-python", action="store_true")
    parser.add_argument("--only", choices=["scalar", "parallel", "matmul"],
                        help="run one table")
    args = parser.parse_args()
    if args.only in (None, "scalar"):
        run_scalar(args)
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "parallel"):
            run_parallel(args, tmp)
        if args.only in (None, "matmul"):
            run_matmul(args, tmp)


def run_scalar(args):
    """Times the one-thread programs; prints their table."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, ember_src, c_src, py_src in PROGRAMS:
            ember_exe = os.path.join(tmp, name + "-ember")
            c_exe = os.path.join(tmp, name + "-c")
            subprocess.run([args.emberc, "build", "-O3", os.path.join(HERE, ember_src),
                            "-o", ember_exe], check=True)
            subprocess.run([args.cc, "-O3", "-march=native", os.path.join(HERE, c_src),
                            "-o", c_exe], check=True)
            ember_time, ember_out = best_of([ember_exe], args.repeat)
            c_time, c_out = best_of([c_exe], args.repeat)
            py_time, py_out = (None, ember_out)
            if not args.skip_python:
                py_time, py_out = run_timed([sys.executable, os.path.join(HERE, py_src)])
            if not (ember_out == c_out == py_out):
                sys.exit(f"{name}: outputs differ:\n ember {ember_out!r}\n c {c_out!r}\n python {py_out!r}")
            rows.append((name, ember_time, c_time, py_time))

    print(f"{'program':10} {'ember s':>9} {'C s':>9} {'python s':>9} {'ember/C':>8} {'python/ember':>13}")
    for name, ember_time, c_time, py_time in rows:
        py = f"{py_time:9.3f}" if py_time else f"{'-':>9}"
        speedup = f"{py_time / ember_time:12.1f}x" if py_time else f"{'-':>13}"
        print(f"{name:10} {ember_time:9.3f} {c_time:9.3f} {py} {ember_time / c_time:8.2f} {speedup}")


if __name__ == "__main__":
    main()
