# C = A * B for 1024 x 1024 float64 matrices, blocked as matmul_tiled.ember
# is: B's slice of kc rows packed into panels of nr columns, blocks of mc
# rows of C over the threads (prange), each packing its rows of A into
# panels of mr rows and running an mr x nr micro-kernel.
import time

import numpy as np
from numba import njit, prange

n, mr, nr, kc, mc = 1024, 4, 32, 128, 128


@njit(cache=True)
def micro_kernel(a_packed, a_at, b_packed, b_at, c, i0, j0):
    acc = c[i0:i0 + mr, j0:j0 + nr].copy()
    for k in range(kc):
        for r in range(mr):
            aik = a_packed[a_at + k * mr + r]
            for j in range(nr):
                acc[r, j] += aik * b_packed[b_at + k * nr + j]
    c[i0:i0 + mr, j0:j0 + nr] = acc


@njit(cache=True)
def inputs():
    a = np.empty((n, n))
    b = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (i + j) % 7
            b[i, j] = (i * j) % 5
    return a, b


@njit(parallel=True, cache=True)
def multiply(a, b, c):
    b_packed = np.empty(kc * n)
    a_packed = np.empty(n * kc)
    for pc in range(0, n, kc):
        for jp in range(0, n, nr):
            for k in range(kc):
                for j in range(nr):
                    b_packed[jp * kc + k * nr + j] = b[pc + k, jp + j]
        for block in prange(n // mc):
            ic = block * mc
            for ip in range(0, mc, mr):
                for k in range(kc):
                    for r in range(mr):
                        a_packed[(ic + ip) * kc + k * mr + r] = a[ic + ip + r, pc + k]
            for jp in range(0, n, nr):
                for ip in range(0, mc, mr):
                    micro_kernel(a_packed, (ic + ip) * kc, b_packed, jp * kc, c, ic + ip, jp)


a, b = inputs()
c = np.zeros((n, n))
start = time.perf_counter()
multiply(a, b, c)
seconds = time.perf_counter() - start
print(c.sum())
print(seconds)
