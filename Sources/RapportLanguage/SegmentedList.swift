/// A list that grows in fixed-size segments and can drop its front: the parser appends every effect
/// of a file to one, and the checker, which reads them in file order, frees each segment once it has
/// passed it. One growing array would double as it grew, holding up to three times its contents at
/// the moment it is copied, and would stay whole until the check ended.
public struct SegmentedList<Element: Sendable>: Sendable {
    static var segmentSize: Int { 4_096 }

    private var segments: [[Element]] = []
    /// Segments before this one have been dropped.
    private var firstKept = 0
    public private(set) var count = 0

    public init() {}

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
        while count > index {
            let last = segments.count - 1
            let inLast = segments[last].count
            let remove = min(inLast, count - index)
            segments[last].removeLast(remove)
            count -= remove
            if segments[last].isEmpty { segments.removeLast() }
        }
    }

    /// The element at an index that has not been dropped.
    public subscript(index: Int) -> Element {
        segments[index / Self.segmentSize][index % Self.segmentSize]
    }

    /// Frees the whole segments before `index`; reading them afterwards is an error.
    public mutating func drop(before index: Int) {
        let segment = min(index / Self.segmentSize, segments.count)
        while firstKept < segment {
            segments[firstKept] = []
            firstKept += 1
        }
    }
}
