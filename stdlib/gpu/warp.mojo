# Warp-level operations: the threads of a warp exchange values without
# shared memory. Every live thread of the warp must make the same call.
# Vectors move lane by lane.
from gpu import WARP_SIZE, lane_id


def shuffle_idx[dtype: DType, width: Int](
    val: SIMD[dtype, width], offset: UInt32
) -> SIMD[dtype, width]:
    # The value of lane `offset`.
    var result = SIMD[dtype, width]()
    comptime for i in range(width):
        result[i] = __shuffle_idx(val[i], offset)
    return result


def shuffle_up[dtype: DType, width: Int](
    val: SIMD[dtype, width], offset: UInt32
) -> SIMD[dtype, width]:
    # The value of the lane `offset` below; the lowest lanes keep theirs.
    var result = SIMD[dtype, width]()
    comptime for i in range(width):
        result[i] = __shuffle_up(val[i], offset)
    return result


def shuffle_down[dtype: DType, width: Int](
    val: SIMD[dtype, width], offset: UInt32
) -> SIMD[dtype, width]:
    # The value of the lane `offset` above; the highest lanes keep theirs.
    var result = SIMD[dtype, width]()
    comptime for i in range(width):
        result[i] = __shuffle_down(val[i], offset)
    return result


def shuffle_xor[dtype: DType, width: Int](
    val: SIMD[dtype, width], offset: UInt32
) -> SIMD[dtype, width]:
    # The value of the lane whose number is this one's xor `offset`.
    var result = SIMD[dtype, width]()
    comptime for i in range(width):
        result[i] = __shuffle_xor(val[i], offset)
    return result


def broadcast[dtype: DType, width: Int](
    val: SIMD[dtype, width]
) -> SIMD[dtype, width]:
    # Lane 0's value, in every lane.
    return shuffle_idx(val, 0)


# The reductions exchange across halves of the warp, then quarters, ...
# (a butterfly), so that every lane ends with the result.
def sum[dtype: DType, width: Int](val: SIMD[dtype, width]) -> SIMD[dtype, width]:
    var total = val
    comptime for step in range(5):
        total += shuffle_xor(total, UInt32(WARP_SIZE >> (step + 1)))
    return total


def max[dtype: DType, width: Int](val: SIMD[dtype, width]) -> SIMD[dtype, width]:
    var best = val
    comptime for step in range(5):
        var other = shuffle_xor(best, UInt32(WARP_SIZE >> (step + 1)))
        comptime for i in range(width):
            if other[i] > best[i]:
                best[i] = other[i]
    return best


def min[dtype: DType, width: Int](val: SIMD[dtype, width]) -> SIMD[dtype, width]:
    var best = val
    comptime for step in range(5):
        var other = shuffle_xor(best, UInt32(WARP_SIZE >> (step + 1)))
        comptime for i in range(width):
            if other[i] < best[i]:
                best[i] = other[i]
    return best


def prefix_sum[dtype: DType, width: Int, exclusive: Bool = False](
    val: SIMD[dtype, width]
) -> SIMD[dtype, width]:
    # The sum of this lane's value and those of the lanes below it (without
    # its own, when `exclusive`).
    var lane = UInt32(lane_id())
    var total = val
    comptime for step in range(5):
        var offset = UInt32(1 << step)
        var below = shuffle_up(total, offset)
        if lane >= offset:
            total += below
    comptime if exclusive:
        return total - val
    return total
