# C = A * B for 1024 x 1024 float64 matrices, the naive triple loop.
import time

import numpy as np
from numba import njit


@njit(cache=True)
def inputs(n):
    a = np.empty((n, n))
    b = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (i + j) % 7
            b[i, j] = (i * j) % 5
    return a, b


@njit(cache=True)
def multiply(a, b, c, n):
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[i, k] * b[k, j]
            c[i, j] = s


a, b = inputs(1024)
c = np.empty((1024, 1024))
start = time.perf_counter()
multiply(a, b, c, 1024)
seconds = time.perf_counter() - start
print(c.sum())
print(seconds)
