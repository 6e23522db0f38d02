/// Turns a scenario file into `ScenarioSyntax`, line by line. It never stops at the first problem: a
/// line it cannot read is reported and skipped, so one run shows every problem in the file. Each byte
/// is looked at a bounded number of times, so even a hostile file is read in time linear in its size.
///
/// This file reads the lines and node headings and sends each line on to the reader of its kind:
/// `HeaderParser.swift` (lines before the first node), `NodeLineParser.swift` (the lines of a node),
/// `ChoiceDetailsParser.swift` (the indented lines under a choice or a silence), `EffectParser.swift`
/// (score, set and promise lines), `ValueParser.swift` (numbers and times) and `ConditionParser.swift`
/// (`[if ...]`).
public struct Parser {
    let source: SourceFile
    var log: DiagnosticLog
    var syntax = ScenarioSyntax()
    /// The choice or silence whose indented lines are being read: its place among the last node's
    /// items, and its details so far, which are stored in it when the block closes. Any line that is
    /// not indented closes it (unless it is one of its details written without the indent, see
    /// `UnindentedDetails.swift`), so it is always the last item of the last node.
    var openBlock: OpenBlock?
    /// The customer's and the cast's names, by full and first name, read from the header when the
    /// first node starts: a capitalised keyword that is someone's name (`Hint:` for a Mr Hint) is
    /// speech, not a keyword written with capitals.
    var speakerNames: Set<String> = []

    struct OpenBlock {
        var item: Int
        var details: ChoiceDetailsSyntax
        /// Whether the block is a choice's (not a silence's).
        var isChoice: Bool
        /// Set once a detail of this block has been found without its indent: that is reported
        /// once, and the block's next unindented details are read without a report.
        var unindented = false
    }

    public static func parse(_ source: SourceFile) -> (ScenarioSyntax, [Diagnostic]) {
        var log = DiagnosticLog(source: source)
        let syntax = parse(source, log: &log)
        return (syntax, log.diagnostics)
    }

    static func parse(_ source: SourceFile, log: inout DiagnosticLog) -> ScenarioSyntax {
        var parser = Parser(source: source, log: log)
        parser.parseFile()
        log = parser.log
        return parser.syntax
    }

    private init(source: SourceFile, log: DiagnosticLog) {
        self.source = source
        self.log = log
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: Span, note: String? = nil, fix: String? = nil
    ) {
        log.report(code, message, span, note: note, fix: fix)
    }

    // MARK: - Lines

