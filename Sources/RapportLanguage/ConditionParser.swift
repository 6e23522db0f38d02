/// Reads `[if ...]` conditions: comparisons, yes/no state, `promised`/`kept`/`broken NAME`,
/// `visited NODE`, combined with `not`, `and`, `or` and brackets. Its terms and its nesting are
/// capped (`ScenarioLimits`) so that a line of a million brackets, or of fifty thousand `and`s, is an
/// error, not a crash of the recursive reader or of anything that later walks the condition.
extension Parser {
    /// What a bracket in front of a line says: a condition, an `[else]`, or both (`[else if ...]`).
    struct LineGuard {
        /// Nil for a plain `[else]`; `.unreadable` when the bracket could not be read (reported).
        var condition: ConditionSyntax?
        /// Where `else` or `otherwise` stands, for `[else]` and `[else if ...]`.
        var otherwise: Span?

        var isUnreadable: Bool {
            if case .unreadable? = condition { return true }
            return false
        }
    }

    /// Words that writers put in a bracket meaning `[if ...]`, with what to write instead.
    static let conditionSynonyms = ["when": "if", "whenever": "if", "unless": "if not", "only": "if"]

    /// If the span starts with a bracket (`[if ...]`, `[else]`, `[else if ...]`, `[otherwise]`, or any
    /// other `[word ...]`), reads it and returns what it says with the offset just after `]`; nil when
    /// the span does not start with `[`. A bracket that is not a condition is reported: its text
    /// would otherwise be shown to learners word for word.
    mutating func parseLineGuard(_ span: Span) -> (LineGuard, Int)? {
        guard source.starts(span, with: "[") else { return nil }
        let bytes = source.bytes
        var wordStart = span.start + 1
        while wordStart < span.end, ASCII.isSpace(bytes[wordStart]) { wordStart += 1 }
        var wordEnd = wordStart
        while wordEnd < span.end, ASCII.isLetter(bytes[wordEnd]) { wordEnd += 1 }
        let wordSpan = Span(wordStart, wordEnd)
        let word = source.string(wordSpan)
        let lower = word.lowercased()
        var close = wordEnd
        while close < span.end, bytes[close] != ASCII.closeBracket { close += 1 }
        guard close < span.end else {
            // `[if patience` with no `]`: a condition the writer did not finish. Any other text with
            // an unclosed bracket is text.
            guard lower == "if" || lower == "else" || lower == "otherwise" else { return nil }
            report(
                .malformedCondition, "this condition has no closing ']'", Span(span.start, span.end),
                note: "write the condition as '[if patience <= 1]' followed by the line it controls")
            return (LineGuard(condition: .unreadable), span.end)
        }
        let after = close + 1
        func lowerCase(_ wordSpan: Span, _ wanted: String) {
            let written = source.string(wordSpan)
            guard written != wanted else { return }
            report(
                .keywordCase, "'\(written)' is written with capitals; Rapport's words are lower case", wordSpan,
                note: "write '[\(wanted) ...]': keywords, header keys and the words in brackets are all lower case",
                fix: wanted)
        }
        switch lower {
        case "if":
            lowerCase(wordSpan, "if")
            return (LineGuard(condition: parseCondition(Span(wordEnd, close), bracket: Span(span.start, after))), after)
        case "else", "otherwise":
            lowerCase(wordSpan, lower)
            var rest = source.trimmed(Span(wordEnd, close))
            if rest.isEmpty { return (LineGuard(condition: nil, otherwise: wordSpan), after) }
            var ifEnd = rest.start
            while ifEnd < rest.end, ASCII.isLetter(bytes[ifEnd]) { ifEnd += 1 }
            let ifSpan = Span(rest.start, ifEnd)
            guard source.string(ifSpan).lowercased() == "if", ifEnd == rest.end || !ASCII.isNameByte(bytes[ifEnd]) else {
                report(
                    .malformedCondition, "'[\(word)' is followed by '\(source.string(rest))'", rest,
                    note: "write '[\(lower)]' alone, or '[\(lower) if CONDITION]'")
                return (LineGuard(condition: .unreadable, otherwise: wordSpan), after)
            }
            lowerCase(ifSpan, "if")
            rest = Span(ifEnd, close)
            return (LineGuard(condition: parseCondition(rest, bracket: Span(span.start, after)), otherwise: wordSpan), after)
        default:
            let replacement = Self.conditionSynonyms[lower]
            let shown = source.string(Span(span.start, min(after, span.start + 40)))
            report(
                .unknownBracket,
                "'\(shown)\(after - span.start > 40 ? "…" : "")' is not a condition Rapport knows, so learners would see it word for word",
                word.isEmpty ? Span(span.start, after) : wordSpan,
                note: replacement.map { "a condition is written '[\($0) ...]'" }
                    ?? "conditions are written '[if ...]', '[else if ...]' or '[else]'; to show a line that starts with '[', begin it with '\\'",
                fix: replacement)
            return (LineGuard(condition: .unreadable), after)
        }
    }

