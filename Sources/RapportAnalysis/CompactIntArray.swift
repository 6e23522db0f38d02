/// An append-only array of non-negative integers, each stored in one byte while every one is below
/// 256, in two below 65,536, and in four beyond. It holds each edge's label number (see
/// `EdgeLabels`): a scenario has few labels and millions of edges, so a byte per edge is the rule.
struct CompactIntArray: Sendable {
    private var bytes: [UInt8] = []
    private var halves: [UInt16] = []
    private var words: [UInt32] = []
    /// 1, 2 or 4: which of the arrays is in use.
    private var width = 1

    var count: Int {
        switch width {
        case 1: bytes.count
        case 2: halves.count
        default: words.count
        }
    }

    subscript(index: Int) -> Int {
        switch width {
        case 1: Int(bytes[index])
        case 2: Int(halves[index])
        default: Int(words[index])
        }
    }

    mutating func append(_ value: Int) {
        precondition(value >= 0 && value <= Int(UInt32.max), "CompactIntArray: value out of range")
        if width == 1 && value > Int(UInt8.max) {
            halves = bytes.map { UInt16($0) }
            bytes = []
            width = 2
        }
        if width == 2 && value > Int(UInt16.max) {
            words = halves.map { UInt32($0) }
            halves = []
            width = 4
        }
        switch width {
        case 1: bytes.append(UInt8(value))
        case 2: halves.append(UInt16(value))
        default: words.append(UInt32(value))
        }
    }

    /// Gives back the room kept for further appends.
    mutating func releaseUnusedCapacity() {
        bytes.releaseUnusedCapacity()
        halves.releaseUnusedCapacity()
        words.releaseUnusedCapacity()
    }
}
