# Points of a 2400 x 1600 grid in the Mandelbrot set (200 iterations):
# rows spread over the threads by Numba's prange.
import numpy as np
from numba import njit, prange


@njit(cache=True)
def escapes(cr, ci):
    zr = 0.0
    zi = 0.0
    for _ in range(200):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return True
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return False


@njit(parallel=True, cache=True)
def count_inside():
    rows = np.zeros(1600, dtype=np.int64)
    for y in prange(1600):
        inside = 0
        for x in range(2400):
            cr = -2.0 + 3.0 * x / 2400.0
            ci = -1.0 + 2.0 * y / 1600.0
            if not escapes(cr, ci):
                inside += 1
        rows[y] = inside
    return rows.sum()


print("inside:", count_inside())
