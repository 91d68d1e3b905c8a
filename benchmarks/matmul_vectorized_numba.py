# C = A * B for 1024 x 1024 float64 matrices in i-k-j order, which LLVM
# vectorizes inside Numba.
import numpy as np
from numba import njit


@njit(cache=True)
def checksum(n):
    a = np.empty((n, n))
    b = np.empty((n, n))
    c = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (i + j) % 7
            b[i, j] = (i * j) % 5
    for i in range(n):
        for k in range(n):
            aik = a[i, k]
            for j in range(n):
                c[i, j] += aik * b[k, j]
    return c.sum()


print(checksum(1024))