    mutating func parseFile() {
        guard source.bytes.count <= ScenarioLimits.fileSize else {
            report(
                .beyondLimit, "the file is \(source.bytes.count) bytes long; a scenario can be at most \(ScenarioLimits.fileSize) bytes",
                Span(0, 0), note: "split it into several scenarios (see docs/limits.md)")
            return
        }
        if let bad = source.firstInvalidUTF8Offset() {
            report(
                .notUTF8, "the file is not UTF-8 text (byte 0x\(String(source.bytes[bad], radix: 16, uppercase: true)))",
                Span(bad, bad + 1),
                note: "save the file as UTF-8 in your editor (often 'Save with encoding' or 'Unicode (UTF-8)')")
            return
        }
        let byteOrderMark = source.starts(Span(0, source.bytes.count), with: "\u{FEFF}") ? 3 : 0
        var sawContent = false
        for lineNumber in 1...source.lineStarts.count {
            var lineRange = source.byteRange(ofLine: lineNumber)
            if lineNumber == 1 {
                lineRange = (lineRange.lowerBound + min(byteOrderMark, lineRange.count))..<lineRange.upperBound
            }
            if lineRange.count > ScenarioLimits.lineLength {
                // Not read at all: a line this long is not a line of a conversation.
                report(
                    .beyondLimit,
                    "this line is \(lineRange.count) bytes long; a line can be at most \(ScenarioLimits.lineLength) bytes",
                    Span(lineRange.lowerBound, lineRange.lowerBound),
                    note: "break it into several lines; a line of dialogue reads best in a sentence or two")
                sawContent = true
                continue
            }
            let (content, comment) = splitComment(Span(lineRange.lowerBound, lineRange.upperBound))
            var start = content.start
            while start < content.end, ASCII.isSpace(source.bytes[start]) { start += 1 }
            if let comment { readAllowance(comment, line: start == content.end ? nil : lineNumber) }
            if start == content.end { continue }
            sawContent = true
            parseLine(Span(start, content.end), indented: start > content.start)
        }
        closeBlock()
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

    /// The line without a `//` comment and without trailing blanks, and the comment's text after
    /// `//`, if there is one. A comment starts at `//` at the start of the line or after a blank, so
    /// `https://` in text is not cut.
    func splitComment(_ span: Span) -> (content: Span, comment: Span?) {
        let bytes = source.bytes
        var end = span.end
        var comment: Span?
        var index = span.start
        while index + 1 < span.end {
            if bytes[index] == ASCII.slash, bytes[index + 1] == ASCII.slash,
                index == span.start || ASCII.isSpace(bytes[index - 1])
            {
                end = index
                comment = source.trimmed(Span(index + 2, span.end))
                break
            }
            index += 1
        }
        if end > span.start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        while end > span.start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        return (Span(span.start, end), comment)
    }

    /// One line with content, without its indent.
    mutating func parseLine(_ line: Span, indented: Bool) {
        if !indented, source.starts(line, with: "==") {
            closeBlock()
            parseNodeHeading(line)
            return
        }
        if syntax.nodes.isEmpty {
            parseHeaderLine(line)
            return
        }
        if indented {
            // Taken out while it changes, so that its lists are changed in place, not copied.
            if var block = openBlock.take() {
                parseDetail(line, into: &block.details)
                openBlock = block
            } else {
                report(
                    .indentedOutsideChoice, "this indented line does not belong to a choice", line,
                    note: "only the details of a choice or a silence (score:, coach:, set:, promise, keep:, break:, drop:, ->) are indented; remove the indent, or move the line under a '*' choice")
            }
            return
        }
        if var block = openBlock.take() {
            if readUnindentedDetail(line, into: &block) {
                openBlock = block
                return
            }
            openBlock = block
        }
        closeBlock()
        parseNodeLine(line)
    }

    // MARK: - Nodes

    mutating func parseNodeHeading(_ line: Span) {
        if syntax.nodes.isEmpty { speakerNames = Self.speakerNames(in: syntax.header, source: source) }
        var nameSpan = source.trimmed(Span(line.start + 2, line.end))
        // Allow a closing `==` as some writers underline headings both sides.
        while nameSpan.end > nameSpan.start, source.bytes[nameSpan.end - 1] == ASCII.equals { nameSpan.end -= 1 }
        nameSpan = source.trimmed(nameSpan)
        let name = NameSyntax(text: source.string(nameSpan), span: nameSpan)
        if nameSpan.isEmpty {
            report(
                .missingText, "a node needs a name after '=='", line,
                note: "write the node's name after '==', for example '== start'")
        } else if !source.isValidName(nameSpan) {
            report(
                .invalidName, "'\(name.text)' is not a valid node name", nameSpan,
                note: "node names use letters, digits, '-' and '_', and start with a letter or digit",
                fix: Self.suggestedName(name.text))
        }
        if syntax.nodes.count == ScenarioLimits.nodes {
            report(
                .beyondLimit, "this is node \(ScenarioLimits.nodes + 1); a scenario can have at most \(ScenarioLimits.nodes) nodes",
                line, note: "split the conversation into several scenarios (see docs/limits.md)")
        }
        syntax.nodes.append(NodeSyntax(name: name))
    }

    /// Adds a line to the node being read.
    mutating func append(_ item: NodeItemSyntax) {
        syntax.nodes[syntax.nodes.count - 1].items.append(item)
    }

    /// Makes the item just added the open block, whose indented lines follow.
    mutating func openBlockAtLastItem() {
        let items = syntax.nodes[syntax.nodes.count - 1].items
        let isChoice = if case .choice = items[items.count - 1].kind { true } else { false }
        openBlock = OpenBlock(item: items.count - 1, details: ChoiceDetailsSyntax(), isChoice: isChoice)
    }

    /// Stores the open block's details in its choice or silence, and closes the block.
    mutating func closeBlock() {
        guard let block = openBlock.take() else { return }
        let node = syntax.nodes.count - 1
        switch syntax.nodes[node].items[block.item].kind {
        case .choice(var choice):
            choice.details = block.details
            syntax.nodes[node].items[block.item].kind = .choice(choice)
        case .silence(var silence):
            silence.details = block.details
            syntax.nodes[node].items[block.item].kind = .silence(silence)
        default:
            break
        }
    }

    /// Arrows a word processor makes of `->`, or that writers type for it.
    static let lookalikeArrows = ["→", "⇒", "⟶", "➔", "–>", "—>", "-->", "=>"]

    /// The length in bytes of the arrow the span starts with, when it is one of `lookalikeArrows`.
    func lookalikeArrow(_ span: Span) -> Span? {
        for arrow in Self.lookalikeArrows where source.starts(span, with: arrow) {
            return Span(span.start, span.start + arrow.utf8.count)
        }
        return nil
    }

    /// `-> name`: the target, or nil when the line is not a jump. A lookalike arrow (`→`, `–>`) is
    /// reported, and read as `->` so that the line is not reported again as something else.
    mutating func parseJump(_ span: Span) -> NameSyntax? {
        var arrowEnd = span.start + 2
        if !source.starts(span, with: "->") {
            guard let arrow = lookalikeArrow(span) else { return nil }
            let written = source.string(arrow)
            report(
                .typographicCharacter, "'\(written)' is not an arrow Rapport reads; did you mean '->'?", arrow,
                note: written.unicodeScalars.allSatisfy(\.isASCII)
                    ? "a jump is written with a hyphen and a greater-than sign: '-> NODE'"
                    : "word processors turn '->' into '\(written)'; type a hyphen and a greater-than sign, in a plain-text editor or with AutoCorrect off",
                fix: "->")
            arrowEnd = arrow.end
        }
        let target = source.name(Span(arrowEnd, span.end))
        if target.text.isEmpty {
            report(.missingText, "'->' needs the name of a node to go to", span, note: "for example '-> look-up'")
        } else if !source.isValidName(target.span) {
            report(
                .invalidName, "'\(target.text)' is not a valid node name", target.span,
                note: "node names use letters, digits, '-' and '_'", fix: Self.suggestedName(target.text))
        }
        return target
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
}
