/// Reads a line of a node that is not indented: a choice, a jump, speech or narration, or a keyword
/// line (`moment:`, `end good:`, `silence 20s:`, `set:` ...), each with an optional `[if ...]` in
/// front.
extension Parser {
    /// The words that can start a `word: value` line, in a node or under a choice.
    enum Keyword: String {
        case moment, discuss, hint, set, promise, keep, `break`, drop, end, silence, score, coach
    }

    /// Keywords that stand at the start of a line in a node.
    static let nodeKeywords = ["moment", "discuss", "hint", "set", "promise", "keep", "break", "drop", "end", "silence"]
    /// Keywords that stand on the indented lines under a choice or a silence.
    static let detailKeywords = ["score", "coach", "set", "promise", "keep", "break", "drop"]

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
        /// Whether the keyword was written with capitals (reported; read as if it were not).
        var capitalised = false
    }

    mutating func parseNodeLine(_ line: Span) {
        var rest = line
        var guardSyntax = LineGuard()
        if let (parsed, after) = parseLineGuard(rest) {
            guardSyntax = parsed
            rest = source.trimmed(Span(after, line.end))
            if rest.isEmpty {
                if !parsed.isUnreadable {
                    report(
                        .missingText, "nothing follows this condition", line,
                        note: "a condition goes in front of a line, a choice or a '->' jump, on the same line")
                }
                return
            }
        }
        let first = source.bytes[rest.start]
        if first == ASCII.star {
            parseChoice(rest, guard: guardSyntax, line: line)
        } else if let bullet = listBullet(rest) {
            // A Word list: '- text' or '1. text' meant as a choice. Read as one, so that its indented
            // lines are not reported too.
            let mark = Span(bullet.start, bullet.end - 1)
            report(
                .listBullet, "'\(source.string(mark))' starts a list item; a choice starts with '*'", mark,
                note: "write '*' at the start of each choice; to show a line of narration that starts with '\(source.string(mark))', begin it with '\\'",
                fix: "*")
            parseChoice(Span(bullet.end - 1, rest.end), guard: guardSyntax, line: line)
        } else if let target = parseJump(rest) {
            append(NodeItemSyntax(condition: guardSyntax.condition, otherwise: guardSyntax.otherwise, kind: .jump(target), span: line))
        } else if first == ASCII.backslash {
            // Narration that would otherwise look like speech or a keyword.
            let text = source.text(Span(rest.start + 1, rest.end))
            append(
                NodeItemSyntax(
                    condition: guardSyntax.condition, otherwise: guardSyntax.otherwise,
                    kind: .line(LineSyntax(speaker: nil, text: text, whole: text)), span: line))
        } else if let keywordLine = keywordLine(rest) ?? capitalisedKeywordLine(rest, speakers: speakerNames) {
            parseNodeKeyword(keywordLine, rest: rest, guard: guardSyntax, line: line)
        } else {
            append(
                NodeItemSyntax(
                    condition: guardSyntax.condition, otherwise: guardSyntax.otherwise, kind: .line(parseTextLine(rest)),
                    span: line))
        }
    }

    /// `* text`, or `* [if ...] text`; its details follow on indented lines. `rest` starts at the
    /// `*` (or at the last character of a list bullet read as one).
    mutating func parseChoice(_ rest: Span, guard outer: LineGuard, line: Span) {
        var lineGuard = outer
        var textSpan = source.trimmed(Span(rest.start + 1, rest.end))
        if let (inner, after) = parseLineGuard(textSpan) {
            if outer.condition != nil || outer.otherwise != nil {
                report(
                    .malformedCondition, "this choice has two conditions", textSpan,
                    note: "join them into one with 'and': [if A and B]")
            }
            lineGuard = inner
            textSpan = source.trimmed(Span(after, rest.end))
        }
        if textSpan.isEmpty {
            report(.missingText, "this choice has no text", rest, note: "write what the trainee says after the '*'")
        }
        let choice = ChoiceSyntax(text: source.text(textSpan), details: ChoiceDetailsSyntax())
        append(NodeItemSyntax(condition: lineGuard.condition, otherwise: lineGuard.otherwise, kind: .choice(choice), span: line))
        openBlockAtLastItem()
    }

    /// The bullet of a line written as a list item, `- `, `• `, `– `, `1. ` or `1) `, up to and
    /// including the blank after it; nil for any other line.
    func listBullet(_ span: Span) -> Span? {
        let bytes = source.bytes
        var index = span.start
        if bytes[index] == ASCII.minus {
            index += 1
        } else if source.starts(span, with: "•") || source.starts(span, with: "–") {
            index += 3
        } else {
            while index < span.end, index - span.start < 3, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > span.start, index < span.end, bytes[index] == UInt8(ascii: ".") || bytes[index] == ASCII.closeParen
            else { return nil }
            index += 1
        }
        // A blank, then text.
        guard index + 1 < span.end, ASCII.isSpace(bytes[index]), !ASCII.isSpace(bytes[index + 1]) else { return nil }
        return Span(span.start, index + 1)
    }

    /// The line as `word: value` or `word argument: value`, where `word` is lower-case ASCII letters
    /// and `-`; nil for ordinary text.
    func keywordLine(_ span: Span) -> KeywordLine? {
        let bytes = source.bytes
        var index = span.start
        while index < span.end, ASCII.isLower(bytes[index]) || bytes[index] == ASCII.minus { index += 1 }
        let wordSpan = Span(span.start, index)
        return keywordLine(span, word: wordSpan, keyword: Keyword(rawValue: source.string(wordSpan)))
    }

    /// A keyword line whose keyword is written with capitals (`Coach:`, `End good:`, `Hint:`), unless
    /// the word is someone's name in `speakers` (then it is speech); nil for any other line.
    func capitalisedKeywordLine(_ span: Span, speakers: Set<String>) -> KeywordLine? {
        let bytes = source.bytes
        var index = span.start
        var capitals = false
        while index < span.end, ASCII.isLetter(bytes[index]) || bytes[index] == ASCII.minus {
            if ASCII.isUpper(bytes[index]) { capitals = true }
            index += 1
        }
        let wordSpan = Span(span.start, index)
        let word = source.string(wordSpan)
        guard capitals, let keyword = Keyword(rawValue: word.lowercased()), !speakers.contains(word) else { return nil }
        var line = keywordLine(span, word: wordSpan, keyword: keyword)
        line?.capitalised = true
        return line
    }

    /// The rest of a keyword line once its word is known: the colon, and any argument before it.
    private func keywordLine(_ span: Span, word wordSpan: Span, keyword: Keyword?) -> KeywordLine? {
        let bytes = source.bytes
        let index = wordSpan.end
        guard index > span.start, index < span.end else { return nil }
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

    /// Reports a keyword written with capitals, once, with the lower-case word as the fix.
    mutating func reportCapitals(_ keywordLine: KeywordLine) {
        guard keywordLine.capitalised else { return }
        let written = source.string(keywordLine.wordSpan)
        report(
            .keywordCase, "'\(written)' is written with capitals; keywords are lower case", keywordLine.wordSpan,
            note: "write '\(written.lowercased())'; Rapport reads keywords, header keys and the words in brackets only in lower case",
            fix: written.lowercased())
    }

    mutating func parseNodeKeyword(_ keywordLine: KeywordLine, rest: Span, guard lineGuard: LineGuard, line: Span) {
        reportCapitals(keywordLine)
        let word = source.string(keywordLine.wordSpan).lowercased()
        let value = source.text(keywordLine.value)
        func needsValue(_ example: String) -> Bool {
            if value.isEmpty {
                report(.missingText, "'\(word):' needs some text after it", rest, note: "for example '\(example)'")
                return false
            }
            return true
        }
        func noCondition() {
            if lineGuard.condition != nil || lineGuard.otherwise != nil {
                report(
                    .conditionNotAllowed, "'\(word):' cannot have a condition", rest,
                    note: "it describes the whole node; remove the '[\(lineGuard.otherwise == nil ? "if" : "else") ...]'")
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
            kind = .end(parseOutcome(keywordLine, rest: rest), value)
        case .silence:
            if lineGuard.otherwise != nil {
                report(
                    .conditionNotAllowed, "a silence cannot be an '[else]'", rest,
                    note: "a node has one silence; give it a condition of its own, '[if ...] silence ...'")
            }
            parseSilence(keywordLine, value: value, guard: lineGuard, line: line)
        case .set, .promise, .keep, .break, .drop:
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
        if let kind {
            append(NodeItemSyntax(condition: lineGuard.condition, otherwise: lineGuard.otherwise, kind: kind, span: line))
        }
    }

    /// The outcome of `end OUTCOME:`. One that cannot be read is reported, and the line is still
    /// read as an ending (a poor one), so that its node is not also reported as a dead end.
    mutating func parseOutcome(_ keywordLine: KeywordLine, rest: Span) -> Outcome {
        let given = source.string(keywordLine.argument)
        if let outcome = Outcome(rawValue: given) { return outcome }
        if let outcome = Outcome(rawValue: given.lowercased()) {
            report(
                .keywordCase, "'\(given)' is written with capitals; outcomes are lower case", keywordLine.argument,
                note: "write 'end \(outcome.rawValue): ...'", fix: outcome.rawValue)
            return outcome
        }
        report(
            .unknownOutcome,
            given.isEmpty ? "'end' needs an outcome: good, mixed or poor" : "'\(given)' is not an outcome",
            given.isEmpty ? rest : keywordLine.argument,
            note: "write 'end good: ...', 'end mixed: ...' or 'end poor: ...'",
            fix: given.isEmpty ? nil : Suggestions.closest(to: given, among: Outcome.allCases.map(\.rawValue)))
        return .poor
    }

    /// `silence 20s: Dana: Hello?`; its details follow on indented lines, as a choice's do. With
    /// nothing after the colon, the header's `silence-line:` is said (the checker makes sure there
    /// is one).
    mutating func parseSilence(_ keywordLine: KeywordLine, value: TextSyntax, guard lineGuard: LineGuard, line: Span) {
        var seconds: Int?
        if !keywordLine.argument.isEmpty {
            // An unreadable time is reported; the silence is still read (with the default time),
            // so its indented lines are not reported as strays too.
            seconds = parseDuration(keywordLine.argument) ?? 30
        }
        let silence = SilenceSyntax(
            seconds: seconds, line: value.isEmpty ? nil : parseTextLine(value.span), details: ChoiceDetailsSyntax())
        append(NodeItemSyntax(condition: lineGuard.condition, otherwise: lineGuard.otherwise, kind: .silence(silence), span: line))
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
