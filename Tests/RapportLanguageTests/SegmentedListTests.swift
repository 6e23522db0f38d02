@testable import RapportLanguage
import Testing

@Suite struct SegmentedListTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 4_097, 10_000])
    func keepsEveryElementInOrder(count: Int) {
        var list = SegmentedList<Int>()
        for value in 0..<count { list.append(value * 3) }
        #expect(list.count == count)
        #expect((0..<count).allSatisfy { list[$0] == $0 * 3 })
    }

    @Test(arguments: [(4_100, 4_095), (4_100, 4_096), (8_192, 0), (5, 5), (9_000, 4_097)])
    func removesTheLastElementsAcrossSegments(count: Int, keep: Int) {
        var list = SegmentedList<Int>()
        for value in 0..<count { list.append(value) }
        list.removeLast(from: keep)
        #expect(list.count == keep)
        for value in keep..<(keep + 5_000) { list.append(value) }
        #expect((0..<(keep + 5_000)).allSatisfy { list[$0] == $0 })
    }

    @Test func droppingTheFrontKeepsTheRest() {
        var list = SegmentedList<Int>()
        for value in 0..<10_000 { list.append(value) }
        list.drop(before: 9_000)
        #expect(list.count == 10_000)
        #expect((8_192..<10_000).allSatisfy { list[$0] == $0 })
        list.append(10_000)
        #expect(list[10_000] == 10_000)
    }
}
