#!/usr/bin/env python3
"""Builds and times the GPU examples against CUDA C and cuBLAS on an NVIDIA GPU.

Usage: benchmarks/gpu/run.py [--emberc PATH] [--nvcc PATH] [--arch sm_90]
                             [--repeat N] [--keep DIR] [--dry-run]

The Ember programs (examples/gpu/*.mojo) are built with `emberc build -O3
--gpu=cuda`, the references here with `nvcc -O3 -arch=sm_90`. Every
program times its own kernel (a `time_ms: X` line, the best of several
launches) and checks its own result; run.py runs each N times, keeps the
best time, checks that Ember and the reference print the same result, and
prints a table against the targets:

  vector add   GB/s of Ember / CUDA C      >= 0.90
  tiled SGEMM  GFLOP/s of Ember / cuBLAS   >= 0.30
  mandelbrot   GPU time of Ember against CUDA C, and against the CPU run of
               examples/gpu/mandelbrot_parallel.mojo when that exists

Without a GPU it says so and exits 0. `--dry-run` builds everything that
builds without one (emberc and nvcc need no driver) and runs the Ember
programs in the emulator (EMBER_GPU=emulate) at tiny sizes, so the whole
pipeline is exercised on any machine; its times are not benchmarks.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples", "gpu")

# Each Ember program: its name, and its arguments for a benchmark run and
# for a dry run in the emulator.
EMBER = [
    ("vector_add", [str(1 << 24)], ["4099"]),
    ("sgemm_tiled", ["4096"], ["128"]),
    ("sgemm_naive", ["4096"], ["128"]),
    ("mandelbrot", ["4096", "4096"], ["64", "48"]),
    ("block_reduce", [str(1 << 24)], ["10000"]),
    ("histogram", [str(1 << 24)], ["10000"]),
]
# Another engineer's program: the same Mandelbrot work through
# `parallelize[work](n)` on CPU threads and `parallelize[work](n, ctx)` on
# the GPU. It is benchmarked when it exists; see README.md for the lines it
# prints.
PARALLEL = "mandelbrot_parallel"

# Each CUDA C reference: its name, source, extra nvcc flags, and arguments.
# -fmad=false: Ember never fuses a multiply and an add, so with FMAs the
# Mandelbrot counts would differ.
CUDA = [
    ("vector_add", "vector_add.cu", [], [str(1 << 24)]),
    ("sgemm_cublas", "sgemm_cublas.cu", ["-lcublas"], ["4096"]),
    ("mandelbrot", "mandelbrot.cu", ["-fmad=false"], ["4096", "4096"]),
]


def has_gpu():
    smi = shutil.which("nvidia-smi")
    return bool(smi) and subprocess.run([smi, "-L"], capture_output=True).returncode == 0


def gpu_name():
    out = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
                         capture_output=True, text=True).stdout.strip()
    return out.splitlines()[0] if out else "unknown GPU"


def build(cmd):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def build_ember(args, tmp):
    """Builds every Ember program for CUDA; gives {name: executable}."""
    exes = {}
    names = [name for name, _, _ in EMBER]
    if os.path.exists(os.path.join(EXAMPLES, PARALLEL + ".mojo")):
        names.append(PARALLEL)
    for name in names:
        exe = os.path.join(tmp, name + "-ember")
        build([args.emberc, "build", "-O3", "--gpu=cuda", "--target-accelerator=" + args.arch,
               os.path.join(EXAMPLES, name + ".mojo"), "-o", exe])
        exes[name] = exe
    return exes


def build_cuda(args, tmp):
    """Builds the CUDA C references; gives {name: executable}."""
    exes = {}
    for name, src, flags, _ in CUDA:
        exe = os.path.join(tmp, name + "-cuda")
        build([args.nvcc, "-O3", "-arch=" + args.arch, os.path.join(HERE, src), "-o", exe]
              + flags)
        exes[name] = exe
    return exes


def run(cmd, env=None):
    """Runs a program once; gives its output, or exits with its error."""
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def value(out, key):
    """The number on the `key: X` line of a program's output, else None."""
    match = re.search(rf"^{key}:\s*(\S+)\s*$", out, re.MULTILINE)
    return float(match.group(1)) if match else None


