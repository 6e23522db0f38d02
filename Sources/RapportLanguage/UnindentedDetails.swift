/// A choice's (or a silence's) details written without their indent. Word and many editors drop the
/// indent of the lines under a bullet, and the lines then read as the node's own: `score:` and
/// `coach:` are refused at the node's level, and `-> NODE` becomes the node's jump, so the choice is
/// reported as going nowhere although its `->` is there. Instead, the first such line is reported
/// once, where the indent is missing, and it and the block's next unindented details are read as the
/// block's, so nothing else is reported because of them.
extension Parser {
    /// Reads the line as a detail of the open block, if it is one written without its indent; false
    /// (nothing read) for any other line.
    mutating func readUnindentedDetail(_ line: Span, into block: inout OpenBlock) -> Bool {
        guard let word = unindentedDetailWord(line, of: block) else { return false }
        if !block.unindented {
            block.unindented = true
            let what = block.isChoice ? "choice" : "silence"
            let items = syntax.nodes[syntax.nodes.count - 1].items
            let ownerLine = source.line(ofOffset: items[block.item].span.start)
            report(
                .unindentedDetail, "this line belongs to the \(what) above, so it must be indented", word,
                note: "indent it, and the lines under it that belong to the \(what) on line \(ownerLine), with two spaces; a line that is not indented ends the \(what)",
                fix: "  " + source.string(word))
        }
        parseDetail(line, into: &block.details)
        return true
    }

    /// The keyword or arrow that makes the line one of the block's details, or nil when the line is
    /// the node's own. `score:` and `coach:` only ever belong to a choice or a silence; the other
    /// details (`set:`, promises, `->`) can also stand in a node, so they are taken as the block's
    /// only once a detail has been found unindented, or when a choice has no `->` yet (without
    /// one, the choice would be an error anyway).
    func unindentedDetailWord(_ line: Span, of block: OpenBlock) -> Span? {
        if source.starts(line, with: "[") { return nil }
        let open = block.unindented || (block.isChoice && block.details.target == nil)
        if source.starts(line, with: "->") || lookalikeArrow(line) != nil {
            guard open, block.details.target == nil else { return nil }
            return lookalikeArrow(line) ?? Span(line.start, line.start + 2)
        }
        guard let keywordLine = keywordLine(line) ?? capitalisedKeywordLine(line, speakers: speakerNames) else { return nil }
        switch keywordLine.keyword {
        case .score, .coach: return keywordLine.wordSpan
        case .set, .promise, .keep, .break, .drop: return open ? keywordLine.wordSpan : nil
        default: return nil
        }
    }
}
