# String: an owned, growable sequence of UTF-8 bytes on the heap.


struct String(ImplicitlyCopyable):
    var _data: UnsafePointer[UInt8]
    var _length: Int
    var _capacity: Int

    def __init__(out self):
        self._data = UnsafePointer[UInt8]()
        self._length = 0
        self._capacity = 0

    @implicit
    def __init__(out self, literal: StringLiteral):
        self._length = literal.byte_length()
        self._capacity = self._length
        self._data = alloc[UInt8](self._capacity)
        var source = literal.unsafe_ptr()
        for i in range(self._length):
            self._data[i] = source[i]

    def __init__(out self, *, copy: Self):
        self._length = copy._length
        self._capacity = copy._length
        self._data = alloc[UInt8](self._capacity)
        for i in range(self._length):
            self._data[i] = copy._data[i]

    def __deinit__(deinit self):
        self._data.free()

    def __len__(self) -> Int:
        return self._length

    def byte_length(self) -> Int:
        return self._length

    def unsafe_ptr(self) -> UnsafePointer[UInt8]:
        return self._data
