import Testing

@testable import RapportEngine

/// Reading ahead is only a hint: any range, even one outside the list, leaves everything as it was.
@Suite struct ReadAheadTests {
    @Test(arguments: [0..<0, 0..<3, 1..<2, 2..<10, -1..<1, 0..<1_000])
    func changesNothing(range: Range<Int>) {
        let list = [10, 20, 30]
        list.readAhead(range)
        #expect(list == [10, 20, 30])
        let empty: [Int] = []
        empty.readAhead(range)
        #expect(empty.isEmpty)
    }
}
