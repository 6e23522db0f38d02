/// Part of the header pass: `state: patience = 3 (0..5), escalated = false` declares the values a
/// conversation keeps. Each is a whole number, with optional limits it is kept within, or yes/no.
extension HeaderPass {
    /// Words that conditions give a meaning to, so they cannot name state.
    static let reservedWords: Set<String> = ["true", "false", "not", "and", "or", "promised", "kept", "broken", "visited"]

    mutating func checkState(_ declarations: [StateDeclarationSyntax], value: TextSyntax) {
        if value.isEmpty {
            log.report(
                .malformedState, "'state:' needs at least one value", value.span,
                note: "for example 'state: patience = 3 (0..5)' or 'state: escalated = false'")
            return
        }
        for declaration in declarations {
            switch declaration.shape {
            case .notADeclaration(let text):
                log.report(
                    .malformedState, "'\(text)' is not a state declaration", declaration.span,
                    note: "write 'name = starting value', with limits for a number: 'patience = 3 (0..5)'")
            case .unclosedLimits(let name):
                declared.brokenVariables.insert(name)
                log.report(
                    .malformedState, "the limits of '\(name)' are not closed with ')'", declaration.span,
                    note: "write limits as '(0..5)'")
            case .declaration(let value):
                if declared.variables.count == ScenarioLimits.stateVariables {
                    log.report(
                        .beyondLimit, "a scenario can declare at most \(ScenarioLimits.stateVariables) state values",
                        declaration.span, note: "each value multiplies the states a conversation can be in; remember less")
                }
                if let variable = variable(value, at: declaration.span) {
                    declared.variableIndex[variable.name] = declared.variables.count
                    declared.variables.append(variable)
                    declared.variableSpans.append(declaration.span)
                } else {
                    // Reported: later uses of the name are not reported as undeclared too.
                    declared.brokenVariables.insert(value.name)
                }
            }
        }
    }

    /// The variable a declaration makes, or nil when something is wrong with it (then reported).
    mutating func variable(_ value: StateValueSyntax, at span: Span) -> Variable? {
        let name = value.name
        let nameBytes = Array(name.utf8)
        guard let first = nameBytes.first, ASCII.isLetter(first), nameBytes.allSatisfy(ASCII.isNameByte) else {
            log.report(
                .invalidName, "'\(name)' is not a valid state name", span,
                note: "state names use letters, digits, '-' and '_', and start with a letter",
                fix: Parser.suggestedName(name))
            return nil
        }
        if Self.reservedWords.contains(name) {
            log.report(.invalidName, "'\(name)' is a word conditions use, so it cannot name state", span, note: "choose another name")
            return nil
        }
        if declared.variableIndex[name] != nil {
            log.report(.duplicateVariable, "'\(name)' is declared twice", span, note: "declare each state value once")
            return nil
        }
        switch value.initial {
        case .boolean(let flag):
            if value.limitsText != nil {
                log.report(.malformedState, "a yes/no value cannot have limits", span, note: "remove the '(...)'")
                return nil
            }
            return Variable(name: name, kind: .boolean, initial: flag ? 1 : 0)
        case nil:
            log.report(
                .malformedNumber, "'\(value.initialText)' is not a whole number or true/false", span,
                note: "a state value starts as a whole number (with optional limits) or as true or false")
            return nil
        case .integer(let number):
            guard let limitsText = value.limitsText else { return Variable(name: name, kind: .integer(nil), initial: number) }
            guard let (low, high) = value.limits else {
                log.report(
                    .malformedState, "'(\(limitsText))' are not limits", span,
                    note: "write the lowest and highest values with '..' between them: '(0..5)'")
                return nil
            }
            guard low <= high else {
                log.report(
                    .outOfBounds, "the limits of '\(name)' go from \(low) down to \(high)", span,
                    note: "write the lowest value first: '(\(high)..\(low))'")
                return nil
            }
            guard (low...high).contains(number) else {
                log.report(
                    .outOfBounds, "'\(name)' starts at \(number), outside its limits \(low)..\(high)", span,
                    note: "choose a starting value between \(low) and \(high)")
                return nil
            }
            return Variable(name: name, kind: .integer(low...high), initial: number)
        }
    }
}
