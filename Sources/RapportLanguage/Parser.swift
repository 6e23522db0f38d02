/// Turns a scenario file into `ScenarioSyntax`, line by line. It never stops at the first problem: a
/// line it cannot read is reported and skipped, so one run shows every problem in the file.
/// Work is linear in the file's size: each byte is looked at a bounded number of times.
public struct Parser: Sendable {
    let source: SourceFile
    var diagnostics: [Diagnostic] = []
    var syntax = ScenarioSyntax()
    /// The choice or silence whose indented detail lines are being read.
    var openBlock: OpenBlock?
    /// The details read so far for `openBlock`. They are kept here and stored in the syntax tree when
    /// the block closes: writing them back into the tree after every detail line copied the whole
    /// item twice per line, a tenth of all checking time.
    var openDetails = ChoiceDetailsSyntax()

    /// The items of the node being read. They go into the syntax tree, copied at their final size,
    /// when the node ends: appending to the tree's own array regrew it several times for every node,
    /// and left it with room to spare.
    var items: [NodeItemSyntax] = []

    /// An index into `items`.
    enum OpenBlock {
        case choice(item: Int)
        case silence(item: Int)
    }

    /// Keywords that stand at the start of a line in a node.
    static let nodeKeywords = ["moment", "discuss", "hint", "set", "promise", "keep", "break", "end", "silence"]
    /// Keywords that stand on the indented lines under a choice or a silence.
    static let detailKeywords = ["score", "coach", "set", "promise", "keep", "break"]

    /// Stands in for a condition that could not be read (and has been reported), so the rest of the
    /// line is still checked; the checker resolves it to nothing.
    static let malformed = ConditionSyntax.flag(NameSyntax(text: "", span: Span(0, 0)))

    public static func parse(_ source: SourceFile) -> (ScenarioSyntax, [Diagnostic]) {
        parse(source, halvesThreshold: SourceFile.halvesThreshold)
    }

    /// `halvesThreshold`: files from this size up are parsed in two halves at once (tests set it low,
    /// to compare the two ways on small files).
    static func parse(_ source: SourceFile, halvesThreshold: Int) -> (ScenarioSyntax, [Diagnostic]) {
        var parser = Parser(source: source)
        parser.parseFile(halvesThreshold: halvesThreshold)
        return (parser.syntax, parser.diagnostics)
    }

    init(source: SourceFile) {
        self.source = source
    }

