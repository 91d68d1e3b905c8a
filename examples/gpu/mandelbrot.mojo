# The Mandelbrot set, one GPU thread per pixel: points near the set take up
# to MAX_ITER iterations and points far from it one or two, so neighboring
# threads do very different amounts of work, the case a GPU handles worst.
# The iteration uses only + - * and comparisons, which are exact IEEE
# operations on both the CPU and the GPU (Ember never fuses them into an
# FMA), so the total of all counts is the same integer wherever it runs.
#
# Usage: mandelbrot [width [height]]     (default 4096 x 4096)
from gpu import global_idx
from gpu.host import DeviceContext
from sys import argv
from time import perf_counter_ns

comptime MAX_ITER = 256
comptime TILE = 16
comptime REPEATS = 5


# Shared by the kernel and the host's check, so both run the same operations.
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


# The plane's step is computed once on the host, so a pixel's coordinates
# need a multiply and an add, no division.
def mandelbrot(counts: UnsafePointer[Int32], width: Int, height: Int,
               x0: Float32, y0: Float32, dx: Float32, dy: Float32):
    var x = Int(global_idx.x)
    var y = Int(global_idx.y)
    if x < width and y < height:
        counts[y * width + x] = escape_count(x0 + Float32(x) * dx, y0 + Float32(y) * dy)


def main() raises:
    var width = 4096
    var args = argv()
    if len(args) > 1:
        width = Int(args[1])
    var height = width
    if len(args) > 2:
        height = Int(args[2])
    # The plane from -2.0 - 1.5i to 1.0 + 1.5i.
    var x0: Float32 = -2.0
    var y0: Float32 = -1.5
    var dx = Float32(3.0 / Float64(width))
    var dy = Float32(3.0 / Float64(height))

    var ctx = DeviceContext()
    var counts = ctx.enqueue_create_buffer[DType.int32](width * height)
    var best = 0
    for r in range(REPEATS):
        var start = perf_counter_ns()
        ctx.enqueue_function[mandelbrot](counts, width, height, x0, y0, dx, dy,
                                         grid_dim=((width + TILE - 1) // TILE, (height + TILE - 1) // TILE),
                                         block_dim=(TILE, TILE))
        ctx.synchronize()
        var elapsed = Int(perf_counter_ns() - start)
        if r == 0 or elapsed < best:
            best = elapsed

    var host = ctx.enqueue_create_host_buffer[DType.int32](width * height)
    ctx.enqueue_copy(dst_buf=host, src_buf=counts)
    ctx.synchronize()
    # 64 rows spread over the image are recomputed on the host: every pixel
    # of a small image, a sample of a large one.
    var step = max(1, height // 64)
    for y in range(0, height, step):
        for x in range(width):
            var expected = escape_count(x0 + Float32(x) * dx, y0 + Float32(y) * dy)
            if host[y * width + x] != expected:
                raise Error("pixel (" + String(x) + ", " + String(y) + ") = "
                            + String(host[y * width + x]) + ", expected " + String(expected))
    var total = 0
    for i in range(width * height):
        total += Int(host[i])
    print("mandelbrot", width, "x", height, "total =", total)
    print("time_ms:", Float64(best) / 1e6)
