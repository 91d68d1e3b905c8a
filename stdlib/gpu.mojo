# The `gpu` module's constants; the positions (`thread_idx`, ...),
# `lane_id()` and `barrier()` are the compiler's.

# The threads of a warp, which shuffles exchange values among.
comptime WARP_SIZE = 32
