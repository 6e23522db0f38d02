/// A hash index of row numbers, for rows whose content is stored elsewhere in flat arrays (the packed
/// states of `StateGraph`, the labels of `EdgeLabels`). Open addressing with linear probing over
/// `Int32` slots: an entry costs 4 bytes plus the empty slots, where a `Dictionary` keyed by the
/// content would keep a second copy of every row, and, for a `PlayState`, three arrays per key.
///
/// The index never reads rows itself: the caller hashes a row (with `RowHash`), says whether a row
/// matches, and rebuilds the index when it is full. Rows are only ever added, never removed.
struct RowIndex: Sendable {
    /// Row number + 1 in each slot; 0 marks an empty slot.
    private var slots: [Int32]
    private(set) var count = 0

    /// An empty index with room for `rows` rows before it is full.
    init(roomFor rows: Int = 0) {
        // Full at three quarters: keeps probe runs short.
        var capacity = 16
        while capacity / 4 * 3 < rows { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
    }

    /// An index of rows `0..<rows`, with room for `room` rows in all (at least `rows`).
    init(rows: Int, room: Int, hashOfRow: (Int) -> Int) {
        self.init(roomFor: max(rows, room))
        for row in 0..<rows { insertNew(row, hash: hashOfRow(row)) }
    }

    /// True when one more row would leave too few empty slots: rebuild it with `init(rows:room:hashOfRow:)`.
    var isFull: Bool { (count + 1) > slots.count / 4 * 3 }

    /// The row with this hash for which `matches` is true, if any.
    func find(hash: Int, matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if matches(Int(entry) - 1) { return Int(entry) - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a row known not to be in the index yet. The index must not be full.
    mutating func insertNew(_ row: Int, hash: Int) {
        precondition(!isFull && row < Int(Int32.max), "RowIndex: full, or more rows than an Int32 can number")
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(row + 1)
        count += 1
    }
}

/// The hash of a row of integers for `RowIndex`: well mixed in the low bits, which pick the slot.
struct RowHash {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ value: UInt64) {
        state = (state ^ value) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }

    var value: Int {
        var mixed = state
        mixed = (mixed ^ (mixed >> 32)) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 31
        return Int(truncatingIfNeeded: mixed)
    }
}
