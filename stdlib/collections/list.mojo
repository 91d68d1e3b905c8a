# List: a growable array of values on the heap, which it owns.


struct List[T: Copyable](Copyable, Sized, Writable):
    var _data: UnsafePointer[Self.T]
    var _length: Int
    var _capacity: Int

    def __init__(out self):
        self._data = UnsafePointer[Self.T]()
        self._length = 0
        self._capacity = 0

    def __init__(out self, *, capacity: Int):
        self._data = alloc[Self.T](capacity)
        self._length = 0
        self._capacity = capacity

    # `List[Int](length=8, fill=0)`: `length` copies of `fill`.
    def __init__(out self, *, length: Int, fill: Self.T):
        self._data = alloc[Self.T](length)
        self._length = length
        self._capacity = length
        for i in range(length):
            (self._data + i).init_pointee_copy(fill)

    def __init__(out self, *, copy: Self):
        self._data = alloc[Self.T](copy._length)
        self._length = copy._length
        self._capacity = copy._length
        for i in range(copy._length):
            (self._data + i).init_pointee_copy(copy._data[i])

    def __deinit__(deinit self):
        for i in range(self._length):
            (self._data + i).destroy_pointee()
        self._data.free()

    def unsafe_ptr(self) -> UnsafePointer[Self.T]:
        # Valid until the list grows or is destroyed.
        return self._data

    def __len__(self) -> Int:
        return self._length

    def __getitem__(ref self, index: Int) -> ref[self] Self.T:
        return self._data[self._normalize(index)]

    # `xs[start:end:step]`: a new list of those elements.
    def __getitem__(self, slice: Slice) -> List[Self.T]:
        var start = 0
        var end = 0
        var step = 1
        slice._indices(self._length, start, end, step)
        var result = List[Self.T]()
        var i = start
        while (step > 0 and i < end) or (step < 0 and i > end):
            result.append(self._data[i].copy())
            i += step
        return result^

    def __setitem__(mut self, index: Int, var value: Self.T):
        self._data[self._normalize(index)] = value^

    def append(mut self, var value: Self.T):
        if self._length == self._capacity:
            self.reserve(max(4, 2 * self._capacity))
        (self._data + self._length).init_pointee_move(value^)
        self._length += 1

    def insert(mut self, index: Int, var value: Self.T):
        var at = index
        if at < 0:
            at = max(0, at + self._length)
        at = min(at, self._length)
        if self._length == self._capacity:
            self.reserve(max(4, 2 * self._capacity))
        var i = self._length
        while i > at:
            (self._data + i).init_pointee_move((self._data + i - 1).take_pointee())
            i -= 1
        (self._data + at).init_pointee_move(value^)
        self._length += 1

    def pop(mut self) -> Self.T:
        var last = self._normalize(-1)
        self._length = last
        return (self._data + last).take_pointee()

    def pop(mut self, index: Int) -> Self.T:
        var at = self._normalize(index)
        var value = (self._data + at).take_pointee()
        for i in range(at, self._length - 1):
            (self._data + i).init_pointee_move((self._data + i + 1).take_pointee())
        self._length -= 1
        return value^

    def clear(mut self):
        for i in range(self._length):
            (self._data + i).destroy_pointee()
        self._length = 0

    def reserve(mut self, capacity: Int):
        if capacity <= self._capacity:
            return
        var data = alloc[Self.T](capacity)
        for i in range(self._length):
            (data + i).init_pointee_move((self._data + i).take_pointee())
        self._data.free()
        self._data = data
        self._capacity = capacity

    def extend(mut self, var other: List[Self.T]):
        self.reserve(self._length + other._length)
        for i in range(other._length):
            (self._data + self._length + i).init_pointee_move(
                (other._data + i).take_pointee()
            )
        self._length += other._length
        other._length = 0

    def reverse(mut self):
        var i = 0
        var j = self._length - 1
        while i < j:
            self._swap(i, j)
            i += 1
            j -= 1

    # These compare elements with `==`: a list of a type without it still
    # has them, but calling one is an error.
    def __contains__(self, value: Self.T) -> Bool:
        for i in range(self._length):
            if self._data[i] == value:
                return True
        return False

    def count(self, value: Self.T) -> Int:
        var n = 0
        for i in range(self._length):
            if self._data[i] == value:
                n += 1
        return n

    def index(self, value: Self.T) raises -> Int:
        for i in range(self._length):
            if self._data[i] == value:
                return i
        raise Error("ValueError: the value is not in the list")

    def __eq__(self, other: Self) -> Bool:
        if self._length != other._length:
            return False
        for i in range(self._length):
            if not (self._data[i] == other._data[i]):
                return False
        return True

    def __ne__(self, other: Self) -> Bool:
        return not (self == other)

    # Exchanges two elements, moving them.
    def _swap(mut self, i: Int, j: Int):
        if i == j:
            return
        var first = (self._data + i).take_pointee()
        (self._data + i).init_pointee_move((self._data + j).take_pointee())
        (self._data + j).init_pointee_move(first^)

    # As Mojo and Python show a list: its elements' `repr`.
    def write_to(self, mut writer: Some[Writer]):
        writer.write("[")
        for i in range(self._length):
            if i > 0:
                writer.write(", ")
            writer.write(repr(self._data[i]))
        writer.write("]")

    # A negative index counts from the end; one out of range stops the
    # program.
    def _normalize(self, index: Int) -> Int:
        return _check_index(index, self._length, "List")
