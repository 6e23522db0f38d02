/// Reads a line of a node that is not indented: a choice, a jump, speech or narration, or a keyword
/// line (`moment:`, `end good:`, `silence 20s:`, `set:` ...), each with an optional `[if ...]` in
/// front.
extension Parser {
    /// The words that can start a `word: value` line, in a node or under a choice.
    enum Keyword: String {
        case moment, discuss, hint, set, promise, keep, `break`, end, silence, score, coach
    }

    /// Keywords that stand at the start of a line in a node.
    static let nodeKeywords = ["moment", "discuss", "hint", "set", "promise", "keep", "break", "end", "silence"]
    /// Keywords that stand on the indented lines under a choice or a silence.
    static let detailKeywords = ["score", "coach", "set", "promise", "keep", "break"]

    /// A line like `word: value` or `word argument: value`.
    struct KeywordLine {
        /// Nil for a lower-case word that is not a keyword.
        var keyword: Keyword?
        var wordSpan: Span
        /// Whatever stands between the word and the colon: a promise's name, an ending's outcome, a
        /// silence's time.
        var argument: Span
        /// Everything after the colon.
        var value: Span
    }

    mutating func parseNodeLine(_ line: Span) {
        var rest = line
        var condition: ConditionSyntax?
        if let (parsed, after) = parseConditionPrefix(rest) {
            condition = parsed ?? .unreadable
            rest = source.trimmed(Span(after, line.end))
            if rest.isEmpty {
                if parsed != nil {
                    report(
                        .missingText, "nothing follows this condition", line,
                        note: "a condition goes in front of a line, a choice or a '->' jump, on the same line")
                }
                return
            }
        }
        let first = source.bytes[rest.start]
        if first == ASCII.star {
            parseChoice(rest, condition: condition, line: line)
        } else if let target = parseJump(rest) {
            append(NodeItemSyntax(condition: condition, kind: .jump(target), span: line))
        } else if first == ASCII.backslash {
            // Narration that would otherwise look like speech or a keyword.
            let text = source.text(Span(rest.start + 1, rest.end))
            append(NodeItemSyntax(condition: condition, kind: .line(LineSyntax(speaker: nil, text: text, whole: text)), span: line))
        } else if let keywordLine = keywordLine(rest) {
            parseNodeKeyword(keywordLine, rest: rest, condition: condition, line: line)
        } else {
            append(NodeItemSyntax(condition: condition, kind: .line(parseTextLine(rest)), span: line))
        }
    }

    /// `* text`, or `* [if ...] text`; its details follow on indented lines.
    mutating func parseChoice(_ rest: Span, condition: ConditionSyntax?, line: Span) {
        var condition = condition
        var textSpan = source.trimmed(Span(rest.start + 1, rest.end))
        if let (inner, after) = parseConditionPrefix(textSpan) {
            if condition != nil {
                report(
                    .malformedCondition, "this choice has two conditions", textSpan,
                    note: "join them into one with 'and': [if A and B]")
            }
            condition = inner ?? .unreadable
            textSpan = source.trimmed(Span(after, rest.end))
        }
        if textSpan.isEmpty {
            report(.missingText, "this choice has no text", rest, note: "write what the trainee says after the '*'")
        }
        let choice = ChoiceSyntax(text: source.text(textSpan), details: ChoiceDetailsSyntax())
        append(NodeItemSyntax(condition: condition, kind: .choice(choice), span: line))
        openBlockAtLastItem()
    }

    /// The line as `word: value` or `word argument: value`, where `word` is lower-case ASCII letters
    /// and `-`; nil for ordinary text.
    func keywordLine(_ span: Span) -> KeywordLine? {
        let bytes = source.bytes
        var index = span.start
        while index < span.end, ASCII.isLower(bytes[index]) || bytes[index] == ASCII.minus { index += 1 }
        guard index > span.start, index < span.end else { return nil }
        let wordSpan = Span(span.start, index)
        let keyword = Keyword(rawValue: source.string(wordSpan))
        if bytes[index] == ASCII.colon {
            return KeywordLine(keyword: keyword, wordSpan: wordSpan, argument: Span(index, index), value: Span(index + 1, span.end))
        }
        // `promise NAME:`, `end OUTCOME:`, `silence TIME:` take one word between keyword and colon.
        guard keyword == .promise || keyword == .end || keyword == .silence, ASCII.isSpace(bytes[index]) else { return nil }
        var colon = index
        while colon < span.end, bytes[colon] != ASCII.colon, colon - index <= 64 { colon += 1 }
        guard colon < span.end, bytes[colon] == ASCII.colon else { return nil }
        return KeywordLine(
            keyword: keyword, wordSpan: wordSpan, argument: source.trimmed(Span(index, colon)),
            value: Span(colon + 1, span.end))
    }

