# Points of a 2400 x 1600 grid in the Mandelbrot set (200 iterations).
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


def main():
    inside = 0
    for y in range(1600):
        for x in range(2400):
            cr = -2.0 + 3.0 * float(x) / 2400.0
            ci = -1.0 + 2.0 * float(y) / 1600.0
            if not escapes(cr, ci):
                inside += 1
    print("inside:", inside)


main()
