# Counts the primes below 2,000,000 by trial division, block by block (one
# thread: the interpreter's lock serializes Python threads).
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def main():
    limit, block = 2_000_000, 10_000
    counts = [sum(1 for n in range(b * block, (b + 1) * block) if is_prime(n))
              for b in range(limit // block)]
    print(sum(counts))


main()
