def leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / float(2 * k + 1)
        sign = -sign
    return 4.0 * total


print(repr(leibniz(100_000_000)))
