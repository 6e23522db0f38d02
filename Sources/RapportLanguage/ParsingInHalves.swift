/// A large file is parsed in two halves at once, split at a node heading near its middle. Nothing a
/// line means depends on the lines before it once a node has started, except the open choice, which
/// a heading closes; so the two halves give the same syntax tree and the same problems, in the same
/// order, as one pass. On a 13 MB file the parse was about two thirds of the check.
extension Parser {
    /// The first line from the middle of the file on that starts a node (`==` in the first column),
    /// or nil when there is none.
    static func lineToSplitAt(in source: SourceFile) -> Int? {
        let lineCount = source.lineStarts.count
        for line in max(2, lineCount / 2)...max(2, lineCount) where line <= lineCount {
            let start = Int(source.lineStarts[line - 1])
            if source.bytes.starts(at: Span(start, source.bytes.count), with: "==") { return line }
        }
        return nil
    }

    /// Parses the lines before `split` here and the rest on another thread, then joins the two.
    mutating func parseInHalves(_ lines: ClosedRange<Int>, splitAt split: Int) -> Bool {
        let source = source
        let secondHalf = BackgroundJob { () -> (Parser, Bool) in
            var parser = Parser(source: source)
            // Every effect takes up at least one byte of the file, so the first half has fewer
            // effects than it has bytes: numbering this half's from there needs no renumbering.
            parser.syntax.effects = SegmentedList(startingAt: Int(source.lineStarts[split - 1]))
            let sawContent = parser.parseLines(split...lines.upperBound)
            return (parser, sawContent)
        }
        let sawFirst = parseLines(lines.lowerBound...(split - 1))
        var (second, sawSecond) = secondHalf.wait()
        append(&second)
        return sawFirst || sawSecond
    }

    /// Adds what another parser read from the lines after this one's. Its effects are numbered from
    /// after this one's already, so nothing in its nodes changes. `other` is left empty.
    mutating func append(_ other: inout Parser) {
        diagnostics += other.diagnostics
        syntax.header += other.syntax.header
        var effects = other.syntax.effects
        effects.fillFront(with: syntax.effects)
        syntax.effects = effects
        syntax.nodes += other.syntax.nodes
        other.syntax = ScenarioSyntax()
    }
}
