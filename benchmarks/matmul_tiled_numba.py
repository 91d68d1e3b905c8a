# C = A * B for 1024 x 1024 float64 matrices: blocks of 32 rows over the
# threads (prange), k in tiles of 128.
import numpy as np
from numba import njit, prange


@njit(parallel=True, cache=True)
def checksum(n, rows, tile):
    a = np.empty((n, n))
    b = np.empty((n, n))
    c = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (i + j) % 7
            b[i, j] = (i * j) % 5
    for r in prange(n // rows):
        for kk in range(0, n, tile):
            for i in range(r * rows, (r + 1) * rows):
                for k in range(kk, kk + tile):
                    aik = a[i, k]
                    for j in range(n):
                        c[i, j] += aik * b[k, j]
    return c.sum()


print(checksum(1024, 32, 128))
