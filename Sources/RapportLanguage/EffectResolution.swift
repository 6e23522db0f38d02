/// Part of the node pass: the changes a line or a choice makes, with names resolved and the values
/// given to state checked against its type and limits.
extension NodePass {
    /// Scores beyond ±3 make one choice outweigh a whole conversation, and make a dimension's range
    /// mean something different here than in other scenarios.
    static let largestScore = 3

    /// The effects that resolve; those that do not are reported and left out.
    mutating func resolve(_ effects: [EffectSyntax]) -> [Effect] {
        var result: [Effect] = []
        for effect in effects {
            switch effect {
            case .score(let score):
                if let dimension = resolveDimension(score.dimension) {
                    usage.dimensionsScored.insert(dimension)
                    result.append(.score(dimension: dimension, delta: score.delta))
                    if abs(score.delta) > Self.largestScore { reportLargeScore(score) }
                }
            case .set(let assignment):
                if let effect = resolve(assignment) { result.append(effect) }
            case .promise(let name, _):
                // Every promise made is known to the name pass.
                if let index = names.promiseIndex[name.text] { result.append(.promise(index)) }
            case .keep(let name):
                if let index = resolvePromise(name) {
                    usage.promisesSettled.insert(index)
                    result.append(.keep(index))
                }
            case .breakPromise(let name):
                if let index = resolvePromise(name) {
                    usage.promisesSettled.insert(index)
                    result.append(.breakPromise(index))
                }
            case .drop(let name):
                // Withdrawing is not settling: a promise only ever dropped is still never tested.
                if let index = resolvePromise(name) { result.append(.drop(index)) }
            }
        }
        return result
    }

    mutating func reportLargeScore(_ score: ScoreSyntax) {
        log.report(
            .largeScore, "a score of \(score.delta.signedFigure) on '\(score.dimension.text)' is outside Rapport's scale of -3 to +3",
            score.dimension.span,
            note: "use +1 or -1 for a small effect, +2 or -2 for a clear one and +3 or -3 for the strongest, so scores mean the same across scenarios")
    }

    /// `set: name = value`: yes/no state is only set, to true or false; a number is set, added to or
    /// taken from, and set only within its limits (play keeps it within them when adding).
    mutating func resolve(_ assignment: AssignmentSyntax) -> Effect? {
        guard let index = resolveVariable(assignment.variable) else { return nil }
        let variable = declared.variables[index]
        switch (variable.kind, assignment.value) {
        case (.boolean, .boolean(let flag)):
            guard assignment.op == .assign else {
                log.report(
                    .typeMismatch, "'\(variable.name)' is yes/no, so it cannot be added to or taken from",
                    assignment.variable.span, note: "write '\(variable.name) = true' or '\(variable.name) = false'")
                return nil
            }
            return .set(variable: index, .assign, flag ? 1 : 0)
        case (.integer(let bounds), .integer(let number)):
            if assignment.op == .assign, let bounds, !bounds.contains(number) {
                log.report(
                    .outOfBounds, "'\(variable.name)' can only be \(bounds.lowerBound)..\(bounds.upperBound), not \(number)",
                    assignment.valueSpan, note: "choose a value within its limits, or widen the limits in the header")
                return nil
            }
            return .set(variable: index, assignment.op, number)
        case (.boolean, .integer):
            log.report(
                .typeMismatch, "'\(variable.name)' is yes/no, but is given a number", assignment.valueSpan,
                note: "write '\(variable.name) = true' or '\(variable.name) = false'")
        case (.integer, .boolean):
            log.report(
                .typeMismatch, "'\(variable.name)' is a number, but is given true or false", assignment.valueSpan,
                note: "give it a whole number, or declare a separate yes/no value")
        }
        return nil
    }
}