    /// The condition between the bracket's first word and `]`; nil when it cannot be read (then
    /// reported). `bracket` is the whole `[...]`, for a condition that is empty.
    mutating func parseCondition(_ span: Span, bracket: Span) -> ConditionSyntax? {
        let inner = source.trimmed(span)
        if inner.isEmpty {
            report(
                .malformedCondition, "'\(source.string(bracket))' needs a condition", bracket,
                note: "for example '[if patience <= 1]' or '[if promised callback]'")
            return .unreadable
        }
        var reader = ConditionReader(source: source, span: inner)
        do throws(ConditionError) {
            let condition = try reader.parseExpression(depth: 0)
            if let extra = try reader.peek() {
                throw ConditionError(
                    message: "unexpected '\(source.string(extra.span))' in this condition", span: extra.span,
                    note: "join conditions with 'and' or 'or'")
            }
            return condition
        } catch {
            report(error.code, error.message, error.span, note: error.note, fix: error.fix)
            return .unreadable
        }
    }
}

struct ConditionError: Error {
    var message: String
    var span: Span
    var note: String
    var fix: String? = nil
    var code = DiagnosticCode.malformedCondition
}

struct ConditionToken {
    enum Kind: Equatable {
        case word(String)
        case number(Int)
        case comparison(ComparisonOperator)
        case open, close
    }
    var kind: Kind
    var span: Span
}

/// A recursive-descent reader over the bytes between `[if` and `]`. The first problem ends the
/// reading: it is thrown, and reported as the condition's one problem.
struct ConditionReader {
    let source: SourceFile
    let end: Int
    var index: Int
    var lookahead: ConditionToken?
    /// Terms read so far (see `ScenarioLimits.conditionTerms`).
    var terms = 0

    init(source: SourceFile, span: Span) {
        self.source = source
        self.index = span.start
        self.end = span.end
    }

    static let comparisonHelp = "compare with ==, !=, <, <=, > or >=; combine with and, or, not"
    /// Signs a word processor puts in place of a comparison.
    static let typographicComparisons = ["≥": ">=", "≤": "<=", "≠": "!=", "⩾": ">=", "⩽": "<="]

    mutating func peek() throws(ConditionError) -> ConditionToken? {
        if lookahead == nil { lookahead = try readToken() }
        return lookahead
    }

    mutating func next() throws(ConditionError) -> ConditionToken? {
        if let token = lookahead {
            lookahead = nil
            return token
        }
        return try readToken()
    }

