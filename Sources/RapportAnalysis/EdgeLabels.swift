import RapportEngine

/// What an edge of the state graph does: the action taken and the score change on each dimension.
/// A choice usually scores the same wherever it is taken, so a scenario has few distinct labels
/// however many edges it has: each is stored once, and an edge holds a label number (4 bytes instead
/// of 16 for the action and 8 per dimension).
struct EdgeLabels: Sendable {
    let dimensionCount: Int
    /// The choice's index within its node, or -1 for a silence.
    private var actionCodes: [Int32] = []
    /// `dimensionCount` score changes per label.
    private var allDeltas: [Int] = []
    private var index = RowIndex()

    init(dimensionCount: Int) {
        self.dimensionCount = dimensionCount
    }

    var count: Int { actionCodes.count }

    private static let silenceCode: Int32 = -1

    /// The number of the label for this action and these score changes, adding it if it is new.
    mutating func intern(_ action: Rules.Action, deltas: [Int]) -> Int32 {
        let code: Int32
        switch action {
        case .choose(let choice):
            precondition(choice >= 0 && choice < Int(Int32.max), "EdgeLabels: choice index out of range")
            code = Int32(choice)
        case .silence:
            code = Self.silenceCode
        }
        var hash = RowHash()
        hash.add(UInt64(UInt32(bitPattern: code)))
        for delta in deltas { hash.add(UInt64(bitPattern: Int64(delta))) }
        let found = index.find(hash: hash.value) { label in
            guard actionCodes[label] == code else { return false }
            let start = label * dimensionCount
            for dimension in 0..<dimensionCount where allDeltas[start + dimension] != deltas[dimension] { return false }
            return true
        }
        if let found { return Int32(found) }
        let label = count
        actionCodes.append(code)
        allDeltas.append(contentsOf: deltas)
        if index.isFull { index = RowIndex(rows: label, room: label * 2) { hashOfLabel($0) } }
        index.insertNew(label, hash: hash.value)
        return Int32(label)
    }

    private func hashOfLabel(_ label: Int) -> Int {
        var hash = RowHash()
        hash.add(UInt64(UInt32(bitPattern: actionCodes[label])))
        for delta in deltas(of: label) { hash.add(UInt64(bitPattern: Int64(delta))) }
        return hash.value
    }

    func action(of label: Int) -> Rules.Action {
        let code = actionCodes[label]
        return code == Self.silenceCode ? .silence : .choose(Int(code))
    }

    func deltas(of label: Int) -> ArraySlice<Int> {
        allDeltas[(label * dimensionCount)..<((label + 1) * dimensionCount)]
    }
}
