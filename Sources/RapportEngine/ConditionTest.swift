import RapportLanguage

/// A condition as play tests it, kept in the rules' own flat lists. A `Condition` is an indirect
/// enum: each lives in an object of its own, and reading one from a list retained that object, a
/// locked write to a cache line that on a large scenario is usually cold, and one that stops the
/// processor from reading ahead. Those retains were 8% of random play's time on the 10,000-decision
/// layered story. The usual conditions (a state value against a number, a yes/no value) are kept
/// here as plain numbers; any other points into `Rules.otherConditions`.
struct ConditionTest: Sendable {
    enum Kind: UInt8, Sendable {
        /// No condition.
        case always
        /// `values[variable] op constant`.
        case compareToConstant
        /// `values[variable] != 0`.
        case flag
        /// `Rules.otherConditions[index]`.
        case other
    }

    let kind: Kind
    let op: ComparisonOperator
    /// The variable, or for `other` the index of the condition.
    let index: Int32
    let constant: Int

    static let always = ConditionTest(kind: .always, op: .equal, index: 0, constant: 0)

    /// The test for a condition, adding it to `others` when it is not one of the usual kinds.
    static func make(_ condition: Condition?, others: inout [Condition]) -> ConditionTest {
        switch condition {
        case nil:
            return .always
        case .compare(.variable(let variable), let op, .constant(let constant)):
            return ConditionTest(kind: .compareToConstant, op: op, index: Int32(variable), constant: constant)
        case .flag(let variable):
            return ConditionTest(kind: .flag, op: .equal, index: Int32(variable), constant: 0)
        case let condition?:
            others.append(condition)
            return ConditionTest(kind: .other, op: .equal, index: Int32(others.count - 1), constant: 0)
        }
    }
}

extension Rules {
    /// Whether a test holds: as `holds(_:in:)` does for the condition it was made from.
    @inline(__always)
    func holds(_ test: ConditionTest, in state: PlayState) -> Bool {
        switch test.kind {
        case .always:
            return true
        case .compareToConstant:
            return test.op.holds(state.values[Int(test.index)], test.constant)
        case .flag:
            return state.values[Int(test.index)] != 0
        case .other:
            return holds(otherConditions[Int(test.index)], in: state)
        }
    }
}

extension ComparisonOperator {
    /// Whether `left op right`: one place for what each operator means, for conditions and tests.
    @inline(__always)
    func holds(_ left: Int, _ right: Int) -> Bool {
        switch self {
        case .equal: left == right
        case .notEqual: left != right
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        }
    }
}
