# Word count: the same algorithm as word_count.ember, with a dict.
def main():
    counts = {}
    seed = 12345
    for _ in range(2_000_000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        word = "w" + str(seed % 50000)
        counts[word] = counts.get(word, 0) + 1
    print(len(counts), sum(counts.values()), max(counts.values()))


main()
