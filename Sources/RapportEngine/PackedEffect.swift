import RapportLanguage

/// An `Effect` in 8 bytes instead of 32, for the rules' flat list of what each choice does
/// (`Rules.moves`): at 32 bytes that list took 4.8 MB at 10,000 decisions. The language keeps
/// numbers within a million, so they always fit; an index does unless a scenario has more than
/// 65,535 variables, dimensions or promises, and rules for such a scenario keep no moves.
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
