extension Analysis {
    /// A path of moves through a scenario, from the start.
    public struct MovePath: RandomAccessCollection, Sendable, Hashable, Encodable {
        private let moves: [Move]

        public init(_ moves: [Move]) {
            self.moves = moves
        }

        public var startIndex: Int { moves.startIndex }
        public var endIndex: Int { moves.endIndex }
        public subscript(position: Int) -> Move { moves[position] }

        /// The moves to write on one line: all of them when there are at most `limit`, otherwise
        /// the first and the last `limit / 2`, with how many were left out between them.
        public func excerpt(atMost limit: Int = 12) -> (first: [Move], omitted: Int, last: [Move]) {
            guard count > limit else { return (moves, 0, []) }
            let side = Swift.max(1, limit / 2)
            return (Array(moves[..<side]), count - 2 * side, Array(moves[(count - side)...]))
        }

        /// Encoded as the list of moves it stands for.
        public func encode(to encoder: any Encoder) throws {
            try moves.encode(to: encoder)
        }
    }
}
