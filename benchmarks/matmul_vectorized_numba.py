# C = A * B for 1024 x 1024 float64 matrices in i-k-j order, which LLVM
# vectorizes inside Numba.
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
        for k in range(n):
            aik = a[i, k]
            for j in range(n):
                c[i, j] += aik * b[k, j]


a, b = inputs(1024)
c = np.zeros((1024, 1024))
start = time.perf_counter()
multiply(a, b, c, 1024)
seconds = time.perf_counter() - start
print(c.sum())
print(seconds)