def result(out):
    """A program's result line without its name, to compare two programs."""
    first = out.splitlines()[0] if out else ""
    return first.split(" ", 1)[1] if " " in first else first


def best_run(cmd, repeat, env=None):
    """Runs a program `repeat` times; gives its output and best `time_ms`."""
    outs = [run(cmd, env) for _ in range(repeat)]
    times = [value(out, "time_ms") for out in outs]
    if None in times:
        sys.exit(f"{' '.join(cmd)} printed no `time_ms:` line:\n{outs[0]}")
    return outs[0], min(times)


def gbs(bytes_moved, ms):
    return bytes_moved / (ms * 1e-3) / 1e9


def gflops(n, ms):
    return 2 * n ** 3 / (ms * 1e-3) / 1e9


def fmt(x, width=10, digits=1):
    return f"{x:{width}.{digits}f}" if isinstance(x, float) else f"{x:>{width}}"


def print_table(rows):
    """rows: (what, unit, ember, reference name, reference, ratio, target)."""
    print(f"\n{'benchmark':14} {'unit':8} {'ember':>10} {'reference':>10} {'ref value':>10}"
          f" {'ratio':>7} {'target':>8}  verdict")
    for what, unit, ember, ref_name, ref, ratio, target in rows:
        verdict = ""
        if isinstance(ratio, float) and target is not None:
            verdict = "ok" if ratio >= target else "BELOW TARGET"
        target_text = f">= {target:.2f}" if target is not None else "-"
        digits = 3 if unit == "ms" else 1
        print(f"{what:14} {unit:8} {fmt(ember, 10, digits)} {ref_name:>10}"
              f" {fmt(ref, 10, digits)} {fmt(ratio, 7, 2)} {target_text:>8}  {verdict}")


def parallel_times(out):
    """CPU and GPU times from mandelbrot_parallel's output, or 'n/a'."""
    cpu = value(out, "cpu_time_ms")
    gpu = value(out, "gpu_time_ms")
    return (cpu if cpu is not None else "n/a"), (gpu if gpu is not None else "n/a")


def benchmark(args, ember, cuda):
    sizes = {name: [int(a) for a in bench] for name, bench, _ in EMBER}
    outs, times = {}, {}
    for name, bench, _ in EMBER:
        outs[name], times[name] = best_run([ember[name]] + bench, args.repeat)
        print(f"ember  {name:14} {times[name]:10.3f} ms", flush=True)
    refs, ref_times = {}, {}
    for name, _, _, bench in CUDA:
        refs[name], ref_times[name] = best_run([cuda[name]] + bench, args.repeat)
        print(f"cuda   {name:14} {ref_times[name]:10.3f} ms", flush=True)
    for ember_name, ref_name in [("vector_add", "vector_add"), ("sgemm_tiled", "sgemm_cublas"),
                                 ("sgemm_naive", "sgemm_cublas"), ("mandelbrot", "mandelbrot")]:
        if result(outs[ember_name]) != result(refs[ref_name]):
            sys.exit(f"{ember_name}: results differ: ember {result(outs[ember_name])!r},"
                     f" {ref_name} {result(refs[ref_name])!r}")

    n_vec = sizes["vector_add"][0]
    n_mm = sizes["sgemm_tiled"][0]
    vec = gbs(12 * n_vec, times["vector_add"]), gbs(12 * n_vec, ref_times["vector_add"])
    tiled = gflops(n_mm, times["sgemm_tiled"]), gflops(n_mm, ref_times["sgemm_cublas"])
    naive = gflops(n_mm, times["sgemm_naive"]), tiled[1]
    mandel = times["mandelbrot"], ref_times["mandelbrot"]
    rows = [
        ("vector_add", "GB/s", vec[0], "CUDA C", vec[1], vec[0] / vec[1], 0.90),
        ("sgemm_tiled", "GFLOP/s", tiled[0], "cuBLAS", tiled[1], tiled[0] / tiled[1], 0.30),
        ("sgemm_naive", "GFLOP/s", naive[0], "cuBLAS", naive[1], naive[0] / naive[1], None),
        # A time: the ratio is CUDA C's time over Ember's, so higher is better.
        ("mandelbrot", "ms", mandel[0], "CUDA C", mandel[1], mandel[1] / mandel[0], None),
    ]
    cpu, gpu = "n/a", "n/a"
    if PARALLEL in ember:
        out = run([ember[PARALLEL]] + [str(s) for s in sizes["mandelbrot"]])
        if result(out) and "total" in out and result(out) != result(outs["mandelbrot"]):
            sys.exit(f"{PARALLEL}: results differ: {result(out)!r},"
                     f" mandelbrot {result(outs['mandelbrot'])!r}")
        cpu, gpu = parallel_times(out)
    speedup = cpu / mandel[0] if isinstance(cpu, float) else "n/a"
    rows.append(("mandel CPU", "ms", cpu, "Ember GPU", mandel[0], speedup, None))
    rows.append(("mandel par GPU", "ms", gpu, "Ember GPU", mandel[0],
                 mandel[0] / gpu if isinstance(gpu, float) else "n/a", None))
    n_red = sizes["block_reduce"][0]
    rows.append(("block_reduce", "GB/s", gbs(4 * n_red, times["block_reduce"]), "-", "-", "-",
                 None))
    n_hist = sizes["histogram"][0]
    rows.append(("histogram", "GB/s", gbs(n_hist, times["histogram"]), "-", "-", "-", None))
    print(f"\n{gpu_name()}: best of {args.repeat} runs, each the best of its own launches")
    print_table(rows)
    print("\nratio: ember / reference (for mandelbrot times: reference / ember; for"
          " `mandel CPU`: the CPU's time / the GPU's, a speedup)")


