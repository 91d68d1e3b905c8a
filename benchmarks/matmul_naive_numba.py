# C = A * B for 1024 x 1024 float64 matrices, the naive triple loop.
import numpy as np
from numba import njit


@njit(cache=True)
def checksum(n):
    a = np.empty((n, n))
    b = np.empty((n, n))
    c = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (i + j) % 7
            b[i, j] = (i * j) % 5
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c.sum()


print(checksum(1024))
