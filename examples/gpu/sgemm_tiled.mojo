# C = A * B for n x n row-major Float32 matrices, tiled for the GPU's memory
# hierarchy. Each block computes a BM x BN tile of C: it steps along k in
# slices of BK, copying the slice of A (BM x BK) and of B (BK x BN) into
# shared memory, where each value loaded from device memory is then used
# by many threads. Each thread computes TM x TN elements of the tile, so
# for each k it loads TM values of A and TN of B from shared memory into
# registers and does TM * TN fused multiply-adds with them: registers, not
# shared memory, feed the arithmetic. With one element per thread, a
# kernel stays bound by shared memory, far from cuBLAS; register blocking
# is what gets it within reach.
#
# Usage: sgemm_tiled [n]     (default 4096)
from gpu import barrier, block_idx, thread_idx
from gpu.host import DeviceContext
from gpu.memory import AddressSpace
from memory import stack_allocation
from sys import argv
from time import perf_counter_ns

comptime BM = 128
comptime BN = 128
comptime BK = 8
comptime TM = 8
comptime TN = 8
# The threads of a block form a (BM / TM) x (BN / TN) grid over its tile.
comptime THREADS = (BM // TM) * (BN // TN)
comptime REPEATS = 5


def sgemm_tiled(a: UnsafePointer[Float32], b: UnsafePointer[Float32],
                c: UnsafePointer[Float32], n: Int):
    # A's slice is stored transposed (k major), so that both slices are
    # read along their rows in the inner loop.
    var a_tile = stack_allocation[BK * BM, Float32, address_space=AddressSpace.SHARED]()
    var b_tile = stack_allocation[BK * BN, Float32, address_space=AddressSpace.SHARED]()
    # Per-thread values; every index below is a compile-time constant once
    # the `comptime for` loops unroll, so these live in registers.
    var acc = stack_allocation[TM * TN, Float32]()
    var a_reg = stack_allocation[TM, Float32]()
    var b_reg = stack_allocation[TN, Float32]()

    var tid = Int(thread_idx.x)
    # A thread's rows and columns are strided by the thread grid's size, not
    # contiguous: the threads of a warp then read consecutive words of
    # b_tile (no shared-memory bank conflicts) and write C in runs of 16.
    var thread_row = tid // (BN // TN)
    var thread_col = tid % (BN // TN)
    var row0 = Int(block_idx.y) * BM
    var col0 = Int(block_idx.x) * BN

    comptime for i in range(TM * TN):
        acc[i] = 0

    for k0 in range(0, n, BK):
        # Each thread copies BM * BK / THREADS values of each slice; a warp
        # reads whole 32-byte segments of rows of A and 128 contiguous bytes
        # of a row of B. Outside the matrices (n not a multiple of the
        # tiles) the slices are padded with zeros.
        comptime for p in range(BM * BK // THREADS):
            var e = tid + p * THREADS
            var row = row0 + e // BK
            var k = k0 + e % BK
            a_tile[(e % BK) * BM + e // BK] = a[row * n + k] if row < n and k < n else 0.0
        comptime for p in range(BK * BN // THREADS):
            var e = tid + p * THREADS
            var k = k0 + e // BN
            var col = col0 + e % BN
            b_tile[e] = b[k * n + col] if k < n and col < n else 0.0
        barrier()

        comptime for k in range(BK):
            comptime for i in range(TM):
                a_reg[i] = a_tile[k * BM + thread_row + i * (BM // TM)]
            comptime for j in range(TN):
                b_reg[j] = b_tile[k * BN + thread_col + j * (BN // TN)]
            comptime for i in range(TM):
                comptime for j in range(TN):
                    acc[i * TN + j] = a_reg[i].fma(b_reg[j], acc[i * TN + j])
        # The slices are overwritten next step only after every thread is done.
        barrier()

    comptime for i in range(TM):
        var row = row0 + thread_row + i * (BM // TM)
        comptime for j in range(TN):
            var col = col0 + thread_col + j * (BN // TN)
            if row < n and col < n:
                c[row * n + col] = acc[i * TN + j]


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
        ctx.enqueue_function[sgemm_tiled](
            a, b, c, n,
            grid_dim=((n + BN - 1) // BN, (n + BM - 1) // BM), block_dim=THREADS)
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
    print("sgemm_tiled n =", n, "checksum =", checksum)
    print("time_ms:", Float64(best) / 1e6)
