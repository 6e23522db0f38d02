/// A list that may be a stretch of a larger one, with indices from 0 like an array's. A step's lines
/// and choices are usually one node's ready-made list, and the rules keep every node's lists one
/// after another in a single array (see `Rules.offeredChoices`): a step shares a stretch of it. When
/// each node's list was an array of its own, a step retained it, and on a large scenario that array
/// was usually not in the processor's caches: the retain, a locked write, waited for memory and
/// stopped the processor from reading ahead. Retaining the one shared array costs next to nothing.
public struct SharedList<Element> {
    @usableFromInline var storage: [Element]
    @usableFromInline var start: Int
    public private(set) var count: Int

    /// The whole of `elements`.
    public init(_ elements: [Element]) {
        storage = elements
        start = 0
        count = elements.count
    }

    /// `count` elements of `storage` from `start`.
    init(_ storage: [Element], start: Int, count: Int) {
        precondition(
            start >= 0 && count >= 0 && start + count <= storage.count, "SharedList: a stretch outside its list")
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// Adds an element at the end. A stretch of a larger list is copied out first, so the larger
    /// list is never changed.
    mutating func append(_ element: Element) {
        if start != 0 || count != storage.count {
            storage = Array(storage[start..<(start + count)])
            start = 0
        }
        storage.append(element)
        count += 1
    }

    mutating func reserveCapacity(_ minimumCapacity: Int) {
        if start == 0, count == storage.count { storage.reserveCapacity(minimumCapacity) }
    }

    /// The elements' memory, without copying them. Inlinable, as the reads of a step's texts are
    /// (see `ScenarioText.withUTF8`): called through the generic, it cost a tenth of a decision.
    @inlinable
    public func withUnsafeBufferPointer<Result>(
        _ body: (UnsafeBufferPointer<Element>) throws -> Result
    ) rethrows -> Result {
        try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<(start + count)]))
        }
    }
}

extension SharedList: RandomAccessCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "SharedList: index out of range")
        return storage[start + position]
    }

    @inlinable
    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<Element>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }
}

extension SharedList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension SharedList: Equatable where Element: Equatable {
    public static func == (lhs: SharedList, rhs: SharedList) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension SharedList: Sendable where Element: Sendable {}

/// As an array: records of play (transcripts, workshop saves) read the same as when a step's lines
/// and choices were arrays.
extension SharedList: Encodable where Element: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

extension SharedList: Decodable where Element: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(try [Element](from: decoder))
    }
}

extension SharedList: CustomStringConvertible {
    public var description: String { Array(self).description }
}
