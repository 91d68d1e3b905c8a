# String: an owned, growable sequence of UTF-8 bytes on the heap.
from ffi import external_call


# Text that lives as long as the program: a string literal's value.
comptime StaticString = StringLiteral


def _is_space(byte: UInt8) -> Bool:
    return byte == 32 or (byte >= 9 and byte <= 13)


struct String(
    ImplicitlyCopyable,
    Writable,
    Writer,
    Representable,
    Stringable,
    Sized,
    Comparable,
    Hashable,
):
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

    # `String(a, b, ...)`: the texts they write, one after the other.
    def __init__[A: Writable, B: Writable, *Ts: Writable](
        out self, a: A, b: B, *rest: *Ts
    ):
        self._data = UnsafePointer[UInt8]()
        self._length = 0
        self._capacity = 0
        a.write_to(self)
        b.write_to(self)
        comptime for i in range(len(rest)):
            rest[i].write_to(self)

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

    # Ordering compares bytes, as Python compares code points for UTF-8.
    def __lt__(self, other: String) -> Bool:
        var shorter = min(self._length, other._length)
        for i in range(shorter):
            if self._data[i] != other._data[i]:
                return self._data[i] < other._data[i]
        return self._length < other._length

    def __le__(self, other: String) -> Bool:
        return not other < self

    def __gt__(self, other: String) -> Bool:
        return other < self

    def __ge__(self, other: String) -> Bool:
        return not self < other

    # The byte at `index` (negative counts from the end), as a String.
    def __getitem__(self, index: Int) -> String:
        var at = _check_index(index, self._length, "String")
        var result = String()
        result._append_byte(self._data[at])
        return result

    # `s[start:end:step]`, of bytes.
    def __getitem__(self, slice: Slice) -> String:
        var start = 0
        var end = 0
        var step = 1
        slice._indices(self._length, start, end, step)
        var result = String()
        if step == 1:
            if end > start:
                result.write_bytes(self._data + start, end - start)
            return result^
        var i = start
        while (step > 0 and i < end) or (step < 0 and i > end):
            result._append_byte(self._data[i])
            i += step
        return result^

    def __mul__(self, count: Int) -> String:
        var result = String()
        result.reserve(self._length * max(count, 0))
        for _ in range(count):
            result.write_bytes(self._data, self._length)
        return result

    def __contains__(self, substring: String) -> Bool:
        return self.find(substring) >= 0

    # The index of the first `substring` at or after `start`, or -1.
    def find(self, substring: String, start: Int = 0) -> Int:
        var first = max(start, 0)
        for i in range(first, self._length - substring._length + 1):
            if self._matches_at(substring, i):
                return i
        return -1

    # The index of the last `substring`, or -1.
    def rfind(self, substring: String) -> Int:
        var i = self._length - substring._length
        while i >= 0:
            if self._matches_at(substring, i):
                return i
            i -= 1
        return -1

    def count(self, substring: String) -> Int:
        if substring._length == 0:
            return self._length + 1
        var found = 0
        var at = self.find(substring)
        while at >= 0:
            found += 1
            at = self.find(substring, at + substring._length)
        return found

    def startswith(self, prefix: String) -> Bool:
        return prefix._length <= self._length and self._matches_at(prefix, 0)

    def endswith(self, suffix: String) -> Bool:
        return suffix._length <= self._length and self._matches_at(
            suffix, self._length - suffix._length
        )

    def replace(self, old: String, new: String) -> String:
        var result = String()
        if old._length == 0:
            # An empty `old` is found before each byte and at the end.
            for i in range(self._length):
                result += new
                result._append_byte(self._data[i])
            result += new
            return result
        var done = 0
        var at = self.find(old)
        while at >= 0:
            result.write_bytes(self._data + done, at - done)
            result.write_bytes(new._data, new._length)
            done = at + old._length
            at = self.find(old, done)
        result.write_bytes(self._data + done, self._length - done)
        return result

    # The parts between each `separator`.
    def split(self, separator: String) -> List[String]:
        if separator._length == 0:
            _abort("empty separator")
        var parts = List[String]()
        var done = 0
        var at = self.find(separator)
        while at >= 0:
            parts.append(self._slice(done, at))
            done = at + separator._length
            at = self.find(separator, done)
        parts.append(self._slice(done, self._length))
        return parts^

    # The words between runs of whitespace.
    def split(self) -> List[String]:
        var parts = List[String]()
        var i = 0
        while i < self._length:
            while i < self._length and _is_space(self._data[i]):
                i += 1
            var start = i
            while i < self._length and not _is_space(self._data[i]):
                i += 1
            if i > start:
                parts.append(self._slice(start, i))
        return parts^

    # The lines, without their ends (`\n`, `\r\n` or `\r`); a last end
    # makes no empty line after it, as in Python.
    def splitlines(self) -> List[String]:
        var lines = List[String]()
        var start = 0
        var i = 0
        while i < self._length:
            var byte = self._data[i]
            if byte == 10 or byte == 13:
                lines.append(self._slice(start, i))
                if byte == 13 and i + 1 < self._length and self._data[i + 1] == 10:
                    i += 1
                start = i + 1
            i += 1
        if start < self._length:
            lines.append(self._slice(start, self._length))
        return lines^

    def join(self, parts: List[String]) -> String:
        var result = String()
        for i in range(len(parts)):
            if i > 0:
                result.write_bytes(self._data, self._length)
            result += parts[i]
        return result

    def strip(self) -> String:
        return self.lstrip().rstrip()

    def lstrip(self) -> String:
        var start = 0
        while start < self._length and _is_space(self._data[start]):
            start += 1
        return self._slice(start, self._length)

    def rstrip(self) -> String:
        var end = self._length
        while end > 0 and _is_space(self._data[end - 1]):
            end -= 1
        return self._slice(0, end)

    # ASCII letters change case; other bytes stay.
    # `"{} and {}".format(a, b)`: the text with each `{}` replaced by the
    # next argument's text, and `{i}` by the i-th's; `{{` and `}}` are
    # braces. A bad field or index raises.
    def format[*Ts: Writable](self, *args: *Ts) raises -> String:
        var result = String()
        var next = 0
        var numbered = False
        var start = 0  # Of the text not written yet.
        var i = 0
        while i < self._length:
            var byte = self._data[i]
            var doubled = i + 1 < self._length and self._data[i + 1] == byte
            if byte != 123 and byte != 125:  # Neither `{` nor `}`.
                i += 1
                continue
            result.write_bytes(self._data + start, i - start)
            if doubled:
                result.write_bytes(self._data + i, 1)
                i += 2
                start = i
                continue
            if byte == 125:
                raise Error("a single '}' in a format string")
            var end = i + 1
            while end < self._length and self._data[end] != 125:
                end += 1
            if end == self._length:
                raise Error("a '{' without its '}' in a format string")
            var index = next
            var field = end
            # `{!s}` writes the text, as `{}` does.
            if end - i >= 3 and self._data[end - 2] == 33 and self._data[end - 1] == 115:
                field = end - 2
            if field > i + 1:
                index = 0
                for j in range(i + 1, field):
                    var digit = Int(self._data[j]) - 48
                    if digit < 0 or digit > 9:
                        raise Error("unsupported format field: '" + self[i:end + 1] + "'")
                    index = index * 10 + digit
                numbered = True
            else:
                next += 1
            if numbered and next > 0:
                raise Error("a format string numbers all its fields or none")
            if index >= len(args):
                raise Error("format index " + String(index) + " out of range")
            comptime for k in range(len(args)):
                if k == index:
                    args[k].write_to(result)
            i = end + 1
            start = i
        result.write_bytes(self._data + start, self._length - start)
        return result^

    def upper(self) -> String:
        var result = String()
        result.reserve(self._length)
        for i in range(self._length):
            var byte = self._data[i]
            if byte >= 97 and byte <= 122:
                byte -= 32
            result._append_byte(byte)
        return result

    def lower(self) -> String:
        var result = String()
        result.reserve(self._length)
        for i in range(self._length):
            var byte = self._data[i]
            if byte >= 65 and byte <= 90:
                byte += 32
            result._append_byte(byte)
        return result

    def isdigit(self) -> Bool:
        if self._length == 0:
            return False
        for i in range(self._length):
            if self._data[i] < 48 or self._data[i] > 57:
                return False
        return True

    def _matches_at(self, other: String, at: Int) -> Bool:
        for j in range(other._length):
            if self._data[at + j] != other._data[j]:
                return False
        return True

    def _slice(self, start: Int, end: Int) -> String:
        var result = String()
        result.write_bytes(self._data + start, end - start)
        return result

    def __str__(self) -> String:
        return self

    def __hash__(self) -> UInt:
        return _hash_bytes(self._data, self._length)

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

    # A string is true when it is not empty.
    def __bool__(self) -> Bool:
        return self._length > 0

    # The characters: the bytes that do not continue a UTF-8 sequence.
    def count_codepoints(self) -> Int:
        var count = 0
        for i in range(self._length):
            count += Int((self._data[i] & 0xC0) != 0x80)
        return count

    # `String.write(a, b, ...)`: a new string of the texts they write.
    @staticmethod
    def write[*Ts: Writable](*args: *Ts) -> String:
        var result = String()
        comptime for i in range(len(args)):
            args[i].write_to(result)
        return result^

    def byte_length(self) -> Int:
        return self._length

    # The text as a null-terminated copy, for C; the caller frees it.
    def _c_string(self) -> UnsafePointer[UInt8]:
        var text = alloc[UInt8](self._length + 1)
        for i in range(self._length):
            text[i] = self._data[i]
        text[self._length] = 0
        return text

    # `Int(s)`: an optional sign, then decimal digits, with spaces around.
    def __int__(self) raises -> Int:
        var text = self.strip()
        var negative = False
        var start = 0
        if len(text) > 0 and (text._data[0] == 45 or text._data[0] == 43):
            negative = text._data[0] == 45
            start = 1
        if start == len(text):
            raise Error("String is not convertible to integer: ", repr(self))
        var value = 0
        for i in range(start, len(text)):
            var digit = Int(text._data[i]) - 48
            if digit < 0 or digit > 9:
                raise Error(
                    "String is not convertible to integer: ", repr(self)
                )
            value = value * 10 + (-digit if negative else digit)
        return value

    # `Float64(s)`: what C's `strtod` reads, which must be all of the text
    # but the spaces around it.
    def __float__(self) raises -> Float64:
        var text = self.strip()
        var c_text = text._c_string()
        var end = alloc[UnsafePointer[UInt8]](1)
        var value = external_call["strtod", Float64](c_text, end)
        var read_all = end[0] == c_text + len(text)
        end.free()
        c_text.free()
        if len(text) == 0 or not read_all:
            raise Error(
                "String is not convertible to a floating-point number: ",
                repr(self),
            )
        return value

    def unsafe_ptr(self) -> UnsafePointer[UInt8]:
        return self._data


