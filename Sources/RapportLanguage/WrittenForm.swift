/// A checked condition or change written back as a trainer would write it in a scenario, with the
/// names of the scenario's state, promises, nodes and dimensions: what the picture of the branches
/// (`rapport graph`) prints on its arrows. Brackets are added only where `and` binds tighter than
/// `or` would otherwise change the meaning.
extension Condition {
    public func written(in scenario: CheckedScenario) -> String { written(in: scenario, inside: .or) }

    private enum Place: Int, Comparable {
        case or, and, not
        static func < (a: Place, b: Place) -> Bool { a.rawValue < b.rawValue }
    }

    private func written(in scenario: CheckedScenario, inside place: Place) -> String {
        func operand(_ operand: Operand, beside other: Operand) -> String {
            switch operand {
            case .variable(let index): return scenario.variables[index].name
            case .constant(let value):
                if case .variable(let index) = other, scenario.variables[index].isBoolean { return value != 0 ? "true" : "false" }
                return String(value)
            }
        }
        switch self {
        case .compare(let left, let op, let right):
            return "\(operand(left, beside: right)) \(op.rawValue) \(operand(right, beside: left))"
        case .flag(let index): return scenario.variables[index].name
        case .promise(let test, let index): return "\(test.rawValue) \(scenario.promises[index].name)"
        case .visited(let node): return "visited \(scenario.nodes[node].id)"
        case .not(let inner): return "not " + inner.written(in: scenario, inside: .not)
        case .and(let a, let b):
            let text = a.written(in: scenario, inside: .and) + " and " + b.written(in: scenario, inside: .and)
            return place > .and ? "(\(text))" : text
        case .or(let a, let b):
            let text = a.written(in: scenario, inside: .or) + " or " + b.written(in: scenario, inside: .or)
            return place > .or ? "(\(text))" : text
        }
    }
}

extension Effect {
    public func written(in scenario: CheckedScenario) -> String {
        switch self {
        case .score(let dimension, let delta): return "\(scenario.dimensions[dimension]) \(delta.signedFigure)"
        case .set(let index, let op, let amount):
            let variable = scenario.variables[index]
            let value = variable.isBoolean ? (amount != 0 ? "true" : "false") : String(amount)
            return "\(variable.name) \(op.rawValue) \(value)"
        case .promise(let index): return "promise \(scenario.promises[index].name)"
        case .keep(let index): return "keep \(scenario.promises[index].name)"
        case .breakPromise(let index): return "break \(scenario.promises[index].name)"
        case .drop(let index): return "drop \(scenario.promises[index].name)"
        }
    }
}
