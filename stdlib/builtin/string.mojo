# String: an owned, growable sequence of UTF-8 bytes on the heap.


struct String(ImplicitlyCopyable, Writable, Writer, Representable, Stringable, Sized):
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

    # `String(x)`: the text `x` writes.
    def __init__[T: Writable](out self, value: T):
        self._data = UnsafePointer[UInt8]()
        self._length = 0
        self._capacity = 0
        value.write_to(self)

    def __init__[A: Writable, B: Writable](out self, a: A, b: B):
        self._data = UnsafePointer[UInt8]()
        self._length = 0
        self._capacity = 0
        self.write(a, b)

    def __init__[A: Writable, B: Writable, C: Writable](
        out self, a: A, b: B, c: C
    ):
        self._data = UnsafePointer[UInt8]()
        self._length = 0
        self._capacity = 0
        self.write(a, b, c)

    def __deinit__(deinit self):
        self._data.free()

    def write_to(self, mut writer: Some[Writer]):
        writer.write_bytes(self._data, self._length)

    # Appends bytes, growing the buffer geometrically.
    def write_bytes(mut self, data: UnsafePointer[UInt8], length: Int):
        self.reserve(self._length + length)
        for i in range(length):
            self._data[self._length + i] = data[i]
        self._length += length

    def reserve(mut self, capacity: Int):
        if capacity <= self._capacity:
            return
        var grown = max(capacity, 2 * self._capacity)
        var data = alloc[UInt8](grown)
        for i in range(self._length):
            data[i] = self._data[i]
        self._data.free()
        self._data = data
        self._capacity = grown

    def __add__(self, other: String) -> String:
        var result = String()
        result.reserve(self._length + other._length)
        result.write_bytes(self._data, self._length)
        result.write_bytes(other._data, other._length)
        return result

    def __str__(self) -> String:
        return self

    # In quotes, as Python shows a string: `'text'`, or `"it's"` when the
    # text has a `'` and no `"`; backslashes and the quote are escaped.
    def __repr__(self) -> String:
        var single = UInt8(39)
        var double = UInt8(34)
        var backslash = UInt8(92)
        var quote = single
        if self._contains_byte(single) and not self._contains_byte(double):
            quote = double
        var result = String()
        result.reserve(self._length + 2)
        result._append_byte(quote)
        for i in range(self._length):
            var byte = self._data[i]
            if byte == quote or byte == backslash:
                result._append_byte(backslash)
            result._append_byte(byte)
        result._append_byte(quote)
        return result

    def _contains_byte(self, byte: UInt8) -> Bool:
        for i in range(self._length):
            if self._data[i] == byte:
                return True
        return False

    def _append_byte(mut self, byte: UInt8):
        self.reserve(self._length + 1)
        self._data[self._length] = byte
        self._length += 1

    def __radd__(self, other: String) -> String:
        return other + self

    def __iadd__(mut self, other: String):
        self.write_bytes(other._data, other._length)

    def __eq__(self, other: String) -> Bool:
        if self._length != other._length:
            return False
        for i in range(self._length):
            if self._data[i] != other._data[i]:
                return False
        return True

    def __ne__(self, other: String) -> Bool:
        return not self == other

    def __len__(self) -> Int:
        return self._length

    def byte_length(self) -> Int:
        return self._length

    def unsafe_ptr(self) -> UnsafePointer[UInt8]:
        return self._data