def dry_run(args, ember, cuda):
    """Runs the Ember programs in the emulator at tiny sizes."""
    emulate = dict(os.environ, EMBER_GPU="emulate")
    print("\nno GPU: the Ember programs run in the emulator at tiny sizes"
          " (times are the CPU's, not benchmarks)")
    for name, _, tiny in EMBER:
        out = run([ember[name]] + tiny, emulate)
        print(f"  {name:14} {' '.join(tiny):10} {out.splitlines()[0]}"
              f"  ({value(out, 'time_ms'):.3f} ms)")
    if PARALLEL in ember:
        out = run([ember[PARALLEL], "64", "48"], emulate)
        cpu, gpu = parallel_times(out)
        print(f"  {PARALLEL:14} {'64 48':10} {out.splitlines()[0] if out else ''}"
              f"  (cpu {cpu}, gpu {gpu} ms)")
    else:
        print(f"  {PARALLEL:14} not there yet: the CPU column will be n/a")
    built = ", ".join(sorted(cuda)) if cuda else "none (no nvcc)"
    print(f"CUDA references built (not run without a GPU): {built}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emberc", default=os.path.join(ROOT, "build", "bin", "emberc"))
    cuda_home = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
    parser.add_argument("--nvcc", default=shutil.which("nvcc")
                        or os.path.join(cuda_home, "bin", "nvcc"))
    parser.add_argument("--arch", default="sm_90", help="the GPU to build for")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each program (the best time is kept)")
    parser.add_argument("--keep", metavar="DIR",
                        help="build into DIR and keep the executables")
    parser.add_argument("--dry-run", action="store_true",
                        help="build everything and run the Ember programs in the emulator")
    args = parser.parse_args()

    gpu = has_gpu()
    if not gpu and not args.dry_run:
        print("benchmarks/gpu/run.py needs an NVIDIA GPU (nvidia-smi -L found none); nothing"
              " was run.\nUse --dry-run to build everything and run the Ember programs in"
              " the emulator.")
        return
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        ember = build_ember(args, out_dir)
        cuda = {}
        if os.access(args.nvcc, os.X_OK):
            cuda = build_cuda(args, out_dir)
        elif gpu:
            sys.exit(f"no nvcc at {args.nvcc}: pass --nvcc or set CUDA_HOME")
        else:
            print(f"no nvcc at {args.nvcc}: the CUDA references are not built")
        if args.dry_run:
            dry_run(args, ember, cuda)
        else:
            benchmark(args, ember, cuda)


if __name__ == "__main__":
    main()
