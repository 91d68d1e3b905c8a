# The sum of n values by many threads: a fixed grid that fills the GPU,
# each thread adding every (grid size)th value, then a tree through shared
# memory within each block, so that only one atomic per block reaches
# device memory (atomics on one address from every thread of the GPU
# would serialize).
#
# Usage: block_reduce [n]     (default 1 << 24)
from gpu import barrier, block_dim, global_idx, grid_dim, thread_idx
from gpu.host import DeviceContext
from gpu.memory import AddressSpace
from memory import stack_allocation
from os.atomic import Atomic
from sys import argv
from time import perf_counter_ns

comptime TPB = 256
comptime REPEATS = 5


def block_sum(data: UnsafePointer[Int32], total: UnsafePointer[Int64], n: Int):
    var partial = stack_allocation[TPB, Int64, address_space=AddressSpace.SHARED]()
    var t = Int(thread_idx.x)
    var acc: Int64 = 0
    for i in range(Int(global_idx.x), n, Int(grid_dim.x * block_dim.x)):
        acc += Int64(data[i])
    partial[t] = acc
    barrier()
    # Each step halves the threads still adding; the barrier makes a step's
    # sums visible to the next.
    var stride = TPB // 2
    while stride > 0:
        if t < stride:
            partial[t] += partial[t + stride]
        barrier()
        stride //= 2
    if t == 0:
        _ = Atomic.fetch_add(total, partial[0])


def main() raises:
    var n = 1 << 24
    var args = argv()
    if len(args) > 1:
        n = Int(args[1])
    var ctx = DeviceContext()
    var host = ctx.enqueue_create_host_buffer[DType.int32](n)
    for i in range(n):
        host[i] = Int32((i * i) % 1000)
    var data = ctx.enqueue_create_buffer[DType.int32](n)
    ctx.enqueue_copy(dst_buf=data, src_buf=host)
    var total = ctx.enqueue_create_buffer[DType.int64](1)
    # A few blocks per multiprocessor, no more: the fewer the blocks, the
    # fewer atomics leave them.
    var blocks = max(1, min((n + TPB - 1) // TPB, 4 * ctx.multiprocessor_count()))
    ctx.synchronize()

    var best = 0
    for r in range(REPEATS):
        _ = total.enqueue_fill(0)
        ctx.synchronize()
        var start = perf_counter_ns()
        ctx.enqueue_function[block_sum](data, total, n, grid_dim=blocks, block_dim=TPB)
        ctx.synchronize()
        var elapsed = Int(perf_counter_ns() - start)
        if r == 0 or elapsed < best:
            best = elapsed

    var expected = 0
    for i in range(n):
        expected += Int(host[i])
    var sum = 0
    with total.map_to_host() as t:
        sum = Int(t[0])
    if sum != expected:
        raise Error("sum " + String(sum) + ", expected " + String(expected))
    print("block_reduce n =", n, "sum =", sum)
    print("time_ms:", Float64(best) / 1e6)
