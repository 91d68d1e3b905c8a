# `x[start:end:step]` is `x[Slice(start, end, step)]`, with `None` for a
# part that is missing.


struct Slice(Copyable):
    var start: Optional[Int]
    var end: Optional[Int]
    var step: Optional[Int]

    def __init__(
        out self, start: Optional[Int], end: Optional[Int], step: Optional[Int]
    ):
        self.start = start.copy()
        self.end = end.copy()
        self.step = step.copy()

    # The first index, the bound it stops before, and the step, for a
    # sequence of `length`, by Python's rules: a negative bound counts from
    # the end, and bounds are clamped to the sequence.
    def _indices(self, length: Int, mut start: Int, mut end: Int, mut step: Int):
        step = self.step.or_else(1)
        if step == 0:
            _abort("slice step cannot be zero")
        if step > 0:
            start = _slice_bound(self.start, 0, length, 0, length)
            end = _slice_bound(self.end, length, length, 0, length)
        else:
            start = _slice_bound(self.start, length - 1, length, -1, length - 1)
            end = _slice_bound(self.end, -1, length, -1, length - 1)


def _slice_bound(
    bound: Optional[Int], default: Int, length: Int, low: Int, high: Int
) -> Int:
    if not bound:
        return default
    var at = bound.value()
    if at < 0:
        at += length
    if at < low:
        return low
    if at > high:
        return high
    return at
