# Dict[K, V]: a hash table that keeps the order in which keys were added.
# The entries live in one array, in that order; a power-of-two table of
# slots holds entry numbers, probed linearly. Removing an entry destroys it
# and leaves a tombstone until the next resize compacts the entries.

comptime _EMPTY = -1
comptime _REMOVED = -2


struct DictEntry[K: KeyElement & Copyable, V: Copyable](Copyable):
    var key: K
    var value: V

    def __init__(out self, var key: K, var value: V):
        self.key = key^
        self.value = value^


struct Dict[K: KeyElement & Copyable, V: Copyable](Copyable, Sized, Boolable, Writable):
    var _entries: UnsafePointer[DictEntry[K, V]]
    var _alive: UnsafePointer[Bool]
    # Entries written since the last resize, alive or not; each slot that
    # is not empty holds one of them.
    var _used: Int
    var _count: Int
    var _slots: UnsafePointer[Int]
    var _slot_count: Int

    def __init__(out self):
        self._entries = UnsafePointer[DictEntry[K, V]]()
        self._alive = UnsafePointer[Bool]()
        self._used = 0
        self._count = 0
        self._slots = UnsafePointer[Int]()
        self._slot_count = 0

    def __init__(out self, *, copy: Self):
        self._entries = UnsafePointer[DictEntry[K, V]]()
        self._alive = UnsafePointer[Bool]()
        self._used = 0
        self._count = 0
        self._slots = UnsafePointer[Int]()
        self._slot_count = 0
        for i in range(copy._used):
            if copy._alive[i]:
                var key = copy._entries[i].key.copy()
                var h = hash(key)
                self._insert(key^, copy._entries[i].value.copy(), h)

    def __deinit__(deinit self):
        for i in range(self._used):
            if self._alive[i]:
                (self._entries + i).destroy_pointee()
        self._entries.free()
        self._alive.free()
        self._slots.free()

    def __len__(self) -> Int:
        return self._count

    def __bool__(self) -> Bool:
        return self._count > 0

    # The slot that holds `key`, or else a free one where it would go.
    def _find(self, key: K, h: UInt) -> Int:
        var mask = self._slot_count - 1
        var slot = Int(h) & mask
        var free = -1
        while True:
            var entry = self._slots[slot]
            if entry == _EMPTY:
                return free if free >= 0 else slot
            if entry == _REMOVED:
                if free < 0:
                    free = slot
            elif self._entries[entry].key == key:
                return slot
            slot = (slot + 1) & mask

    # The entry number of `key`, or -1.
    def _index_of(self, key: K) -> Int:
        if self._count == 0:
            return -1
        var entry = self._slots[self._find(key, hash(key))]
        return entry if entry >= 0 else -1

    # Adds an entry for `key`, which the table does not hold.
    def _insert(mut self, var key: K, var value: V, h: UInt):
        if (self._used + 1) * 4 > self._slot_count * 3:
            self._resize(self._count + 1)
        var slot = self._find(key, h)
        (self._entries + self._used).init_pointee_move(
            DictEntry[K, V](key^, value^)
        )
        self._alive[self._used] = True
        self._slots[slot] = self._used
        self._used += 1
        self._count += 1

    # Room for `needed` entries, with the live ones moved to the front.
    def _resize(mut self, needed: Int):
        var slot_count = 8
        while slot_count * 3 < (needed + 1) * 4:
            slot_count *= 2
        var capacity = slot_count * 3 // 4
        var entries = alloc[DictEntry[K, V]](capacity)
        var alive = alloc[Bool](capacity)
        var slots = alloc[Int](slot_count)
        for i in range(slot_count):
            slots[i] = _EMPTY
        var mask = slot_count - 1
        var count = 0
        for i in range(self._used):
            if not self._alive[i]:
                continue
            (entries + count).init_pointee_move((self._entries + i).take_pointee())
            alive[count] = True
            var slot = Int(hash(entries[count].key)) & mask
            while slots[slot] != _EMPTY:
                slot = (slot + 1) & mask
            slots[slot] = count
            count += 1
        self._entries.free()
        self._alive.free()
        self._slots.free()
        self._entries = entries
        self._alive = alive
        self._slots = slots
        self._slot_count = slot_count
        self._used = count

    def __setitem__(mut self, var key: K, var value: V):
        var h = hash(key)
        if self._slot_count > 0:
            var entry = self._slots[self._find(key, h)]
            if entry >= 0:
                self._entries[entry].value = value^
                return
        self._insert(key^, value^, h)

    def __getitem__(ref self, key: K) raises -> ref[self] V:
        var entry = self._index_of(key)
        if entry < 0:
            raise Error("KeyError")
        return self._entries[entry].value

    def __contains__(self, key: K) -> Bool:
        return self._index_of(key) >= 0

    def get(self, key: K) -> Optional[V]:
        var entry = self._index_of(key)
        if entry < 0:
            return Optional[V]()
        return Optional[V](self._entries[entry].value.copy())

    def get(self, key: K, default: V) -> V:
        var entry = self._index_of(key)
        if entry < 0:
            return default.copy()
        return self._entries[entry].value.copy()

    # Removes `key` and gives its value; a missing key raises.
    def pop(mut self, key: K) raises -> V:
        var entry = self._remove(key)
        if entry < 0:
            raise Error("KeyError")
        var removed = (self._entries + entry).take_pointee()
        return removed.value.copy()

    def pop(mut self, key: K, var default: V) -> V:
        var entry = self._remove(key)
        if entry < 0:
            return default^
        var removed = (self._entries + entry).take_pointee()
        return removed.value.copy()

    # Marks the entry of `key` removed and gives its number, whose value
    # the caller takes; -1 if there is none.
    def _remove(mut self, key: K) -> Int:
        if self._count == 0:
            return -1
        var slot = self._find(key, hash(key))
        var entry = self._slots[slot]
        if entry < 0:
            return -1
        self._slots[slot] = _REMOVED
        self._alive[entry] = False
        self._count -= 1
        return entry

    def setdefault(mut self, key: K, var default: V) -> V:
        var entry = self._index_of(key)
        if entry >= 0:
            return self._entries[entry].value.copy()
        var value = default.copy()
        self._insert(key.copy(), default^, hash(key))
        return value^

    def clear(mut self):
        for i in range(self._used):
            if self._alive[i]:
                (self._entries + i).destroy_pointee()
                self._alive[i] = False
        for i in range(self._slot_count):
            self._slots[i] = _EMPTY
        self._used = 0
        self._count = 0

    def keys(self) -> List[K]:
        var result = List[K](capacity=self._count)
        for i in range(self._used):
            if self._alive[i]:
                result.append(self._entries[i].key.copy())
        return result^

    def values(self) -> List[V]:
        var result = List[V](capacity=self._count)
        for i in range(self._used):
            if self._alive[i]:
                result.append(self._entries[i].value.copy())
        return result^

    def items(self) -> List[DictEntry[K, V]]:
        var result = List[DictEntry[K, V]](capacity=self._count)
        for i in range(self._used):
            if self._alive[i]:
                result.append(self._entries[i].copy())
        return result^

    # `for key in d` runs over the keys, as they were when it began.
    def __iter__(self) -> List[K]:
        return self.keys()

    def write_to(self, mut writer: Some[Writer]):
        writer.write("{")
        var first = True
        for i in range(self._used):
            if not self._alive[i]:
                continue
            if not first:
                writer.write(", ")
            first = False
            writer.write(repr(self._entries[i].key), ": ")
            writer.write(repr(self._entries[i].value))
        writer.write("}")