    // MARK: - Reporting

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: Span, note: String? = nil, fix: String? = nil
    ) {
        let range = source.range(span)
        diagnostics.append(
            Diagnostic(
                code, message, file: source.name, range: range, note: note,
                fixIt: fix.map { FixIt(range: range, replacement: $0) }))
    }

    // MARK: - Lines

    mutating func parseFile(halvesThreshold: Int) {
        if let bad = source.firstInvalidUTF8Offset() {
            report(
                .notUTF8, "the file is not UTF-8 text (byte 0x\(String(source.bytes[bad], radix: 16, uppercase: true)))",
                Span(bad, bad + 1),
                note: "save the file as UTF-8 in your editor (often 'Save with encoding' or 'Unicode (UTF-8)')")
            return
        }
        let lines = 1...source.lineStarts.count
        let sawContent: Bool
        if source.bytes.count >= halvesThreshold, let split = Self.lineToSplitAt(in: source) {
            sawContent = parseInHalves(lines, splitAt: split)
        } else {
            sawContent = parseLines(lines)
        }
        if !sawContent {
            report(
                .emptyFile, "the file has no scenario in it", Span(0, 0),
                note: "a scenario needs at least a 'title:' line, a 'customer:' line and one node ('== start')")
        } else if syntax.nodes.isEmpty {
            report(
                .noNodes, "the scenario has no nodes", Span(source.bytes.count, source.bytes.count),
                note: "after the header, start the conversation with a line '== start'")
        }
    }

    /// Parses the given lines (1-based), then stores the last block and node. Returns whether any of
    /// them had something other than blanks and comments.
    mutating func parseLines(_ lines: ClosedRange<Int>) -> Bool {
        let bomSkip = source.bytes.starts(at: Span(0, source.bytes.count), with: "\u{FEFF}") ? 3 : 0
        var sawContent = false
        for lineNumber in lines {
            var lineSpan = source.byteRange(ofLine: lineNumber)
            if lineNumber == 1 { lineSpan = (lineSpan.lowerBound + min(bomSkip, lineSpan.count))..<lineSpan.upperBound }
            let content = withoutComment(Span(lineSpan.lowerBound, lineSpan.upperBound))
            var start = content.start
            while start < content.end, ASCII.isSpace(source.bytes[start]) { start += 1 }
            if start == content.end { continue }
            sawContent = true
            let indented = start > content.start
            parseLine(Span(start, content.end), indented: indented)
        }
        closeBlock()
        finishNode()
        return sawContent
    }

    /// The line without a `//` comment and without trailing blanks. A comment starts at `//` at the
    /// start of the line or after a blank, so `https://` in text is not cut.
    func withoutComment(_ span: Span) -> Span {
        source.bytes.withUnsafeBufferPointer { bytes in
            var end = span.end
            var index = span.start
            while index + 1 < span.end {
                // Eight bytes at a time while none of them is a slash (an exact zero-byte test).
                if index + 8 <= span.end, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x2F2F_2F2F_2F2F_2F2F
                    if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                if bytes[index] == ASCII.slash, bytes[index + 1] == ASCII.slash,
                    index == span.start || ASCII.isSpace(bytes[index - 1])
                {
                    end = index
                    break
                }
                index += 1
            }
            if end > span.start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            while end > span.start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
            return Span(span.start, end)
        }
    }

    func startsWith(_ span: Span, _ text: StaticString) -> Bool { source.bytes.starts(at: span, with: text) }

    mutating func parseLine(_ line: Span, indented: Bool) {
        if !indented, startsWith(line, "==") {
            closeBlock()
            parseNodeHeading(line)
            return
        }
        if syntax.nodes.isEmpty {
            parseHeaderLine(line)
            return
        }
        if indented {
            if openBlock != nil {
                // Moved out (not copied), so appending to its arrays does not copy them.
                var details = openDetails
                openDetails = ChoiceDetailsSyntax()
                parseDetail(line, into: &details)
                openDetails = details
            } else {
                report(
                    .indentedOutsideChoice, "this indented line does not belong to a choice", line,
                    note: "only the details of a choice or a silence (score:, coach:, set:, promise, keep:, break:, ->) are indented; remove the indent, or move the line under a '*' choice")
            }
            return
        }
        closeBlock()
        parseNodeLine(line)
    }

    // MARK: - Header

    mutating func parseHeaderLine(_ line: Span) {
        var index = line.start
        while index < line.end, ASCII.isLower(source.bytes[index]) || source.bytes[index] == ASCII.minus { index += 1 }
        guard index > line.start, index < line.end, source.bytes[index] == ASCII.colon else {
            report(
                .textBeforeFirstNode, "this line comes before the first node but is not a 'key: value' header line",
                line,
                note: "the header holds lines like 'title: ...'; the conversation itself starts after a line '== start'")
            return
        }
        let key = NameSyntax(text: source.string(Span(line.start, index)), span: Span(line.start, index))
        syntax.header.append(HeaderFieldSyntax(key: key, value: source.text(Span(index + 1, line.end))))
    }

    // MARK: - Nodes

    mutating func parseNodeHeading(_ line: Span) {
        var nameSpan = source.trimmed(Span(line.start + 2, line.end))
        // Allow a closing `==` as some writers underline headings both sides.
        while nameSpan.end > nameSpan.start, source.bytes[nameSpan.end - 1] == ASCII.equals { nameSpan.end -= 1 }
        nameSpan = source.trimmed(nameSpan)
        let name = NameSyntax(text: source.string(nameSpan), span: nameSpan)
        if nameSpan.start == nameSpan.end {
            report(
                .missingText, "a node needs a name after '=='", line,
                note: "write the node's name after '==', for example '== start'")
        } else if !source.isValidName(nameSpan) {
            report(
                .invalidName, "'\(name.text)' is not a valid node name", nameSpan,
                note: "node names use letters, digits, '-' and '_', and start with a letter or digit",
                fix: Self.suggestedName(name.text))
        }
        finishNode()
        syntax.nodes.append(NodeSyntax(name: name))
    }

    /// A name made valid: blanks become '-', other characters are dropped.
    static func suggestedName(_ text: String) -> String? {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, ASCII.isNameByte(UInt8(scalar.value)) {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "\t", !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasPrefix("-") || result.hasPrefix("_") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? nil : result.lowercased()
    }

    mutating func appendItem(_ item: NodeItemSyntax) {
        items.append(item)
    }

    /// Stores the items read for the last node in the syntax tree.
    mutating func finishNode() {
        guard !syntax.nodes.isEmpty else { return }
        var finished: [NodeItemSyntax] = []
        finished.reserveCapacity(items.count)
        finished.append(contentsOf: items)
        syntax.nodes[syntax.nodes.count - 1].items = finished
        items.removeAll(keepingCapacity: true)
    }

    mutating func parseNodeLine(_ line: Span) {
        var rest = line
        var condition: ConditionSyntax?
        if let (parsed, after) = parseConditionPrefix(rest) {
            condition = parsed ?? Self.malformed
            rest = source.trimmed(Span(after, line.end))
            if rest.start == rest.end {
                if parsed != nil {
                    report(
                        .missingText, "nothing follows this condition", line,
                        note: "a condition goes in front of a line, a choice or a '->' jump, on the same line")
                }
                return
            }
        }
        let bytes = source.bytes

        if bytes[rest.start] == ASCII.star {
            var textSpan = source.trimmed(Span(rest.start + 1, rest.end))
            if let (inner, after) = parseConditionPrefix(textSpan) {
                if condition != nil {
                    report(
                        .malformedCondition, "this choice has two conditions", textSpan,
                        note: "join them into one with 'and': [if A and B]")
                }
                condition = inner ?? Self.malformed
                textSpan = source.trimmed(Span(after, rest.end))
            }
            if textSpan.start == textSpan.end {
                report(.missingText, "this choice has no text", rest, note: "write what the trainee says after the '*'")
            }
            let choice = ChoiceSyntax(text: source.text(textSpan), details: ChoiceDetailsSyntax())
            appendItem(NodeItemSyntax(condition: condition, kind: .choice(choice), span: line))
            openBlock = .choice(item: items.count - 1)
            openDetails.effects = syntax.effects.count..<syntax.effects.count
            return
        }
        if let target = parseJump(rest) {
            appendItem(NodeItemSyntax(condition: condition, kind: .jump(target), span: line))
            return
        }
        if bytes[rest.start] == ASCII.backslash {
            let text = source.text(Span(rest.start + 1, rest.end))
            let lineSyntax = LineSyntax(speaker: nil, text: text, whole: text)
            appendItem(NodeItemSyntax(condition: condition, kind: .line(lineSyntax), span: line))
            return
        }
        if let keyword = keywordAtStart(rest) {
            parseNodeKeyword(keyword, rest: rest, condition: condition, line: line)
            return
        }
        appendItem(NodeItemSyntax(condition: condition, kind: .line(parseTextLine(rest)), span: line))
    }

    /// `-> name`: the target, or nil when the line is not a jump.
    mutating func parseJump(_ span: Span) -> NameSyntax? {
        guard startsWith(span, "->") else { return nil }
        let target = source.name(Span(span.start + 2, span.end))
        if target.text.isEmpty {
            report(.missingText, "'->' needs the name of a node to go to", span, note: "for example '-> look-up'")
        } else if !source.isValidName(target.span) {
            report(
                .invalidName, "'\(target.text)' is not a valid node name", target.span,
                note: "node names use letters, digits, '-' and '_'", fix: Self.suggestedName(target.text))
        }
        return target
    }

    struct Keyword {
        var word: KeywordWord
        var wordSpan: Span
        /// Whatever stands between the word and the colon (a promise's name, an ending's outcome, a
        /// silence's time).
        var argument: Span
        /// Everything after the colon.
        var value: Span
    }

    /// A line like `word: value` or `word arg: value`, where `word` is lower-case ASCII letters. Returns
    /// nil for ordinary text.
    func keywordAtStart(_ span: Span) -> Keyword? {
        let bytes = source.bytes
        var index = span.start
        while index < span.end, ASCII.isLower(bytes[index]) || bytes[index] == ASCII.minus { index += 1 }
        guard index > span.start, index < span.end else { return nil }
        let wordSpan = Span(span.start, index)
        if bytes[index] == ASCII.colon {
            return Keyword(
                word: KeywordWord(source, wordSpan), wordSpan: wordSpan, argument: Span(index, index),
                value: Span(index + 1, span.end))
        }
        // `promise NAME:`, `end OUTCOME:`, `silence TIME:` take one word between keyword and colon.
        let word = KeywordWord(source, wordSpan)
        guard word == .promise || word == .end || word == .silence, ASCII.isSpace(bytes[index]) else { return nil }
        var colon = index
        while colon < span.end, bytes[colon] != ASCII.colon, colon - index <= 64 { colon += 1 }
        guard colon < span.end, bytes[colon] == ASCII.colon else { return nil }
        return Keyword(
            word: word, wordSpan: wordSpan, argument: source.trimmed(Span(index, colon)),
            value: Span(colon + 1, span.end))
    }

    mutating func parseNodeKeyword(_ keyword: Keyword, rest: Span, condition: ConditionSyntax?, line: Span) {
        let value = source.text(keyword.value)
        func needsValue(_ example: String) -> Bool {
            if value.isEmpty {
                report(.missingText, "'\(source.string(keyword.wordSpan)):' needs some text after it", rest, note: "for example '\(example)'")
                return false
            }
            return true
        }
        func noCondition() {
            if condition != nil {
                report(
                    .conditionNotAllowed, "'\(source.string(keyword.wordSpan)):' cannot have a condition", rest,
                    note: "it describes the whole node; remove the '[if ...]'")
            }
        }
        var kind: NodeItemKind?
        switch keyword.word {
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
            if let outcome = Outcome(rawValue: source.string(keyword.argument)) {
                kind = .end(outcome, value)
            } else {
                let given = source.string(keyword.argument)
                report(
                    .unknownOutcome,
                    given.isEmpty ? "'end' needs an outcome: good, mixed or poor" : "'\(given)' is not an outcome",
                    given.isEmpty ? rest : keyword.argument,
                    note: "write 'end good: ...', 'end mixed: ...' or 'end poor: ...'",
                    fix: given.isEmpty ? nil : Suggestions.closest(to: given, among: Outcome.allCases.map(\.rawValue)))
                // Keep it as an ending, so the node is not also reported as a dead end.
                kind = .end(.poor, value)
            }
        case .silence:
            noCondition()
            var seconds: Int?
            if keyword.argument.end > keyword.argument.start {
                // An unreadable time is reported; the silence is still read (with the default time),
                // so its indented lines are not reported as strays too.
                seconds = parseDuration(keyword.argument) ?? 30
            }
            if value.isEmpty {
                report(
                    .missingText, "'silence' needs the line that is said when the trainee stays silent", rest,
                    note: "for example 'silence 20s: Dana: Hello? Are you still there?'")
                return
            }
            let silence = SilenceSyntax(seconds: seconds, line: parseTextLine(value.span), details: ChoiceDetailsSyntax())
            appendItem(NodeItemSyntax(condition: nil, kind: .silence(silence), span: line))
            openBlock = .silence(item: items.count - 1)
            openDetails.effects = syntax.effects.count..<syntax.effects.count
            return
        case .set, .promise, .keep, .break:
            let first = syntax.effects.count
            parseEffect(keyword)
            if syntax.effects.count > first { kind = .effect(first..<syntax.effects.count) }
        case .score, .coach:
            report(
                .notAllowedInChoice, "'\(source.string(keyword.wordSpan)):' belongs to a choice, so it must be indented under one",
                rest, note: "indent this line under the '*' choice it belongs to")
        default:
            report(
                .unknownKeyword, "unknown keyword '\(source.string(keyword.wordSpan))'", keyword.wordSpan,
                note: Self.unknownKeywordNote(Self.nodeKeywords),
                fix: Suggestions.closest(to: source.string(keyword.wordSpan), among: Self.nodeKeywords + ["score", "coach"]))
        }
        if let kind { appendItem(NodeItemSyntax(condition: condition, kind: kind, span: line)) }
    }

    static func unknownKeywordNote(_ keywords: [String]) -> String {
        "known keywords here: \(keywords.joined(separator: ", ")); to show a line of narration that starts with 'word:', begin it with '\\'"
    }

    // MARK: - Choice and silence details

    /// Stores the open block's details in its choice or silence, and closes the block.
    mutating func closeBlock() {
        guard let block = openBlock else { return }
        let details = openDetails
        openBlock = nil
        openDetails = ChoiceDetailsSyntax()
        switch block {
        case .choice(let item):
            guard case .choice(var choice) = items[item].kind else { return }
            choice.details = details
            items[item].kind = .choice(choice)
        case .silence(let item):
            guard case .silence(var silence) = items[item].kind else { return }
            silence.details = details
            items[item].kind = .silence(silence)
        }
    }

    mutating func parseDetail(_ line: Span, into details: inout ChoiceDetailsSyntax) {
        let bytes = source.bytes
        if startsWith(line, "[if") {
            report(
                .conditionNotAllowed, "the lines under a choice cannot have conditions", line,
                note: "put the condition on the choice itself ('* [if ...] text'), or make two choices")
            return
        }
        if bytes[line.start] == ASCII.star {
            report(
                .notAllowedInChoice, "a choice cannot be nested under another choice", line,
                note: "remove the indent to make it a choice of this node, or put it in the node this choice goes to")
            return
        }
        if let target = parseJump(line) {
            if details.target != nil {
                report(
                    .duplicateInChoice, "this choice already has a '->'", line,
                    note: "a choice goes to one node; remove one of the '->' lines")
            } else {
                details.target = target
            }
            return
        }
        guard let keyword = keywordAtStart(line) else {
            report(
                .notAllowedInChoice, "this text cannot go under a choice", line,
                note: "under a choice write only score:, coach:, set:, promise, keep:, break: and '->'; to show a line after the choice, put it at the start of the node the choice goes to")
            return
        }
        switch keyword.word {
        case .coach:
            let value = source.text(keyword.value)
            if value.isEmpty {
                report(.missingText, "'coach:' needs a note after it", line, note: "say why this choice helps or hurts, in a sentence or two")
            } else if details.coach != nil {
                report(
                    .duplicateInChoice, "this choice already has a coach note", line,
                    note: "join the two notes into one 'coach:' line")
            } else {
                details.coach = value
            }
        case .score, .set, .promise, .keep, .break:
            // The block's effects are the last ones in the file so far: any line outside the block
            // closes it first.
            parseEffect(keyword)
            details.effects = details.effects.lowerBound..<syntax.effects.count
        case .moment, .discuss, .hint, .end, .silence:
            report(
                .notAllowedInChoice, "'\(source.string(keyword.wordSpan))' describes a node, not a choice", line,
                note: "remove the indent and put it before the node's choices, or put it in the node this choice goes to")
        default:
            report(
                .unknownKeyword, "unknown keyword '\(source.string(keyword.wordSpan))'", keyword.wordSpan,
                note: Self.unknownKeywordNote(Self.detailKeywords + ["->"]),
                fix: Suggestions.closest(to: source.string(keyword.wordSpan), among: Self.detailKeywords))
        }
    }

    // MARK: - Effects

    /// Appends the changes a `score:`, `set:`, `promise`, `keep:` or `break:` line makes to the file's
    /// effects. A line with a problem is reported and adds nothing, not even its good parts.
    mutating func parseEffect(_ keyword: Keyword) {
        // Moved out while it grows, so that appending does not copy it.
        var effects = syntax.effects
        syntax.effects = SegmentedList()
        let before = effects.count
        if !parseEffectParts(keyword, into: &effects) { effects.removeLast(from: before) }
        syntax.effects = effects
    }

    mutating func parseEffectParts(_ keyword: Keyword, into effects: inout SegmentedList<EffectSyntax>) -> Bool {
        let value = source.trimmed(keyword.value)
        switch keyword.word {
        case .score:
            return parseScores(value, keyword: keyword, into: &effects)
        case .set:
            return parseAssignments(value, keyword: keyword, into: &effects)
        case .promise:
            let name = source.name(keyword.argument)
            if keyword.argument.start == keyword.argument.end {
                report(
                    .missingText, "a promise needs a name", keyword.wordSpan,
                    note: "write 'promise NAME: what was promised', for example 'promise callback: call back by 3pm'")
                return false
            }
            guard source.isValidName(name.span) else {
                report(
                    .invalidName, "'\(name.text)' is not a valid promise name", name.span,
                    note: "promise names use letters, digits, '-' and '_'", fix: Self.suggestedName(name.text))
                return false
            }
            let text = source.text(value)
            if text.isEmpty {
                report(
                    .missingText, "say what was promised after 'promise \(name.text):'", name.span,
                    note: "for example 'promise \(name.text): call Dana back before 3pm'")
                return false
            }
            effects.append(.promise(name, text))
            return true
        default:
            return parseNameList(value, keyword: keyword, into: &effects)
        }
    }

    /// `keep:` or `break:` with promise names separated by commas.
    mutating func parseNameList(_ span: Span, keyword: Keyword, into effects: inout SegmentedList<EffectSyntax>) -> Bool {
        let keep = keyword.word == .keep
        if span.start == span.end {
            report(
                .missingText, "'\(source.string(keyword.wordSpan)):' needs the name of a promise", keyword.wordSpan,
                note: "for example '\(source.string(keyword.wordSpan)): callback'")
            return false
        }
        for part in source.commaParts(span) {
            let name = source.name(part)
            guard source.isValidName(name.span) else {
                report(
                    .invalidName, "'\(name.text)' is not a valid promise name", name.span.start == name.span.end ? part : name.span,
                    note: "separate promise names with commas; names use letters, digits, '-' and '_'")
                return false
            }
            effects.append(keep ? .keep(name) : .breakPromise(name))
        }
        return true
    }

    mutating func parseScores(_ span: Span, keyword: Keyword, into effects: inout SegmentedList<EffectSyntax>) -> Bool {
        if span.start == span.end {
            report(
                .missingText, "'score:' needs at least one dimension and number", keyword.wordSpan,
                note: "for example 'score: empathy +1, ownership -1'")
            return false
        }
        for part in source.commaParts(span) {
            let item = source.trimmed(part)
            // The number is the last word; a missing blank ('empathy+1') is forgiven.
            var numberStart = item.end
            while numberStart > item.start, ASCII.isDigit(source.bytes[numberStart - 1]) { numberStart -= 1 }
            if numberStart > item.start, source.bytes[numberStart - 1] == ASCII.plus || source.bytes[numberStart - 1] == ASCII.minus {
                numberStart -= 1
            }
            let nameSpan = source.trimmed(Span(item.start, numberStart))
            let numberSpan = Span(numberStart, item.end)
            guard numberSpan.end > numberSpan.start, nameSpan.end > nameSpan.start,
                numberStart == item.start || ASCII.isSpace(source.bytes[numberStart - 1])
                    || source.bytes[numberStart] == ASCII.plus || source.bytes[numberStart] == ASCII.minus
            else {
                report(
                    .malformedEffect, "'\(source.string(item))' is not a dimension and a number",
                    item.end > item.start ? item : part,
                    note: "write each score as a dimension then a whole number, separated by commas: 'empathy +1, ownership -2'")
                return false
            }
            guard let delta = parseInteger(numberSpan) else { return false }
            effects.append(.score(ScoreSyntax(dimension: source.name(nameSpan), delta: delta)))
        }
        return true
    }

    mutating func parseAssignments(_ span: Span, keyword: Keyword, into effects: inout SegmentedList<EffectSyntax>) -> Bool {
        if span.start == span.end {
            report(
                .missingText, "'set:' needs something to change", keyword.wordSpan,
                note: "for example 'set: patience -= 1' or 'set: escalated = true'")
            return false
        }
        for part in source.commaParts(span) {
            let item = source.trimmed(part)
            var index = item.start
            while index < item.end, ASCII.isNameByte(source.bytes[index]) { index += 1 }
            let name = NameSyntax(text: source.string(Span(item.start, index)), span: Span(item.start, index))
            while index < item.end, ASCII.isSpace(source.bytes[index]) { index += 1 }
            let op: AssignmentOperator?
            if startsWith(Span(index, item.end), "+=") {
                op = .add; index += 2
            } else if startsWith(Span(index, item.end), "-=") {
                op = .subtract; index += 2
            } else if startsWith(Span(index, item.end), "==") {
                report(
                    .malformedEffect, "'==' compares; to change a value use '='", Span(index, index + 2),
                    note: "write 'set: \(name.text) = ...'", fix: "=")
                return false
            } else if index < item.end, source.bytes[index] == ASCII.equals {
                op = .assign; index += 1
            } else {
                op = nil
            }
            guard !name.text.isEmpty, let op else {
                report(
                    .malformedEffect, "'\(source.string(item))' is not a change to the state", item.end > item.start ? item : part,
                    note: "write 'name = value', 'name += number' or 'name -= number', separated by commas")
                return false
            }
            let valueSpan = source.trimmed(Span(index, item.end))
            guard let value = parseValue(valueSpan) else { return false }
            effects.append(.set(AssignmentSyntax(variable: name, valueSpan: valueSpan, value: value, op: op)))
        }
        return true
    }

    // MARK: - Values

    /// A whole number with an optional sign.
    mutating func parseInteger(_ span: Span) -> Int? {
        if let value = Self.integer(in: source, span) { return value }
        report(
            .malformedNumber, "'\(source.string(span))' is not a whole number", span.start == span.end ? Span(span.start, span.start + 1) : span,
            note: "write a whole number such as 3, +2 or -1 (between -1000000 and 1000000)")
        return nil
    }

    static func integer(in source: SourceFile, _ span: Span) -> Int? {
        var index = span.start
        var negative = false
        if index < span.end, source.bytes[index] == ASCII.plus || source.bytes[index] == ASCII.minus {
            negative = source.bytes[index] == ASCII.minus
            index += 1
        }
        guard index < span.end else { return nil }
        var value = 0
        while index < span.end {
            let byte = source.bytes[index]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
            if value > 1_000_000 { return nil }
            index += 1
        }
        return negative ? -value : value
    }

    mutating func parseValue(_ span: Span) -> ValueSyntax? {
        switch source.string(span) {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: return parseInteger(span).map(ValueSyntax.integer)
        }
    }

    /// `20s`, `2m`, `1m30s`: seconds, from 1 to 3600.
    mutating func parseDuration(_ span: Span) -> Int? {
        if let seconds = Self.duration(in: source, span) { return seconds }
        report(
            .malformedDuration, "'\(source.string(span))' is not a time", span,
            note: "write a time such as 20s, 2m or 1m30s, between 1 second and 60 minutes")
        return nil
    }

    /// The seconds in a whole text such as `2m` or `1m30s`, or nil.
    public static func durationSeconds(in source: SourceFile) -> Int? {
        duration(in: source, source.trimmed(Span(0, source.bytes.count)))
    }

    static func duration(in source: SourceFile, _ span: Span) -> Int? {
        var total = 0
        var index = span.start
        var sawUnit = false
        var lastUnit: UInt8 = 0
        while index < span.end {
            var number = 0
            let digitsStart = index
            while index < span.end, ASCII.isDigit(source.bytes[index]), number <= 100_000 {
                number = number * 10 + Int(source.bytes[index] - 48)
                index += 1
            }
            guard index > digitsStart, index < span.end else { return nil }
            let unit = source.bytes[index]
            switch unit {
            case UInt8(ascii: "m") where lastUnit == 0: total += number * 60
            case UInt8(ascii: "s") where lastUnit != UInt8(ascii: "s"): total += number
            default: return nil
            }
            lastUnit = unit
            sawUnit = true
            index += 1
        }
        guard sawUnit, total >= 1, total <= 3600 else { return nil }
        return total
    }

    // MARK: - Text lines

    /// Narration, or speech when the line starts with something shaped like a name and a colon:
    /// one to four words, each starting with a capital letter, and no digits.
    func parseTextLine(_ span: Span) -> LineSyntax {
        let whole = source.text(span)
        let bytes = source.bytes
        var colon = span.start
        let limit = min(span.end, span.start + 60)
        while colon < limit, bytes[colon] != ASCII.colon { colon += 1 }
        guard colon < limit, colon > span.start,
            colon + 1 == span.end || ASCII.isSpace(bytes[colon + 1])
        else {
            return LineSyntax(speaker: nil, text: whole, whole: whole)
        }
        let nameSpan = source.trimmed(Span(span.start, colon))
        let looksLikeName: Bool
        if let ascii = Self.asciiLooksLikeName(bytes, nameSpan) {
            // The same test on bytes, for the usual all-ASCII name: no words array and no grapheme
            // breaking. For ASCII, a space is the only separator, A to Z the only upper case letters
            // and A to Z, a to z the only letters.
            looksLikeName = ascii
        } else {
            let words = source.string(nameSpan).split(separator: " ")
            looksLikeName =
                !words.isEmpty && words.count <= 4
                && words.allSatisfy { word in
                    guard let first = word.first, first.isUppercase else { return false }
                    return word.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" || $0 == "." || $0 == "’" }
                }
        }
        guard looksLikeName else { return LineSyntax(speaker: nil, text: whole, whole: whole) }
        let name = source.string(nameSpan)
        return LineSyntax(
            speaker: NameSyntax(text: name, span: nameSpan), text: source.text(Span(colon + 1, span.end)), whole: whole)
    }

    /// Whether an all-ASCII speaker name has one to four words separated by spaces, each starting
    /// with a capital letter and made of letters, `'`, `-` and `.`; nil when the span is not all
    /// ASCII (the caller then tests its characters).
    static func asciiLooksLikeName(_ bytes: [UInt8], _ span: Span) -> Bool? {
        var words = 0
        var atWordStart = true
        var valid = true
        for index in span.start..<span.end {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == ASCII.space {
                atWordStart = true
                continue
            }
            if atWordStart {
                words += 1
                atWordStart = false
                if !ASCII.isUpper(byte) { valid = false }
            } else if !(ASCII.isLetter(byte) || byte == UInt8(ascii: "'") || byte == ASCII.minus || byte == ASCII.dot) {
                valid = false
            }
        }
        return valid && words >= 1 && words <= 4
    }
}
