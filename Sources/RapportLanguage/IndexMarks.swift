/// A set of small non-negative integers (indices of dimensions, promises or state values) kept as
/// flags: the checker marks one for nearly every score and condition, and hashing each into a
/// `Set<Int>` was a few percent of checking.
struct IndexMarks {
    private var flags: [Bool] = []

    mutating func insert(_ index: Int) {
        if index >= flags.count { flags.append(contentsOf: repeatElement(false, count: index + 1 - flags.count)) }
        flags[index] = true
    }

    func contains(_ index: Int) -> Bool { index < flags.count && flags[index] }

    mutating func formUnion(_ other: IndexMarks) {
        for index in other.flags.indices where other.flags[index] { insert(index) }
    }
}
