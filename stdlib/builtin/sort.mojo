# Sorting a list in place by `<`: quicksort with a median-of-three pivot,
# and insertion sort for short ranges.


def sort[T: Comparable & Copyable](mut list: List[T]):
    _quicksort(list, 0, len(list) - 1)


def _quicksort[T: Comparable & Copyable](mut list: List[T], low: Int, high: Int):
    var lo = low
    var hi = high
    while hi - lo > 16:
        var p = _partition(list, lo, hi)
        # The smaller side recursively, the larger one by the loop, so
        # that the recursion stays shallow.
        if p - lo < hi - p:
            _quicksort(list, lo, p - 1)
            lo = p + 1
        else:
            _quicksort(list, p + 1, hi)
            hi = p - 1
    _insertion_sort(list, lo, hi)


def _partition[T: Comparable & Copyable](mut list: List[T], lo: Int, hi: Int) -> Int:
    # The median of the first, middle and last elements goes last.
    var mid = lo + (hi - lo) // 2
    if list[mid] < list[lo]:
        list._swap(mid, lo)
    if list[hi] < list[lo]:
        list._swap(hi, lo)
    if list[mid] < list[hi]:
        list._swap(mid, hi)
    var store = lo
    for i in range(lo, hi):
        if list[i] < list[hi]:
            list._swap(i, store)
            store += 1
    list._swap(store, hi)
    return store


def _insertion_sort[T: Comparable & Copyable](mut list: List[T], lo: Int, hi: Int):
    for i in range(lo + 1, hi + 1):
        var j = i
        while j > lo and list[j] < list[j - 1]:
            list._swap(j, j - 1)
            j -= 1
