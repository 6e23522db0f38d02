/// A list that grows in fixed-size segments and can drop its front: the parser appends every effect
/// of a file to one, and the checker, which reads them in file order, frees each segment once it has
/// passed it. One growing array would double as it grew, holding up to three times its contents at
/// the moment it is copied, and would stay whole until the check ended.
///
/// A list can also start at a later index, with nothing before it, so that the second half of a file
/// can be parsed at the same time as the first (see `ParsingInHalves`) and the two joined without
/// renumbering anything.
public struct SegmentedList<Element: Sendable>: Sendable {
    static var segmentSize: Int { 4_096 }

    private var segments: [[Element]] = []
    /// Segments before this one have been dropped.
    private var firstKept = 0
    /// One past the last index.
    public private(set) var count = 0

    public init() {}

    /// An empty list whose first element will have the index `start`, rounded up to a whole segment.
    init(startingAt start: Int) {
        let emptySegments = (start + Self.segmentSize - 1) / Self.segmentSize
        segments = Array(repeating: [], count: emptySegments)
        count = emptySegments * Self.segmentSize
    }

    public mutating func append(_ element: Element) {
        if count % Self.segmentSize == 0 {
            var segment: [Element] = []
            segment.reserveCapacity(Self.segmentSize)
            segments.append(segment)
        }
        segments[segments.count - 1].append(element)
        count += 1
    }

    /// Removes the last elements, from `index` on.
    public mutating func removeLast(from index: Int) {
        while count > index, let last = segments.indices.last, !segments[last].isEmpty {
            let remove = min(segments[last].count, count - index)
            segments[last].removeLast(remove)
            count -= remove
            if segments[last].isEmpty { segments.removeLast() }
        }
    }

    /// The element at an index that is in the list and has not been dropped.
    public subscript(index: Int) -> Element {
        segments[index / Self.segmentSize][index % Self.segmentSize]
    }

    /// Every element, in order.
    public func forEach(_ body: (Element) throws -> Void) rethrows {
        for segment in segments {
            for element in segment { try body(element) }
        }
    }

    /// Frees the whole segments before `index`; reading them afterwards is an error.
    public mutating func drop(before index: Int) {
        let segment = min(index / Self.segmentSize, segments.count)
        while firstKept < segment {
            segments[firstKept] = []
            firstKept += 1
        }
    }

    /// Frees the whole segments from the first one that starts at or after `index`; reading them
    /// afterwards is an error. The list still counts them.
    public mutating func drop(from index: Int) {
        var segment = (index + Self.segmentSize - 1) / Self.segmentSize
        while segment < segments.count {
            segments[segment] = []
            segment += 1
        }
    }

    /// Puts a list that ends before this one's first element in the empty place at its front.
    mutating func fillFront(with earlier: SegmentedList) {
        precondition(earlier.count <= segments.count * Self.segmentSize && earlier.segments.count <= segments.count)
        for index in earlier.segments.indices {
            precondition(segments[index].isEmpty, "the two lists overlap")
            segments[index] = earlier.segments[index]
        }
    }
}