# The code point of a one-character string (its first byte, for ASCII).
def ord(text: String) -> Int:
    if len(text) == 0:
        _abort("ord() of an empty string")
    var first = Int(text.unsafe_ptr()[0])
    if first < 128:
        return first
    # A UTF-8 sequence: the lead byte's bits, then six from each of the rest.
    var count = 2 if first < 0xE0 else (3 if first < 0xF0 else 4)
    var value = first & (0x7F >> count)
    for i in range(1, count):
        value = (value << 6) | (Int(text.unsafe_ptr()[i]) & 0x3F)
    return value


# The one-character string of a code point, in UTF-8.
def chr(code: Int) -> String:
    var result = String()
    if code < 0x80:
        result._append_byte(UInt8(code))
    elif code < 0x800:
        result._append_byte(UInt8(0xC0 | (code >> 6)))
        result._append_byte(UInt8(0x80 | (code & 0x3F)))
    elif code < 0x10000:
        result._append_byte(UInt8(0xE0 | (code >> 12)))
        result._append_byte(UInt8(0x80 | ((code >> 6) & 0x3F)))
        result._append_byte(UInt8(0x80 | (code & 0x3F)))
    else:
        result._append_byte(UInt8(0xF0 | (code >> 18)))
        result._append_byte(UInt8(0x80 | ((code >> 12) & 0x3F)))
        result._append_byte(UInt8(0x80 | ((code >> 6) & 0x3F)))
        result._append_byte(UInt8(0x80 | (code & 0x3F)))
    return result^