    mutating func parseNodeKeyword(_ keywordLine: KeywordLine, rest: Span, condition: ConditionSyntax?, line: Span) {
        let word = source.string(keywordLine.wordSpan)
        let value = source.text(keywordLine.value)
        func needsValue(_ example: String) -> Bool {
            if value.isEmpty {
                report(.missingText, "'\(word):' needs some text after it", rest, note: "for example '\(example)'")
                return false
            }
            return true
        }
        func noCondition() {
            if condition != nil {
                report(
                    .conditionNotAllowed, "'\(word):' cannot have a condition", rest,
                    note: "it describes the whole node; remove the '[if ...]'")
            }
        }
        var kind: NodeItemKind?
        switch keywordLine.keyword {
        case .moment:
            noCondition()
            if needsValue("moment: First words") { kind = .moment(value) }
        case .discuss:
            noCondition()
            if needsValue("discuss: What would you have said?") { kind = .discuss(value) }
        case .hint:
            noCondition()
            if needsValue("hint: She has called three times already.") { kind = .hint(value) }
        case .end:
            let given = source.string(keywordLine.argument)
            if let outcome = Outcome(rawValue: given) {
                kind = .end(outcome, value)
            } else {
                report(
                    .unknownOutcome,
                    given.isEmpty ? "'end' needs an outcome: good, mixed or poor" : "'\(given)' is not an outcome",
                    given.isEmpty ? rest : keywordLine.argument,
                    note: "write 'end good: ...', 'end mixed: ...' or 'end poor: ...'",
                    fix: given.isEmpty ? nil : Suggestions.closest(to: given, among: Outcome.allCases.map(\.rawValue)))
                // Kept as an ending, so the node is not also reported as a dead end.
                kind = .end(.poor, value)
            }
        case .silence:
            noCondition()
            parseSilence(keywordLine, value: value, rest: rest, line: line)
        case .set, .promise, .keep, .break:
            let effects = parseEffects(keywordLine)
            if !effects.isEmpty { kind = .effect(effects) }
        case .score, .coach:
            report(
                .notAllowedInChoice, "'\(word):' belongs to a choice, so it must be indented under one",
                rest, note: "indent this line under the '*' choice it belongs to")
        case nil:
            report(
                .unknownKeyword, "unknown keyword '\(word)'", keywordLine.wordSpan,
                note: Self.unknownKeywordNote(Self.nodeKeywords),
                fix: Suggestions.closest(to: word, among: Self.nodeKeywords + ["score", "coach"]))
        }
        if let kind { append(NodeItemSyntax(condition: condition, kind: kind, span: line)) }
    }

    /// `silence 20s: Dana: Hello?`; its details follow on indented lines, as a choice's do.
    mutating func parseSilence(_ keywordLine: KeywordLine, value: TextSyntax, rest: Span, line: Span) {
        var seconds: Int?
        if !keywordLine.argument.isEmpty {
            // An unreadable time is reported; the silence is still read (with the default time),
            // so its indented lines are not reported as strays too.
            seconds = parseDuration(keywordLine.argument) ?? 30
        }
        if value.isEmpty {
            report(
                .missingText, "'silence' needs the line that is said when the trainee stays silent", rest,
                note: "for example 'silence 20s: Dana: Hello? Are you still there?'")
            return
        }
        let silence = SilenceSyntax(seconds: seconds, line: parseTextLine(value.span), details: ChoiceDetailsSyntax())
        append(NodeItemSyntax(condition: nil, kind: .silence(silence), span: line))
        openBlockAtLastItem()
    }

    static func unknownKeywordNote(_ keywords: [String]) -> String {
        "known keywords here: \(keywords.joined(separator: ", ")); to show a line of narration that starts with 'word:', begin it with '\\'"
    }

    /// Narration, or speech when the line starts with something shaped like a name and a colon
    /// within its first 60 bytes: one to four words, each starting with a capital letter, made of
    /// letters, `'`, `-`, `.` and `’`.
    func parseTextLine(_ span: Span) -> LineSyntax {
        let whole = source.text(span)
        let narration = LineSyntax(speaker: nil, text: whole, whole: whole)
        let bytes = source.bytes
        var colon = span.start
        let limit = min(span.end, span.start + 60)
        while colon < limit, bytes[colon] != ASCII.colon { colon += 1 }
        guard colon < limit, colon > span.start, colon + 1 == span.end || ASCII.isSpace(bytes[colon + 1]) else {
            return narration
        }
        let name = source.name(Span(span.start, colon))
        let words = name.text.split(separator: " ")
        let looksLikeName =
            !words.isEmpty && words.count <= 4
            && words.allSatisfy { word in
                guard let first = word.first, first.isUppercase else { return false }
                return word.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" || $0 == "." || $0 == "’" }
            }
        guard looksLikeName else { return narration }
        return LineSyntax(speaker: name, text: source.text(Span(colon + 1, span.end)), whole: whole)
    }
}
