# A parallel sum reduction: 64 million int64 values (i % 1000), filled and
# summed with Numba's prange.
import numpy as np
from numba import njit, prange


@njit(parallel=True, cache=True)
def fill_and_sum(count):
    values = np.empty(count, dtype=np.int64)
    for i in prange(count):
        values[i] = i % 1000
    total = 0
    for i in prange(count):
        total += values[i]
    return total


print(fill_and_sum(64 * 1024 * 1024))
