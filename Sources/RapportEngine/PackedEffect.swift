import RapportLanguage

/// An `Effect` in 8 bytes instead of 32, for the rules' flat list of what each choice does
/// (`Rules.moves`): at 32 bytes that list took 4.8 MB at 10,000 decisions. The language keeps
/// numbers within a million, so they always fit; an index does unless a scenario has more than
/// 65,535 variables, dimensions or promises, and rules for such a scenario keep no moves.
///
/// A word of the same size also starts each move in that list: the node it leads to and how many
/// effect words follow (see `move(to:effectCount:)`). A move and its effects are then one stretch of
/// one list, and taking a choice on a large scenario waits for one read from memory instead of two.
struct PackedEffect: Sendable {
    private let kind: UInt8
    private let op: UInt8
    private let index: UInt16
    private let value: Int32

    init?(_ effect: Effect) {
        let kind: UInt8
        var op: UInt8 = 0
        let index: Int
        var value = 0
        switch effect {
        case .score(let dimension, let delta): (kind, index, value) = (0, dimension, delta)
        case .set(let variable, let assignment, let amount):
            (kind, index, value) = (1, variable, amount)
            op = switch assignment {
                case .assign: 0
                case .add: 1
                case .subtract: 2
                }
        case .promise(let promise): (kind, index) = (2, promise)
        case .keep(let promise): (kind, index) = (3, promise)
        case .breakPromise(let promise): (kind, index) = (4, promise)
        }
        guard let index = UInt16(exactly: index), let value = Int32(exactly: value) else { return nil }
        self.kind = kind
        self.op = op
        self.index = index
        self.value = value
    }

    /// The word that starts a move to `target` with `effectCount` effects after it; nil when the
    /// count does not fit.
    static func move(to target: Int, effectCount: Int) -> PackedEffect? {
        guard let count = UInt16(exactly: effectCount), let target = Int32(exactly: target) else { return nil }
        return PackedEffect(kind: moveKind, op: 0, index: count, value: target)
    }

    private init(kind: UInt8, op: UInt8, index: UInt16, value: Int32) {
        self.kind = kind
        self.op = op
        self.index = index
        self.value = value
    }

    private static let moveKind: UInt8 = 255

    /// For a word that starts a move: the node it leads to.
    var target: Int { Int(value) }
    /// For a word that starts a move: how many effect words follow it.
    var effectCount: Int { Int(index) }
    var startsMove: Bool { kind == Self.moveKind }

    var effect: Effect {
        let index = Int(index)
        switch kind {
        case 0: return .score(dimension: index, delta: Int(value))
        case 1: return .set(variable: index, op == 0 ? .assign : op == 1 ? .add : .subtract, Int(value))
        case 2: return .promise(index)
        case 3: return .keep(index)
        default: return .breakPromise(index)
        }
    }
}
