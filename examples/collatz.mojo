# A Mojo program: the longest Collatz chain below 10,000.
fn collatz_length(start: Int) -> Int:
    var n = start
    var steps = 1
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


fn main():
    var best = 1
    var best_length = 1
    for i in range(1, 10_000):
        var length = collatz_length(i)
        if length > best_length:
            best = i
            best_length = length
    print("longest chain below 10000 starts at", best, "with", best_length, "terms")
