# c = a + b over n Float32s: a kernel that does almost no arithmetic, so its
# time is the time to stream 3 * 4 * n bytes through device memory, which
# makes it the bandwidth benchmark (benchmarks/gpu/run.py).
#
# Usage: vector_add [n]     (default 1 << 24)
from gpu import global_idx
from gpu.host import DeviceContext
from sys import argv
from time import perf_counter_ns

comptime TPB = 256
# Launches to time: the first pays for loading the module, so the best of
# several is the kernel's own time.
comptime REPEATS = 10


def vector_add(a: UnsafePointer[Float32], b: UnsafePointer[Float32],
               c: UnsafePointer[Float32], n: Int):
    var i = Int(global_idx.x)
    if i < n:
        c[i] = a[i] + b[i]


def main() raises:
    var n = 1 << 24
    var args = argv()
    if len(args) > 1:
        n = Int(args[1])
    var ctx = DeviceContext()
    var ha = ctx.enqueue_create_host_buffer[DType.float32](n)
    var hb = ctx.enqueue_create_host_buffer[DType.float32](n)
    # Small integers stay exact in Float32, so the check below is exact.
    for i in range(n):
        ha[i] = Float32(i % 1000)
        hb[i] = Float32(2 * (i % 7))
    var a = ctx.enqueue_create_buffer[DType.float32](n)
    var b = ctx.enqueue_create_buffer[DType.float32](n)
    var c = ctx.enqueue_create_buffer[DType.float32](n)
    ctx.enqueue_copy(dst_buf=a, src_buf=ha)
    ctx.enqueue_copy(dst_buf=b, src_buf=hb)
    ctx.synchronize()

    var blocks = (n + TPB - 1) // TPB
    var best = 0
    for r in range(REPEATS):
        var start = perf_counter_ns()
        ctx.enqueue_function[vector_add](a, b, c, n, grid_dim=blocks, block_dim=TPB)
        ctx.synchronize()
        var elapsed = Int(perf_counter_ns() - start)
        if r == 0 or elapsed < best:
            best = elapsed

    var hc = ctx.enqueue_create_host_buffer[DType.float32](n)
    ctx.enqueue_copy(dst_buf=hc, src_buf=c)
    ctx.synchronize()
    var checksum = 0
    for i in range(n):
        var expected = (i % 1000) + 2 * (i % 7)
        if hc[i] != Float32(expected):
            raise Error("c[" + String(i) + "] = " + String(hc[i]) + ", expected " + String(expected))
        checksum += Int(hc[i])
    print("vector_add n =", n, "checksum =", checksum)
    print("time_ms:", Float64(best) / 1e6)
