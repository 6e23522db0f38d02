import Testing

@testable import RapportEngine

/// A step's lines and choices are usually a stretch of a list the rules share between steps.
@Suite struct SharedListTests {
    @Test func aStretchReadsFromZero() {
        let stretch = SharedList([10, 11, 12, 13, 14], start: 1, count: 3)
        #expect(stretch.count == 3)
        #expect(Array(stretch) == [11, 12, 13])
        #expect(stretch[0] == 11 && stretch[2] == 13)
        #expect(stretch.indices == 0..<3)
        #expect(stretch.withUnsafeBufferPointer { Array($0) } == [11, 12, 13])
        #expect(stretch == [11, 12, 13])
        #expect(stretch != [11, 12])
        #expect(stretch.description == "[11, 12, 13]")
    }

    @Test func appendingCopiesTheStretchOut() {
        let shared = [1, 2, 3, 4]
        var stretch = SharedList(shared, start: 1, count: 2)
        stretch.append(9)
        #expect(Array(stretch) == [2, 3, 9])
        #expect(shared == [1, 2, 3, 4])
        var whole = SharedList(shared)
        whole.append(5)
        #expect(Array(whole) == [1, 2, 3, 4, 5])
        #expect(shared == [1, 2, 3, 4])
        var empty: SharedList<Int> = []
        empty.reserveCapacity(4)
        empty.append(7)
        #expect(Array(empty) == [7])
    }
}
