# A generic stack on heap memory: it owns its elements, grows as it needs,
# copies deeply, and destroys what it still holds when it dies.


struct Stack[T: Copyable & Writable](Copyable, Sized, Writable):
    var data: UnsafePointer[Self.T]
    var size: Int
    var capacity: Int

    def __init__(out self):
        self.data = UnsafePointer[Self.T]()
        self.size = 0
        self.capacity = 0

    def __init__(out self, *, copy: Self):
        self.data = alloc[Self.T](copy.capacity)
        self.size = copy.size
        self.capacity = copy.capacity
        for i in range(copy.size):
            (self.data + i).init_pointee_copy(copy.data[i])

    def __deinit__(deinit self):
        for i in range(self.size):
            (self.data + i).destroy_pointee()
        self.data.free()

    def push(mut self, var value: Self.T):
        if self.size == self.capacity:
            self._grow()
        (self.data + self.size).init_pointee_move(value^)
        self.size += 1

    def pop(mut self) -> Self.T:
        self.size -= 1
        return (self.data + self.size).take_pointee()

    def __len__(self) -> Int:
        return self.size

    def write_to(self, mut writer: Some[Writer]):
        writer.write("[")
        for i in range(self.size):
            if i > 0:
                writer.write(", ")
            writer.write(self.data[i])
        writer.write("]")

    def _grow(mut self):
        var capacity = max(4, 2 * self.capacity)
        var data = alloc[Self.T](capacity)
        for i in range(self.size):
            (data + i).init_pointee_move((self.data + i).take_pointee())
        self.data.free()
        self.data = data
        self.capacity = capacity


def main():
    var numbers = Stack[Int]()
    for i in range(10):
        numbers.push(i * i)
    print("numbers:", numbers, "size", len(numbers))
    print("popped", numbers.pop(), numbers.pop())

    var words = Stack[String]()
    words.push("ember")
    words.push("mojo")
    words.push("mlir")
    var saved = words.copy()
    words.push("llvm")
    var last = words.pop()
    print(last, words, saved)
