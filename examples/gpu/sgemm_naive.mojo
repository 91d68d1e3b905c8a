# C = A * B for n x n row-major Float32 matrices, one thread per element of
# C reading its row of A and column of B straight from device memory: the
# baseline sgemm_tiled.mojo improves on. A warp's threads take neighboring
# columns, so each step of the loop reads one coalesced row segment of B
# and a single value of A.
#
# Usage: sgemm_naive [n]     (default 4096)
from gpu import global_idx
from gpu.host import DeviceContext
from sys import argv
from time import perf_counter_ns

comptime BLOCK_X = 32
comptime BLOCK_Y = 8
comptime REPEATS = 3


def sgemm_naive(a: UnsafePointer[Float32], b: UnsafePointer[Float32],
                c: UnsafePointer[Float32], n: Int):
    var col = Int(global_idx.x)
    var row = Int(global_idx.y)
    if row < n and col < n:
        var acc: Float32 = 0
        for k in range(n):
            acc += a[row * n + k] * b[k * n + col]
        c[row * n + col] = acc


# Small integers: every product and partial sum (at most 24 * n) is an
# integer below 2^24, exact in Float32 in any order of summation.
def a_at(i: Int, k: Int) -> Float32:
    return Float32((i + 2 * k) % 7)


def b_at(k: Int, j: Int) -> Float32:
    return Float32((3 * k + j) % 5)


def main() raises:
    var n = 4096
    var args = argv()
    if len(args) > 1:
        n = Int(args[1])
    var ctx = DeviceContext()
    var ha = ctx.enqueue_create_host_buffer[DType.float32](n * n)
    var hb = ctx.enqueue_create_host_buffer[DType.float32](n * n)
    for i in range(n):
        for j in range(n):
            ha[i * n + j] = a_at(i, j)
            hb[i * n + j] = b_at(i, j)
    var a = ctx.enqueue_create_buffer[DType.float32](n * n)
    var b = ctx.enqueue_create_buffer[DType.float32](n * n)
    var c = ctx.enqueue_create_buffer[DType.float32](n * n)
    ctx.enqueue_copy(dst_buf=a, src_buf=ha)
    ctx.enqueue_copy(dst_buf=b, src_buf=hb)
    ctx.synchronize()

    var best = 0
    for r in range(REPEATS):
        var start = perf_counter_ns()
        ctx.enqueue_function[sgemm_naive](
            a, b, c, n,
            grid_dim=((n + BLOCK_X - 1) // BLOCK_X, (n + BLOCK_Y - 1) // BLOCK_Y),
            block_dim=(BLOCK_X, BLOCK_Y))
        ctx.synchronize()
        var elapsed = Int(perf_counter_ns() - start)
        if r == 0 or elapsed < best:
            best = elapsed

    var hc = ctx.enqueue_create_host_buffer[DType.float32](n * n)
    ctx.enqueue_copy(dst_buf=hc, src_buf=c)
    ctx.synchronize()
    # Every element of a small C is checked; of a large one, a few hundred
    # spread over it, and the sum of all of them, which is
    # sum over k of (column k of A's sum) * (row k of B's sum).
    var samples = n * n if n <= 256 else 509
    for t in range(samples):
        var i = t // n if n <= 256 else (t * 7919) % n
        var j = t % n if n <= 256 else (t * 104729 + 13) % n
        var expected: Float32 = 0
        for k in range(n):
            expected += a_at(i, k) * b_at(k, j)
        if hc[i * n + j] != expected:
            raise Error("C[" + String(i) + ", " + String(j) + "] = " + String(hc[i * n + j])
                        + ", expected " + String(expected))
    var checksum = 0
    for i in range(n * n):
        checksum += Int(hc[i])
    var expected_sum = 0
    for k in range(n):
        var col_a = 0
        var row_b = 0
        for i in range(n):
            col_a += Int(a_at(i, k))
            row_b += Int(b_at(k, i))
        expected_sum += col_a * row_b
    if checksum != expected_sum:
        raise Error("checksum " + String(checksum) + ", expected " + String(expected_sum))
    print("sgemm_naive n =", n, "checksum =", checksum)
    print("time_ms:", Float64(best) / 1e6)
