/// Part of the node pass: an `[if ...]` condition with its names resolved and its types checked. A
/// bare name must be yes/no state; a comparison compares two numbers, or two yes/no values with
/// `==` or `!=`.
extension NodePass {
    /// Nil when any part of it is wrong (then reported); every part is checked either way.
    mutating func resolve(_ condition: ConditionSyntax) -> Condition? {
        switch condition {
        case .unreadable:
            return nil  // reported by the parser
        case .not(let inner):
            return resolve(inner).map(Condition.not)
        case .and(let left, let right):
            let l = resolve(left)
            let r = resolve(right)
            guard let l, let r else { return nil }
            return .and(l, r)
        case .or(let left, let right):
            let l = resolve(left)
            let r = resolve(right)
            guard let l, let r else { return nil }
            return .or(l, r)
        case .visited(let name):
            return resolveNode(name).map(Condition.visited)
        case .promise(let test, let name):
            return resolvePromise(name).map { .promise(test, $0) }
        case .flag(let name):
            guard let index = resolveVariable(name) else { return nil }
            usage.variablesRead.insert(index)
            guard declared.variables[index].isBoolean else {
                log.report(
                    .typeMismatch, "'\(name.text)' is a number, so it is not true or false by itself", name.span,
                    note: "compare it: '\(name.text) > 0'")
                return nil
            }
            return .flag(index)
        case .comparison(let left, let op, let right, let span):
            let l = resolve(left)
            let r = resolve(right)
            guard let (leftOperand, leftIsBoolean) = l, let (rightOperand, rightIsBoolean) = r else { return nil }
            if leftIsBoolean != rightIsBoolean {
                log.report(
                    .typeMismatch, "this compares a yes/no value with a number", span,
                    note: "compare yes/no values with true or false, and numbers with numbers")
                return nil
            }
            if leftIsBoolean, op != .equal, op != .notEqual {
                log.report(
                    .typeMismatch, "yes/no values can only be compared with '==' or '!='", span,
                    note: "for example 'escalated == true', or simply 'escalated'")
                return nil
            }
            return .compare(leftOperand, op, rightOperand)
        }
    }

    /// The operand, and whether it is yes/no.
    mutating func resolve(_ operand: OperandSyntax) -> (Operand, isBoolean: Bool)? {
        switch operand {
        case .value(.integer(let number), _): return (.constant(number), false)
        case .value(.boolean(let flag), _): return (.constant(flag ? 1 : 0), true)
        case .variable(let name):
            guard let index = resolveVariable(name) else { return nil }
            usage.variablesRead.insert(index)
            return (.variable(index), declared.variables[index].isBoolean)
        }
    }

    /// Whether a condition holds in every state (true), in none (false), or it depends (nil), judged
    /// only from the limits declared for each number (a yes/no value is 0 or 1; a number without
    /// limits can be anything): cheap, and sure where it answers. Promises, visits and yes/no values
    /// by themselves depend on the conversation.
    func certainly(_ condition: Condition) -> Bool? {
        switch condition {
        case .compare(.variable(let left), let op, .variable(let right)) where left == right:
            return [.equal, .lessOrEqual, .greaterOrEqual].contains(op)
        case .compare(let left, let op, let right):
            guard let a = limits(left), let b = limits(right) else { return nil }
            switch op {
            case .less: return a.upperBound < b.lowerBound ? true : a.lowerBound >= b.upperBound ? false : nil
            case .lessOrEqual: return a.upperBound <= b.lowerBound ? true : a.lowerBound > b.upperBound ? false : nil
            case .greater: return a.lowerBound > b.upperBound ? true : a.upperBound <= b.lowerBound ? false : nil
            case .greaterOrEqual: return a.lowerBound >= b.upperBound ? true : a.upperBound < b.lowerBound ? false : nil
            case .equal, .notEqual:
                let equal: Bool? =
                    a.lowerBound == a.upperBound && a == b ? true : !a.overlaps(b) ? false : nil
                return op == .equal ? equal : equal.map(!)
            }
        case .flag, .promise, .visited:
            return nil
        case .not(let inner):
            return certainly(inner).map(!)
        case .and(let left, let right):
            let (l, r) = (certainly(left), certainly(right))
            if l == false || r == false { return false }
            return l == true && r == true ? true : nil
        case .or(let left, let right):
            let (l, r) = (certainly(left), certainly(right))
            if l == true || r == true { return true }
            return l == false && r == false ? false : nil
        }
    }

    /// The values an operand can have, from the declarations; nil for a number without limits.
    func limits(_ operand: Operand) -> ClosedRange<Int>? {
        switch operand {
        case .constant(let value): return value...value
        case .variable(let index):
            switch declared.variables[index].kind {
            case .integer(let range): return range
            case .boolean: return 0...1
            }
        }
    }
}
