/// Reads the lines that change scores or state: `score:`, `set:`, `promise NAME:`, `keep:`,
/// `break:` and `drop:`. A line with a problem is reported and changes nothing, not even its good parts, so a
/// half-read line never plays.
extension Parser {
    /// The changes the line makes, in the order written; none when it has a problem.
    mutating func parseEffects(_ line: KeywordLine) -> [EffectSyntax] {
        var effects: [EffectSyntax] = []
        let value = source.trimmed(line.value)
        let complete: Bool
        switch line.keyword {
        case .score: complete = parseScores(value, line: line, into: &effects)
        case .set: complete = parseAssignments(value, line: line, into: &effects)
        case .promise: complete = parsePromise(value, line: line, into: &effects)
        default: complete = parsePromiseNames(value, line: line, into: &effects)
        }
        return complete ? effects : []
    }

    /// `score: empathy +1, ownership -1`
    mutating func parseScores(_ span: Span, line: KeywordLine, into effects: inout [EffectSyntax]) -> Bool {
        if span.isEmpty {
            report(
                .missingText, "'score:' needs at least one dimension and number", line.wordSpan,
                note: "for example 'score: empathy +1, ownership -1'")
            return false
        }
        let bytes = source.bytes
        for part in source.splitOnCommas(span) {
            let item = source.trimmed(part)
            // The number is the last word; a missing blank ('empathy+1') is forgiven.
            var numberStart = item.end
            while numberStart > item.start, ASCII.isDigit(bytes[numberStart - 1]) { numberStart -= 1 }
            if numberStart > item.start, bytes[numberStart - 1] == ASCII.plus || bytes[numberStart - 1] == ASCII.minus {
                numberStart -= 1
            }
            let nameSpan = source.trimmed(Span(item.start, numberStart))
            let numberSpan = Span(numberStart, item.end)
            guard !numberSpan.isEmpty, !nameSpan.isEmpty,
                numberStart == item.start || ASCII.isSpace(bytes[numberStart - 1])
                    || bytes[numberStart] == ASCII.plus || bytes[numberStart] == ASCII.minus
            else {
                report(
                    .malformedEffect, "'\(source.string(item))' is not a dimension and a number",
                    item.isEmpty ? part : item,
                    note: "write each score as a dimension then a whole number, separated by commas: 'empathy +1, ownership -2'")
                return false
            }
            guard let delta = parseInteger(numberSpan) else { return false }
            effects.append(.score(ScoreSyntax(dimension: source.name(nameSpan), delta: delta)))
        }
        return true
    }

    /// `set: patience -= 1, escalated = true`
    mutating func parseAssignments(_ span: Span, line: KeywordLine, into effects: inout [EffectSyntax]) -> Bool {
        if span.isEmpty {
            report(
                .missingText, "'set:' needs something to change", line.wordSpan,
                note: "for example 'set: patience -= 1' or 'set: escalated = true'")
            return false
        }
        for part in source.splitOnCommas(span) {
            let item = source.trimmed(part)
            var index = item.start
            while index < item.end, ASCII.isNameByte(source.bytes[index]) { index += 1 }
            let name = NameSyntax(text: source.string(Span(item.start, index)), span: Span(item.start, index))
            while index < item.end, ASCII.isSpace(source.bytes[index]) { index += 1 }
            let afterName = Span(index, item.end)
            let op: AssignmentOperator?
            if source.starts(afterName, with: "+=") {
                op = .add
                index += 2
            } else if source.starts(afterName, with: "-=") {
                op = .subtract
                index += 2
            } else if source.starts(afterName, with: "==") {
                report(
                    .malformedEffect, "'==' compares; to change a value use '='", Span(index, index + 2),
                    note: "write 'set: \(name.text) = ...'", fix: "=")
                return false
            } else if index < item.end, source.bytes[index] == ASCII.equals {
                op = .assign
                index += 1
            } else {
                op = nil
            }
            guard !name.text.isEmpty, let op else {
                report(
                    .malformedEffect, "'\(source.string(item))' is not a change to the state", item.isEmpty ? part : item,
                    note: "write 'name = value', 'name += number' or 'name -= number', separated by commas")
                return false
            }
            let valueSpan = source.trimmed(Span(index, item.end))
            guard let value = parseValue(valueSpan) else { return false }
            effects.append(.set(AssignmentSyntax(variable: name, op: op, value: value, valueSpan: valueSpan)))
        }
        return true
    }

    /// `promise callback: call Dana back before 3pm`
    mutating func parsePromise(_ span: Span, line: KeywordLine, into effects: inout [EffectSyntax]) -> Bool {
        let name = source.name(line.argument)
        if line.argument.isEmpty {
            report(
                .missingText, "a promise needs a name", line.wordSpan,
                note: "write 'promise NAME: what was promised', for example 'promise callback: call back by 3pm'")
            return false
        }
        guard source.isValidName(name.span) else {
            report(
                .invalidName, "'\(name.text)' is not a valid promise name", name.span,
                note: "promise names use letters, digits, '-' and '_'", fix: Self.suggestedName(name.text))
            return false
        }
        let text = source.text(span)
        if text.isEmpty {
            report(
                .missingText, "say what was promised after 'promise \(name.text):'", name.span,
                note: "for example 'promise \(name.text): call Dana back before 3pm'")
            return false
        }
        effects.append(.promise(name, text))
        return true
    }

    /// `keep: callback`, `break: callback, refund` or `drop: callback`
    mutating func parsePromiseNames(_ span: Span, line: KeywordLine, into effects: inout [EffectSyntax]) -> Bool {
        let word = source.string(line.wordSpan)
        if span.isEmpty {
            report(
                .missingText, "'\(word):' needs the name of a promise", line.wordSpan,
                note: "for example '\(word): callback'")
            return false
        }
        for part in source.splitOnCommas(span) {
            let name = source.name(part)
            guard source.isValidName(name.span) else {
                report(
                    .invalidName, "'\(name.text)' is not a valid promise name", name.span.isEmpty ? part : name.span,
                    note: "separate promise names with commas; names use letters, digits, '-' and '_'")
                return false
            }
            switch line.keyword {
            case .keep: effects.append(.keep(name))
            case .drop: effects.append(.drop(name))
            default: effects.append(.breakPromise(name))
            }
        }
        return true
    }
}
