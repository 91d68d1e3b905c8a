# One `parallelize` body, run on CPU threads and on the GPU: each work item
# computes a run of SPAN pixels of the Mandelbrot image of mandelbrot.mojo.
# `parallelize[item](n)` hands the items to the CPU's threads;
# `parallelize[item](n, ctx)` runs them on the GPU in a grid-stride loop.
# Both give the same counts, the same integer total as mandelbrot.mojo.
#
# Usage: mandelbrot_parallel [width [height]]     (default 4096 x 4096)
from algorithm import parallelize
from gpu.host import DeviceContext
from sys import argv
from time import perf_counter_ns

comptime MAX_ITER = 256
# Pixels per item: enough items to fill a GPU (2^18 at the default size),
# few enough that handing them out costs the CPU little.
comptime SPAN = 64
comptime REPEATS = 3


def escape_count(cr: Float32, ci: Float32) -> Int32:
    var zr: Float32 = 0
    var zi: Float32 = 0
    var i = 0
    while i < MAX_ITER:
        var zr2 = zr * zr
        var zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            break
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return Int32(i)


# Fills `counts` on the GPU when `ctx` is given, else on the CPU, and gives
# the best time in nanoseconds.
def render(counts: UnsafePointer[Int32], width: Int, height: Int,
           ctx: DeviceContext, on_gpu: Bool) raises -> Int:
    var x0: Float32 = -2.0
    var y0: Float32 = -1.5
    var dx = Float32(3.0 / Float64(width))
    var dy = Float32(3.0 / Float64(height))
    var pixels = width * height

    def item(i: Int) {read}:
        var first = i * SPAN
        for p in range(first, min(first + SPAN, pixels)):
            var x = p % width
            var y = p // width
            counts[p] = escape_count(x0 + Float32(x) * dx, y0 + Float32(y) * dy)

    var items = (pixels + SPAN - 1) // SPAN
    var best = 0
    for r in range(REPEATS):
        var start = perf_counter_ns()
        if on_gpu:
            parallelize[item](items, ctx)
            ctx.synchronize()
        else:
            parallelize[item](items)
        var elapsed = Int(perf_counter_ns() - start)
        if r == 0 or elapsed < best:
            best = elapsed
    return best


def main() raises:
    var width = 4096
    var args = argv()
    if len(args) > 1:
        width = Int(args[1])
    var height = width
    if len(args) > 2:
        height = Int(args[2])
    var pixels = width * height

    var ctx = DeviceContext()
    var cpu = ctx.enqueue_create_host_buffer[DType.int32](pixels)
    var cpu_ns = render(cpu.unsafe_ptr(), width, height, ctx, False)
    var gpu = ctx.enqueue_create_buffer[DType.int32](pixels)
    var gpu_ns = render(gpu.unsafe_ptr(), width, height, ctx, True)

    var total = 0
    with gpu.map_to_host() as counts:
        for p in range(pixels):
            if counts[p] != cpu[p]:
                raise Error("pixel " + String(p) + ": GPU " + String(counts[p])
                            + ", CPU " + String(cpu[p]))
            total += Int(cpu[p])
    print("mandelbrot_parallel", width, "x", height, "total =", total)
    print("cpu_time_ms:", Float64(cpu_ns) / 1e6)
    print("gpu_time_ms:", Float64(gpu_ns) / 1e6)