    mutating func readToken() throws(ConditionError) -> ConditionToken? {
        let bytes = source.bytes
        while index < end, ASCII.isSpace(bytes[index]) { index += 1 }
        guard index < end else { return nil }
        let start = index
        let byte = bytes[index]
        func two(_ second: UInt8) -> Bool { index + 1 < end && bytes[index + 1] == second }
        switch byte {
        case ASCII.openParen:
            index += 1
            return ConditionToken(kind: .open, span: Span(start, index))
        case ASCII.closeParen:
            index += 1
            return ConditionToken(kind: .close, span: Span(start, index))
        case ASCII.equals where two(ASCII.equals):
            index += 2
            return ConditionToken(kind: .comparison(.equal), span: Span(start, index))
        case ASCII.equals where two(ASCII.greater) || two(ASCII.less):
            // `=>` and `=<`, written the way they are said: "equal or more".
            let meant = two(ASCII.greater) ? ">=" : "<="
            throw ConditionError(
                message: "'\(source.string(Span(start, start + 2)))' is not a comparison; did you mean '\(meant)'?",
                span: Span(start, start + 2), note: "write '>=' for 'at least' and '<=' for 'at most': the '=' comes second",
                fix: meant)
        case ASCII.equals:
            throw ConditionError(
                message: "'=' sets a value; to compare, use '=='", span: Span(start, start + 1),
                note: Self.comparisonHelp, fix: "==")
        case ASCII.less where two(ASCII.greater):
            throw ConditionError(
                message: "'<>' is not a comparison; did you mean '!='?", span: Span(start, start + 2),
                note: Self.comparisonHelp, fix: "!=")
        case ASCII.bang where two(ASCII.equals):
            index += 2
            return ConditionToken(kind: .comparison(.notEqual), span: Span(start, index))
        case ASCII.less, ASCII.greater:
            let orEqual = two(ASCII.equals)
            index += orEqual ? 2 : 1
            let op: ComparisonOperator =
                byte == ASCII.less ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
            return ConditionToken(kind: .comparison(op), span: Span(start, index))
        case UInt8(ascii: "&"), UInt8(ascii: "|"), ASCII.bang:
            let word = byte == UInt8(ascii: "&") ? "and" : byte == ASCII.bang ? "not" : "or"
            throw ConditionError(
                message: "write '\(word)' instead of '\(source.string(Span(start, min(end, start + (two(byte) ? 2 : 1)))))'",
                span: Span(start, min(end, start + (two(byte) ? 2 : 1))), note: Self.comparisonHelp)
        default:
            break
        }
        if ASCII.isDigit(byte) || (byte == ASCII.minus && index + 1 < end && ASCII.isDigit(bytes[index + 1])) {
            index += 1
            while index < end, ASCII.isNameByte(bytes[index]) { index += 1 }
            guard let value = Parser.integer(in: bytes[start..<index]) else {
                throw ConditionError(
                    message: "'\(source.string(Span(start, index)))' is not a whole number", span: Span(start, index),
                    note: "numbers in conditions are whole numbers, such as 3 or -1")
            }
            return ConditionToken(kind: .number(value), span: Span(start, index))
        }
        if ASCII.isLetter(byte) {
            while index < end, ASCII.isNameByte(bytes[index]) { index += 1 }
            return ConditionToken(kind: .word(source.string(Span(start, index))), span: Span(start, index))
        }
        var stop = index + 1
        while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        let character = source.string(Span(start, stop))
        if let meant = Self.typographicComparisons[character] {
            throw ConditionError(
                message: "'\(character)' is a typesetting sign, not one Rapport reads; did you mean '\(meant)'?",
                span: Span(start, stop),
                note: "word processors turn '\(meant)' into '\(character)'; write conditions in a plain-text editor, or turn AutoCorrect off",
                fix: meant, code: .typographicCharacter)
        }
        throw ConditionError(
            message: "unexpected '\(source.string(Span(start, stop)))' in this condition", span: Span(start, stop),
            note: Self.comparisonHelp)
    }

    func endSpan() -> Span { Span(end, end) }

    /// Counts `count` more terms, and stops the reading once there are too many: before a tree too
    /// deep to walk is built.
    mutating func count(_ count: Int, at span: Span) throws(ConditionError) {
        terms += count
        guard terms <= ScenarioLimits.conditionTerms else {
            throw ConditionError(
                message: "this condition has more than \(ScenarioLimits.conditionTerms) terms", span: span,
                note: "split it: a node can route with several '[if ...] -> node' lines, and a state value can remember a result",
                code: .beyondLimit)
        }
    }

    static let tooDeep = "use fewer brackets and 'not's (at most \(ScenarioLimits.conditionDepth) deep)"

