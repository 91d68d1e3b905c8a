# Counts the primes below 2,000,000 by trial division, in 200 blocks of
# 10,000 numbers spread over the threads by Numba's prange.
import numpy as np
from numba import njit, prange


@njit(cache=True)
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


@njit(parallel=True, cache=True)
def count_primes(limit, block):
    blocks = limit // block
    counts = np.zeros(blocks, dtype=np.int64)
    for b in prange(blocks):
        count = 0
        for n in range(b * block, (b + 1) * block):
            if is_prime(n):
                count += 1
        counts[b] = count
    return counts.sum()


print(count_primes(2_000_000, 10_000))