    mutating func parseExpression(depth: Int) throws(ConditionError) -> ConditionSyntax {
        guard depth < ScenarioLimits.conditionDepth else {
            throw ConditionError(message: "this condition is nested too deeply", span: Span(index, index), note: Self.tooDeep)
        }
        var left = try parseAnd(depth: depth)
        while case .word("or")? = try peek()?.kind {
            let word = try next()!
            try count(1, at: word.span)
            left = .or(left, try parseAnd(depth: depth))
        }
        return left
    }

    mutating func parseAnd(depth: Int) throws(ConditionError) -> ConditionSyntax {
        var left = try parseUnary(depth: depth)
        while case .word("and")? = try peek()?.kind {
            let word = try next()!
            try count(1, at: word.span)
            left = .and(left, try parseUnary(depth: depth))
        }
        return left
    }

    mutating func parseUnary(depth: Int) throws(ConditionError) -> ConditionSyntax {
        guard depth < ScenarioLimits.conditionDepth else {
            throw ConditionError(message: "this condition is nested too deeply", span: Span(index, index), note: Self.tooDeep)
        }
        guard let token = try next() else {
            throw ConditionError(
                message: "this condition ends too soon", span: endSpan(),
                note: "something is missing after the last word; " + Self.comparisonHelp)
        }
        switch token.kind {
        case .open:
            let inner = try parseExpression(depth: depth + 1)
            guard let close = try next(), close.kind == .close else {
                throw ConditionError(
                    message: "a '(' in this condition is never closed", span: token.span, note: "add a ')'")
            }
            return inner
        case .close:
            throw ConditionError(message: "unexpected ')'", span: token.span, note: "remove it, or add a '(' before")
        case .comparison(let op):
            throw ConditionError(
                message: "'\(op.rawValue)' needs something on its left", span: token.span,
                note: "for example 'patience \(op.rawValue) 2'")
        case .word("not"):
            try count(1, at: token.span)
            return .not(try parseUnary(depth: depth + 1))
        case .word("and"), .word("or"):
            throw ConditionError(
                message: "'\(source.string(token.span))' needs a condition on its left", span: token.span,
                note: Self.comparisonHelp)
        case .word(let word) where PromiseTest(rawValue: word) != nil || word == "visited":
            guard let nameToken = try next(), case .word(let name) = nameToken.kind else {
                throw ConditionError(
                    message: "'\(word)' needs a \(word == "visited" ? "node" : "promise") name after it",
                    span: token.span, note: word == "visited" ? "for example 'visited look-up'" : "for example '\(word) callback'")
            }
            let nameSyntax = NameSyntax(text: name, span: nameToken.span)
            try count(1, at: Span(token.span.start, nameToken.span.end))
            if word == "visited" { return .visited(nameSyntax) }
            return .promise(PromiseTest(rawValue: word)!, nameSyntax)
        default:
            let left = try operand(token)
            if case .comparison(let op)? = try peek()?.kind {
                _ = try next()
                guard let rightToken = try next() else {
                    throw ConditionError(
                        message: "'\(op.rawValue)' needs something on its right", span: endSpan(),
                        note: "for example 'patience \(op.rawValue) 2'")
                }
                let right = try operand(rightToken)
                try count(3, at: Span(token.span.start, rightToken.span.end))
                return .comparison(left, op, right, Span(token.span.start, rightToken.span.end))
            }
            switch left {
            case .variable(let name):
                try count(1, at: token.span)
                return .flag(name)
            case .value:
                throw ConditionError(
                    message: "'\(source.string(token.span))' alone is not a condition", span: token.span,
                    note: "compare it with something: 'patience >= \(source.string(token.span))'")
            }
        }
    }

    func operand(_ token: ConditionToken) throws(ConditionError) -> OperandSyntax {
        switch token.kind {
        case .number(let value):
            return .value(.integer(value), token.span)
        case .word("true"):
            return .value(.boolean(true), token.span)
        case .word("false"):
            return .value(.boolean(false), token.span)
        case .word(let word):
            return .variable(NameSyntax(text: word, span: token.span))
        default:
            throw ConditionError(
                message: "unexpected '\(source.string(token.span))' in this condition", span: token.span,
                note: Self.comparisonHelp)
        }
    }
}
